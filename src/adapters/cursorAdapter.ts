import { InvalidOptionError } from '../core/errors'
import { checkField, expectBoolean, expectCursor } from '../core/readField'
import type { PaginationAdapter } from '../core/types'
import { checkedAdapter } from './defineAdapter'
import { fieldName, fieldReader, itemReaders, pageSizes, placeParams } from './fieldSpec'
import type { FieldSpec, ParamPlacement } from './fieldSpec'
import { sortParamsOf } from './sortSpec'
import type { SortParams, SortSpec } from './sortSpec'

/** The page param of cursor adapters: the opaque cursor, or `null` for the first page. */
export type CursorParam = string | null

/** Describes a cursor-paginated API for `cursorAdapter`. */
export interface CursorAdapterSpec<TResponse, TItem> {
  /** Identifier used in the query key and in error messages, such as `'acme.cursor'`. */
  id: string
  /**
   * Where the records are.
   * @default 'data'
   */
  items?: FieldSpec<TResponse> | ((response: TResponse) => TItem[] | null | undefined)
  /** Read `null` at `items` as an empty page instead of a malformed response. @default false */
  itemsMayBeNull?: boolean
  /** Where the next cursor is, such as `'additional_data.next_cursor'`. `null` (or `''`) there ends the list. */
  nextCursor: FieldSpec<TResponse>
  /** Where the cursor of the page before is, for APIs that can page backwards. */
  previousCursor?: FieldSpec<TResponse>
  /** Where a "more pages exist" flag is, for APIs that send one beside the cursor; `false` ends the list. */
  hasMore?: FieldSpec<TResponse>
  /** Where the total record count is, when the API reports one. */
  total?: FieldSpec<TResponse>
  /** Name of the cursor parameter. Left out of the first request when in the query string. @default 'cursor' */
  cursorParam?: string
  /** Name of the page-size parameter. @default 'limit' */
  limitParam?: string
  /** Whether the params go in the query string or a JSON body (sent as `cursor: null` on the first page). @default 'query' */
  placement?: ParamPlacement
  /** Page size when the caller does not choose one. @default 100 */
  defaultLimit?: number
  /** Largest page size the API accepts. @default defaultLimit */
  maxLimit?: number
  /**
   * How the API writes a sort, when it can sort: then the list hooks and `fetchAll` take a `sort`.
   * @example { param: 'sort_by', directionParam: 'sort_direction' }
   */
  sort?: SortSpec
}

/**
 * An adapter for any cursor-paginated API, in a few lines. Repeated cursors stop the list with `CursorLoopError`.
 *
 * @example
 * const events = cursorAdapter<EventsPage, AuditEvent>({
 *   id: 'acme.events',
 *   items: 'events',
 *   nextCursor: 'next_page_token',
 *   cursorParam: 'page_token',
 *   limitParam: 'page_size',
 *   maxLimit: 1000,
 * })
 */
export function cursorAdapter<TResponse = unknown, TItem = unknown>(
  spec: CursorAdapterSpec<TResponse, TItem>,
): PaginationAdapter<TResponse, TItem, CursorParam> {
  return buildCursorAdapter({ ...spec, sort: sortParamsOf(spec.sort, 'cursorAdapter') }, 'cursorAdapter')
}

/** `cursorAdapter` for pagewise's own factories; `owner` (such as `'pipedriveCursor'`) names them in option errors. */
export function buildCursorAdapter<TResponse, TItem>(
  spec: CursorAdapterSpec<TResponse, TItem>,
  owner: string,
): PaginationAdapter<TResponse, TItem, CursorParam> {
  const { id, nextCursor, hasMore, placement = 'query', cursorParam = 'cursor', limitParam = 'limit' } = spec
  if (process.env.NODE_ENV !== 'production' && nextCursor === undefined) {
    throw new InvalidOptionError(`${owner}(${id})`, 'nextCursor', 'a field path or a function', nextCursor)
  }
  const { getItems, getTotal } = itemReaders(id, spec)
  const readNext = fieldReader(id, nextCursor, 'nextCursor', expectCursor)
  const readMore = fieldReader(id, hasMore, 'hasMore', expectBoolean)
  const readPrevious = fieldReader(id, spec.previousCursor, 'previousCursor', expectCursor)

  return checkedAdapter<TResponse, TItem, CursorParam>(
    {
      id,
      kind: 'cursor',
      initialPageParam: null,
      ...pageSizes(spec, 100),
      toRequest: (cursor, limit) => placeParams(placement, { [cursorParam]: cursor, [limitParam]: limit }),
      getItems,
      getNextPageParam: (lastPage) => {
        getItems(lastPage)
        const cursor = readNext(lastPage)
        // `null` ends the list (`checkedAdapter` hands it on as `undefined`).
        if (!readMore) return cursor
        if (!readMore(lastPage)) return undefined
        // "More" with no cursor to ask for it: ending here would drop the rest of the list unannounced.
        return checkField(
          id,
          fieldName(nextCursor, 'nextCursor'),
          cursor,
          cursor,
          `a cursor while ${fieldName(hasMore!, 'hasMore')} is true`,
        )
      },
      getPreviousPageParam: readPrevious,
      getTotal,
      // Built-in factories pass their sort as a function (what `sortParamsOf` makes of a spec object).
      ...(spec.sort && { sortParams: spec.sort as SortParams }),
    },
    owner,
  )
}
