import type { CSSProperties, HTMLAttributes, Key, ReactNode } from 'react'
import type { ListSelection } from '../../core/selection'
import type { SortDescriptor } from '../../core/types'
import type { ListWindow } from '../../core/pageWindow'
import type { PaginatedList } from '../../hooks/paginatedListResult'
import type { SortLabels } from '../shared/sorting'

/**
 * What `<InfiniteTable>` reads from a list: the fields of a `usePaginatedList` (or `useSuspensePaginatedList`)
 * result it needs. Any object with these fields works, so a test or an adapter of your own can drive the table.
 */
export type InfiniteTableList<TItem> = Pick<
  PaginatedList<unknown, TItem, unknown>,
  | 'items'
  | 'total'
  | 'status'
  | 'error'
  | 'hasNextPage'
  | 'isFetching'
  | 'isFetchingNextPage'
  | 'fetchNextPage'
  | 'retry'
> &
  Partial<
    Pick<
      PaginatedList<unknown, TItem, unknown>,
      | 'pageSize'
      | 'isPlaceholderData'
      | 'listKey'
      | 'hasPreviousPage'
      | 'fetchPreviousPage'
      | 'firstItemIndex'
      | 'maxPages'
      | 'window'
      | 'loadWindow'
      | 'windowAt'
      | 'newItemCount'
      | 'showNewItems'
    >
  >

/** Where the user is in a list, as JSON: what `<InfiniteTable onPositionChange>` gives and `initialPosition` takes. */
export interface ListPosition<TParam = unknown> {
  /** The list it belongs to (`list.listKey`: its query key, sort and filter). */
  listKey: string
  /** The pages the list held: restoring loads these, from their params. */
  window: ListWindow<TParam>
  /** The first record in view: its row id (`getRowId`) and its index in the whole list. */
  anchor: { id: string | number; index: number }
  /** How far the view's top is below that row's top, in px. */
  offset: number
}

/**
 * Whether rows can be selected: `'none'` (no checkbox column), `'single'` (one row at most) or `'multiple'` (ranges,
 * select all).
 */
export type SelectionMode = 'none' | 'single' | 'multiple'

/** How the table loads the next page: when the user scrolls near the end, or when they press "Load more". */
export type LoadMode = 'auto' | 'button'

/**
 * The table's state, mirrored as `data-state` on its root:
 * `loading` (first page), `loading-more`, `error` (loaded rows stay), `empty`, `complete` (every row loaded) or
 * `idle` (more to load, nothing in flight).
 */
export type InfiniteTableState =
  'loading' | 'loading-more' | 'refreshing' | 'error' | 'empty' | 'complete' | 'idle'

/** One column of an `<InfiniteTable>`. */
export interface InfiniteTableColumn<TItem> {
  /** Stable, unique id of the column; also its `data-column` attribute. */
  id: string
  /** The column header's content (its accessible name when it is text). */
  header: ReactNode
  /**
   * Renders the cell of one record. API text is rendered as text: return strings or elements, never HTML.
   * @param item - The record of this row.
   * @param index - The row's 0-based position among the loaded records.
   */
  cell: (item: TItem, index: number) => ReactNode
  /** Width: a number of pixels or any CSS track size (`'20%'`, `'minmax(8rem, 2fr)'`). @default 'minmax(6rem, 1fr)' */
  width?: number | string
  /** Horizontal alignment of the header and the cells (`end` for numbers and money). @default 'start' */
  align?: 'start' | 'center' | 'end'
  /**
   * The header is a button that sorts the list by this column's `id` (ascending, then flipped), through the table's
   * `onSortChange`. Use the field name the API sorts by as the `id`. @default false
   */
  allowsSorting?: boolean
}

/** The parts of a column that do not depend on the record type: enough for the header and the layout. */
export type ColumnHead = Pick<
  InfiniteTableColumn<never>,
  'id' | 'header' | 'width' | 'align' | 'allowsSorting'
>

/** Props of `<InfiniteTable>`. Other `<div>` props (`id`, `data-*`, event handlers) go to the root element. */
export interface InfiniteTableProps<TItem> extends Omit<
  HTMLAttributes<HTMLDivElement>,
  'className' | 'style' | 'children' | 'role'
