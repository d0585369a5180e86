import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { InvalidOptionError } from '../core/errors'
import type { SortDescriptor } from '../core/types'

/** How a change the user makes is written to the browser's history. */
export type SearchParamsHistory = 'push' | 'replace'

/** Options of `useListSearchParams`. */
export interface ListSearchParamsOptions {
  /**
   * The filter params kept in the URL, by name, such as `['status_id', 'user_id']`: each is read into `filter` and
   * written by `onFilterChange`. Others in the URL are left alone.
   * @default []
   */
  filters?: readonly string[]
  /**
   * The names of the page, sort and search params; give each list on a screen its own.
   * @default { page: 'page', sort: 'sort', search: 'q' }
   */
  names?: { page?: string; sort?: string; search?: string }
  /**
   * The sort when the URL names none. Writing it removes the param, so the plain URL stays the default view.
   */
  defaultSort?: SortDescriptor
  /**
   * How a change the user makes is written: `'push'` adds a history entry, so Back returns to the view before;
   * `'replace'` rewrites the current entry. Changes made outside a user event (a list moving a stale `?page=99` to
   * its last page) and search text (one entry per keystroke would bury Back) always replace.
   * @default 'push'
   */
  history?: SearchParamsHistory
}

/**
 * A list's page, sort, filter and search, read from the URL's query string and written back to it, so that a shared
 * link or a reload opens the same view and Back and Forward move between views. Spread the parts into the list hook.
 */
export interface ListSearchParams {
  /** The page in the URL, 0-based (`?page=3` is `2`); `0` when the param is missing or not a page number. */
  page: number
  /** Writes page `page` (0-based) as `?page=<page + 1>`; page 0 removes the param. */
  onPageChange: (page: number) => void
  /** The sort in the URL (`?sort=-date_created` is descending), else `defaultSort`. */
  sort: SortDescriptor | undefined
  /** Writes the sort and goes back to the first page. */
  onSortChange: (sort: SortDescriptor | undefined) => void
  /** The `filters` params in the URL; a missing or empty one is `undefined`. */
  filter: Record<string, string | undefined>
  /** Writes the `filters` params (`undefined` or `''` removes one) and goes back to the first page. */
  onFilterChange: (filter: Record<string, string | undefined>) => void
  /** The search text in the URL; `''` when there is none. */
  search: string
  /** Writes the search text (replacing the history entry) and goes back to the first page. */
  onSearchChange: (search: string) => void
}

/** Options of `usePageSearchParam`. */
export interface PageSearchParamOptions {
  /** Name of the search parameter holding the page; give each pager on a screen its own. @default 'page' */
  name?: string
  /** See `ListSearchParamsOptions.history`. @default 'push' */
  history?: SearchParamsHistory
}

/** What `usePageSearchParam` returns: spread it into `usePagedList`'s options. */
export type PageSearchParam = Pick<ListSearchParams, 'page' | 'onPageChange'>

// pushState and replaceState fire no event; the hooks of this module hear about each other's writes here. The URL
// is one per window, so its listeners are too.
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

const currentSearch = () => window.location.search
const noSearch = () => ''

/** The page index under `name`: a whole number >= 1 gives that page minus one, anything else 0. */
function readPage(params: URLSearchParams, name: string): number {
  const raw = params.get(name)?.trim()
  if (raw === undefined || !/^\d+$/.test(raw)) return 0
  const page = Number(raw)
  return Number.isSafeInteger(page) && page >= 1 ? page - 1 : 0
}

/** `date_created` ascending, `-date_created` descending. */
function readSort(raw: string | null): SortDescriptor | undefined {
  const text = raw?.trim()
  if (!text || text === '-') return undefined
  return text.startsWith('-')
    ? { column: text.slice(1), direction: 'descending' }
    : { column: text, direction: 'ascending' }
}

const writeSort = (sort: SortDescriptor) => (sort.direction === 'descending' ? '-' : '') + sort.column

const sameSort = (a: SortDescriptor | undefined, b: SortDescriptor | undefined) =>
  a?.column === b?.column && a?.direction === b?.direction

/** Whether a browser event is being handled: what the user does is pushed, what the app does on its own replaced. */
function handlingUserEvent(): boolean {
  return typeof window.event === 'object' && window.event !== null
}

/**
 * Keeps a list's page, sort, filter and search in the URL's query string: `?page=3&sort=-date_created&status_id=…&q=acme`.
 * A new sort, filter or search goes back to the first page. Back and Forward restore each view, and every hook of this
 * kind on the page sees the others' writes. Works with any router that reads `window.location`; on the server it reads
 * an empty URL.
 *
 * @example
 * const url = useListSearchParams({ filters: ['status_id'], defaultSort: { column: 'date_created', direction: 'descending' } })
 * const leads = usePagedList({ queryKey: ['leads'], adapter, fetchPage, ...url })
 * <select value={url.filter.status_id ?? ''} onChange={(event) => url.onFilterChange({ status_id: event.target.value })}>…</select>
 */
