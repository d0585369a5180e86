import { columns } from './benchApi.ts'
import type { Lead } from './benchApi.ts'

/** The header cells of the `<table>` pages (Virtuoso, plain): the same columns and widths as pagewise's. */
export function HeaderCells() {
  return columns.map((column) => (
    <th
      key={column.id}
      data-column={column.id}
      style={{ width: typeof column.width === 'number' ? column.width : undefined }}
    >
      {column.header}
    </th>
  ))
}

/** Class of a data row's first cell: the harness finds data rows (never loading rows) by it. */
export const DATA_CELL_CLASS = 'bench-data-cell'

/** The data cells of one lead; the first has `DATA_CELL_CLASS` (its box spans the row's height). */
export function LeadCells({ lead, index }: { lead: Lead; index: number }) {
  return columns.map((column, position) => (
    <td key={column.id} data-column={column.id} className={position === 0 ? DATA_CELL_CLASS : undefined}>
      {column.cell(lead, index)}
    </td>
  ))
}
