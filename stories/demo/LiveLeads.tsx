import { useState } from 'react'
import { closeOffset, InfiniteTable, usePaginatedList } from '../../src'
import type { InfiniteTableColumn, PaginationAdapter } from '../../src'
import type { CloseLead } from '../../src/mock'
import { useApis } from '../support/dataSource'

const leadsAdapter = closeOffset<CloseLead>() as PaginationAdapter<unknown, CloseLead, unknown>
const columns: InfiniteTableColumn<CloseLead>[] = [
  { id: 'display_name', header: 'Lead', cell: (lead) => lead.display_name, width: 260 },
  { id: 'status_label', header: 'Status', cell: (lead) => lead.status_label, width: 120 },
  { id: 'date_created', header: 'Created', cell: (lead) => lead.date_created.slice(0, 19).replace('T', ' ') },
]

/**
 * A live list of Close leads, newest first: `refreshHeadInterval` polls the first page, and new leads wait above the
 * rows while the table is scrolled down ("3 new leads"), or show at once at the top. "Create 3 leads" adds leads to
 * the mock API, as colleagues would; "Refresh now" is `refreshHead()`.
 */
export function LiveLeadsDemo({ interval = 5_000 }: { interval?: number }) {
  const { close, source } = useApis()
  const [created, setCreated] = useState(0)
  const leads = usePaginatedList({
    queryKey: ['close', source, 'leads', 'live'],
    adapter: leadsAdapter,
    fetchPage: close('/lead/', { query: { _fields: 'id,display_name,status_label,date_created' } }),
    pageSize: 50,
    refreshHeadInterval: interval,
  })
  const createLeads = async () => {
    for (let index = 1; index <= 3; index++) {
      await close.send('/lead/', { method: 'POST', body: { name: `New lead ${created + index}` } })
    }
    setCreated(created + 3)
  }
  return (
    <section style={{ fontFamily: 'var(--pw-font)', color: 'var(--pw-fg)', display: 'grid', gap: 8 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        {/* Writes go to the mock only: the live Close account is never written to from a demo. */}
        <button type="button" onClick={() => void createLeads()} disabled={source === 'live'}>
          Create 3 leads
        </button>
        <button type="button" onClick={() => void leads.refreshHead().catch(() => undefined)}>
          Refresh now
        </button>
        <span style={{ color: 'var(--pw-muted)' }}>
          {`Polls every ${interval / 1000} s · ${leads.newItemCount} waiting · ${leads.items.length} loaded`}
        </span>
      </div>
      <InfiniteTable
        list={leads}
        columns={columns}
        aria-label="Live leads"
        itemName={{ one: 'lead', other: 'leads' }}
        height={420}
      />
    </section>
  )
}
