import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { InvalidOptionError } from '../core/errors'
import type { ListPage } from '../core/listPage'
import { holdsWindow } from '../core/pageWindow'
import type { ListWindow } from '../core/pageWindow'
import { isNonNegativeInteger } from '../core/readField'
import type { PaginationAdapter } from '../core/types'
import type { ListData } from './listOptions'
import type { BuiltListOptions } from './paginatedListOptions'

// What an infinite list does with windows of its pages (see `ListWindow`): load a saved one from its params, name the
// page that holds a record on offset lists, and load the first page back in front of a forward-only list that dropped
// it. Only `usePaginatedList` and `useSuspensePaginatedList` use them; pagers never hold a window.

/** A list's window controls, for the `client` it lives in. */
export interface ListWindowControls<TParam> {
  /** Replaces the list's pages by those of `window`, fetched from their params (see the result's `loadWindow`). */
  loadWindow: (client: QueryClient, window: ListWindow<TParam>) => Promise<void>
  /** The window whose one page holds record `index`, for APIs that reach any page directly; else `undefined`. */
  windowAt: (index: number) => ListWindow<TParam> | undefined
  /**
   * Loads the list's first page back in front of the pages held, for a list that only pages forwards and dropped it:
   * its param (`null` for most cursor APIs) is one TanStack Query takes for "no previous page".
   */
  loadFirstPageBack: (client: QueryClient) => Promise<void>
}

/** The window controls of the list `built` describes; `owner` names the hook in errors. */
export function listWindowControls<TResponse, TItem, TParam, TQueryKey extends QueryKey>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  built: BuiltListOptions<TItem, TParam, TQueryKey>,
  maxPages: number | undefined,
  owner: string,
): ListWindowControls<TParam> {
  const { queryOptions, limit, loadPage } = built
  const { queryKey } = queryOptions
  // APIs that cannot compute a previous page's param keep those of the pages before the window.
  const history = !adapter.getPreviousPageParam
  const loadWindow = async (client: QueryClient, window: ListWindow<TParam>) => {
    checkWindow(window, `${owner}(${adapter.id}).loadWindow`)
    if (holdsWindow(client.getQueryData(queryKey), window)) return
    // A fetch in flight (the first page, a next page) would land over the window: it is dropped, its pages kept. When
    // none is, the window's fetch starts at once, so a list mounting next joins it.
    if (client.isFetching({ queryKey, exact: true })) await client.cancelQueries({ queryKey, exact: true })
    const loadPages = async (signal: AbortSignal): Promise<ListData<TItem, TParam>> => {
      const pages: ListPage<TItem, TParam>[] = []
      for (const param of window.pageParams) pages.push(await loadPage(param, signal))
      const [first, ...rest] = pages as [ListPage<TItem, TParam>, ...ListPage<TItem, TParam>[]]
      const placed: ListPage<TItem, TParam> = { ...first }
      if (window.firstItemIndex) placed.start = window.firstItemIndex
      if (history && window.before?.length) placed.before = window.before
      return { pages: [placed, ...rest], pageParams: window.pageParams }
    }
    // One fetch of the list's own query: the list is fetching meanwhile (a table mounting then joins it instead of
    // loading the first page) and shows what it held until the window lands. An infinite query refetches from the
    // pages it holds; the fetch function TanStack Query hands its `persister` is replaced by the window's pages.
    await client.fetchInfiniteQuery({
      ...queryOptions,
      persister: (_fetch: unknown, { signal }: { signal: AbortSignal }) => loadPages(signal),
      // Always fetched: a window the list does not hold is never fresh.
      staleTime: 0,
      structuralSharing: false,
    } as unknown as Parameters<QueryClient['fetchInfiniteQuery']>[0])
  }
  const pageParamAt = adapter.kind === 'offset' ? adapter.pageParamAt?.bind(adapter) : undefined
  const windowAt = (index: number): ListWindow<TParam> | undefined => {
    if (!pageParamAt) return undefined
    const page = Math.floor(Math.max(0, index) / limit)
    return { pageParams: [pageParamAt(page, limit)], firstItemIndex: page * limit }
  }
  const loadFirstPageBack = async (client: QueryClient) => {
    const param = adapter.initialPageParam
    const page = await loadPage(param, new AbortController().signal)
    const keep = maxPages ?? Infinity
    client.setQueryData<ListData<TItem, TParam>>(
      queryKey,
      (data) =>
        data && {
          pages: [page, ...data.pages].slice(0, keep),
          pageParams: [param, ...data.pageParams].slice(0, keep),
        },
    )
  }
  return { loadWindow, windowAt, loadFirstPageBack }
}

/**
 * Throws `InvalidOptionError` naming `owner` and the field when `window` is not a `ListWindow`: a position read back
 * from storage may be anything, so this runs in production too.
 */
function checkWindow(window: ListWindow<unknown>, owner: string): void {
  if (!Array.isArray(window?.pageParams) || window.pageParams.length === 0) {
    throw new InvalidOptionError(owner, 'pageParams', 'a non-empty array', window?.pageParams)
  }
  if (!isNonNegativeInteger(window.firstItemIndex)) {
    throw new InvalidOptionError(owner, 'firstItemIndex', 'a non-negative integer', window.firstItemIndex)
  }
  if (window.before !== undefined && !Array.isArray(window.before)) {
    throw new InvalidOptionError(owner, 'before', 'an array or absent', window.before)
  }
}
