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
  /** Pagination details. */
  additional_data: {
    /** `null` at the end of the list. */
    next_cursor: string | null
  }
}

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
 * `additional_data.next_cursor`. Pipedrive has no previous cursor: `usePagedList` keeps the history instead.
 *
 * @example
 * const deals = pipedriveCursor<Deal>()
 */
export function pipedriveCursor<TItem>(
  options: PipedriveAdapterOptions = {},
): PaginationAdapter<PipedriveCursorResponse<TItem>, TItem, CursorParam> {
  const maxLimit = options.maxLimit ?? 500
  return buildCursorAdapter<PipedriveCursorResponse<TItem>, TItem>(
    {
      id: 'pipedrive.cursor',
      items: 'data',
      itemsMayBeNull: true,
      nextCursor: 'additional_data.next_cursor',
      cursorParam: 'cursor',
      limitParam: 'limit',
      defaultLimit: options.defaultLimit ?? Math.min(100, maxLimit),
      maxLimit,
    },
    'pipedriveCursor',
  )
}
