import { replaceEqualDeep } from '@tanstack/react-query'
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query'
import { defaultItemId } from '../core/itemFlattener'
import type { GetItemId } from '../core/itemFlattener'
import type { ListPage } from '../core/listPage'
import { isObject } from '../core/isObject'
import type { ListKeyPart } from './paginatedListOptions'

/** Takes an edit back. Safe to call twice, and after the pages have changed (see `ListCache`). */
export type Undo = () => void

/** Options of `listCache`. */
export interface ListCacheOptions<TItem> {
  /**
   * The identity of a record, the one the lists use to de-duplicate.
   * @default (item) => item.id
   */
  getItemId?: GetItemId<TItem>
  /**
   * Whether a record belongs in a cached list, given that list's sort and filter (the last part of its query key):
   * `insertItem` adds a record only to the lists it matches, and `updateItem` takes a record out of a list it no longer
   * matches (a lead marked Won leaves the "Potential" list). The default keeps every record everywhere.
   * @example matches: (lead, list) => !list.filter?.status_label || lead.status_label === list.filter.status_label
   */
  matches?: (item: TItem, list: ListKeyPart) => boolean
}

/** Where `insertItem` puts a record. */
export interface InsertItemOptions {
  /**
   * `'start'`: on top of the first page (a list newest first). `'end'`: after the last record, only in lists loaded
   * to their end; a list with pages still to load gets the record when its page arrives.
   * @default 'start'
   */
  position?: 'start' | 'end'
}

/** Options of `ListCache.invalidate`. */
export interface InvalidateListOptions {
  /**
   * What loads again now:
   * - `'first-page'`: the first page of each list on screen, in place: the rest of its loaded pages stay, so nobody
   *   scrolled down is sent back to the top. Every other list is marked stale and loads its first page when shown.
   * - `'all'`: every loaded page of the lists on screen, as TanStack Query's `invalidateQueries` does.
   * - `'none'`: nothing now; every list is marked stale.
   * @default 'first-page'
   */
  refetch?: 'first-page' | 'all' | 'none'
}

/**
 * Edits every cached list under one key prefix at once: infinite lists and paged ones, every sort, filter and page
 * size. Each edit returns `undo()`, for an optimistic update that failed.
 *
 * What stays right:
 * - `total` moves by one with each insert and removal that reached a list.
 * - An inserted record that a page later brings again shows once (the lists de-duplicate by id).
 * - An edit made while a page fetch is in flight is applied again to what that fetch brings (TanStack Query would
 *   otherwise put back the pages as they were when the fetch began).
 * - Pages of `usePagedList` over an offset API (one cache entry per page) keep their size: a removal pulls the next
 *   cached page's first record up, an insert on top pushes the last record of each page down, as the API's offsets
 *   will. The last cached page of such a run comes up one short (or drops one record) and is marked stale, so it loads
 *   again when shown. Infinite lists and cursor lists change only the page the record is on.
 * - `undo()` puts back exactly what the edit replaced when nothing changed since (byte for byte); after a refetch or
 *   another edit it reverses only its own change, and leaves a record the server has sent since as the server sent it.
 */
export interface ListCache<TItem> {
  /** Replaces the record `id` in every list that holds it with `updater(record)`. */
  updateItem: (id: unknown, updater: (item: TItem) => TItem) => Undo
  /** Adds `item` to every list it `matches` that does not hold it yet. */
  insertItem: (item: TItem, options?: InsertItemOptions) => Undo
  /** Takes the record `id` out of every list. */
  removeItem: (id: unknown) => Undo
  /** The record `id` as the first cached list that holds it has it, or `undefined`. */
  getItem: (id: unknown) => TItem | undefined
  /**
   * After the server has answered: loads again what the edits may have moved (by default each shown list's first
   * page) and marks every list stale. Resolves when the refetches have landed.
   */
  invalidate: (options?: InvalidateListOptions) => Promise<void>
}

type Page<TItem> = ListPage<TItem, unknown>
type Data<TItem> = { pages: Page<TItem>[]; pageParams: unknown[] }
type AnyQuery = Query<unknown, Error, unknown, QueryKey>

