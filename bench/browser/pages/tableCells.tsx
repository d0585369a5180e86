import { columns } from './benchApi.ts'
import type { Lead } from './benchApi.ts'

/** The header cells of the Virtuoso and plain-table pages: the same columns and widths as pagewise's. */
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

/** The data cells of one lead. */
export function LeadCells({ lead, index }: { lead: Lead; index: number }) {
  return columns.map((column) => (
    <td key={column.id} data-column={column.id}>
      {column.cell(lead, index)}
    </td>
  ))
}
