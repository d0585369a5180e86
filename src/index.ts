// pagewise: page through any paginated REST API with TanStack Query v5.

// Adapters
export { closeOffset, closeEventsCursor, closeSearchCursor } from './adapters/close'
export { closeKeysetOffset } from './adapters/closeKeyset'
export { pipedriveOffset, pipedriveCursor, pipedriveSearchCursor } from './adapters/pipedrive'
export { offsetAdapter } from './adapters/offsetAdapter'
export { cursorAdapter } from './adapters/cursorAdapter'
export { defineAdapter } from './adapters/defineAdapter'
// Beyond CRMs
export { linkHeaderAdapter } from './adapters/linkHeader'
export { startingAfterAdapter } from './adapters/startingAfter'
export { hubspotAdapter } from './adapters/hubspot'
export { jsonApiAdapter } from './adapters/jsonApi'
export { relayConnectionAdapter } from './adapters/relayConnection'

// Hooks
export { usePaginatedList } from './hooks/usePaginatedList'
export { useSuspensePaginatedList } from './hooks/useSuspensePaginatedList'
export { usePagedList } from './hooks/usePagedList'
export { paginatedListOptions, keepFirstPage } from './hooks/paginatedListOptions'
export { useFetchAll } from './hooks/useFetchAll'
export { useBulkAction } from './hooks/useBulkAction'
export { useDebouncedValue } from './hooks/useDebouncedValue'
// Edits and selection across pages
export { listCache } from './hooks/listCache'
export {
  emptySelection,
  allSelection,
  isSelected,
  isSelectionEmpty,
  withKeys,
  toggleKey,
  selectedCount,
  resolveSelection,
} from './core/selection'

// Components
// <InfiniteTable>
export { InfiniteTable, defaultInfiniteTableLabels } from './components/InfiniteTable'
// <Pager>
export { Pager, PagerButton, defaultPagerLabels } from './components/Pager'
export { usePagination } from './hooks/usePagination'
// Sortable headers, in <InfiniteTable> and in a table of your own
export { useSortableColumns, defaultSortLabels } from './components/shared/sorting'
export { useListSearchParams, usePageSearchParam } from './hooks/useListSearchParams'
export { paginationModel } from './core/paginationModel'

// Core
export {
  PagewiseError,
  MalformedResponseError,
  CursorLoopError,
  OffsetLimitError,
  InvalidOptionError,
  CrossOriginUrlError,
  ApiReportedError,
} from './core/errors'
export { defaultRetry, defaultRetryDelay, isRetryableError } from './core/retryPolicy'
export { defaultItemId } from './core/itemFlattener'
export { fetchAll } from './core/fetchAll'
export { runBulkAction, retryBulkAction } from './core/bulkAction'

// HTTP
export { createFetcher } from './http/createFetcher'
export { HttpError, NetworkError } from './http/HttpError'
export { parseRetryAfterMs, parseRateLimit } from './http/rateLimit'