/**
 * One cached list as edits see it: its pages in order, wherever each lives. An infinite list is one cache entry with
 * all its pages; a paged offset list is one entry per page (`{ page: i }` after the list's key part), and a run of
 * consecutive cached pages is edited as one list whose pages keep their size.
 */
interface CachedList {
  part: ListKeyPart
  slots: Array<{ query: AnyQuery; index: number }>
  keepsPageSize: boolean
  /** Whether the run ends at the list's end (its last page has no next page). */
  complete: boolean
}

/** The pages of `list`, as their records: a copy, to edit. */
type Pages<TItem> = TItem[][]

/**
 * Every cached list under `queryKey`, to edit records across pages without refetching.
 *
 * @example
 * const leadsCache = listCache<Lead>(queryClient, ['close', 'leads'])
 * const mutation = useMutation({
 *   mutationFn: (lead: Lead) => close.put(`/lead/${lead.id}/`, { status_label: 'Won' }),
 *   onMutate: (lead) => leadsCache.updateItem(lead.id, (old) => ({ ...old, status_label: 'Won' })),
 *   onError: (_error, _lead, undo) => undo?.(),
 *   onSettled: () => leadsCache.invalidate(),
 * })
 */
export function listCache<TItem = unknown>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  options: ListCacheOptions<TItem> = {},
): ListCache<TItem> {
  const idOf = (item: TItem) => (options.getItemId ?? defaultItemId)(item)
  const matches = options.matches ?? (() => true)
  const cache = queryClient.getQueryCache()

  const lists = (): CachedList[] => findLists(cache.findAll({ queryKey }))

  /** Finds `id` in `pages`: its page and index. */
  const find = (pages: Pages<TItem>, id: unknown): [number, number] | undefined => {
    for (let page = 0; page < pages.length; page++) {
      const index = pages[page]!.findIndex((item) => idOf(item) === id)
      if (index !== -1) return [page, index]
    }
    return undefined
  }

  /**
   * Runs `edit` on every list, writes back what changed, and applies it again to whatever a fetch in flight brings.
   * `edit` returns the change in total (or `null` for no change to this list).
   */
  const apply = (
    edit: (pages: Pages<TItem>, list: CachedList) => number | null,
    reapplyToFetches: boolean,
  ): { writes: Map<AnyQuery, { before: unknown; after: unknown }>; stop: () => void } => {
    const writes = new Map<AnyQuery, { before: unknown; after: unknown }>()
    for (const list of lists()) {
      const pages = readPages<TItem>(list)
      const delta = edit(pages, list)
      if (delta === null) continue
      for (const [query, data] of writeList(list, pages, delta)) {
        const before = query.state.data
        queryClient.setQueryData(query.queryKey, data)
        // What the cache holds (structural sharing may have kept parts of `before`), to tell later if it changed.
        writes.set(query, { before: writes.get(query)?.before ?? before, after: query.state.data })
      }
      markCutShort(queryClient, list, delta)
    }
    // A fetch in flight puts back the pages it started from when it lands: edit what it brings once more.
    const fetching = cache.findAll({ queryKey, fetchStatus: 'fetching' })
    const watched = new Set<AnyQuery>(fetching.filter((query) => reapplyToFetches || writes.has(query)))
    const unsubscribe = watched.size
      ? cache.subscribe((event) => {
          if (!watched.has(event.query)) return
          if (event.type === 'removed') watched.delete(event.query)
          else if (event.type === 'updated') {
            const action = event.action
            if (action.type === 'error') watched.delete(event.query)
            if (action.type !== 'success' || action.manual) return
            watched.delete(event.query)
            for (const list of findLists([event.query])) {
              const pages = readPages<TItem>(list)
              const delta = edit(pages, list)
              if (delta === null) continue
              for (const [query, data] of writeList(list, pages, delta)) {
                queryClient.setQueryData(query.queryKey, data)
              }
            }
          }
          if (!watched.size) unsubscribe()
        })
      : () => undefined
    return { writes, stop: unsubscribe }
  }

  /** An undo: the data as it was where nothing changed since, else `inverse` on the lists. */
  const undoOf = (
    run: ReturnType<typeof apply>,
    inverse: (pages: Pages<TItem>, list: CachedList) => number | null,
  ): Undo => {
    let done = false
    return () => {
      if (done) return
      done = true
      run.stop()
      const changedSince = [...run.writes].filter(([query, { after }]) => query.state.data !== after)
      for (const [query, { before, after }] of run.writes) {
        if (query.state.data === after) queryClient.setQueryData(query.queryKey, before)
      }
      if (!changedSince.length) return
      for (const list of findLists(changedSince.map(([query]) => query))) {
        const pages = readPages<TItem>(list)
        const delta = inverse(pages, list)
        if (delta === null) continue
        for (const [query, data] of writeList(list, pages, delta)) {
          queryClient.setQueryData(query.queryKey, data)
        }
      }
    }
  }

  /** Puts `item` at `at` (a page and index) if its id is not in the list: the total grows by one. */
  const putBack = (pages: Pages<TItem>, item: TItem, [page, index]: [number, number]): number | null => {
    if (find(pages, idOf(item)) || !pages.length) return null
    const target = pages[Math.min(page, pages.length - 1)]!
    target.splice(Math.min(index, target.length), 0, item)
    return 1
  }

  const removeWhere = (pages: Pages<TItem>, test: (item: TItem) => boolean): number | null => {
    for (const page of pages) {
      const index = page.findIndex(test)
      if (index !== -1) {
        page.splice(index, 1)
        return -1
      }
    }
    return null
  }

  return {
    updateItem(id, updater) {
      // Per list: what it held and where, to undo; and what was written, so undo never overwrites newer data.
      const history = new Map<string, { before: TItem; after: TItem; at: [number, number]; left: boolean }>()
      const edit = (pages: Pages<TItem>, list: CachedList): number | null => {
        const at = find(pages, id)
        if (!at) return null
        const [page, index] = at
        const before = pages[page]![index]!
        const after = updater(before)
        const left = !matches(after, list.part)
        if (!history.has(listId(list))) history.set(listId(list), { before, after, at, left })
        if (left) {
          pages[page]!.splice(index, 1)
          return -1
        }
        pages[page]![index] = after
        return 0
      }
      const run = apply(edit, true)
      return undoOf(run, (pages, list) => {
        const change = history.get(listId(list))
        if (!change) return null
        if (change.left) return putBack(pages, change.before, change.at)
        const at = find(pages, id)
        if (!at || !sameRecord(pages[at[0]]![at[1]], change.after)) return null
        pages[at[0]]![at[1]] = change.before
        return 0
      })
    },

    insertItem(item, { position = 'start' } = {}) {
      const id = idOf(item)
      const reached = new Set<string>()
      const edit = (pages: Pages<TItem>, list: CachedList): number | null => {
        if (!pages.length || find(pages, id) || !matches(item, list.part)) return null
        if (position === 'start') {
          if (list.slots[0]!.index !== 0 || !isFirstPage(list)) return null
          pages[0]!.unshift(item)
        } else {
          if (!list.complete) return null
          pages[pages.length - 1]!.push(item)
        }
        reached.add(listId(list))
        return 1
      }
      const run = apply(edit, false)
      return undoOf(run, (pages, list) =>
        reached.has(listId(list)) ? removeWhere(pages, (candidate) => sameRecord(candidate, item)) : null,
      )
    },

    removeItem(id) {
      const history = new Map<string, { before: TItem; at: [number, number] }>()
      const edit = (pages: Pages<TItem>, list: CachedList): number | null => {
        const at = find(pages, id)
        if (!at) return null
        const before = pages[at[0]]!.splice(at[1], 1)[0]!
        if (!history.has(listId(list))) history.set(listId(list), { before, at })
        return -1
      }
      const run = apply(edit, true)
      return undoOf(run, (pages, list) => {
        const change = history.get(listId(list))
        return change ? putBack(pages, change.before, change.at) : null
      })
    },

    getItem(id) {
      for (const list of lists()) {
        const pages = readPages<TItem>(list)
        const at = find(pages, id)
        if (at) return pages[at[0]]![at[1]]
      }
      return undefined
    },

    async invalidate({ refetch = 'first-page' } = {}) {
      if (refetch !== 'first-page') {
        await queryClient.invalidateQueries({ queryKey, refetchType: refetch === 'all' ? 'active' : 'none' })
        return
      }
      const shown = cache.findAll({ queryKey, type: 'active' })
      await queryClient.invalidateQueries({ queryKey, refetchType: 'none' })
      await Promise.all(
        findLists(shown).map((list) => {
          const first = list.slots[0]!
          if (!isFirstPage(list) || first.index !== 0) return undefined
          // A paged list's first page is its own cache entry: refetching it loads that page only.
          if (list.keepsPageSize || (first.query.state.data as Data<TItem>).pages.length === 1) {
            return first.query.fetch().catch(() => undefined)
          }
          return refreshFirstPage(queryClient, first.query)
        }),
      )
    },
  }
}

