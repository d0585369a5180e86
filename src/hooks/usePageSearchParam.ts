import { useCallback, useSyncExternalStore } from 'react'
import { InvalidOptionError } from '../core/errors'

const OWNER = 'usePageSearchParam'

/** Options of `usePageSearchParam`. */
export interface PageSearchParamOptions {
  /** Name of the search parameter holding the page; give each pager on a screen its own. @default 'page' */
  name?: string
  /**
   * How a page change the user makes is written: `'push'` adds a history entry, so Back returns to the page before;
   * `'replace'` rewrites the current entry. Changes made outside a user event (the list moving a stale `?page=99`
   * to its last page) always replace, so Back never lands on a page that bounces forward again.
   * @default 'push'
   */
  history?: 'push' | 'replace'
}

/** What `usePageSearchParam` returns: spread it into `usePagedList`'s options. */
export interface PageSearchParam {
  /** The page in the URL, 0-based (`?page=3` is `2`); `0` when the parameter is missing or not a page number. */
  page: number
  /** Writes page `page` (0-based) to the URL as `?page=<page + 1>`; page 0 removes the parameter. */
  onPageChange: (page: number) => void
}

// pushState and replaceState fire no event; the hooks of this module hear about each other's writes here.
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

/** The page index in `search` under `name`: a whole number >= 1 gives that page minus one, anything else 0. */
function readPage(search: string, name: string): number {
  const raw = new URLSearchParams(search).get(name)
  if (raw === null || !/^\d+$/.test(raw.trim())) return 0
  const page = Number(raw.trim())
  return Number.isSafeInteger(page) && page >= 1 ? page - 1 : 0
}

/** A user event (click, key press, submit, change) is being handled: `window.event` is set only during dispatch. */
function handlingUserEvent(): boolean {
  return typeof window.event === 'object' && window.event !== null
}

/**
 * Keeps a pager's page in the URL's query string (`?page=3`), so that a reload opens the same page and the
 * browser's Back and Forward buttons move between the pages visited. Works for offset lists (the page is opened
 * directly) and cursor lists (`usePagedList` walks forward to the page, then Previous uses its cursor history).
 * The URL holds the 1-based page people see; the hook returns the 0-based index the list uses.
 *
 * It writes with `history.pushState` / `replaceState` and listens to `popstate`. With a router (React Router,
 * Next.js, TanStack Router), read and write the page with the router's own search-param API instead, in the same
 * shape: `{ page, onPageChange }`.
 *
 * @example
 * const deals = usePagedList({
 *   queryKey: ['pipedrive', 'deals'],
 *   adapter: pipedriveCursor<Deal>(),
 *   fetchPage: pipedrive('/v2/deals'),
 *   ...usePageSearchParam({ name: 'page' }),
 * })
 */
export function usePageSearchParam(options: PageSearchParamOptions = {}): PageSearchParam {
  const { name = 'page', history: mode = 'push' } = options
  if (process.env.NODE_ENV !== 'production') {
    if (typeof name !== 'string' || name === '') {
      throw new InvalidOptionError(OWNER, 'name', 'a non-empty string', name)
    }
    if (mode !== 'push' && mode !== 'replace') {
      throw new InvalidOptionError(OWNER, 'history', '"push" or "replace"', mode)
    }
  }
  const page = useSyncExternalStore(
    subscribe,
    () => readPage(window.location.search, name),
    () => 0,
  )
  const onPageChange = useCallback(
    (next: number) => {
      if (!Number.isInteger(next) || next < 0 || next === readPage(window.location.search, name)) return
      const url = new URL(window.location.href)
      if (next === 0) url.searchParams.delete(name)
      else url.searchParams.set(name, String(next + 1))
      const push = mode === 'push' && handlingUserEvent()
      // The entry's state belongs to the app or its router: keep it.
      if (push) window.history.pushState(window.history.state, '', url)
      else window.history.replaceState(window.history.state, '', url)
      for (const listener of [...listeners]) listener()
    },
    [name, mode],
  )
  return { page, onPageChange }
}
