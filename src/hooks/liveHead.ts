import { useCallback } from 'react'
import { replaceEqualDeep, useQuery } from '@tanstack/react-query'
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { defaultItemId } from '../core/itemFlattener'
import type { GetItemId, ItemFlattener } from '../core/itemFlattener'
import { refreshLoaded } from '../core/listHead'
import type { ListPage } from '../core/listPage'
import { retryAfterOf } from '../core/retryPolicy'
import type { ListData } from './listOptions'

/** What a live list adds to `usePaginatedList`'s result. */
export interface LiveHead {
  /**
   * Records a head refresh found above the loaded ones, not shown yet: `showNewItems()` puts them on top.
   * `<InfiniteTable>` shows them at once while it is scrolled to the top, else offers them in a "3 new leads" button.
   */
  newItemCount: number
  /** Puts the new records on top of the list, once no page fetch is in flight (its landing would undo it). */
  showNewItems: () => Promise<void>
  /**
   * Loads the list's first page again and reads it against the loaded records: those it holds already are updated
   * where they are, the new ones (by id) wait in `newItemCount`; no page is reloaded, moved or dropped. Starts and
   * writes only while no page fetch is in flight, and the next page waits for it. Rejects with the fetch's error; the
   * list keeps its records and state. A call while one runs joins it.
   */
  refreshHead: () => Promise<void>
}

/** The live head, and what the list's next page waits for. */
export interface LiveHeadState extends LiveHead {
  /** Resolves once the head refresh in flight has landed; `undefined` when none is. */
  headInFlight: () => Promise<void> | undefined
}

/** What the live head needs of its list (a part of what the list's result is built from). */
export interface LiveHeadSource<TItem, TParam> {
  client: QueryClient
  /** The list's full query key (with pagewise's part). */
  queryKey: QueryKey
  adapter: { initialPageParam: TParam }
  /** Fetches and reads a page outside the query (the head's first page). */
  loadPage: (pageParam: TParam, signal: AbortSignal) => Promise<ListPage<TItem, TParam>>
  getItemId?: GetItemId<TItem> | undefined
  /** Polls the list's first page every this many ms (see `PaginatedListOptions.refreshHeadInterval`). */
  refreshHeadInterval?: number | undefined
}

/**
 * The live head of the list `input` describes (`listKey`, the hash of its key; `loaded`, its flattened records; no
 * polling while `paused`), as a small query of its own next to the list's: its data are the new records waiting to be
 * shown (the list's pages hold each record once), its `refetchInterval` polls, which TanStack Query pauses in a hidden
 * tab, and it joins a refresh already running. After a failure the next poll waits four intervals, or the server's
 * `Retry-After` when longer. Its key is outside the list's, so invalidating the list does not poll it.
 */
export function useLiveHead<TItem, TParam>(
  input: LiveHeadSource<TItem, TParam>,
  listKey: string,
  loaded: ItemFlattener<unknown, TItem>,
  paused: boolean,
): LiveHeadState {
  const { client, queryKey, refreshHeadInterval: interval, getItemId } = input
  const headKey = ['pagewise:head', listKey]
  const idOf = getItemId ?? defaultItemId
  // Records without an id cannot be told from the loaded ones: never new.
  const isNew = (id: unknown) => id != null && !loaded.holds(id)
  // Stable, as the next page that waits for it is.
  const headInFlight = useCallback(() => {
    const key = ['pagewise:head', listKey]
    return client.getQueryState(key)?.fetchStatus === 'fetching' ? whenIdle(client, key) : undefined
  }, [client, listKey])
  const head = useQuery<TItem[]>(
    {
      queryKey: headKey,
      queryFn: async ({ signal }) => {
        await whenIdle(client, queryKey)
        const page = await input.loadPage(input.adapter.initialPageParam, signal)
        await whenIdle(client, queryKey)
        let startsAtTop = false
        writePages<TItem, TParam>(client, queryKey, (data) => {
          // A list that starts further on (it pages back) gets its new records when it pages back to the top.
          startsAtTop = data.pages[0]?.previousPageParam === undefined && !data.pages[0]?.before?.length
          return refreshLoaded(data.pages, page, replaceEqualDeep, getItemId)
        })
        const added = startsAtTop ? page.items.filter((item) => isNew(idOf(item))) : []
        const ids = new Set(added.map(idOf))
        // Those found before stay, after the newer ones, even when a page of newer records pushed them off the first.
        const waiting = client.getQueryData<TItem[]>(headKey) ?? []
        return [...added, ...waiting.filter((item) => !ids.has(idOf(item)))]
      },
      initialData: [],
      // Polls only: no fetch on mount or focus (the list has just been loaded), nor a retry (the next poll is one).
      staleTime: Infinity,
      retry: false,
      enabled: !!interval && !paused,
      refetchInterval: (query) =>
        query.state.error ? Math.max(retryAfterOf(query.state.error) ?? 0, interval! * 4) : interval!,
    },
    client,
  )
  return {
    newItemCount: head.data.filter((item) => isNew(idOf(item))).length,
    async showNewItems() {
      await whenIdle(client, queryKey)
      // What waits now, not what the last render saw: `await list.refreshHead()` then `list.showNewItems()` works.
      const waiting = client.getQueryData<TItem[]>(headKey)?.filter((item) => isNew(idOf(item)))
      if (!waiting?.length) return
      // On top of the first page: a page fetched later that holds them again shows them once (the list de-duplicates).
      writePages<TItem, TParam>(client, queryKey, ({ pages: [first, ...rest] }) =>
        first ? [{ ...first, items: [...waiting, ...first.items] }, ...rest] : [],
      )
      client.setQueryData(headKey, [])
    },
    refreshHead: () => head.refetch({ cancelRefetch: false, throwOnError: true }).then(() => undefined),
    headInFlight,
  }
}

/**
 * Writes the list's pages as `edit` returns them, keeping the time its data was fetched (an edit is not a fetch: the
 * pages after the first must not look fresh). Nothing is written when `edit` returns the same pages.
 */
function writePages<TItem, TParam>(
  client: QueryClient,
  queryKey: QueryKey,
  edit: (data: ListData<TItem, TParam>) => ListPage<TItem, TParam>[],
): void {
  const state = client.getQueryState<ListData<TItem, TParam>>(queryKey)
  if (!state?.data) return
  const pages = edit(state.data)
  if (pages.length && pages !== state.data.pages) {
    client.setQueryData(queryKey, { ...state.data, pages }, { updatedAt: state.dataUpdatedAt })
  }
}

/**
 * Resolves once no fetch of the list is in flight: TanStack Query puts back the pages a fetch started from when it
 * lands, so a write made meanwhile would be lost. Joins each fetch in turn (a refetch may follow a next page).
 */
async function whenIdle(client: QueryClient, queryKey: QueryKey): Promise<void> {
  for (;;) {
    const query = client.getQueryCache().find({ queryKey, exact: true })
    if (!query || query.state.fetchStatus === 'idle') return
    await query.fetch(undefined, { cancelRefetch: false }).catch(() => undefined)
  }
}