/**
 * Loads the first page of a cached infinite list again and puts it in place of the old one, keeping the pages after
 * it, with the list's own query function. TanStack Query refetches every loaded page; this is the one request.
 */
async function refreshFirstPage(queryClient: QueryClient, query: AnyQuery): Promise<void> {
  const queryFn = query.options.queryFn
  const data = query.state.data as Data<unknown> | undefined
  // Nothing to call (a list not observed yet), nothing cached, or a fetch is bringing fresh pages anyway.
  if (typeof queryFn !== 'function' || !data || query.state.fetchStatus === 'fetching') return
  const pageParam = data.pageParams[0]
  const page = (await (queryFn as (context: object) => Promise<unknown>)({
    client: queryClient,
    queryKey: query.queryKey,
    signal: new AbortController().signal,
    pageParam,
    direction: 'forward',
    meta: query.meta,
  }).catch(() => undefined)) as Page<unknown> | undefined
  if (!page) return
  queryClient.setQueryData<Data<unknown>>(query.queryKey, (current) =>
    current && current.pageParams[0] === pageParam
      ? { ...current, pages: [page, ...current.pages.slice(1)] }
      : current,
  )
}

/**
 * Whether the cache still holds `written`: the cache's structural sharing stores an equal copy, not the object itself,
 * and a record the server has sent since differs.
 */
