import type { InfiniteTableList, InfiniteTableState, LoadMode } from './infiniteTableTypes'

/**
 * The row after the loaded records:
 * `loading` (the next page is on its way, or will be as soon as it comes near in `auto` mode), `load-more` (the
 * button of `loadMode="button"`), `error` (with Retry), `end` or `empty`.
 */
export type StatusRowKind = 'loading' | 'load-more' | 'error' | 'end' | 'empty'

/** The table's state from its list's; see `InfiniteTableState`. */
export function tableStateOf(list: InfiniteTableList<unknown>): InfiniteTableState {
  if (list.status === 'pending') return 'loading'
  if (list.status === 'error') return 'error'
  if (list.isFetchingNextPage) return 'loading-more'
  if (list.hasNextPage) return 'idle'
  return list.items.length === 0 ? 'empty' : 'complete'
}

/** Which status row follows the loaded rows, or `null` before the first page (skeleton rows show instead). */
export function statusRowOf(list: InfiniteTableList<unknown>, loadMode: LoadMode): StatusRowKind | null {
  switch (tableStateOf(list)) {
    case 'loading':
      return null
    case 'error':
      return 'error'
    case 'loading-more':
      return 'loading'
    case 'idle':
      return loadMode === 'button' ? 'load-more' : 'loading'
    case 'empty':
      return 'empty'
    case 'complete':
      return 'end'
  }
}
