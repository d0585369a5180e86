import { InvalidOptionError } from '../core/errors'
import type { PaginationAdapter } from '../core/types'
import { buildCursorAdapter } from './cursorAdapter'
import type { CursorParam } from './cursorAdapter'
import { closeKeysetAdapter } from './closeKeyset'
import type { CloseKeyset, CloseKeysetParam } from './closeKeyset'
import { buildOffsetAdapter } from './offsetAdapter'

/** Replaced by the application's bundler: production builds drop the development-only checks here. */
declare const process: { env: { NODE_ENV?: string } }

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
   * Largest `_skip` the resource accepts. Without `keyset`, the list stops with `OffsetLimitError` rather than send a
   * larger one; with it, the list goes on in a new keyset window.
   * @default 250000
   */
  maxSkip?: number
  /**
   * Go on past `maxSkip` as Close advises: filter below the last record's `field` (the list must be ordered by it,
   * newest first) and start again at `_skip=0`. The page param becomes a `CloseKeysetParam`, the adapter id
   * `'close.offsetKeyset'` and its kind `'cursor'` (pages past `maxSkip` are only reached in sequence).
   * @default undefined (no keyset: stop at `maxSkip`)
   * @example { field: 'date_created', param: 'date_created__lt' }
   */
  keyset?: CloseKeyset
}

const CLOSE_MAX_SKIP_ADVICE =
  'Close refuses deeper offsets: go on by date_created ranges with ' +
  "closeOffset({ keyset: { field: 'date_created', param: 'date_created__lt' } }), narrow the query, " +
  'or use the Export API.'

/**
 * Close list endpoints: `_skip` / `_limit`, answered with `{ data, has_more, total_results? }`. With `keyset`, the
 * list goes on past Close's largest `_skip` in windows filtered by `date_created` (or another field).
 *
 * @example
 * const leads = closeOffset<Lead>()
 * const contacts = closeOffset<Contact>({ resource: 'contact' }) // at most 100 per request
 * const allLeads = closeOffset<Lead>({ keyset: { field: 'date_created', param: 'date_created__lt' } })
 */
export function closeOffset<TItem>(
  options: CloseOffsetOptions & { keyset: CloseKeyset },
): PaginationAdapter<CloseListResponse<TItem>, TItem, CloseKeysetParam>
export function closeOffset<TItem>(
  options?: CloseOffsetOptions & { keyset?: undefined },
): PaginationAdapter<CloseListResponse<TItem>, TItem, number>
export function closeOffset<TItem>(
  options: CloseOffsetOptions = {},
):
  | PaginationAdapter<CloseListResponse<TItem>, TItem, number>
  | PaginationAdapter<CloseListResponse<TItem>, TItem, CloseKeysetParam> {
  const resource = options.resource ?? 'lead'
  if (process.env.NODE_ENV !== 'production' && !Object.hasOwn(CLOSE_MAX_LIMITS, resource)) {
    const known = Object.keys(CLOSE_MAX_LIMITS).join(', ')
    throw new InvalidOptionError('closeOffset', 'resource', `one of ${known}`, options.resource)
  }
  const maxLimit = options.maxLimit ?? CLOSE_MAX_LIMITS[resource]
  const maxSkip = options.maxSkip ?? 250_000
  const { keyset } = options
  const offset = buildOffsetAdapter<CloseListResponse<TItem>, TItem>(
    {
      // Keyset pages have other page params: another id keeps them apart in the query cache.
      id: keyset === undefined ? 'close.offset' : 'close.offsetKeyset',
      items: 'data',
      hasMore: 'has_more',
      total: 'total_results',
      offsetParam: '_skip',
      limitParam: '_limit',
      defaultLimit: options.defaultLimit ?? Math.min(100, maxLimit),
      maxLimit,
      maxOffset: maxSkip,
      maxOffsetAdvice: CLOSE_MAX_SKIP_ADVICE,
    },
    'closeOffset',
  )
  return keyset === undefined ? offset : closeKeysetAdapter(offset, keyset, maxSkip)
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
      items: 'data',
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
  const maxLimit = options.maxLimit ?? 200
  return buildCursorAdapter<CloseSearchResponse<TItem>, TItem>(
    {
      id: 'close.searchCursor',
      items: 'data',
      nextCursor: 'cursor',
      cursorParam: 'cursor',
      limitParam: '_limit',
      placement: 'body',
      defaultLimit: options.defaultLimit ?? Math.min(100, maxLimit),
      maxLimit,
    },
    'closeSearchCursor',
  )
}
