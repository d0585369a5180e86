import { CursorLoopError, InvalidOptionError, OffsetLimitError } from '../core/errors'
import { expectBoolean, expectNonNegativeInteger } from '../core/readField'
import type { PaginationAdapter } from '../core/types'
import { checkedAdapter } from './defineAdapter'
import { fieldName, fieldReader, itemReaders, pageSizes, placeParams } from './fieldSpec'
import type { FieldSpec, ParamPlacement } from './fieldSpec'
import { sortParamsOf } from './sortSpec'
import type { SortParams, SortSpec } from './sortSpec'

/** Describes an offset-paginated API (`?offset=200&limit=100`, `?page=3&per_page=50`, …) for `offsetAdapter`. */
export interface OffsetAdapterSpec<TResponse, TItem> {
  /** Identifier used in the query key and in error messages, such as `'acme.offset'`. */
  id: string
  /**
   * Where the records are.
   * @default 'data'
   */
  items?: FieldSpec<TResponse> | ((response: TResponse) => TItem[] | null | undefined)
  /** Read `null` at `items` as an empty page instead of a malformed response. @default false */
  itemsMayBeNull?: boolean
  /**
   * Where the "more pages exist" flag is, such as `'has_more'`. Without it, the list goes on while `total` says so,
   * and ends at the first empty page either way.
   */
  hasMore?: FieldSpec<TResponse>
  /** Where the API gives the next offset (Pipedrive's `next_start`). Default: this offset plus the items received. */
  nextOffset?: FieldSpec<TResponse>
  /**
   * Where the total record count is, when the API reports one (a number, or a string of digits). Without `hasMore`,
   * the list goes on while the total says records follow; with `unit: 'page'` the page size is not in the answer, so
   * a short last page is followed by one more request, answered empty. A total that does not read is left unknown.
   */
  total?: FieldSpec<TResponse>
  /** Name of the offset parameter. @default 'offset' */
  offsetParam?: string
  /** Name of the page-size parameter. @default 'limit' */
  limitParam?: string
  /**
   * `'item'`: the param counts records (`offset=200`). `'page'`: it counts pages (`page=3`), starting at `firstPage`.
   * @default 'item'
   */
  unit?: 'item' | 'page'
  /** With `unit: 'page'`, the number of the first page. @default 1 */
  firstPage?: number
  /** Whether the params go in the query string or a JSON body. @default 'query' */
  placement?: ParamPlacement
  /** Page size when the caller does not choose one. @default 100 */
  defaultLimit?: number
  /** Largest page size the API accepts. @default defaultLimit */
  maxLimit?: number
  /** Largest offset the API accepts; requesting a page past it throws `OffsetLimitError` instead of sending it. */
  maxOffset?: number
  /** Advice appended to the `OffsetLimitError` message. */
  maxOffsetAdvice?: string
  /**
   * How the API writes a sort, when it can sort: then the list hooks and `fetchAll` take a `sort`.
   * @example { param: 'sort_by', directionParam: 'sort_direction' }
   */
  sort?: SortSpec
}

/**
 * An adapter for any offset- or page-number-paginated API, in a few lines.
 *
 * @example
 * const tickets = offsetAdapter<TicketPage, Ticket>({
 *   id: 'helpdesk.tickets',
 *   items: 'results',
 *   total: 'count',
 *   offsetParam: 'page',
 *   limitParam: 'per_page',
 *   unit: 'page',
 *   maxLimit: 100,
 * })
 */
export function offsetAdapter<TResponse = unknown, TItem = unknown>(
  spec: OffsetAdapterSpec<TResponse, TItem>,
): PaginationAdapter<TResponse, TItem, number> {
  return buildOffsetAdapter({ ...spec, sort: sortParamsOf(spec.sort, 'offsetAdapter') }, 'offsetAdapter')
}

/** `offsetAdapter` for pagewise's own factories; `owner` (such as `'pipedriveOffset'`) names them in option errors. */
export function buildOffsetAdapter<TResponse, TItem>(
  spec: OffsetAdapterSpec<TResponse, TItem>,
  owner: string,
): PaginationAdapter<TResponse, TItem, number> {
  const { id, nextOffset, placement = 'query', offsetParam = 'offset', limitParam = 'limit' } = spec
  const byPage = spec.unit === 'page'
  const firstPage = byPage ? (spec.firstPage ?? 1) : 0
  const maxOffset = spec.maxOffset ?? Infinity
  if (
    process.env.NODE_ENV !== 'production' &&
    spec.maxOffset !== undefined &&
    !(Number.isSafeInteger(maxOffset) && maxOffset >= 0)
  ) {
    throw new InvalidOptionError(`${owner}(${id})`, 'maxOffset', 'a non-negative integer', maxOffset)
  }
  const { getItems, getTotal } = itemReaders(id, spec)
  const readMore = fieldReader(id, spec.hasMore, 'hasMore', expectBoolean)
  const readNext = fieldReader(id, nextOffset, 'nextOffset', expectNonNegativeInteger)

  /**
   * Without a "more" flag, the total decides whether records follow, read from this page and its param alone: with
   * page numbers the page size is not known, so a full page is assumed, and a short last page costs one request
   * more, answered empty. The total is a hint: one that does not read leaves the decision to the records received.
   */
  const totalSaysMore = (response: TResponse, offset: number, received: number): boolean => {
    let total: number | undefined
    try {
      total = getTotal?.(response)
    } catch {
      // Left unknown, as without a total.
    }
    return total === undefined || (byPage ? (offset - firstPage + 1) * received : offset + received) < total
  }

  return checkedAdapter(
    {
      id,
      kind: 'offset',
      initialPageParam: firstPage,
      ...pageSizes(spec, 100),
      // The limit is checked here, when the page is requested, not when the page before it is read: that page is
      // valid and stays loaded, and the error surfaces on the request that would be refused, before it is sent.
      toRequest: (offset, limit) => {
        if (offset > maxOffset) {
          throw new OffsetLimitError(id, offsetParam, offset, maxOffset, spec.maxOffsetAdvice ?? '')
        }
        return placeParams(placement, { [offsetParam]: offset, [limitParam]: limit })
      },
      getItems,
      getNextPageParam: (lastPage, _allPages, offset) => {
        const received = getItems(lastPage).length
        // Records follow when the flag says so; without one, when this page had records and the total allows.
        if (!(readMore ? readMore(lastPage) : received && totalSaysMore(lastPage, offset, received))) return
        if (!received) throw new CursorLoopError(id, 'no-progress', offset)
        const next = readNext ? readNext(lastPage) : byPage ? offset + 1 : offset + received
        if (next <= offset) {
          throw new CursorLoopError(
            id,
            'repeated-param',
            next,
            `${fieldName(nextOffset!, 'nextOffset')} did not advance past ${offset}`,
          )
        }
        return next
      },
      // Lists that start mid-way (or lose their head to `maxPages`) page back by the first page's length.
      getPreviousPageParam: (firstPageResponse, _allPages, offset) => {
        if (byPage) return offset > firstPage ? offset - 1 : undefined
        const length = offset > 0 ? getItems(firstPageResponse).length : 0
        return length ? Math.max(0, offset - length) : undefined
      },
      pageParamAt: (pageIndex, limit) => (byPage ? firstPage + pageIndex : pageIndex * limit),
      getTotal,
      // Built-in factories pass their sort as a function (what `sortParamsOf` makes of a spec object).
      ...(spec.sort && { sortParams: spec.sort as SortParams }),
    },
    owner,
  )
}
