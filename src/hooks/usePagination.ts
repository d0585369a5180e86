import { paginationModel } from '../core/paginationModel'
import type {
  PaginationEllipsisItem,
  PaginationModel,
  PaginationPageItem,
  PaginationStepItem,
} from '../core/paginationModel'
import type { PaginationAdapter } from '../core/types'
import type { PagedList } from './usePagedList'

/**
 * What `usePagination` and `<Pager>` read from a list: the fields of a `usePagedList` result they need. Any object
 * with these fields works, so a test or a list of your own can drive a pager.
 */
export type PaginationList = Pick<
  PagedList<unknown, unknown, unknown>,
  | 'pageIndex'
  | 'pageSize'
  | 'setPageSize'
  | 'pageCount'
  | 'total'
  | 'hasNextPage'
  | 'hasPreviousPage'
  | 'goToPage'
  | 'canGoToPage'
  | 'isFetching'
  | 'isPlaceholderData'
  | 'status'
  | 'error'
  | 'retry'
  | 'kind'
> & {
  /** The records of the page shown (only their number is read). */
  items: readonly unknown[]
  /** The list's adapter (its `id` and `maxLimit` are read). */
  adapter: Pick<PaginationAdapter<unknown, unknown, unknown>, 'id' | 'maxLimit'>
}

/** Options of `usePagination`. */
export interface UsePaginationOptions {
  /** Pages shown on each side of the current page (numbered mode). @default 1 */
  siblingCount?: number
  /** Pages always shown at the start and at the end of the list (numbered mode). @default 1 */
  boundaryCount?: number
}

/** A step button of `usePagination`: First, Previous, Next or Last. */
export interface PaginationStepControl extends PaginationStepItem {
  /** Opens the page; does nothing when `disabled`. */
  onSelect: () => void
}

/** A page of `usePagination`. */
export interface PaginationPageControl extends PaginationPageItem {
  /** Opens the page; does nothing when `disabled` or already shown. */
  onSelect: () => void
}

/** One part of a pager from `usePagination`, in display order. */
export type PaginationControl = PaginationStepControl | PaginationPageControl | PaginationEllipsisItem

/** What `usePagination` returns: the pager as data, with an `onSelect` on everything that can be pressed. */
export interface Pagination extends Omit<PaginationModel, 'items'> {
  /** First, Previous, the pages and ellipses (numbered mode) or the current page (previous-next mode), Next, Last. */
  items: PaginationControl[]
  /** Opens page `index` (0-based) when the list can reach it. */
  goToPage: (index: number) => void
}

/**
 * The headless pager: from a `usePagedList` result, the parts a pager shows (First, Previous, numbered pages with
 * ellipses, Next, Last), each with its state and an `onSelect`, plus the range of records shown and the list's
 * state. Offset lists with a known total get numbered pages (`mode: 'numbered'`); cursor lists and offset lists
 * without a total get Previous, the current page and Next (`mode: 'previous-next'`). `<Pager>` renders this model;
 * render your own from it when you need a different look.
 *
 * Throws `InvalidOptionError` when `siblingCount` or `boundaryCount` is not a whole number >= 0.
 *
 * @example
 * const { items } = usePagination(deals, { siblingCount: 1, boundaryCount: 1 })
 * return items.map((item) =>
 *   item.type === 'ellipsis' ? <span key={item.key}>…</span>
 *   : item.type === 'page' ? (
 *     <button key={item.key} aria-current={item.selected ? 'page' : undefined} disabled={item.disabled} onClick={item.onSelect}>
 *       {item.pageNumber}
 *     </button>
 *   ) : <button key={item.key} disabled={item.disabled} onClick={item.onSelect}>{item.type}</button>,
 * )
 */
export function usePagination(list: PaginationList, options: UsePaginationOptions = {}): Pagination {
  return paginationOf(list, options, 'usePagination')
}

/** What `usePagination` returns, with the name of the caller in error messages (`<Pager>` for the component). */
export function paginationOf(list: PaginationList, options: UsePaginationOptions, owner: string): Pagination {
  // The model is a few dozen small objects: cheaper to build on each render than to memoise on a dozen fields.
  const { siblingCount = 1, boundaryCount = 1 } = options
  const { goToPage } = list
  const model = paginationModel({ ...list, itemCount: list.items.length, siblingCount, boundaryCount }, owner)
  const items = model.items.map((item): PaginationControl => {
    if (item.type === 'ellipsis') return item
    const onSelect = () => {
      if (!item.disabled) goToPage(item.pageIndex)
    }
    return { ...item, onSelect }
  })
  return { ...model, items, goToPage }
}
