import type { ColumnHead } from './infiniteTableTypes'

/** The sticky header: one `columnheader` per column, in the grid's first row (`aria-rowindex="1"`). */
export function HeaderRow({ columns }: { columns: readonly ColumnHead[] }) {
  return (
    <div role="rowgroup" className="pw-infinite-table__head">
      <div role="row" aria-rowindex={1} className="pw-infinite-table__header-row">
        {columns.map((column) => (
          <div
            key={column.id}
            role="columnheader"
            className="pw-infinite-table__header-cell"
            data-column={column.id}
            data-align={column.align ?? 'start'}
          >
            {column.header}
          </div>
        ))}
      </div>
    </div>
  )
}