export type {
  AdapterKind,
  AdapterRequest,
  AdapterItem,
  AdapterParam,
  AdapterResponse,
  AnyPaginationAdapter,
  FetchPage,
  FullResponse,
  ListFilter,
  ListFilterValue,
  PageRequest,
  PaginationAdapter,
  ResponseShape,
  SortDescriptor,
} from './core/types'
export type {
  PaginatedListOptions,
  ListSource,
  InfiniteQueryPassThroughOptions,
  ListData,
  RefetchMode,
} from './hooks/listOptions'
export type { PaginatedList, PaginatedListFields, ListState } from './hooks/paginatedListResult'
export type { LiveHead } from './hooks/liveHead'
export type { PaginatedListQueryOptions } from './hooks/paginatedListOptions'
export type { SuspensePaginatedListOptions } from './hooks/useSuspensePaginatedList'
export type { PagedList, PagedListFields } from './hooks/usePagedList'
export type { PagedListOptions, PagedQueryOptions } from './hooks/listOptions'
export type { ListKeyPart, ListQueryKey } from './hooks/paginatedListOptions'
export type { ListPage } from './core/listPage'
export type { ListWindow } from './core/pageWindow'
export type {
  InsertItemOptions,
  InvalidateListOptions,
  ListCache,
  ListCacheOptions,
  Undo,
} from './hooks/listCache'
export type { ListSelection, ResolveSelectionOptions, SelectionKey } from './core/selection'
export type { GetItemId } from './core/itemFlattener'
export type { CursorLoopReason } from './core/errors'
export type {
  CloseEventsResponse,
  CloseListResponse,
  CloseOffsetOptions,
  CloseResource,
  CloseSearchCursorOptions,
  CloseSearchResponse,
} from './adapters/close'
export type {
  PipedriveAdapterOptions,
  PipedriveCursorResponse,
  PipedriveOffsetResponse,
  PipedriveSearchResponse,
} from './adapters/pipedrive'
export type { CloseKeyset, CloseKeysetOffsetOptions, CloseKeysetParam } from './adapters/closeKeyset'
export type { LinkHeaderAdapterOptions } from './adapters/linkHeader'
export type { StartingAfterOptions, StartingAfterParam, StripeListResponse } from './adapters/startingAfter'
export type { HubspotAdapterOptions, HubspotCrmObject, HubspotPage } from './adapters/hubspot'
export type { JsonApiAdapterOptions, JsonApiDocument, JsonApiLink, JsonApiResource } from './adapters/jsonApi'
export type {
  GraphQLErrorEntry,
  GraphQLResponse,
  RelayConnection,
  RelayConnectionOptions,
} from './adapters/relayConnection'
export type { FetchAllControls, FetchAllOptions, FetchAllProgress } from './core/fetchAll'
export type { FetchAllRetry, FetchAllRetryDelay } from './core/retrying'
export type { FetchAllRun, FetchAllStatus } from './hooks/useFetchAll'
export type {
  BulkAction,
  BulkActionContext,
  BulkActionControls,
  BulkActionOptions,
  BulkActionPause,
  BulkActionProgress,
  BulkActionResult,
  BulkItemOutcome,
} from './core/bulkAction'
export type { BulkActionRun, BulkActionStatus, UseBulkActionOptions } from './hooks/useBulkAction'
export type { OffsetAdapterSpec } from './adapters/offsetAdapter'
export type { CursorAdapterSpec, CursorParam } from './adapters/cursorAdapter'
export type { FieldSpec, ParamPlacement } from './adapters/fieldSpec'
export type { SortSpec } from './adapters/sortSpec'
export type { EndpointDefaults, FetcherOptions } from './http/createFetcher'
export type { RateLimitInfo } from './http/rateLimit'

// <InfiniteTable> types
export type {
  InfiniteTableColumn,
  InfiniteTableLabels,
  InfiniteTableList,
  InfiniteTableProps,
  InfiniteTableState,
  ListPosition,
  ItemName,
  LabelWords,
  LoadMode,
  SelectionMode,
} from './components/InfiniteTable'

// Sortable headers types
export type { SortableColumns, SortableColumnsOptions, SortLabels } from './components/shared/sorting'

// <Pager> types
export type {
  PagerProps,
  PagerState,
  PagerVariant,
  PagerButtonProps,
  PagerLabels,
  PageWords,
  RangeWords,
} from './components/Pager'
export type {
  Pagination,
  PaginationControl,
  PaginationList,
  PaginationPageControl,
  PaginationStepControl,
  UsePaginationOptions,
} from './hooks/usePagination'
export type {
  ListSearchParams,
  ListSearchParamsOptions,
  PageSearchParam,
  PageSearchParamOptions,
  SearchParamsHistory,
} from './hooks/useListSearchParams'
export type {
  PaginationEllipsisItem,
  PaginationItem,
  PaginationMode,
  PaginationModel,
  PaginationModelInput,
  PaginationPageItem,
  PaginationRange,
  PaginationState,
  PaginationStepItem,
} from './core/paginationModel'
