'use client'

import Link from 'next/link'
import { InfiniteTable, closeOffset, createFetcher, usePaginatedList } from 'pagewise'
import type { InfiniteTableColumn } from 'pagewise'
import { useEffect, useRef } from 'react'
import { LEAD_FIELDS, LEADS_PAGE_SIZE, LEADS_QUERY_KEY } from './leads'
import type { Lead } from './leads'

// In the browser, Close is reached through the app's own route handler, which adds the key on the server.
const close = createFetcher({ baseUrl: '/api/close' })

const columns: InfiniteTableColumn<Lead>[] = [
  {
    id: 'name',
    header: 'Lead',
    // No prefetch: fifty links in view would each ask the server for a page nobody may open.
    cell: (lead) => (
      <Link href={`/leads/${encodeURIComponent(lead.id)}`} prefetch={false}>
        {lead.display_name}
      </Link>
    ),
  },
  { id: 'status', header: 'Status', cell: (lead) => lead.status_label, width: 140 },
]

/** The leads table: page 1 comes hydrated from the server; scrolling loads the next pages through the proxy. */
export function LeadsTable() {
  const leads = usePaginatedList({
    queryKey: LEADS_QUERY_KEY,
    adapter: closeOffset<Lead>(),
    fetchPage: close('/lead/', { query: { _fields: LEAD_FIELDS } }),
    pageSize: LEADS_PAGE_SIZE,
  })
  // Marks the moment React has taken over the server's HTML (the browser test waits for it).
  const section = useRef<HTMLElement>(null)
  useEffect(() => {
    section.current?.setAttribute('data-hydrated', 'true')
  }, [])
  return (
    <section ref={section}>
      <p>{leads.items.length} leads loaded</p>
      <InfiniteTable
        list={leads}
        columns={columns}
        aria-labelledby="leads-heading"
        itemName={{ one: 'lead', other: 'leads' }}
        height={480}
        // The default loads a page ahead as soon as the table mounts; this waits until the user scrolls within ten
        // rows of the end, so the first screen costs the API nothing.
        loadThreshold={10}
      />
    </section>
  )
}
