import { CursorLoopError, InvalidOptionError, OffsetLimitError } from '../core/errors'
import { assertAdapterShape, clampLimit } from '../core/listPage'
import { expectArray, expectBoolean, expectOptionalCount, readResponseObject } from '../core/readField'
import type { AnyPaginationAdapter, PaginationAdapter } from '../core/types'
import { buildCursorAdapter } from './cursorAdapter'
import type { CursorParam } from './cursorAdapter'

/** A page of a Close list endpoint (`/lead/`, `/contact/`, `/opportunity/`, …). */
export interface CloseListResponse<TItem> {
  /** The records of this page. */
  data: TItem[]
  /** Whether records follow this page. */
  has_more: boolean
  /** Present on some lists (opportunities always; leads when a query is given). */
  total_results?: number
}

/** A page of Close's event log (`GET /event/`). */
export interface CloseEventsResponse<TItem> {
  /** Events of this page, newest first. */
  data: TItem[]
  /** Cursor to older events; `null` at the end. */
  cursor_next: string | null
  /** Cursor to newer events. */
  cursor_previous: string | null
}

/** A page of Close's Advanced Filtering search (`POST /data/search/`). */
export interface CloseSearchResponse<TItem> {
  /** Matching objects, each with `__object_type`. */
  data: TItem[]
  /** Cursor of the next page, to send back in the body; `null` at the end. */
  cursor: string | null
}

/** Close list resources whose largest `_limit` pagewise knows (Close does not publish them). */
export type CloseResource = 'lead' | 'opportunity' | 'contact' | 'activity' | 'task' | 'user'

/** Largest `_limit` per Close resource, as observed (unconfirmed by Close); `maxLimit` overrides it. */
const CLOSE_MAX_LIMITS: Record<CloseResource, number> = {
  lead: 200,
  opportunity: 250,
  contact: 100,
  activity: 100,
  task: 1000,
  user: 1000,
}

/** Options of `closeOffset`. */
export interface CloseOffsetOptions {
  /**
   * The list being paged, so that the page size never exceeds what that resource accepts: leads 200,
   * opportunities 250, contacts and activities 100, tasks and users 1000.
   * @default 'lead'
   */
  resource?: CloseResource
  /**
   * Largest `_limit` the resource accepts, for resources not in `resource` or when Close changes a limit.
   * @default the maximum of `resource` (200 for leads)
   */
  maxLimit?: number
  /** Page size when the caller does not choose one. @default 100 */
  defaultLimit?: number
  /**
   * Largest `_skip` the resource accepts: the list stops with `OffsetLimitError` rather than send a larger one
   * (`closeKeysetOffset` goes on past it).
   * @default 250000
   */
  maxSkip?: number
  /**
   * @deprecated Keyset windows past `maxSkip` have their own factory: `closeKeysetOffset({ keyset, … })`, with the
   * same options. `closeOffset` throws `InvalidOptionError` in development when it is given.
   */
  keyset?: never
}

/**
 * Close list endpoints: `_skip` / `_limit`, answered with `{ data, has_more, total_results? }`. To go on past Close's
 * largest `_skip`, use `closeKeysetOffset`.
 *
 * @example
 * const leads = closeOffset<Lead>()
 * const contacts = closeOffset<Contact>({ resource: 'contact' }) // at most 100 per request
 */
export function closeOffset<TItem>(
  options: CloseOffsetOptions = {},
): PaginationAdapter<CloseListResponse<TItem>, TItem, number> {
  const adapter = closeListAdapter<TItem>(options, 'close.offset')
  if (process.env.NODE_ENV !== 'production') {
    if (options.keyset !== undefined) {
      throw new InvalidOptionError(
        'closeOffset',
        'keyset',
        'absent: keyset windows past maxSkip moved to closeKeysetOffset({ keyset, maxSkip, … }), same options',
        options.keyset,
      )
    }
    checkCloseOptions(options, adapter, 'closeOffset')
  }
  return adapter
}

/**
 * `closeOffset` under another id: `closeKeysetOffset` reads each window with it. Written out rather than built on
 * `offsetAdapter`, so an app that pages Close ships only what Close needs. Each next `_skip` comes from the last page
 * and its `_skip` alone.
 */
