import { memo } from 'react'
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react'
import type { SortableColumns } from '../shared/sorting'
import type { ColumnHead, InfiniteTableColumn, InfiniteTableLabels } from './infiniteTableTypes'
import { CHECKBOX_CLASS } from './useTableSelection'
import type { HeaderCheckState } from './useTableSelection'

// The rows of <InfiniteTable>'s grid: the header, the first-load skeleton and the cells of a record's row (the status
// row is the table's own). Every row shares the grid tracks of `columnStyle`, set once on the root as `--pw-columns`.
// With row selection, a checkbox column comes first.

/** The checkbox column's track: `--pw-select-column-width` when set. */
const SELECT_TRACK = 'var(--pw-select-column-width, 2.75rem)'

/**
 * The root's custom properties for the columns: the CSS grid tracks shared by the header and every row (so columns
 * keep their widths while rows come and go), and the minimum width of a row, past which the table scrolls sideways.
 * `selectable` puts the checkbox column first.
 */
export function columnStyle(
  columns: readonly ColumnHead[],
  selectable = false,
): Record<`--pw-${string}`, string> {
  let minWidth = selectable ? 44 : 0
  const tracks = columns.map(({ width }) => {
    minWidth += typeof width === 'number' ? width : 96
    // A column without a width shares the free space, never narrower than 6rem (96px at 16px).
    return typeof width === 'number' ? `${width}px` : (width ?? 'minmax(6rem, 1fr)')
  })
  if (selectable) tracks.unshift(SELECT_TRACK)
  return { '--pw-columns': tracks.join(' '), '--pw-row-min-width': `${minWidth}px` }
}

/**
 * A cell of `column`, a record's or the header's, aligned as the column says (no `data-align` for the default, start:
 * one attribute less).
 */
function cell(
  column: ColumnHead,
  header: boolean,
  children: ReactNode,
  props?: HTMLAttributes<HTMLDivElement>,
) {
  return (
    <div
      key={column.id}
      role={header ? 'columnheader' : 'gridcell'}
      className={header ? 'pw-infinite-table__header-cell' : 'pw-infinite-table__cell'}
      data-column={column.id}
      data-align={column.align}
      {...props}
    >
      {children}
    </div>
  )
}

// ── Header ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The sticky header: one `columnheader` per column, in the grid's first row (`aria-rowindex="1"`); a sortable column's
 * holds its sort button, and the sorted one carries `aria-sort`.
 */
export function headerRow(
  columns: readonly ColumnHead[],
  sorting: SortableColumns,
  selectionHeader: ReactNode = null,
) {
  return (
    <div role="rowgroup" className="pw-infinite-table__head">
      <div role="row" aria-rowindex={1} className="pw-infinite-table__header-row">
        {selectionHeader}
        {columns.map((column) =>
          cell(
            column,
            true,
            column.allowsSorting ? sorting.button(column.id, column.header) : column.header,
            sorting.headerProps(column.id),
          ),
        )}
      </div>
    </div>
  )
}

/**
 * The checkbox column's header: in `multiple` mode the "Select all" checkbox, checked, unchecked or indeterminate
 * (`mixed`: some rows selected, or all but some); in `single` mode only a name for screen readers.
 */
export function selectionHeaderCell(
  mode: 'single' | 'multiple',
  state: HeaderCheckState,
  labels: InfiniteTableLabels,
  onToggle: () => void,
  disabled: boolean,
) {
  const mixed = state === 'mixed'
  return (
    <div role="columnheader" className="pw-infinite-table__header-cell pw-infinite-table__select-cell">
      {mode === 'multiple' ? (
        <input
          type="checkbox"
          // `indeterminate` is a DOM property, not an attribute; assistive technology reads it as "mixed".
          ref={(node) => {
            if (node) node.indeterminate = mixed
          }}
          className={CHECKBOX_CLASS}
          aria-label={labels.selectAll}
          checked={state === 'checked'}
          disabled={disabled}
          onChange={onToggle}
        />
      ) : (
        <span className="pw-infinite-table__select-name">{labels.selectColumn}</span>
      )}
    </div>
  )
}

