import { useEffect, useLayoutEffect, useRef } from 'react'
import { hashKey, useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query'
import type { ListData, PaginatedListOptions } from './listOptions'
import { buildListOptions, keepFirstPage } from './paginatedListOptions'
import type { PaginatedListQueryOptions } from './paginatedListOptions'
import { usePaginatedListResult } from './paginatedListResult'
import type { PaginatedList } from './paginatedListResult'

/**
 * An infinite list over any paginated API: TanStack Query's `useInfiniteQuery`, driven by an adapter. Records of
 * every loaded page come flattened and de-duplicated in `items`; a failed page keeps the loaded ones, and
 * `fetchNextPage()` (or `retry()`) resumes at the page that failed. A new `sort`, `filter` or `pageSize` keeps the
 * previous records on screen (`isPlaceholderData`) until its first page lands.
 *
 * @example
 * const leads = usePaginatedList({
 *   queryKey: ['close', 'leads'],
 *   adapter: closeOffset<Lead>(),
 *   fetchPage: close('/lead/'),
 *   pageSize: 100,
 *   sort: { column: 'date_created', direction: 'descending' },
 * })
 * leads.items // Lead[]
 */
export function usePaginatedList<TResponse, TItem, TParam, TQueryKey extends QueryKey = QueryKey>(
  options: PaginatedListOptions<TResponse, TItem, TParam, TQueryKey>,
  queryClient?: QueryClient,
): PaginatedList<TResponse, TItem, TParam> {
  const client = useQueryClient(queryClient)
  const { queryOptions, limit } = buildListOptions(options, 'usePaginatedList', client)
  // Before useInfiniteQuery: its own effect, which moves the query to a new key and refetches it, runs after this one.
  useFirstPageOnReturn(client, queryOptions)
  const query = useInfiniteQuery(queryOptions, client)
  return usePaginatedListResult(query, {
    ...options,
    queryKey: queryOptions.queryKey,
    callerKey: options.queryKey,
    limit,
    client,
  })
}

/**
 * Going back to a sort or filter seen before shows its cached records at once and refetches its first page only,
 * where TanStack Query would refetch every cached page in turn: when the key changes to a stale cached list of several
 * pages, that list is trimmed to its first page before the refetch starts (the rest loads again as the user scrolls,
 * and the table is back at the top). Not on mount: a list that comes back into view keeps its pages.
 */
function useFirstPageOnReturn<TItem, TParam, TQueryKey extends QueryKey>(
  client: QueryClient,
  options: PaginatedListQueryOptions<TItem, TParam, TQueryKey>,
): void {
  const key = hashKey(options.queryKey)
  const previous = useRef(key)
  // A layout effect: before the effects of the components below, which may ask for the next page of the list shown.
  useLayoutEffectOnClient(() => {
    if (previous.current === key) return
    previous.current = key
    const query = client
      .getQueryCache()
      .find<ListData<TItem, TParam>>({ queryKey: options.queryKey, exact: true })
    const { staleTime } = client.defaultQueryOptions(options as never)
    const pages = query?.state.data?.pages.length ?? 0
    if (pages > 1 && query!.isStaleByTime(resolveStaleTime(staleTime, query as Query))) {
      client.setQueryData(options.queryKey, keepFirstPage)
      // Setting data makes it fresh: marked stale again, the query refetches the page it now holds.
      query!.invalidate()
    }
    // The options are read when the key changes; a key names them.
  }, [key])
}

/** `useLayoutEffect` in the browser; on the server, where it never runs, `useEffect` (React 18 warns of the other). */
const useLayoutEffectOnClient = typeof window === 'undefined' ? useEffect : useLayoutEffect

/** A `staleTime` option's value for `query` (the option may be a function of the query). */
const resolveStaleTime = (staleTime: unknown, query: Query): number | 'static' | undefined =>
  typeof staleTime === 'function' ? staleTime(query) : (staleTime as number | 'static' | undefined)
