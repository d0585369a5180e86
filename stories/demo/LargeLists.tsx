import { useState } from 'react'
import type { CSSProperties } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createFetcher, InfiniteTable, usePaginatedList } from '../../src'
import type { InfiniteTableColumn, ListPosition } from '../../src'
import { MILLION_ROWS_BASE, millionRowsAdapter } from '../support/millionRows'
import type { MillionLead } from '../support/millionRows'

const adapter = millionRowsAdapter()
const columns: InfiniteTableColumn<MillionLead>[] = [
  { id: 'display_name', header: 'Lead', cell: (lead) => lead.display_name, width: 200 },
  { id: 'status_label', header: 'Status', cell: (lead) => lead.status_label, width: 120 },
  { id: 'date_created', header: 'Created', cell: (lead) => lead.date_created.slice(0, 10) },
]
const format = (count: number) => count.toLocaleString('en-US')

/** The offset of every page this demo asked for, in order: what "requests" below counts. */
function useRequestLog() {
  // Pushed to by the fetcher, read when the list renders again (each request's answer renders it).
  const [log] = useState<number[]>(() => [])
  const [api] = useState(() =>
    createFetcher({
      baseUrl: MILLION_ROWS_BASE,
      fetch: (input, init) => {
        log.push(
          Number(new URL(String(input instanceof Request ? input.url : input)).searchParams.get('offset')),
        )
        return fetch(input, init)
      },
    }),
  )
  return { fetchPage: api('/lead/'), log }
}

const panel = { fontFamily: 'var(--pw-font)', color: 'var(--pw-fg)', display: 'grid', gap: 8 } as const
// Rows of 32 px: a million of them fit under Chromium's largest element height (about 33.5 million px).
const compact = { '--pw-cell-padding': '0 0.75rem' } as CSSProperties
const note = { color: 'var(--pw-muted)', fontVariantNumeric: 'tabular-nums' } as const

/**
 * A list of a million leads with `maxPages: 5`: the table holds at most 500 of them, dropping pages at the far end as
 * the user scrolls and loading them back on the way back. Its scrollbar is the whole list's; dragged far, it loads the
 * page there directly.
 */
export function MillionLeadsDemo({ maxPages = 5 }: { maxPages?: number }) {
  const { fetchPage, log } = useRequestLog()
  const leads = usePaginatedList({ queryKey: ['million-leads'], adapter, fetchPage, pageSize: 100, maxPages })
  const first = leads.firstItemIndex
  return (
    <section style={panel}>
      <span style={note} data-testid="held">
        {`Holding ${format(leads.items.length)} of ${format(leads.total ?? 0)} leads (rows ${format(first + 1)}–${format(first + leads.items.length)}) · ${format(log.length)} ${log.length === 1 ? 'request' : 'requests'}`}
      </span>
      <InfiniteTable
        list={leads}
        columns={columns}
        aria-label="A million leads"
        itemName={{ one: 'lead', other: 'leads' }}
        height={420}
        rowHeight={32}
        style={compact}
      />
    </section>
  )
}

/**
 * Open a lead, go back, land on it: the list reports its position (`onPositionChange`) and gets it back
 * (`initialPosition`), which loads only the pages that were held, from their offsets. "Reload" throws the cache away
 * first, as a new page load would.
 */
export function PositionDemo({ saved = null }: { saved?: ListPosition | null }) {
  const [client, setClient] = useState(() => new QueryClient())
  const [position, setPosition] = useState<ListPosition | null>(saved)
  const [open, setOpen] = useState<MillionLead | null>(null)
  const [reloads, setReloads] = useState(0)
  const back = () => setOpen(null)
  const reload = () => {
    setClient(new QueryClient())
    setReloads(reloads + 1)
    setOpen(null)
  }
  return (
    <QueryClientProvider client={client}>
      <section style={panel}>
        {open ? (
          <article aria-label="Lead" style={{ display: 'grid', gap: 8, maxWidth: 480 }}>
            <h3 style={{ margin: 0 }}>{open.display_name}</h3>
            <p
              style={{ margin: 0 }}
            >{`${open.status_label} · created ${open.date_created.slice(0, 10)} · ${open.id}`}</p>
            <div style={{ display: 'flex', gap: 8 }}>
              <button type="button" onClick={back}>
                Back to the list
              </button>
              <button type="button" onClick={reload}>
                Reload, then back to the list
              </button>
            </div>
          </article>
        ) : (
          <PositionedLeads
            key={reloads}
            position={position}
            onPositionChange={setPosition}
            onOpen={setOpen}
          />
        )}
      </section>
    </QueryClientProvider>
  )
}

function PositionedLeads({
  position,
  onPositionChange,
  onOpen,
}: {
  position: ListPosition | null
  onPositionChange: (position: ListPosition) => void
  onOpen: (lead: MillionLead) => void
}) {
  const { fetchPage, log } = useRequestLog()
  const leads = usePaginatedList({
    queryKey: ['million-leads', 'positioned'],
    adapter,
    fetchPage,
    pageSize: 100,
    maxPages: 3,
  })
  return (
    <>
      <span style={note} data-testid="requests">
        {`Requests since the list opened: ${log.length ? log.map((offset) => `offset=${format(offset)}`).join(', ') : 'none'}`}
      </span>
      <InfiniteTable
        list={leads}
        columns={columns}
        aria-label="Leads"
        itemName={{ one: 'lead', other: 'leads' }}
        height={420}
        rowHeight={32}
        style={compact}
        initialPosition={position}
        onPositionChange={onPositionChange}
        onRowAction={onOpen}
      />
    </>
  )
}