function sameRecord(held: unknown, written: unknown): boolean {
  return held === written || replaceEqualDeep(written, held) === written
}

/** The key part pagewise appends to a list's key, or `undefined` for anything else. */
function keyPartOf(value: unknown): ListKeyPart | undefined {
  return isObject(value) && typeof value.adapter === 'string' && typeof value.pageSize === 'number'
    ? (value as unknown as ListKeyPart)
    : undefined
}

function pageIndexOf(value: unknown): number | undefined {
  return isObject(value) && typeof value.page === 'number' && Object.keys(value).length === 1
    ? value.page
    : undefined
}

function isListData(data: unknown): data is Data<unknown> {
  return (
    isObject(data) &&
    Array.isArray(data.pages) &&
    Array.isArray(data.pageParams) &&
    data.pages.every((page) => isObject(page) && Array.isArray(page.items))
  )
}

/** The pagewise lists among `queries`: infinite lists whole, paged offset lists in runs of consecutive pages. */
function findLists(queries: readonly AnyQuery[]): CachedList[] {
  const lists: CachedList[] = []
  const pagedRuns = new Map<string, Array<{ query: AnyQuery; page: number }>>()
  for (const query of queries) {
    if (!isListData(query.state.data)) continue
    const key = query.queryKey
    const part = keyPartOf(key[key.length - 1])
    if (part) {
      const pages = (query.state.data as Data<unknown>).pages
      lists.push({
        part,
        slots: pages.map((_, index) => ({ query, index })),
        keepsPageSize: false,
        complete: pages.at(-1)?.nextPageParam === undefined,
      })
      continue
    }
    const page = pageIndexOf(key[key.length - 1])
    if (page === undefined || !keyPartOf(key[key.length - 2])) continue
    const listHash = query.queryHash.slice(0, query.queryHash.lastIndexOf(',{'))
    pagedRuns.set(listHash, [...(pagedRuns.get(listHash) ?? []), { query, page }])
  }
  for (const pages of pagedRuns.values()) {
    pages.sort((a, b) => a.page - b.page)
    let run: typeof pages = []
    const close = () => {
      if (!run.length) return
      const last = run[run.length - 1]!.query.state.data as Data<unknown>
      lists.push({
        part: keyPartOf(run[0]!.query.queryKey.at(-2))!,
        slots: run.map(({ query }) => ({ query, index: 0 })),
        keepsPageSize: true,
        complete: last.pages[0]?.nextPageParam === undefined,
      })
      run = []
    }
    for (const entry of pages) {
      if (run.length && entry.page !== run[run.length - 1]!.page + 1) close()
      run.push(entry)
    }
    close()
  }
  return lists
}

