import { closeOffset, createFetcher, usePaginatedList } from '../../src'
import { CLOSE_MOCK_BASE_URL } from '../../src/mock'
import { storyFetch } from '../support/storyRun'

/** The fields of a Close lead this demo shows. */
export interface DemoLead {
  id: string
  display_name: string
  status_label: string
  date_created: string
  contacts: { name: string; emails: { email: string }[] }[]
}

const adapter = closeOffset<DemoLead>()
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`, fetch: storyFetch })
const fetchLeads = close('/lead/', {
  query: { _fields: 'id,display_name,status_label,date_created,contacts' },
})

export interface CloseLeadsListProps {
  /** Leads per request; clamped to Close's maximum of 200. */
  pageSize: number
}

/**
 * Close leads through `usePaginatedList` and `closeOffset`: the hook flattens and de-duplicates the pages, clamps
 * the page size, retries 429s and 5xx, and keeps the loaded leads when a page fails.
 */
export function CloseLeadsList({ pageSize }: CloseLeadsListProps) {
  const leads = usePaginatedList({
    queryKey: ['close', 'leads'],
    adapter,
    fetchPage: fetchLeads,
    pageSize,
  })
  const rows = leads.items
  const total = leads.total

  return (
    <section style={{ fontFamily: 'var(--pw-font)', color: 'var(--pw-fg)' }}>
      <h2 style={{ fontSize: 18 }}>Close leads</h2>
      <p role="status" aria-live="polite">
        {leads.isPending
          ? 'Loading leads…'
          : `${rows.length.toLocaleString()} leads loaded${total === undefined ? '' : ` of ${total.toLocaleString()}`}`}
      </p>
      {leads.isError ? (
        <p role="alert" style={{ color: 'var(--pw-danger)' }}>
          {leads.error?.message}{' '}
          <button type="button" onClick={() => void leads.retry()}>
            Retry
          </button>
        </p>
      ) : null}
      <table aria-label="Close leads" style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            {['Lead', 'Status', 'Contact', 'Created'].map((header) => (
              <th key={header} scope="col" style={cell}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((lead) => (
            <tr key={lead.id}>
              <td style={cell}>{lead.display_name}</td>
              <td style={cell}>{lead.status_label}</td>
              <td style={cell}>{lead.contacts[0]?.emails[0]?.email ?? '—'}</td>
              <td style={cell}>{new Date(lead.date_created).toLocaleDateString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => void leads.fetchNextPage()}
        disabled={!leads.hasNextPage || leads.isFetchingNextPage}
        style={{ marginTop: 12 }}
      >
        {leads.isFetchingNextPage ? 'Loading more…' : leads.hasNextPage ? 'Load more' : 'All leads loaded'}
      </button>
    </section>
  )
}

const cell = { borderBottom: '1px solid var(--pw-border)', padding: '6px 8px', textAlign: 'left' } as const
