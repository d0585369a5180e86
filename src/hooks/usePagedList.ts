import { useEffect, useState } from 'react'
import { hashKey, useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { resolveLimit } from '../core/listPage'
import type { ListPage } from '../core/listPage'
import type { AdapterKind, PaginationAdapter } from '../core/types'
import type { PagedListOptions } from './listOptions'
import { cursorPageView, offsetPageOptions, offsetPageView } from './pagedListView'
import type { PageViewInput } from './pagedListView'
import { buildListOptions } from './paginatedListOptions'
import type { ListKeyPart } from './paginatedListOptions'
import { listState } from './paginatedListResult'
import type { ListState } from './paginatedListResult'
import { useControllableState } from './useControllableState'

const OWNER = 'usePagedList'

/** What `usePagedList` returns: one page of records and everything a pager needs. */
export interface PagedListFields<TResponse, TItem, TParam> {
  /** The records of the page shown. While the next page loads, those of the page before (`isPlaceholderData`). */
  items: TItem[]
  /** The page shown, 0-based. */
  pageIndex: number
  /** Records per page, after clamping to the adapter's `maxLimit`. */
  pageSize: number
  /**
   * Changes the page size. Offset lists keep the first record of the page on screen (the new page is the one that
   * holds it); cursor lists start again from the first page.
   */
  setPageSize: (pageSize: number) => void
  /** Number of pages, when the API reports a total; else `undefined`. `0` for an empty list. */
  pageCount: number | undefined
  /** Number of records, when the API reports it. */
  total: number | undefined
  /** 0-based position of the page's first record in the whole list (`pageIndex × pageSize`). */
  firstItemIndex: number
  /** A page after this one exists. */
  hasNextPage: boolean
  /** A page before this one exists. Also true for forward-only cursor APIs: the hook keeps the cursors it saw. */
  hasPreviousPage: boolean
  /** Shows the next page. No-op on the last page. */
  nextPage: () => void
  /** Shows the previous page. No-op on the first page. */
  previousPage: () => void
  /** Shows page `index` (0-based) if `canGoToPage(index)`; otherwise does nothing. */
  goToPage: (index: number) => void
  /**
   * Whether page `index` can be shown: any page up to `pageCount` for offset APIs that report a total; otherwise the
   * pages seen so far and the one after the furthest of them.
   */
  canGoToPage: (index: number) => boolean
  /** The page shown is loading (first load, page change, refetch). Prefetching the next page does not count. */
  isFetching: boolean
  /** `items` are those of the page before, kept on screen while the current page loads. */
  isPlaceholderData: boolean
  /** Tries the failed page again. */
  retry: () => Promise<unknown>
  /** Refetches the page shown. */
  refetch: () => Promise<unknown>
  /** How pages are reached: `'offset'` (any page directly) or `'cursor'` (one after another): the adapter's kind. */
  kind: AdapterKind
  /** The adapter reading the list, as it was passed. */
  adapter: PaginationAdapter<TResponse, TItem, TParam>
}

/**
 * What `usePagedList` returns: one page of records and everything a pager needs. `status` is `'pending'` until a
 * page can be shown, `'error'` when the current page failed (`error` says why), else `'success'`.
 */
export type PagedList<TResponse, TItem, TParam> = PagedListFields<TResponse, TItem, TParam> & ListState

/**
 * A list shown one page at a time, for a pager. Offset APIs jump to any page; cursor APIs page forwards and also
 * backwards, from the cursors the hook keeps. The page before stays on screen while the next loads, and the page
 * after is prefetched. `page` / `defaultPage` / `onPageChange` make the page controllable (from the URL, say).
 *
 * @example
 * const deals = usePagedList({
 *   queryKey: ['pipedrive', 'deals'],
 *   adapter: pipedriveCursor<Deal>(),
 *   fetchPage: pipedrive('/api/v2/deals'),
 *   pageSize: 50,
 * })
 * deals.items; deals.nextPage(); deals.previousPage(); deals.canGoToPage(3)
 */
export function usePagedList<TResponse, TItem, TParam, TQueryKey extends QueryKey = QueryKey>(
  options: PagedListOptions<TResponse, TItem, TParam, TQueryKey>,
  queryClient?: QueryClient,
): PagedList<TResponse, TItem, TParam> {
  const {
    queryKey,
    adapter,
    fetchPage,
    page: controlledPage,
    defaultPage = 0,
    onPageChange,
    onPageSizeChange,
    pageSize: pageSizeOption,
    enabled = true,
    ...queryOptions
  } = options
  const client = useQueryClient(queryClient)

  // The page size follows the option, and setPageSize overrides it until the option changes.
  const [sizeOption, setSizeOption] = useState(pageSizeOption)
  const [chosenSize, setChosenSize] = useState(pageSizeOption)
  if (!Object.is(sizeOption, pageSizeOption)) {
    setSizeOption(pageSizeOption)
    setChosenSize(pageSizeOption)
  }
  const { queryOptions: listOptions, limit } = buildListOptions<TResponse, TItem, TParam, QueryKey>(
    { ...queryOptions, queryKey, adapter, fetchPage, pageSize: chosenSize },
    OWNER,
    client,
  )
  const { kind } = adapter
  const [currentPage, setPage] = useControllableState(controlledPage, defaultPage, onPageChange)
  // A new sort or filter starts at the first page: at once for the requests, then for the caller (onPageChange).
  const { sort, filter } = listOptions.queryKey[listOptions.queryKey.length - 1] as ListKeyPart
  const shapeKey = hashKey([sort ?? null, filter ?? null])
  const [shapeSeen, setShapeSeen] = useState(shapeKey)
  const [resetFrom, setResetFrom] = useState<number | null>(null)
  if (shapeSeen !== shapeKey) {
    setShapeSeen(shapeKey)
    setResetFrom(currentPage === 0 ? null : currentPage)
  } else if (resetFrom !== null && currentPage !== resetFrom) {
    setResetFrom(null)
  }
  const pageIndex = shapeSeen !== shapeKey || resetFrom === currentPage ? 0 : currentPage
  useEffect(() => {
    if (resetFrom !== null) setPage(0)
  }, [resetFrom, setPage])

  // One query, of the list's kind: a page of its own for offsets, the list's cursor history for cursors.
  const input: PageViewInput<TResponse, TItem, TParam> = {
    adapter,
    listOptions,
    callerKey: queryKey,
    limit: limit,
    pageIndex,
    enabled,
    client,
  }
  const query = useInfiniteQuery(
    { ...(kind === 'offset' ? offsetPageOptions(input, pageIndex) : listOptions), enabled },
    client,
  )
  const view = kind === 'offset' ? offsetPageView(query, input) : cursorPageView(query, input)
  const { load, loadKey } = view
  useEffect(() => {
    load?.()
    // loadKey changes exactly when there is new loading to do; `load` is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadKey])

  // The last page that landed stands in while another sort, filter or page size loads, and after its first page
  // failed. Kept as state: it changes when a page lands, which re-renders a pager anyway.
  const listKey = hashKey(listOptions.queryKey)
  const caller = hashKey(queryKey)
  const [shown, setShown] = useState<{ caller: string; listKey: string; page?: ListPage<TItem, unknown> }>({
    caller,
    listKey,
  })
  const landed = view.isPlaceholderData ? undefined : view.page
  if (landed && landed !== shown.page) setShown({ caller, listKey, page: landed })
  const standIn = !view.page && shown.caller === caller && shown.listKey !== listKey ? shown.page : undefined
  const page = view.page ?? standIn
  const items = page?.items ?? NO_ITEMS
  const total = view.total ?? standIn?.total
  const pageCount = total === undefined ? undefined : Math.ceil(total / limit)
  const lastIndex = pageCount !== undefined ? Math.max(pageCount, 1) - 1 : view.endIndex
  const { canReach, prepare } = view
  // Rebuilt each render, as `view` is: page changes re-render the pager anyway.
  const canGoToPage = (index: number) => canReach(index, pageCount)
  const goToPage = (index: number) => {
    if (!canReach(index, pageCount)) return
    prepare(index)
    setPage(index)
  }

  // A page past the end (the list shrank, or a stale URL) moves to the last page once the end is known. A cursor
  // list past its loaded end keeps showing its last page as placeholder data, so there the loaded end decides.
  const pastTheEnd =
    lastIndex !== undefined &&
    pageIndex > lastIndex &&
    !view.isFetching &&
    (!view.isPlaceholderData || view.endIndex !== undefined)
  useEffect(() => {
    if (pastTheEnd) setPage(lastIndex)
  }, [pastTheEnd, lastIndex, setPage])

  const setPageSize = (size: number) => {
    const next = resolveLimit(adapter, size)
    if (next === limit) return
    setChosenSize(size)
    onPageSizeChange?.(next)
    setPage(kind === 'offset' ? Math.floor((pageIndex * limit) / next) : 0)
  }

  const hasNextPage =
    pageCount !== undefined
      ? pageIndex < pageCount - 1 && canReach(pageIndex + 1, pageCount)
      : view.hasNextPage
  return {
    items,
    pageIndex,
    pageSize: limit,
    setPageSize,
    pageCount,
    total,
    firstItemIndex: pageIndex * limit,
    hasNextPage,
    hasPreviousPage: pageIndex > 0,
    nextPage: () => goToPage(pageIndex + 1),
    previousPage: () => goToPage(pageIndex - 1),
    goToPage,
    canGoToPage,
    isFetching: view.isFetching,
    isPlaceholderData: view.isPlaceholderData || standIn !== undefined,
    ...listState(view.error, page === undefined),
    retry: view.retry,
    refetch: () => query.refetch(),
    kind,
    adapter,
  }
}

/** The records of a page not loaded yet: one array, so `items` keeps its identity across renders. */
const NO_ITEMS: never[] = []
