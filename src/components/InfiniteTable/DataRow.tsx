import { memo } from 'react'
import type { InfiniteTableColumn } from './infiniteTableTypes'

export interface DataRowProps<TItem> {
  item: TItem
  /** 0-based position among the loaded records; the row's `aria-rowindex` is this + 2 (after the header). */
  index: number
  columns: readonly InfiniteTableColumn<TItem>[]
  /** Offset from the top of the list, in pixels. */
  start: number
  /** In the tab order (the roving tabindex). */
  tabbable: boolean
  /** The virtualizer's measuring ref. */
  measure: (element: HTMLDivElement | null) => void
  actionable: boolean
}

function DataRowView<TItem>({
  item,
  index,
  columns,
  start,
  tabbable,
  measure,
  actionable,
}: DataRowProps<TItem>) {
  return (
    <div
      ref={measure}
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-actionable={actionable || undefined}
      tabIndex={tabbable ? 0 : -1}
      className="pw-infinite-table__row"
      style={{ transform: `translateY(${start}px)` }}
    >
      {columns.map((column) => (
        <div
          key={column.id}
          role="gridcell"
          className="pw-infinite-table__cell"
          data-column={column.id}
          data-align={column.align ?? 'start'}
        >
          {column.cell(item, index)}
        </div>
      ))}
    </div>
  )
}

/** One record's row. Memoised: scrolling re-renders the table, but rows already on screen keep their output. */
export const DataRow = memo(DataRowView) as typeof DataRowView