export function closeListAdapter<TItem>(
  options: Omit<CloseOffsetOptions, 'keyset'>,
  id: string,
): PaginationAdapter<CloseListResponse<TItem>, TItem, number> {
  const maxLimit = options.maxLimit ?? CLOSE_MAX_LIMITS[options.resource ?? 'lead']
  const maxSkip = options.maxSkip ?? 250_000
  const getItems = (response: CloseListResponse<TItem>): TItem[] =>
    expectArray(id, 'data', readResponseObject(id, response).data) as TItem[]
  return {
    id,
    kind: 'offset',
    initialPageParam: 0,
    defaultLimit: options.defaultLimit ?? Math.min(100, maxLimit),
    maxLimit,
    // Checked when the page is requested, not when the page before it is read: that page is valid and stays loaded.
    toRequest: (skip, limit) => {
      if (skip > maxSkip) {
        throw new OffsetLimitError(
          id,
          '_skip',
          skip,
          maxSkip,
          'Close refuses deeper offsets: page on with closeKeysetOffset, narrow the query, or use the Export API.',
        )
      }
      return { query: { _skip: String(skip), _limit: String(clampLimit(limit, maxLimit)) } }
    },
    getItems,
    getNextPageParam: (lastPage, _allPages, skip) => {
      const received = getItems(lastPage).length
      if (!expectBoolean(id, 'has_more', readResponseObject(id, lastPage).has_more)) return undefined
      if (received === 0) throw new CursorLoopError(id, 'no-progress', skip)
      return skip + received
    },
    // Lists that start mid-way (or lose their head to `maxPages`) page back by the first page's length.
    getPreviousPageParam: (firstPage, _allPages, skip) => {
      const length = skip > 0 ? getItems(firstPage).length : 0
      return length === 0 ? undefined : Math.max(0, skip - length)
    },
    getTotal: (response) =>
      expectOptionalCount(id, 'total_results', readResponseObject(id, response).total_results),
    pageParamAt: (pageIndex, limit) => pageIndex * limit,
    // `_order_by=-date_created`: Close's own clients write a descending sort with a leading `-`.
    sortParams: ({ column, direction }) => ({
      _order_by: direction === 'descending' ? `-${column}` : column,
    }),
  }
}

/** Development only: the options of `closeOffset` and `closeKeysetOffset` (`owner`), and the adapter they made. */
export function checkCloseOptions(
  options: Omit<CloseOffsetOptions, 'keyset'>,
  adapter: AnyPaginationAdapter,
  owner: string,
): void {
  const { resource = 'lead', maxSkip } = options
  if (!Object.hasOwn(CLOSE_MAX_LIMITS, resource)) {
    const known = Object.keys(CLOSE_MAX_LIMITS).join(', ')
    throw new InvalidOptionError(owner, 'resource', `one of ${known}`, options.resource)
  }
  if (maxSkip !== undefined && !(Number.isSafeInteger(maxSkip) && maxSkip >= 0)) {
    throw new InvalidOptionError(`${owner}(${adapter.id})`, 'maxSkip', 'a non-negative integer', maxSkip)
  }
  assertAdapterShape(adapter, owner)
}

/**
 * Close's event log (`GET /event/`): `_cursor` / `_limit` (at most 50), answered with `cursor_next` (older events)
 * and `cursor_previous` (newer events). Send your filters again with every request.
 *
 * @example
 * const events = closeEventsCursor<CloseLogEvent>()
 */
export function closeEventsCursor<TItem>(): PaginationAdapter<
  CloseEventsResponse<TItem>,
  TItem,
  CursorParam
> {
  return buildCursorAdapter<CloseEventsResponse<TItem>, TItem>(
    {
      id: 'close.eventsCursor',
      nextCursor: 'cursor_next',
      previousCursor: 'cursor_previous',
      cursorParam: '_cursor',
      limitParam: '_limit',
      defaultLimit: 50,
      maxLimit: 50,
    },
    'closeEventsCursor',
  )
}

/** Options of `closeSearchCursor`. */
export interface CloseSearchCursorOptions {
  /** Largest `_limit` the search accepts. @default 200 */
  maxLimit?: number
  /** Page size when the caller does not choose one. @default 100 */
  defaultLimit?: number
  /**
   * The object type a sort's field belongs to, as Close's `sort` entries name it (`{ field: { type: 'regular_field',
   * object_type, field_name } }`). @default 'lead'
   */
  objectType?: string
}

/**
 * Close Advanced Filtering (`POST /data/search/`): `cursor` and `_limit` travel in the JSON body, the next cursor
 * comes back as `cursor`. Put your `query`, `sort` and `_fields` in the fetcher's body.
 *
 * @example
 * const search = createFetcher({ baseUrl: 'https://api.close.com/api/v1' })('/data/search/', {
 *   body: { query: { type: 'object_type', object_type: 'lead' } },
 * })
 * const leads = usePaginatedList({ queryKey: ['search'], adapter: closeSearchCursor<Lead>(), fetchPage: search })
 */
export function closeSearchCursor<TItem>(
  options: CloseSearchCursorOptions = {},
): PaginationAdapter<CloseSearchResponse<TItem>, TItem, CursorParam> {
  return buildCursorAdapter<CloseSearchResponse<TItem>, TItem>(
    {
      id: 'close.searchCursor',
      nextCursor: 'cursor',
      limitParam: '_limit',
      placement: 'body',
      defaultLimit: options.defaultLimit,
      maxLimit: options.maxLimit ?? 200,
      // Beside `query` and `cursor` in the body: `sort: [{ direction, field: { type, object_type, field_name } }]`.
      sort: ({ column, direction }) => ({
        sort: [
          {
            direction: direction === 'ascending' ? 'asc' : 'desc',
            field: { type: 'regular_field', object_type: options.objectType ?? 'lead', field_name: column },
          },
        ],
      }),
    },
    'closeSearchCursor',
  )
}
