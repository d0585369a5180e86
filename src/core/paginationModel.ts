import { InvalidOptionError } from './errors'
import type { AdapterKind } from './types'

/**
 * How a pager can move: `'numbered'` when any page can be opened directly and their number is known (an offset API
 * that reports a total), `'previous-next'` otherwise (cursor APIs, or offsets without a total): Previous and Next only.
 */
export type PaginationMode = 'numbered' | 'previous-next'

/** `'loading'` while the page shown is fetched (the page before stays on screen), `'error'` when it failed. */
export type PaginationState = 'idle' | 'loading' | 'error'

/** A button that moves by one step or to an end of the list. */
export interface PaginationStepItem {
  type: 'first' | 'previous' | 'next' | 'last'
  /** Stable React key: the type. */
  key: string
  /** The page (0-based) the button opens. */
  pageIndex: number
  /** The button cannot act: on the first or last page, or the page cannot be reached yet. */
  disabled: boolean
}

/** A numbered page. In `'previous-next'` mode there is one, the current page. */
export interface PaginationPageItem {
  type: 'page'
  /** Stable React key: `page-<pageNumber>`. */
  key: string
  /** The page, 0-based (for `goToPage`). */
  pageIndex: number
  /** The page as people count it, 1-based (for display). */
  pageNumber: number
  /** This is the page shown (render it with `aria-current="page"`). */
  selected: boolean
  /** The page cannot be reached (past an API's maximum offset, say). */
  disabled: boolean
}

/** A gap of two or more pages left out between numbered pages. */
export interface PaginationEllipsisItem {
  type: 'ellipsis'
  /** `'ellipsis-start'` (between the first pages and the current ones) or `'ellipsis-end'`. */
  key: 'ellipsis-start' | 'ellipsis-end'
}

/** One part of a pager, in display order. */
export type PaginationItem = PaginationStepItem | PaginationPageItem | PaginationEllipsisItem

/** The records a page holds, 1-based and inclusive, for "101–150 of 1,234". */
export interface PaginationRange {
  /** Position of the page's first record, 1-based. */
  start: number
  /** Position of its last record. While the page loads, the end it will have. */
  end: number
  /** Number of records in the list, when the API reports it or the last page is shown. */
  total: number | undefined
}

/** What the model is computed from: the numbers of a `usePagedList` result, and the pager's options. */
export interface PaginationModelInput {
  /** The page shown, 0-based. */
  pageIndex: number
  /** Number of pages, when known. */
  pageCount: number | undefined
  /** Records per page. */
  pageSize: number
  /** Number of records, when known. */
  total: number | undefined
  /** Records on the page shown (those of the page before while `isPlaceholderData`). */
  itemCount: number
  /** How the list's pages are reached: `'offset'` (any page directly) or `'cursor'` (one after another). */
  kind: AdapterKind
  hasPreviousPage: boolean
  hasNextPage: boolean
  /** Whether page `index` (0-based) can be opened. */
  canGoToPage: (index: number) => boolean
  /** The page shown is loading. */
  isFetching: boolean
  /** The records shown are the page before's, kept while the current one loads. */
  isPlaceholderData: boolean
  status: 'pending' | 'error' | 'success'
  /** Pages shown on each side of the current one. @default 1 */
  siblingCount?: number
  /** Pages always shown at each end of the list. @default 1 */
  boundaryCount?: number
}

/** A pager as data: what to render, in order, and the state to show. */
export interface PaginationModel {
  mode: PaginationMode
  state: PaginationState
  /** The page shown, 0-based. */
  pageIndex: number
  /** The page shown, 1-based. */
  pageNumber: number
  /** Number of pages, when known. `0` for an empty list. */
  pageCount: number | undefined
  /** First, Previous, the pages and ellipses (numbered mode) or the current page (previous-next), Next, Last. */
  items: PaginationItem[]
  /** The records of the page shown; `undefined` before the first page and for an empty page. */
  range: PaginationRange | undefined
  /** The list has loaded and holds no records. */
  isEmpty: boolean
}

/** A page number to show (1-based), or an ellipsis. */
export type PageSlot = number | PaginationEllipsisItem['key']

/**
 * The page numbers a numbered pager shows, 1-based: `boundaryCount` pages at each end, the current page with
 * `siblingCount` pages on each side, and an ellipsis for each gap. The number of slots stays the same wherever the
 * current page is (`2 × boundaryCount + 2 × siblingCount + 3`, or every page when there are fewer), so the
 * buttons do not jump about while paging, and an ellipsis never stands for a single page.
 *
 * @example
 * pageSlots(9, 20, 1, 1) // [1, 'ellipsis-start', 9, 10, 11, 'ellipsis-end', 20]
 */
