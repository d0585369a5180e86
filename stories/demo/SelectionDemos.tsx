import { useMemo, useState } from 'react'
import { closeOffset, emptySelection, InfiniteTable, usePaginatedList } from '../../src'
import type { InfiniteTableColumn, ListFilter, ListSelection, SortDescriptor } from '../../src'
import type { CloseLead } from '../../src/mock'
import { useApis } from '../support/dataSource'

/** A lead as the selection demo asks for it (`_fields`). */
export type SelectableLead = Pick<CloseLead, 'id' | 'display_name' | 'status_label' | 'date_created'>

const FIELDS = 'id,display_name,status_label,date_created'
const adapter = closeOffset<SelectableLead>()
const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' })

/** Columns of the selection demo: name and creation date sort (Close's `_order_by`). A module constant. */
export const selectableLeadColumns: InfiniteTableColumn<SelectableLead>[] = [
  { id: 'display_name', header: 'Lead', cell: (lead) => lead.display_name, allowsSorting: true },
  { id: 'status_label', header: 'Status', cell: (lead) => lead.status_label, width: 140 },
  {
    id: 'date_created',
    header: 'Created',
    cell: (lead) => day.format(new Date(lead.date_created)),
    width: 140,
    align: 'end',
    allowsSorting: true,
  },
]

/** The statuses of the status filter; `''` is every status. */
export const LEAD_STATUSES = ['Potential', 'Qualified', 'Customer', 'Bad Fit'] as const

export interface SelectionDemoProps {
  /** One row at most, or ranges and select all. */
  selectionMode: 'single' | 'multiple'
  /** The selection to start with. */
  initialSelection?: ListSelection
  /**
   * The status filter to start with; `''` for every status. With a status, Close answers with `total_results`, so
   * "all" has a number: "All 612 selected".
   */
  initialStatus?: string
  /** Records per request. */
  pageSize: number
  /** Height of the table in pixels. */
  height: number
  /** Light or dark; without it, the toolbar's theme. */
  theme?: 'light' | 'dark'
}

/** The selection as `onSelectionChange` handed it over, in a line: what an app would keep in its state. */
function describeSelection(selection: ListSelection): string {
  const keys = [...(selection.type === 'some' ? selection.keys : selection.except)]
  const shown = keys.slice(0, 3).map((key) => JSON.stringify(key))
  if (keys.length > 3) shown.push(`… ${keys.length - 3} more`)
  return `{ type: '${selection.type}', ${selection.type === 'some' ? 'keys' : 'except'}: [${shown.join(', ')}] }`
}

/**
 * Close leads with row selection, controlled: a status filter above (a new filter clears the selection), sortable
 * Lead and Created headers (a new sort keeps it), and the selection as the app holds it under the table.
 */
export function SelectionDemo({
  selectionMode,
  initialSelection = emptySelection(),
  initialStatus = '',
  pageSize,
  height,
  theme,
}: SelectionDemoProps) {
  const { source, close } = useApis()
  const [sort, setSort] = useState<SortDescriptor | undefined>(undefined)
  const [status, setStatus] = useState(initialStatus)
  const [selection, setSelection] = useState(initialSelection)
  const filter = useMemo<ListFilter>(() => (status ? { query: `status:"${status}"` } : {}), [status])
  const fetchPage = useMemo(() => close('/lead/', { query: { _fields: FIELDS } }), [close])
  const list = usePaginatedList({
    queryKey: ['close', source, 'leads', 'selection'],
    adapter,
    fetchPage,
    pageSize,
    sort,
    filter,
  })
  return (
    <div
      data-theme={theme}
      style={{
        display: 'grid',
        gap: 12,
        color: 'var(--pw-fg)',
        background: 'var(--pw-bg)',
        colorScheme: 'var(--pw-scheme)',
      }}
    >
      <label style={{ display: 'flex', gap: 8, alignItems: 'center', font: '0.875rem var(--pw-font)' }}>
        Status
        <select value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">Every status</option>
          {LEAD_STATUSES.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <InfiniteTable
        list={list}
        columns={selectableLeadColumns}
        aria-label="Close leads"
        itemName={{ one: 'lead', other: 'leads' }}
        height={height}
        sortDescriptor={sort}
        onSortChange={setSort}
        selectionMode={selectionMode}
        selectedKeys={selection}
        onSelectionChange={setSelection}
      />
      <p style={{ margin: 0, font: '0.8125rem var(--pw-font)', color: 'var(--pw-muted)' }}>
        The app’s state: <code>{describeSelection(selection)}</code>
      </p>
    </div>
  )
}
