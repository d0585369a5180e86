import type { ColumnHead } from './infiniteTableTypes'

export interface SkeletonRowsProps {
  columns: readonly ColumnHead[]
  count: number
  /** The progress indicator's accessible name, e.g. "Loading leads". */
  label: string
}

/**
 * The first load: a row holding a labelled progress indicator, then placeholder rows shaped like the table's,
 * hidden from assistive technology (the grid is `aria-busy` and the indicator says what is happening).
 */
export function SkeletonRows({ columns, count, label }: SkeletonRowsProps) {
  return (
    <div role="rowgroup" className="pw-infinite-table__body" data-state="loading">
      <div role="row" aria-rowindex={2} className="pw-infinite-table__status-row" data-state="loading-first">
        <div role="gridcell" aria-colspan={columns.length} className="pw-infinite-table__status-cell">
          <span role="progressbar" aria-label={label} className="pw-infinite-table__progress" />
        </div>
      </div>
      {Array.from({ length: count }, (_, row) => (
        <div key={row} aria-hidden="true" className="pw-infinite-table__skeleton-row">
          {columns.map((column) => (
            <div key={column.id} className="pw-infinite-table__cell" data-align={column.align ?? 'start'}>
              <span className="pw-infinite-table__skeleton" />
            </div>
          ))}
        </div>
      ))}
    </div>
  )
}
