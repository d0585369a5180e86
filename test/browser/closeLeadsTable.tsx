import { closeOffset, createFetcher, usePaginatedList } from '../../src'
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
