import { useState } from 'react'
import { errorText, formatCount, isOne } from '../shared/format'
import type {
  InfiniteTableLabels,
  InfiniteTableList,
  InfiniteTableState,
  ItemName,
  LabelWords,
  LoadMode,
} from './infiniteTableTypes'

// What <InfiniteTable> says, and when: its state, the row after the records, their sentences and the announcements.

/** English texts, the defaults. */
export const defaultInfiniteTableLabels: InfiniteTableLabels = {
  loading: ({ items }) => `Loading ${items}`,
  loadingMore: ({ items }) => `Loading more ${items}`,
  loaded: ({ count, items }) => `Loaded ${count} ${items}`,
  loadedMore: ({ count, total, items }) => `Loaded ${count} more ${items}, ${total} in total`,
  end: ({ count, items }) => `All ${count} ${items} loaded`,
  empty: ({ items }) => `No ${items}`,
  error: ({ items, message }) => `Could not load ${items}: ${message}`,
  retry: 'Retry',
  loadMore: 'Load more',
  skipTable: 'Skip table',
}

// ── State ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** The table's state from its list's; see `InfiniteTableState`. */
export function tableStateOf(list: InfiniteTableList<unknown>): InfiniteTableState {
  if (list.status === 'pending') return 'loading'
  if (list.status === 'error') return 'error'
  if (list.isFetchingNextPage) return 'loading-more'
  if (list.hasNextPage) return 'idle'
  return list.items.length === 0 ? 'empty' : 'complete'
}

/**
 * The row after the loaded records:
 * `loading` (the next page is on its way, or will be as soon as it comes near in `auto` mode), `load-more` (the
 * button of `loadMode="button"`), `error` (with Retry), `end` or `empty`.
 */
export type StatusRowKind = 'loading' | 'load-more' | 'error' | 'end' | 'empty'

const STATUS_ROWS = {
  loading: null,
  error: 'error',
  'loading-more': 'loading',
  idle: 'loading',
  empty: 'empty',
  complete: 'end',
} as const

/** Which status row follows the loaded rows, or `null` before the first page (skeleton rows show instead). */
export function statusRowOf(state: InfiniteTableState, loadMode: LoadMode): StatusRowKind | null {
  return state === 'idle' && loadMode === 'button' ? 'load-more' : STATUS_ROWS[state]
}

// ── Sentences ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Every sentence of one table, from its `labels`, `itemName` and `locale`. */
export interface TableTexts {
  /** The table's labels, defaults filled in. */
  labels: InfiniteTableLabels
  /** The first-load progress indicator's name: "Loading leads". */
  firstLoad: () => string
  /** The status row's sentence, with `loaded` records loaded. */
  statusRow: (kind: StatusRowKind, loaded: number, error: Error | null) => string
  /** The announcement after `added` records arrived, `loaded` in all: "Loaded 100 more leads, 300 in total". */
  arrived: (added: number, loaded: number, atEnd: boolean) => string
  /** The announcement of a failed fetch. */
  failed: (error: Error | null, loaded: number) => string
}

export function tableTexts(
  overrides: Partial<InfiniteTableLabels> | undefined,
  itemName: ItemName = { one: 'row', other: 'rows' },
  locale: string | undefined,
): TableTexts {
  const labels: InfiniteTableLabels = { ...defaultInfiniteTableLabels, ...overrides }
  /** The words of a message about `count` rows, `loaded` loaded; `plural` for one without a count of its own. */
  const words = (count: number, loaded = count, plural = false): LabelWords => ({
    count: formatCount(count, locale),
    total: formatCount(loaded, locale),
    items: !plural && isOne(count, locale) ? itemName.one : itemName.other,
  })
  const failed = (error: Error | null, loaded: number) =>
    labels.error({ ...words(loaded, loaded, true), message: errorText(error) })

  return {
    labels,
    firstLoad: () => labels.loading(words(0, 0, true)),
    statusRow: (kind, loaded, error) =>
      kind === 'loading'
        ? labels.loadingMore(words(loaded, loaded, true))
        : kind === 'error'
          ? failed(error, loaded)
          : kind === 'end'
            ? labels.end(words(loaded))
            : kind === 'empty'
              ? labels.empty(words(loaded, loaded, true))
              : labels.loadMore,
    arrived: (added, loaded, atEnd) => {
      const message = (added === loaded ? labels.loaded : labels.loadedMore)(words(added, loaded))
      return atEnd ? `${message}. ${labels.end(words(loaded))}` : message
    },
    failed,
  }
}

/**
 * The sentence for the table's polite live region, updated when rows arrive ("Loaded 100 more leads, 300 in
 * total", plus "All 2,500 leads loaded" at the end) or a fetch fails. It changes only on those events, so
 * re-renders from scrolling announce nothing.
 */
export function useLoadAnnouncement(list: InfiniteTableList<unknown>, texts: TableTexts): string {
  const loaded = list.items.length
  const error = list.status === 'error' ? list.error : null
  const [seen, setSeen] = useState({ loaded, error, message: '' })
  if (seen.loaded !== loaded || seen.error !== error) {
    // Derived from the list during render (React's pattern for state that follows props), so it is never a frame late.
    // Nothing added (a retry that brought no new record) or fewer rows (a new list, a first-page refetch): silence.
    const added = loaded - seen.loaded
    const message =
      error !== null
        ? texts.failed(error, loaded)
        : added > 0
          ? texts.arrived(added, loaded, !list.hasNextPage)
          : ''
    setSeen({ loaded, error, message })
    return message
  }
  return seen.message
}
