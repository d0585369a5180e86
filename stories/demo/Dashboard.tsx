import { ReactQueryDevtools } from '@tanstack/react-query-devtools'
import type { CSSProperties, ReactNode } from 'react'
import { CloseLeadsDemo, PagedDealsDemo } from './ShapedLists'
import { CloseEventsTable } from './TableDemos'

export interface DashboardProps {
  /** Close leads per request in the leads table (Close allows up to 200). */
  leadsPageSize: number
  /** Pipedrive deals per page in the deals pager (Pipedrive allows up to 500). */
  dealsPageSize: number
  /** Close events per request in the events feed (Close allows up to 50). */
  eventsPageSize: number
}

const grid: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 480px), 1fr))',
  gap: 16,
  alignItems: 'start',
  fontFamily: 'var(--pw-font)',
  // Room below the last panel for the Devtools button (fixed, bottom right), so it never covers content.
  paddingBottom: 72,
}

const panel: CSSProperties = {
  border: '1px solid var(--pw-border)',
  borderRadius: 'var(--pw-radius)',
  padding: 12,
  minWidth: 0,
}

function Panel({
  id,
  title,
  wide,
  children,
}: {
  id: string
  title: string
  wide?: boolean
  children: ReactNode
}) {
  return (
    <section aria-labelledby={id} style={{ ...panel, gridColumn: wide ? '1 / -1' : undefined }}>
      <h2 id={id} style={{ fontSize: 18, margin: '0 0 8px' }}>
        {title}
      </h2>
      {children}
    </section>
  )
}

/**
 * A CRM dashboard: Close leads in an `<InfiniteTable>`, Pipedrive deals in a `<Pager>` and the Close event log as a
 * feed, side by side, each on its own API's pagination style, all in one TanStack Query cache (open the Devtools
 * to watch it).
 */
export function Dashboard({ leadsPageSize, dealsPageSize, eventsPageSize }: DashboardProps) {
  return (
    <div style={{ fontFamily: 'var(--pw-font)' }}>
      <header style={{ marginBottom: 16 }}>
        <h1 style={{ fontSize: 24, margin: '0 0 4px' }}>CRM dashboard</h1>
        <p style={{ margin: 0, maxWidth: '75ch', lineHeight: 1.5 }}>
          Three lists, each paging its API its own way: scroll the Close leads (offset) or the activity log
          (cursor) to load more, and use the pager for the Pipedrive deals (cursor, with Previous). Sort the
          leads and deals by their headers, filter them by status, or search them: each request goes out in
          its API&apos;s own syntax, and the rows on screen stay until the new ones land. The data comes from
          mock APIs in your browser; with <code>npm start</code>, the toolbar&apos;s Data menu switches to
          your own Close and Pipedrive accounts.
        </p>
      </header>
      <div style={grid}>
        <Panel id="dashboard-leads" title="Leads (Close, _skip/_limit)" wide>
          <CloseLeadsDemo pageSize={leadsPageSize} height={360} />
        </Panel>
        <Panel id="dashboard-deals" title="Deals (Pipedrive v2, cursor)" wide>
          <PagedDealsDemo pageSize={dealsPageSize} />
        </Panel>
        <Panel id="dashboard-events" title="Activity (Close events, _cursor)">
          <CloseEventsTable pageSize={eventsPageSize} loadMode="auto" height={420} />
        </Panel>
        <ReactQueryDevtools initialIsOpen={false} buttonPosition="bottom-right" />
      </div>
    </div>
  )
}