export function useListSearchParams(options: ListSearchParamsOptions = {}): ListSearchParams {
  const { filters = NO_FILTERS, defaultSort, history: mode = 'push' } = options
  const names = { page: 'page', sort: 'sort', search: 'q', ...options.names }
  if (process.env.NODE_ENV !== 'production') checkOptions(names, filters, mode)
  const search = useSyncExternalStore(subscribe, currentSearch, noSearch)
  const filterKey = filters.join('\n')
  const defaultKey = defaultSort && writeSort(defaultSort)

  const state = useMemo(() => {
    const params = new URLSearchParams(search)
    const filter: Record<string, string | undefined> = {}
    for (const name of filterKey ? filterKey.split('\n') : []) filter[name] = params.get(name) || undefined
    return {
      page: readPage(params, names.page),
      sort: readSort(params.get(names.sort)) ?? readSort(defaultKey ?? null),
      filter,
      search: params.get(names.search) ?? '',
    }
  }, [search, names.page, names.sort, names.search, filterKey, defaultKey])

  /** Applies `change` to the URL's params; `restart` also goes back to the first page. */
  const write = useCallback(
    (change: (params: URLSearchParams) => void, restart: boolean, replace = false) => {
      const url = new URL(window.location.href)
      const before = url.search
      change(url.searchParams)
      // Writing what the URL already says changes nothing, not even the page.
      if (url.search === before) return
      if (restart) url.searchParams.delete(names.page)
      // The entry's state belongs to the app or its router: keep it.
      if (!replace && mode === 'push' && handlingUserEvent())
        window.history.pushState(window.history.state, '', url)
      else window.history.replaceState(window.history.state, '', url)
      for (const listener of [...listeners]) listener()
    },
    [names.page, mode],
  )
  const set = (params: URLSearchParams, name: string, value: string | undefined) =>
    value ? params.set(name, value) : params.delete(name)

  return {
    ...state,
    onPageChange: (page) => {
      if (!Number.isInteger(page) || page < 0) return
      write((params) => set(params, names.page, page === 0 ? undefined : String(page + 1)), false)
    },
    onSortChange: (sort) => {
      if (sameSort(sort, state.sort)) return
      const written = sort && !sameSort(sort, readSort(defaultKey ?? null)) ? writeSort(sort) : undefined
      write((params) => set(params, names.sort, written), true)
    },
    onFilterChange: (filter) =>
      write((params) => {
        for (const name of filters) set(params, name, filter[name]?.trim() || undefined)
      }, true),
    onSearchChange: (text) =>
      write((params) => set(params, names.search, text.trim() || undefined), true, true),
  }
}

/**
 * The page in the URL's query string (`?page=3`), for `usePagedList`'s `page` and `onPageChange`: the page survives
 * a reload, and Back and Forward move between pages. `useListSearchParams` keeps sort, filter and search there too.
 *
 * @example
 * const deals = usePagedList({ queryKey: ['deals'], adapter: pipedriveCursor<Deal>(), fetchPage, ...usePageSearchParam() })
 */
export function usePageSearchParam(options: PageSearchParamOptions = {}): PageSearchParam {
  const { name } = options
  if (
    process.env.NODE_ENV !== 'production' &&
    name !== undefined &&
    (typeof name !== 'string' || name === '')
  ) {
    throw new InvalidOptionError('usePageSearchParam', 'name', 'a non-empty string', name)
  }
  const { page, onPageChange } = useListSearchParams({
    names: { page: name ?? 'page' },
    history: options.history,
  })
  return { page, onPageChange }
}

const NO_FILTERS: readonly string[] = []

/** Development only: the names are the developer's own options. */
function checkOptions(names: Record<string, unknown>, filters: readonly unknown[], mode: unknown): void {
  const owner = 'useListSearchParams'
  for (const [part, name] of Object.entries(names)) {
    if (typeof name !== 'string' || name === '') {
      throw new InvalidOptionError(owner, `names.${part}`, 'a non-empty string', name)
    }
  }
  if (!Array.isArray(filters) || filters.some((name) => typeof name !== 'string' || name === '')) {
    throw new InvalidOptionError(owner, 'filters', 'an array of param names', filters)
  }
  if (mode !== 'push' && mode !== 'replace') {
    throw new InvalidOptionError(owner, 'history', '"push" or "replace"', mode)
  }
}
