import { useState } from 'react'
import { closeOffset, createFetcher, usePaginatedList } from '../../src'
import type { ListFilter, SortDescriptor } from '../../src'
import { InfiniteTable } from '../../src/components/InfiniteTable'
import type { InfiniteTableColumn, InfiniteTableProps } from '../../src/components/InfiniteTable'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../src/mock'
import { inPageFetch } from './inPageFetch'

export interface Lead {
  id: string
  display_name: string
}

export const leadColumns: InfiniteTableColumn<Lead>[] = [
  { id: 'name', header: 'Lead', cell: (lead) => lead.display_name, width: 280 },
  { id: 'id', header: 'Id', cell: (lead) => lead.id },
]

/** The mock Close API with `leads` leads, answered in the page, and a table of its leads through `usePaginatedList`. */
export function closeLeadsFixture(leads: number, options: Parameters<typeof createCloseMock>[0] = {}) {
  const mock = createCloseMock({ seed: 11, leads, ...options })
  const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`, fetch: inPageFetch(mock.handlers) })
  const fetchLeads = close('/lead/', { query: { _fields: 'id,display_name' } })
  const adapter = closeOffset<Lead>()

  function LeadsTable({
    pageSize = 100,
    retry = false,
    staleTime = 0,
    ...props
  }: Partial<InfiniteTableProps<Lead>> & { pageSize?: number; retry?: boolean; staleTime?: number }) {
    const list = usePaginatedList({
      queryKey: ['leads', leads],
      adapter,
      fetchPage: fetchLeads,
      pageSize,
      retry,
      staleTime,
    })
    return (
      <InfiniteTable
        list={list}
        columns={leadColumns}
        aria-label="Leads"
        itemName={{ one: 'lead', other: 'leads' }}
        height={400}
        rowHeight={40}
        overscan={8}
        {...props}
      />
    )
  }
  /** The `_skip` of every lead request so far, in order. */
  const skips = () =>
    mock.requests.filter((request) => request.path.endsWith('/lead/')).map((request) => request.query._skip)
  return { mock, LeadsTable, skips }
}

export interface ShapedLead {
  id: string
  display_name: string
  status_label: string
}

const shapedLeadColumns: InfiniteTableColumn<ShapedLead>[] = [
  { id: 'display_name', header: 'Lead', cell: (lead) => lead.display_name, allowsSorting: true },
  { id: 'status_label', header: 'Status', cell: (lead) => lead.status_label, width: 140 },
  { id: 'id', header: 'Id', cell: (lead) => lead.id, width: 300 },
]

/**
 * The mock Close API answered in the page, and a table of its leads whose sort is the table's header and whose filter
 * is the caller's (`setFilter` from the test); `useTableProps` adds the table props a test needs (a hook: it may keep
 * state, such as a selection).
 */
export function shapedLeadsFixture({
  leads = 1_000,
  useTableProps = () => ({}),
}: { leads?: number; useTableProps?: () => Partial<InfiniteTableProps<ShapedLead>> } = {}) {
  const mock = createCloseMock({ seed: 5, leads })
  const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`, fetch: inPageFetch(mock.handlers) })
  const fetchLeads = close('/lead/', { query: { _fields: 'id,display_name,status_label' } })
  const adapter = closeOffset<ShapedLead>()
  const controls: { setFilter?: (filter: ListFilter) => void } = {}

  function Leads() {
    const [sort, setSort] = useState<SortDescriptor>({ column: 'date_created', direction: 'descending' })
    const [filter, setFilter] = useState<ListFilter>({})
    controls.setFilter = setFilter
    const tableProps = useTableProps()
    const list = usePaginatedList({
      queryKey: ['leads'],
      adapter,
      fetchPage: fetchLeads,
      pageSize: 50,
      sort,
      filter,
    })
    return (
      <InfiniteTable
        list={list}
        columns={shapedLeadColumns}
        aria-label="Leads"
        itemName={{ one: 'lead', other: 'leads' }}
        height={400}
        sortDescriptor={sort}
        onSortChange={setSort}
        {...tableProps}
      />
    )
  }
  /** The lead requests so far, their query strings. */
  const requests = () =>
    mock.requests.filter((request) => request.path.endsWith('/lead/')).map((r) => r.query)
  return { mock, Leads, requests, controls }
}