> {
  /** The list to show: the result of `usePaginatedList`. */
  list: InfiniteTableList<TItem>
  /** The columns, in order. Keep the array stable (a module constant or `useMemo`): rows re-render when it changes. */
  columns: readonly InfiniteTableColumn<TItem>[]
  /** The React key of a row, which its measured height is kept by; keep the function stable. @default `item.id`, else the row's index */
  getRowId?: (item: TItem, index: number) => Key
  /** The table's accessible name. One of `aria-label` or `aria-labelledby` is required. */
  'aria-label'?: string
  /** The id of the element naming the table, such as a heading. */
  'aria-labelledby'?: string
  /** The id of an element describing the table. */
  'aria-describedby'?: string
  /** Height of the scrolling area: pixels or any CSS length. @default 480 */
  height?: number | string
  /**
   * Height of a row in pixels. Rows are placed by it, with no measuring; a row its content makes taller (text that
   * wraps) is measured and placed by its real height. Match it to your rows' height (a larger font or padding makes
   * them taller): development builds warn when every row is another height. @default 40
   */
  rowHeight?: number
  /** Height of the sticky header row in pixels. @default rowHeight */
  headerHeight?: number
  /**
   * Rows rendered beyond each edge of the viewport, so that a small scroll shows rows already there. While the view
   * moves by this many rows or more per update (a fling, a slow device), one row is rendered instead, on the side it
   * moves towards, until it slows down or stops: the next move would pass the extra rows before anyone saw them.
   * After two such moves the same way, frame after frame, the rows are rendered where the view is going; a frame
   * without a scroll event brings the rows in view back, and 150 ms without one their overscan.
   * @default 8
   */
  overscan?: number
  /** `auto` loads the next page as the end comes near; `button` shows a "Load more" button. @default 'auto' */
  loadMode?: LoadMode
  /**
   * In `auto` mode, load when the last loaded row is this many rows from view.
   * @default one viewport of rows, or one page (`list.pageSize`) when that is more: the next page is asked for while a
   * whole page is still ahead, which hides the API's latency at fast scroll speeds
   */
  loadThreshold?: number
  /** What a row is, for messages such as "All 2,500 leads loaded". @default { one: 'row', other: 'rows' } */
  itemName?: ItemName
  /** Locale of the counts in messages (`Intl.NumberFormat`, `Intl.PluralRules`). @default the browser's */
  locale?: string
  /** Replaces any of the table's texts (messages, button labels), for wording or translation. */
  labels?: Partial<InfiniteTableLabels>
  /**
   * Placeholder rows shown while the first page loads, drawn in CSS by one element per column.
   * @default rows that fill `height` (at most 20)
   */
  skeletonRows?: number
  /** Scroll position to start at, in pixels: pass what `onScrollOffsetChange` reported to restore it on remount. */
  initialScrollOffset?: number
  /** Called with the scroll position when it changes. Store it in a ref, not state: it fires on every scroll frame. */
  onScrollOffsetChange?: (offset: number) => void
  /**
   * Called with where the user is once the view stops moving (and when the loaded pages change): the list's window (its
   * pages' params), the first record in view and how far it is scrolled past. JSON: keep it in `sessionStorage`, the
   * URL's state or your router's, and pass it back as `initialPosition`.
   */
  onPositionChange?: (position: ListPosition) => void
  /**
   * Where to come back to, as `onPositionChange` gave it. The table loads the saved window's pages directly from their
   * params (none when the list holds them, as from a persisted cache), then shows the saved row at the same place. If
   * that row is gone, the row at its index stands in, and the table says so. A position of another list (another sort
   * or filter: `listKey` differs) is ignored. Read on mount only; it wins over `initialScrollOffset`.
   */
  initialPosition?: ListPosition | null | undefined
  /** Called when a row is clicked or Enter is pressed on it; rows then show a pointer cursor. */
  onRowAction?: (item: TItem, index: number) => void
  /** Class of the root element, after `pw-infinite-table`; a function receives the table's state. */
  className?: string | ((state: InfiniteTableState) => string | undefined)
  /** Style of the root element; `--pw-*` custom properties restyle one table. */
  style?: CSSProperties
  /**
   * The list's sort, shown on the header of its column (`aria-sort`, an arrow). Pass the list's own `sort`.
   * @example { column: 'date_created', direction: 'descending' }
   */
  sortDescriptor?: SortDescriptor
  /**
   * Called with the new sort when the header of a column with `allowsSorting` is pressed (click, Enter or Space). Hand
   * it to the list's `sort`: the rows shown stay, marked as refreshing, until the new sort's first page lands, then the
   * table scrolls to the top and announces "Sorted by Created, descending".
   */
  onSortChange?: (sort: SortDescriptor) => void
  /**
   * Whether rows can be selected. `'multiple'` and `'single'` add a checkbox column first, `aria-selected` on rows and
   * a visible, polite count above the table ("3 selected"); `'multiple'` adds a "Select all" checkbox in the header,
   * Shift ranges and Ctrl/Cmd+A. Keys are `getRowId`'s.
   * @default 'none'
   */
  selectionMode?: SelectionMode
  /**
   * The selected rows, controlled: pass it with `onSelectionChange`. `{ type: 'some', keys }` or `{ type: 'all',
   * except }` (every row the list's query matches, loaded or not). A new filter clears it, a new sort keeps it.
   * @example { type: 'some', keys: new Set(['lead_1', 'lead_7']) }
   */
  selectedKeys?: ListSelection
  /** The selection to start with when the table keeps it itself (uncontrolled). @default no row selected */
  defaultSelectedKeys?: ListSelection
  /**
   * Called with the new selection on every change: a click, Space, a Shift range, Ctrl/Cmd+A, Escape, the header
   * checkbox, and a new list (a new filter or page size: `listKey` changed while `sortDescriptor` did not) clearing it.
   */
  onSelectionChange?: (selection: ListSelection) => void
  /**
   * A row's name in words, for its checkbox's label ("Select Acme Corp"); keep the function stable.
   * @default the first column's cell when it is text, else the row's `getRowId`
   */
  getRowName?: (item: TItem, index: number) => string
}

