// pagewise: page through any paginated REST API with TanStack Query v5.

// Adapters
export { closeOffset, closeEventsCursor, closeSearchCursor } from './adapters/close'
export { pipedriveOffset, pipedriveCursor } from './adapters/pipedrive'
export { offsetAdapter } from './adapters/offsetAdapter'
export { cursorAdapter } from './adapters/cursorAdapter'
export { defineAdapter } from './adapters/defineAdapter'

// Core
export {
  PagewiseError,
  MalformedResponseError,
  CursorLoopError,
  OffsetLimitError,
  InvalidOptionError,
} from './core/errors'
export { resolveLimit } from './core/resolveLimit'
export { createPageRequest } from './core/createPageRequest'

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
  PageRequest,
  PaginationAdapter,
} from './core/types'
export type { CursorLoopReason } from './core/errors'
export type { ResolvedLimit } from './core/resolveLimit'
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
} from './adapters/pipedrive'
export type { OffsetAdapterSpec } from './adapters/offsetAdapter'
export type { CursorAdapterSpec, CursorParam } from './adapters/cursorAdapter'
export type { FieldSpec, ParamPlacement } from './adapters/fieldSpec'
export type { EndpointDefaults, FetcherOptions } from './http/createFetcher'
export type { RateLimitInfo } from './http/rateLimit'
