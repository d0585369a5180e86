import { memo } from 'react'
import type { MouseEvent, ReactNode } from 'react'
import type { ColumnHead, InfiniteTableColumn } from './infiniteTableTypes'
import type { StatusRowKind } from './tableTexts'

// The rows of <InfiniteTable>'s grid: the header, the first-load skeleton, one row per record and the status row after
// them. Every row shares the grid tracks of `columnLayout`, set once on the root as `--pw-columns`.

/** Width of a column without one: shares the free space, never narrower than 6rem (96px at 16px). */
const FLEXIBLE = 'minmax(6rem, 1fr)'

/**
 * The CSS grid tracks shared by the header and every row (so columns keep their widths while rows come and go),
 * and the minimum width of a row, past which the table scrolls sideways.
 */
export function columnLayout(columns: readonly ColumnHead[]): { tracks: string; minWidth: number } {
  let minWidth = 0
  const tracks = columns.map(({ width }) => {
    minWidth += typeof width === 'number' ? width : 96
    return typeof width === 'number' ? `${width}px` : (width ?? FLEXIBLE)
  })
  return { tracks: tracks.join(' '), minWidth }
}

/** One cell of `column`, aligned as the column says. */
function cell(column: ColumnHead, role: string | undefined, className: string, children: ReactNode) {
  return (
    <div
      key={column.id}
      role={role}
      className={className}
      data-column={column.id}
      data-align={column.align ?? 'start'}
    >
      {children}
    </div>
  )
}

// ── Header ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** The sticky header: one `columnheader` per column, in the grid's first row (`aria-rowindex="1"`). */
export function HeaderRow({ columns }: { columns: readonly ColumnHead[] }) {
  return (
    <div role="rowgroup" className="pw-infinite-table__head">
      <div role="row" aria-rowindex={1} className="pw-infinite-table__header-row">
        {columns.map((column) =>
          cell(column, 'columnheader', 'pw-infinite-table__header-cell', column.header),
        )}
      </div>
    </div>
  )
}

// ── First load ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The first load: a row holding a labelled progress indicator ("Loading leads"), then `count` placeholder rows shaped
 * like the table's, hidden from assistive technology (the grid is `aria-busy` and the indicator says what happens).
 */
export function SkeletonRows({
  columns,
  count,
  label,
}: {
  columns: readonly ColumnHead[]
  count: number
  label: string
}) {
  return (
    <div role="rowgroup" className="pw-infinite-table__body" data-state="loading">
      <div role="row" aria-rowindex={2} className="pw-infinite-table__status-row" data-state="loading-first">
        <div role="gridcell" aria-colspan={columns.length} className="pw-infinite-table__status-cell">
          <span role="progressbar" aria-label={label} className="pw-infinite-table__progress" />
        </div>
      </div>
      {Array.from({ length: count }, (_, row) => (
        <div key={row} aria-hidden="true" className="pw-infinite-table__skeleton-row">
          {columns.map((column) =>
            cell(
              column,
              undefined,
              'pw-infinite-table__cell',
              <span className="pw-infinite-table__skeleton" />,
            ),
          )}
        </div>
      ))}
    </div>
  )
}

// ── Rows of the virtual list ────────────────────────────────────────────────────────────────────────────────────

/** Where a row sits in the virtual list, and how it takes focus. */
export interface RowPlacement {
  /** 0-based position in the virtual list; the row's `aria-rowindex` is this + 2 (the header is row 1). */
  index: number
  /** Offset from the top of the rows, in pixels. */
  start: number
  /** In the tab order (the roving tabindex). */
  tabbable: boolean
  /** The virtualizer's measuring ref. */
  measure: (element: HTMLDivElement | null) => void
}

/** A grid row at its place in the virtual list: measured, focusable, indexed for the virtualizer and for ARIA. */
function VirtualRow({
  index,
  start,
  tabbable,
  measure,
  children,
  ...attributes
}: RowPlacement & {
  className: string
  'data-state'?: string
  'data-actionable'?: true | undefined
  children: ReactNode
}) {
  return (
    <div
      {...attributes}
      ref={measure}
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      style={{ transform: `translateY(${start}px)` }}
    >
      {children}
    </div>
  )
}

function DataRowView<TItem>({
  item,
  columns,
  actionable,
  ...placement
}: RowPlacement & {
  item: TItem
  columns: readonly InfiniteTableColumn<TItem>[]
  /** Rows are clickable (`onRowAction`). */
  actionable: boolean
}) {
  return (
    <VirtualRow {...placement} className="pw-infinite-table__row" data-actionable={actionable || undefined}>
      {columns.map((column) =>
        cell(column, 'gridcell', 'pw-infinite-table__cell', column.cell(item, placement.index)),
      )}
    </VirtualRow>
  )
}

/** One record's row. Memoised: scrolling re-renders the table, but rows already on screen keep their output. */
export const DataRow = /* @__PURE__ */ memo(DataRowView) as typeof DataRowView

/**
 * The row after the loaded records, inside the grid like any other (so it is reached by scrolling and by the
 * keyboard): a progress indicator named by its text while loading, the error with Retry, the Load more button, the
 * end of the list, or the empty state.
 */
export function StatusRow({
  kind,
  columnCount,
  text,
  actionLabel,
  onAction,
  ...placement
}: RowPlacement & {
  kind: StatusRowKind
  columnCount: number
  /** The row's sentence: "Loading more leads", "All 2,500 leads loaded", "Could not load leads: …", "No leads". */
  text: string
  /** The button's label: Retry on `error`, Load more on `load-more`. */
  actionLabel: string
  onAction: (event: MouseEvent<HTMLButtonElement>) => void
}) {
  return (
    <VirtualRow {...placement} className="pw-infinite-table__status-row" data-state={kind}>
      <div role="gridcell" aria-colspan={columnCount} className="pw-infinite-table__status-cell">
        {kind === 'loading' ? (
          <span role="progressbar" aria-label={text} className="pw-infinite-table__progress" />
        ) : null}
        {kind === 'load-more' ? null : <span className="pw-infinite-table__status-text">{text}</span>}
        {kind === 'error' || kind === 'load-more' ? (
          <button
            type="button"
            className={`pw-infinite-table__${kind === 'error' ? 'retry' : 'load-more'}`}
            onClick={onAction}
          >
            {actionLabel}
          </button>
        ) : null}
      </div>
    </VirtualRow>
  )
}