/** Singular and plural name of what a row is: `{ one: 'lead', other: 'leads' }`. */
export interface ItemName {
  /** The name of one row's record, e.g. `'lead'`. */
  one: string
  /** The name of several, e.g. `'leads'`. */
  other: string
}

/** The words of a message: formatted counts and the row name that agrees with them. */
export interface LabelWords {
  /** The count the message is about, formatted for the locale (`'2,500'`). */
  count: string
  /** The number of loaded rows, formatted for the locale. */
  total: string
  /** The row name agreeing with `count`: `'lead'` or `'leads'`. */
  items: string
}

/** Every text `<InfiniteTable>` shows or announces. Functions receive formatted counts and the agreeing row name. */
export interface InfiniteTableLabels extends SortLabels {
  /** Label of the first-load progress indicator. @default "Loading leads" */
  loading: (words: LabelWords) => string
  /** Text of the loading row. @default "Loading more leads" */
  loadingMore: (words: LabelWords) => string
  /** Announced after the first page. @default "Loaded 100 leads" */
  loaded: (words: LabelWords) => string
  /** Announced after each further page; `count` is the number added. @default "Loaded 100 more leads, 300 in total" */
  loadedMore: (words: LabelWords) => string
  /** Text of the end row, also announced. @default "All 2,500 leads loaded" */
  end: (words: LabelWords) => string
  /** Text of the empty state. @default "No leads" */
  empty: (words: LabelWords) => string
  /** Text of the error row, shown with the Retry button and announced. @default "Could not load leads: <message>" */
  error: (words: LabelWords & { message: string }) => string
  /** The Retry button. @default "Retry" */
  retry: string
  /** The button of `loadMode="button"`. @default "Load more" */
  loadMore: string
  /**
   * New records waiting above a scrolled-down live list: the button that shows them, and what is announced when they
   * arrive (at the top too, where they show at once). @default "3 new leads"
   */
  newItems: (words: LabelWords) => string
  /**
   * Shown and announced when `initialPosition`'s row is no longer in the list, and the row at its place stands in.
   * @default "The lead you were on is no longer in the list: showing where it was"
   */
  positionLost: (words: LabelWords) => string
  /** The link that moves keyboard focus past the table. @default "Skip table" */
  skipTable: string
  /** Label of a row's checkbox; `name` is the row's (`getRowName`). @default "Select Acme Corp" */
  selectRow: (words: { name: string }) => string
  /** Label of the header checkbox of `selectionMode="multiple"`. @default "Select all" */
  selectAll: string
  /** The checkbox column's header in `selectionMode="single"`, for screen readers only. @default "Select" */
  selectColumn: string
  /** The count when no row is selected. @default "No leads selected" */
  selectedNone: (words: LabelWords) => string
  /** The number of selected rows; `total` is the list's total when known, else the loaded rows. @default "3 selected" */
  selected: (words: LabelWords) => string
  /** Every row selected, the list's total known (`count`). @default "All 2,500 selected" */
  selectedAll: (words: LabelWords) => string
  /** Every row selected while the list's total is unknown. @default "All selected" */
  selectedAllUnknown: string
  /** Every row but `count` unticked ones, the total unknown. @default "All but 3 selected" */
  selectedAllBut: (words: LabelWords) => string
  /** Shown and announced when a new filter (or page size) cleared the selection. @default "Selection cleared: the list changed" */
  selectionCleared: string
}