/** An identity of a list that survives a re-read of the cache (its first page's cache entry). */
function listId(list: CachedList): string {
  const first = list.slots[0]!
  return `${first.query.queryHash}#${list.keepsPageSize ? '' : first.index}`
}

/** Whether `list` starts at the list's first page (a paged run may start further on, a list paging back too). */
function isFirstPage(list: CachedList): boolean {
  const { query, index } = list.slots[0]!
  if (list.keepsPageSize) return pageIndexOf(query.queryKey.at(-1)) === 0
  return index === 0 && (query.state.data as Data<unknown>).pages[0]!.previousPageParam === undefined
}

function readPages<TItem>(list: CachedList): Pages<TItem> {
  return list.slots.map(({ query, index }) => [...(query.state.data as Data<TItem>).pages[index]!.items])
}

/**
 * The new data of each cache entry of `list`, from its edited `pages` and the change in its total. A paged offset run
 * keeps each page's size by moving records across page boundaries, as the API's offsets move.
 */
function writeList<TItem>(list: CachedList, pages: Pages<TItem>, delta: number): Map<AnyQuery, Data<TItem>> {
  if (list.keepsPageSize) pages = keepSizes(list, pages)
  const out = new Map<AnyQuery, Data<TItem>>()
  list.slots.forEach(({ query, index }, slot) => {
    const data = out.get(query) ?? { ...(query.state.data as Data<TItem>) }
    if (!out.has(query)) data.pages = [...data.pages]
    const page = data.pages[index]!
    const items = pages[slot]!
    const total = page.total === undefined ? undefined : Math.max(0, page.total + delta)
    if (
      items.length !== page.items.length ||
      items.some((item, at) => item !== page.items[at]) ||
      total !== page.total
    ) {
      data.pages[index] = { ...page, items, ...(total !== undefined && { total }) }
    }
    out.set(query, data)
  })
  // Leave out entries nothing changed in, so their data keeps its identity.
  for (const [query, data] of out) {
    const old = query.state.data as Data<TItem>
    if (data.pages.every((page, index) => page === old.pages[index])) out.delete(query)
  }
  return out
}

/**
 * A paged run that gained or lost a record before its end has a last page the API would now cut differently: mark it
 * stale, so that it loads again when shown.
 */
function markCutShort(queryClient: QueryClient, list: CachedList, delta: number): void {
  if (!list.keepsPageSize || list.complete || delta === 0) return
  const last = list.slots[list.slots.length - 1]!.query
  void queryClient.invalidateQueries({ queryKey: last.queryKey, exact: true, refetchType: 'none' })
}

/** Re-cuts a paged run's records into its pages' sizes; the last page takes the rest only at the list's end. */
function keepSizes<TItem>(list: CachedList, pages: Pages<TItem>): Pages<TItem> {
  const sizes = list.slots.map(({ query }) => (query.state.data as Data<TItem>).pages[0]!.items.length)
  const records = pages.flat()
  const cut: Pages<TItem> = []
  let from = 0
  sizes.forEach((size, index) => {
    const last = index === sizes.length - 1
    cut.push(records.slice(from, last && list.complete ? records.length : from + size))
    from += size
  })
  return cut
}
