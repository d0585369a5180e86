import { MalformedResponseError } from '../core/errors'
import { isObject } from '../core/isObject'
import { readField } from '../core/readField'
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

const offsetHint =
  ' (this answer has additional_data.pagination: an offset endpoint, read by pipedriveOffset())'

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
  const maxLimit = options.maxLimit ?? 500
  return buildOffsetAdapter<PipedriveOffsetResponse<TItem>, TItem>(
    {
      id: 'pipedrive.offset',
      items: 'data',
      itemsMayBeNull: true,
      hasMore: 'additional_data.pagination.more_items_in_collection',
      nextOffset: 'additional_data.pagination.next_start',
      offsetParam: 'start',
      limitParam: 'limit',
      defaultLimit: options.defaultLimit ?? Math.min(100, maxLimit),
      maxLimit,
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
  const maxLimit = options.maxLimit ?? 500
  const id = 'pipedrive.cursor'
  return buildCursorAdapter<PipedriveCursorResponse<TItem>, TItem>(
    {
      id,
      items: 'data',
      itemsMayBeNull: true,
      nextCursor: (page) => {
        const additionalData = readField(id, page, 'additional_data')
        if (additionalData === undefined || additionalData === null) return null
        const field = 'additional_data.next_cursor'
        const next = readField(id, page, field)
        if (next === null || typeof next === 'string') return next
        const hint = isObject(additionalData) && 'pagination' in additionalData ? offsetHint : ''
        throw new MalformedResponseError(id, field, `a string or null${hint}`, next)
      },
      cursorParam: 'cursor',
      limitParam: 'limit',
      defaultLimit: options.defaultLimit ?? Math.min(100, maxLimit),
      maxLimit,
    },
    'pipedriveCursor',
  )
}