// ── First load ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The first load: a row holding a labelled progress indicator ("Loading leads"), then placeholders for `count` rows
 * in the shape of the table's, hidden from assistive technology (the grid is `aria-busy` and the indicator says what
 * happens). One element per column draws them all (a bar per row, and the rows' borders, in CSS), not one per cell:
 * the first page is on screen sooner when less is laid out before it.
 */
export function firstLoadRows(
  columns: readonly ColumnHead[],
  count: number,
  label: string,
  selectable = false,
) {
  const cells = (selectable ? 1 : 0) + columns.length
  return (
    <div role="rowgroup" className="pw-infinite-table__body" data-state="loading">
      <div role="row" aria-rowindex={2} className="pw-infinite-table__status-row" data-state="loading-first">
        <div role="gridcell" aria-colspan={cells} className="pw-infinite-table__status-cell">
          <span role="progressbar" aria-label={label} className="pw-infinite-table__progress" />
        </div>
      </div>
      <div
        aria-hidden="true"
        className="pw-infinite-table__skeleton"
        data-selectable={selectable || undefined}
        style={{ '--pw-skeleton-rows': count } as CSSProperties}
      >
        {Array.from({ length: cells }, (_, at) => (
          <div key={at} className="pw-infinite-table__skeleton-column" />
        ))}
      </div>
    </div>
  )
}

// ── Rows of the window ──────────────────────────────────────────────────────────────────────────────────────────

/** What a record's row needs; every prop is stable while the row stays on screen, so scrolling skips it. */
interface RecordRowProps<TItem> {
  item: TItem
  /** The row's 0-based position among the loaded records. */
  index: number
  /** Offset of the row's top from the top of the rows, in pixels, for a row placed by itself (else in the flow). */
  top?: number
  columns: readonly InfiniteTableColumn<TItem>[]
  /** The row in the tab order (roving tabindex). */
  tabbable: boolean
  /** Clicking the row calls `onRowAction`. */
  actionable: boolean
  /** Whether the row is selected; `undefined` when rows cannot be selected (no checkbox, no `aria-selected`). */
  selected?: boolean
  /** The label of the row's checkbox, from its first cell's content: "Select Acme Corp". Keep it stable. */
  checkboxLabel?: (item: TItem, index: number, firstCell: ReactNode) => string
}

/** A row checkbox's change: the table's click handler on the rows acts on it (one handler for every row). */
function ignoreChange() {}

function RecordRowView<TItem>({
  item,
  index,
  top,
  columns,
  tabbable,
  actionable,
  selected,
  checkboxLabel,
}: RecordRowProps<TItem>) {
  const contents = columns.map((column) => column.cell(item, index))
  // A grid row: focusable (roving tabindex), indexed for the table and for ARIA (the header is row 1).
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      style={top === undefined ? undefined : { top }}
      className="pw-infinite-table__row"
      data-actionable={actionable || undefined}
      data-alone={top === undefined ? undefined : true}
    >
      {selected === undefined ? null : (
        <div role="gridcell" className="pw-infinite-table__cell pw-infinite-table__select-cell">
          {/* Out of the tab order: the row is the tab stop, and Space on it toggles. */}
          <input
            type="checkbox"
            className={CHECKBOX_CLASS}
            tabIndex={-1}
            checked={selected}
            onChange={ignoreChange}
            aria-label={checkboxLabel?.(item, index, contents[0])}
          />
        </div>
      )}
      {columns.map((column, at) => cell(column, false, contents[at]))}
    </div>
  )
}

/**
 * A record's row. Memoised: scrolling re-renders the table, but a row that stays on screen is skipped whole, so a
 * frame's work is the rows that came into view (and the one whose tab stop moved); ticking a row re-renders that row.
 */
export const RecordRow = /* @__PURE__ */ memo(RecordRowView) as typeof RecordRowView
