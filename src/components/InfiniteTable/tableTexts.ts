import { selectedCount } from '../../core/selection'
import type { ListSelection } from '../../core/selection'
import { errorText, formatCount, isOne } from '../shared/format'
import { defaultSortLabels } from '../shared/sorting'
import type { SortLabels } from '../shared/sorting'
import type {
  InfiniteTableLabels,
  InfiniteTableList,
  InfiniteTableState,
  ItemName,
  LabelWords,
  LoadMode,
} from './infiniteTableTypes'

// What <InfiniteTable> says, and when: its state, the row after the records, their sentences and the announcements.

// Built by an annotated call, not a spread (which a bundler must keep, as it may run getters): an app that imports
// the Pager alone does not ship the table's texts.
/** English texts, the defaults. */
export const defaultInfiniteTableLabels: InfiniteTableLabels = /* @__PURE__ */ Object.assign<
  Omit<InfiniteTableLabels, keyof SortLabels>,
  SortLabels
>(
  {
    loading: ({ items }) => `Loading ${items}`,
    loadingMore: ({ items }) => `Loading more ${items}`,
    loaded: ({ count, items }) => `Loaded ${count} ${items}`,
    loadedMore: ({ count, total, items }) => `Loaded ${count} more ${items}, ${total} in total`,
    end: ({ count, items }) => `All ${count} ${items} loaded`,
    empty: ({ items }) => `No ${items}`,
    error: ({ items, message }) => `Could not load ${items}: ${message}`,
    retry: 'Retry',
    loadMore: 'Load more',
    newItems: ({ count, items }) => `${count} new ${items}`,
    positionLost: ({ items }) => `The ${items} you were on is no longer in the list: showing where it was`,
    skipTable: 'Skip table',
    selectRow: ({ name }) => `Select ${name}`,
    selectAll: 'Select all',
    selectColumn: 'Select',
    selectedNone: ({ items }) => `No ${items} selected`,
    selected: ({ count }) => `${count} selected`,
    selectedAll: ({ count }) => `All ${count} selected`,
    selectedAllUnknown: 'All selected',
    selectedAllBut: ({ count }) => `All but ${count} selected`,
    selectionCleared: 'Selection cleared: the list changed',
  },
  defaultSortLabels,
)

// ── State ───────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The row after the loaded records:
 * `loading` (the next page is on its way, or will be as soon as it comes near in `auto` mode), `refreshing` (a new sort
 * or filter is loading behind the previous rows), `load-more` (the button of `loadMode="button"`), `error` (with
 * Retry), `end` or `empty`.
 */
export type StatusRowKind = 'loading' | 'refreshing' | 'load-more' | 'error' | 'end' | 'empty'

/**
 * The table's state from its list's (see `InfiniteTableState`), and which status row follows the loaded rows: `null`
 * before the first page (skeleton rows show instead).
 */
export function tableStateOf(
  list: InfiniteTableList<unknown>,
  loadMode: LoadMode,
): [InfiniteTableState, StatusRowKind | null] {
  if (list.status === 'pending') return ['loading', null]
  if (list.status === 'error') return ['error', 'error']
  // The previous sort's or filter's rows, while the new one loads: a progress row after them.
  if (list.isPlaceholderData) return ['refreshing', 'refreshing']
  if (list.isFetchingNextPage) return ['loading-more', 'loading']
  if (list.hasNextPage) return ['idle', loadMode === 'button' ? 'load-more' : 'loading']
  return list.items.length === 0 ? ['empty', 'empty'] : ['complete', 'end']
}

// ── Sentences ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Every sentence of one table, from its `labels`, `itemName` and `locale`. */
export interface TableTexts {
  /** The table's labels, defaults filled in. */
  labels: InfiniteTableLabels
  /**
   * The status row's sentence, with `loaded` records loaded: "Loading more leads", "All 2,500 leads loaded", "Could
   * not load leads: …" (also announced), "No leads"; for `null`, the first load's "Loading leads".
   */
  statusRow: (kind: StatusRowKind | null, loaded: number, error: Error | null) => string
  /**
   * The announcement after `added` records arrived, `loaded` in all ("Loaded 100 more leads, 300 in total", plus "All
   * 2,500 leads loaded" at the end); nothing when none did.
   */
  arrived: (added: number, loaded: number, atEnd: boolean) => string
  /** The button and announcement of `count` new records waiting above the rows: "3 new leads". */
  newItems: (count: number) => string
  /** The note of a restored position whose row is gone. */
  positionLost: () => string
  /**
   * The selection's count: "No leads selected", "3 selected", "All 2,500 selected" (the list's `total` known, nothing
   * unticked; with rows unticked, their number taken off: "2,497 selected"), "All selected" or "All but 3 selected"
   * (total unknown).
   */
  selectionCount: (selection: ListSelection, total: number | undefined, loaded: number) => string
}

export function tableTexts(
  overrides: Partial<InfiniteTableLabels> | undefined,
  itemName: ItemName = { one: 'row', other: 'rows' },
  locale: string | undefined,
): TableTexts {
  const labels: InfiniteTableLabels = { ...defaultInfiniteTableLabels, ...overrides }
  /**
   * The words of a message about `count` rows, `loaded` loaded; `plural` for one without a count of its own. Each is
   * formatted when a label reads it: the first `Intl` formatter of a page costs tens of milliseconds, which "Loading
   * leads" need not pay before the first rows show.
   */
  const words = (count: number, loaded = count, plural = false): LabelWords => ({
    get count() {
      return formatCount(count, locale)
    },
    get total() {
      return formatCount(loaded, locale)
    },
    get items() {
      return !plural && isOne(count, locale) ? itemName.one : itemName.other
    },
  })
  const end = (loaded: number) => labels.end(words(loaded))

  return {
    labels,
    statusRow: (kind, loaded, error) =>
      kind === 'error'
        ? labels.error({ ...words(loaded, loaded, true), message: errorText(error) })
        : kind === 'load-more'
          ? labels.loadMore
          : kind === 'end'
            ? end(loaded)
            : labels[kind === 'loading' ? 'loadingMore' : kind === 'empty' ? kind : 'loading'](
                words(loaded, loaded, true),
              ),
    arrived: (added, loaded, atEnd) =>
      added > 0
        ? (added === loaded ? labels.loaded : labels.loadedMore)(words(added, loaded)) +
          (atEnd ? `. ${end(loaded)}` : '')
        : '',
    newItems: (count) => labels.newItems(words(count)),
    positionLost: () => labels.positionLost(words(1)),
    selectionCount: (selection, total, loaded) => {
      const count = selectedCount(selection, total)
      if (count === undefined) {
        const except = selection.type === 'all' ? selection.except.size : 0
        return except === 0 ? labels.selectedAllUnknown : labels.selectedAllBut(words(except))
      }
      if (count === 0) return labels.selectedNone(words(0, total ?? loaded, true))
      const allOf = selection.type === 'all' && selection.except.size === 0
      return (allOf ? labels.selectedAll : labels.selected)(words(count, total ?? loaded))
    },
  }
}
