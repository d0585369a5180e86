import { isObject } from '../core/isObject'
import { checkField, expectArray, readField } from '../core/readField'
import type { PaginationAdapter } from '../core/types'
import { buildCursorAdapter } from './cursorAdapter'
import type { CursorParam } from './cursorAdapter'
import { buildOffsetAdapter } from './offsetAdapter'

/** A page of a Pipedrive v1 offset endpoint (`/api/v1/notes`, `/api/v1/leads`, …). */
export interface PipedriveOffsetResponse<TItem> {
  /** `true` on every 2xx answer. */
  success: boolean
  /** `null`, not `[]`, when nothing matches. */
  data: TItem[] | null
  /** Pagination details. */
  additional_data: {
    /** Where this page sits and whether more follow. */
    pagination: {
      /** Offset of this page. */
      start: number
      /** Page size of this page. */
      limit: number
      /** Whether records follow this page. */
      more_items_in_collection: boolean
      /** Present only when there are more items. */
      next_start?: number
    }
  }
}

/** A page of a Pipedrive cursor endpoint (all of v2, and v1 `/tasks`, `/projects`, changelogs). */
export interface PipedriveCursorResponse<TItem> {
  /** `true` on every 2xx answer. */
  success: boolean
  /** The records of this page (`null` on some v1 endpoints when nothing matches). */
  data: TItem[] | null
  /**
   * Pagination details. Optional in Pipedrive's v2 OpenAPI: `pipedriveCursor` reads an answer without it (or with
   * `null`) as the last page. Typed as present, as Pipedrive's pagination docs show it.
   */
  additional_data: {
    /** `null` at the end of the list. */
    next_cursor: string | null
  }
}

const offsetHint = ' (additional_data.pagination: an offset endpoint, read by pipedriveOffset())'

/** Options shared by the Pipedrive adapters. */
export interface PipedriveAdapterOptions {
  /** Largest `limit` the endpoint accepts (some are lower, e.g. `/callLogs` 50). @default 500 */
  maxLimit?: number
  /** Page size when the caller does not choose one. @default 100 */
  defaultLimit?: number
}

/**
 * Pipedrive v1 offset endpoints: `start` / `limit`, answered with
 * `additional_data.pagination.{ more_items_in_collection, next_start }`. `data: null` is an empty page.
 *
 * @example
 * const notes = pipedriveOffset<Note>()
 */
export function pipedriveOffset<TItem>(
  options: PipedriveAdapterOptions = {},
): PaginationAdapter<PipedriveOffsetResponse<TItem>, TItem, number> {
  return buildOffsetAdapter<PipedriveOffsetResponse<TItem>, TItem>(
    {
      id: 'pipedrive.offset',
      itemsMayBeNull: true,
      hasMore: 'additional_data.pagination.more_items_in_collection',
      nextOffset: 'additional_data.pagination.next_start',
      offsetParam: 'start',
      defaultLimit: options.defaultLimit,
      maxLimit: options.maxLimit ?? 500,
      // v1 lists: `sort=add_time DESC`.
      sort: ({ column, direction }) => ({ sort: `${column} ${direction === 'ascending' ? 'ASC' : 'DESC'}` }),
    },
    'pipedriveOffset',
  )
}

/**
 * Pipedrive cursor endpoints (all of API v2, and v1 cursor endpoints): `cursor` / `limit`, answered with
 * `additional_data.next_cursor`; `null` there ends the list. An answer without `additional_data` (or with
 * `additional_data: null`) ends it too: Pipedrive's v2 OpenAPI makes it optional and its own SDK's tests answer
 * `{ success: true, data: [...] }`. An `additional_data` that is there but holds no string-or-null `next_cursor`
 * (a number, an object, a missing key, as a v1 offset answer's `{ pagination }` would) is a `MalformedResponseError`.
 * Pipedrive has no previous cursor: `usePagedList` keeps the history instead.
 *
 * @example
 * const deals = pipedriveCursor<Deal>()
 */
export function pipedriveCursor<TItem>(
  options: PipedriveAdapterOptions = {},
): PaginationAdapter<PipedriveCursorResponse<TItem>, TItem, CursorParam> {
  const id = 'pipedrive.cursor'
  return buildCursorAdapter<PipedriveCursorResponse<TItem>, TItem>(
    {
      id,
      itemsMayBeNull: true,
      nextCursor: nextCursorOf(id),
      defaultLimit: options.defaultLimit,
      maxLimit: options.maxLimit ?? 500,
      // v2 lists: `sort_by=add_time&sort_direction=desc` (v2 sorts by `id`, `update_time` or `add_time`).
      sort: ({ column, direction }) => ({
        sort_by: column,
        sort_direction: direction === 'ascending' ? 'asc' : 'desc',
      }),
    },
    'pipedriveCursor',
  )
}

/**
 * `additional_data.next_cursor` of a Pipedrive cursor page: `null` at the end, and when `additional_data` is absent or
 * `null` (as in Pipedrive's own SDK tests): there is no cursor to go on with.
 */
function nextCursorOf(id: string) {
  return (page: unknown): string | null => {
    const additionalData = readField(id, page, 'additional_data') as object | null | undefined
    const field = 'additional_data.next_cursor'
    // Reading the field checks that `additional_data`, when there, is an object.
    const next = readField(id, page, field)
    return additionalData == null
      ? null
      : (checkField(
          id,
          field,
          next,
          next === null || typeof next === 'string',
          `a string or null${'pagination' in additionalData ? offsetHint : ''}`,
        ) as string | null)
  }
}

/** A page of a Pipedrive v2 search: `/api/v2/deals/search?term=…`, `/persons/search`, `/organizations/search`, … */
export interface PipedriveSearchResponse<TItem> {
  success: boolean
  /** The matches, best first; `null` when nothing matches. */
  data: { items: { result_score: number; item: TItem }[] } | null
  additional_data?: { next_cursor: string | null } | null
}

/**
 * Pipedrive v2 search endpoints (`GET /api/v2/deals/search`, `/persons/search`, `/organizations/search`,
 * `/itemSearch`): cursor-paginated like the v2 lists, records in `data.items[].item`, best match first. The search
 * term is a filter param: `filter: { term }` (at least 2 characters, Pipedrive's rule), with `fields`,
 * `exact_match`, `person_id` … beside it. Search results come by relevance: a `sort` is refused.
 *
 * @example
 * const found = usePaginatedList({
 *   queryKey: ['pipedrive', 'deals', 'search'],
 *   adapter: pipedriveSearchCursor<Deal>(),
 *   fetchPage: pipedrive('/api/v2/deals/search'),
 *   filter: { term: 'acme' },
 * })
 */
export function pipedriveSearchCursor<TItem>(
  options: PipedriveAdapterOptions = {},
): PaginationAdapter<PipedriveSearchResponse<TItem>, TItem, CursorParam> {
  const id = 'pipedrive.searchCursor'
  return buildCursorAdapter<PipedriveSearchResponse<TItem>, TItem>(
    {
      id,
      items: (page) => {
        if (readField(id, page, 'data') === null) return []
        const field = 'data.items'
        return expectArray(id, field, readField(id, page, field, true)).map(
          (match, index) =>
            checkField(
              id,
              `${field}[${index}].item`,
              (match as { item?: unknown } | null)?.item,
              isObject(match) && isObject(match.item),
              'an object (a match is { result_score, item })',
            ) as TItem,
        )
      },
      nextCursor: nextCursorOf(id),
      defaultLimit: options.defaultLimit,
      maxLimit: options.maxLimit ?? 500,
    },
    'pipedriveSearchCursor',
  )
}