export function pageSlots(
  pageIndex: number,
  pageCount: number,
  siblingCount = 1,
  boundaryCount = 1,
  owner = 'pageSlots',
): PageSlot[] {
  checkCount(owner, 'siblingCount', siblingCount)
  checkCount(owner, 'boundaryCount', boundaryCount)
  const count = Math.max(pageCount, 1)
  const current = Math.min(Math.max(pageIndex, 0), count - 1) + 1
  if (count <= 2 * boundaryCount + 2 * siblingCount + 3) return pagesFrom(1, count)

  // The window of 2 × siblingCount + 1 pages around the current one, kept clear of the slots the ellipses take.
  const lowest = boundaryCount + 2
  const highest = count - boundaryCount - 1 - 2 * siblingCount
  const windowStart = Math.min(Math.max(current - siblingCount, lowest), highest)
  const windowEnd = windowStart + 2 * siblingCount
  return [
    ...pagesFrom(1, boundaryCount),
    // Next to the window, one hidden page is shown rather than replaced by an ellipsis.
    windowStart === lowest ? boundaryCount + 1 : 'ellipsis-start',
    ...pagesFrom(windowStart, windowEnd),
    windowEnd === count - boundaryCount - 1 ? count - boundaryCount : 'ellipsis-end',
    ...pagesFrom(count - boundaryCount + 1, count),
  ]
}

/**
 * Computes a pager from a list's state, without React: the same list always gives the same model. `usePagination`
 * adds the actions; `<Pager>` renders the result.
 *
 * @example
 * const model = paginationModel({ ...deals, itemCount: deals.items.length, siblingCount: 1, boundaryCount: 1 })
 * model.items.map((item) => (item.type === 'page' ? item.pageNumber : item.type))
 * // on page 5 of 25: ['first', 'previous', 1, 'ellipsis', 4, 5, 6, 'ellipsis', 25, 'next', 'last']
 */
export function paginationModel(input: PaginationModelInput, owner = 'paginationModel'): PaginationModel {
  const { pageIndex, pageCount, kind, canGoToPage } = input
  const mode: PaginationMode = kind === 'offset' && pageCount !== undefined ? 'numbered' : 'previous-next'
  const pending = input.status === 'pending'
  const step = (type: PaginationStepItem['type'], target: number, disabled: boolean): PaginationStepItem => ({
    type,
    key: type,
    pageIndex: target,
    disabled: disabled || pending,
  })
  const page = (index: number): PaginationPageItem => ({
    type: 'page',
    key: `page-${index + 1}`,
    pageIndex: index,
    pageNumber: index + 1,
    selected: index === pageIndex,
    disabled: index !== pageIndex && !canGoToPage(index),
  })

  const items: PaginationItem[] = [
    step('first', 0, pageIndex === 0 || !canGoToPage(0)),
    step('previous', pageIndex - 1, !input.hasPreviousPage),
  ]
  if (mode === 'numbered') {
    const slots = pageSlots(pageIndex, pageCount ?? 1, input.siblingCount, input.boundaryCount, owner)
    for (const slot of slots)
      items.push(typeof slot === 'number' ? page(slot - 1) : { type: 'ellipsis', key: slot })
  } else {
    checkCount(owner, 'siblingCount', input.siblingCount ?? 1)
    checkCount(owner, 'boundaryCount', input.boundaryCount ?? 1)
    items.push(page(pageIndex))
  }
  items.push(step('next', pageIndex + 1, !input.hasNextPage))
  if (mode === 'numbered') {
    const last = Math.max(pageCount ?? 1, 1) - 1
    items.push(step('last', last, pageIndex >= last || !canGoToPage(last)))
  }

  const isEmpty =
    input.status === 'success' &&
    !input.isPlaceholderData &&
    input.itemCount === 0 &&
    (input.total === 0 || pageIndex === 0)
  return {
    mode,
    state: input.status === 'error' ? 'error' : input.isFetching || pending ? 'loading' : 'idle',
    pageIndex,
    pageNumber: pageIndex + 1,
    pageCount,
    items,
    range: pending || isEmpty ? undefined : rangeOf(input),
    isEmpty,
  }
}

function rangeOf(input: PaginationModelInput): PaginationRange | undefined {
  const { pageIndex, pageSize, total } = input
  const first = pageIndex * pageSize
  // While the page loads the records shown are the page before's; the range is the page's own.
  let count = input.isPlaceholderData ? pageSize : input.itemCount
  if (total !== undefined) count = Math.min(count, total - first)
  if (count <= 0) return undefined
  // On the last page of a list without a total, the total is no longer a secret.
  const atEnd = input.status === 'success' && !input.isPlaceholderData && !input.hasNextPage
  return { start: first + 1, end: first + count, total: total ?? (atEnd ? first + count : undefined) }
}

function pagesFrom(first: number, last: number): number[] {
  const pages: number[] = []
  for (let page = first; page <= last; page += 1) pages.push(page)
  return pages
}

/** Development only: the counts are the developer's own options. */
function checkCount(owner: string, option: string, value: number): void {
  if (process.env.NODE_ENV === 'production') return
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidOptionError(owner, option, 'a whole number >= 0', value)
  }
}
