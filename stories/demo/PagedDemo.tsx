import { closeOffset, createFetcher, pipedriveCursor, usePagedList } from '../../src'
import type { PagedList } from '../../src'
import { CLOSE_MOCK_BASE_URL, PIPEDRIVE_MOCK_BASE_URL } from '../../src/mock'
import type { CloseOpportunity, PipedriveDeal } from '../../src/mock'
import { storyFetch } from '../support/storyRun'

const pipedrive = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api/v2`, fetch: storyFetch })
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`, fetch: storyFetch })
const deals = pipedriveCursor<PipedriveDeal>()
const opportunities = closeOffset<CloseOpportunity>({ resource: 'opportunity' })

export interface PagedDemoProps {
  /** Records per page. */
  pageSize: number
}

/** Pipedrive v2 deals, one page at a time: a forward-only cursor API that still gets Previous. */
export function PipedriveDealsPages({ pageSize }: PagedDemoProps) {
  const list = usePagedList({
    queryKey: ['pipedrive', 'deals'],
    adapter: deals,
    fetchPage: pipedrive('/deals'),
    pageSize,
  })
  return (
    <PagedRecords
      list={list}
      name="Pipedrive deals"
      columns={[
        { header: 'Deal', cell: (deal) => deal.title },
        { header: 'Status', cell: (deal) => deal.status },
      ]}
    />
  )
}

/** Close opportunities, one page at a time: an offset API with a total, so any page can be opened directly. */
export function CloseOpportunitiesPages({ pageSize }: PagedDemoProps) {
  const list = usePagedList({
    queryKey: ['close', 'opportunities'],
    adapter: opportunities,
    fetchPage: close('/opportunity/'),
    pageSize,
  })
  return (
    <PagedRecords
      list={list}
      name="Close opportunities"
      columns={[
        { header: 'Lead', cell: (opportunity) => opportunity.lead_name },
        { header: 'Status', cell: (opportunity) => opportunity.status_label },
      ]}
    />
  )
}

interface PagedRecordsProps<TItem extends { id: string | number }> {
  list: PagedList<unknown, TItem, unknown>
  name: string
  /** The table's columns after the record's number: a header, and the text of each record's cell. */
  columns: { header: string; cell: (item: TItem) => string }[]
}

const cellStyle = {
  padding: '4px 12px 4px 0',
  borderBottom: '1px solid var(--pw-border)',
  textAlign: 'start',
} as const
const headerStyle = { ...cellStyle, fontWeight: 600 } as const

/** A bare pager over a `usePagedList` result: the page's records in a table, and plain buttons. */
function PagedRecords<TItem extends { id: string | number }>({
  list,
  name,
  columns,
}: PagedRecordsProps<TItem>) {
  const of = list.pageCount === undefined ? '' : ` of ${list.pageCount.toLocaleString('en-US')}`
  return (
    <section style={{ fontFamily: 'var(--pw-font)', color: 'var(--pw-fg)' }} aria-busy={list.isFetching}>
      <h2 style={{ fontSize: 18 }}>{name}</h2>
      <p role="status" aria-live="polite">
        {list.isPending ? 'Loading…' : `Page ${list.pageIndex + 1}${of}`}
        {list.isPlaceholderData ? ' (loading)' : ''}
      </p>
      {list.isError ? (
        <p role="alert" style={{ color: 'var(--pw-danger)' }}>
          {list.error?.message}{' '}
          <button type="button" onClick={() => void list.retry()}>
            Retry
          </button>
        </p>
      ) : null}
      <table
        aria-label={name}
        style={{
          width: '100%',
          maxWidth: 720,
          borderCollapse: 'collapse',
          opacity: list.isPlaceholderData ? 0.7 : 1,
        }}
      >
        <thead>
          <tr>
            <th scope="col" style={{ ...headerStyle, width: '4em' }}>
              #
            </th>
            {columns.map((column) => (
              <th key={column.header} scope="col" style={headerStyle}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.items.map((item, index) => (
            <tr key={item.id}>
              <td style={cellStyle}>{list.firstItemIndex + index + 1}</td>
              {columns.map((column) => (
                <td key={column.header} style={cellStyle}>
                  {column.cell(item)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label={`${name} pages`} style={{ display: 'flex', gap: 8, marginTop: 12 }}>
        <button type="button" onClick={list.previousPage} disabled={!list.hasPreviousPage}>
          Previous page
        </button>
        <button type="button" onClick={list.nextPage} disabled={!list.hasNextPage}>
          Next page
        </button>
        {list.pageCount !== undefined ? (
          <button
            type="button"
            onClick={() => list.goToPage(list.pageCount! - 1)}
            disabled={!list.canGoToPage(list.pageCount - 1) || list.pageIndex === list.pageCount - 1}
          >
            Last page
          </button>
        ) : null}
      </nav>
    </section>
  )
}
