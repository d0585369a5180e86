import { memo } from 'react'
import type { InfiniteTableColumn } from './infiniteTableTypes'
import { VirtualRow } from './VirtualRow'
import type { VirtualRowPlacement } from './VirtualRow'

export interface DataRowProps<TItem> extends VirtualRowPlacement {
  item: TItem
  columns: readonly InfiniteTableColumn<TItem>[]
  /** Rows are clickable (`onRowAction`). */
  actionable: boolean
}

function DataRowView<TItem>({ item, columns, actionable, ...placement }: DataRowProps<TItem>) {
  return (
    <VirtualRow {...placement} className="pw-infinite-table__row" data-actionable={actionable || undefined}>
      {columns.map((column) => (
        <div
          key={column.id}
          role="gridcell"
          className="pw-infinite-table__cell"
          data-column={column.id}
          data-align={column.align ?? 'start'}
        >
          {column.cell(item, placement.index)}
        </div>
      ))}
    </VirtualRow>
  )
}

/** One record's row. Memoised: scrolling re-renders the table, but rows already on screen keep their output. */
export const DataRow = /* @__PURE__ */ memo(DataRowView) as typeof DataRowView
