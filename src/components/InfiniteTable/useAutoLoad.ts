import { useEffect } from 'react'
import type { InfiniteTableList } from './infiniteTableTypes'

export interface AutoLoadOptions {
  list: InfiniteTableList<unknown>
  /** `false` in `loadMode="button"`. */
  enabled: boolean
  /** The last row in view (0-based), or `null` before the grid has a size. */
  lastVisibleIndex: number | null
  /** Load when the last loaded row is within this many rows of view. */
  threshold: number
}

/**
 * Loads the next page when the last loaded row comes within `threshold` rows of view.
 *
 * It is re-checked after every render rather than on scroll events, so a first page too short to fill the
 * viewport is followed by the next at once, and so on until the viewport is full (scroll events never come when
 * there is nothing to scroll). It never starts a fetch while any is in flight, and it stops after an error: the
 * error row's Retry resumes.
 */
export function useAutoLoad({ list, enabled, lastVisibleIndex, threshold }: AutoLoadOptions): void {
  const loaded = list.items.length
  const { fetchNextPage } = list
  const due =
    enabled &&
    list.status === 'success' &&
    list.hasNextPage &&
    !list.isFetching &&
    lastVisibleIndex !== null &&
    lastVisibleIndex + threshold >= loaded - 1
  useEffect(() => {
    if (due) void fetchNextPage()
    // `loaded` re-arms the check after a page that left the viewport still short of rows.
  }, [due, loaded, fetchNextPage])
}
