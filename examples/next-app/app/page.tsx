import { HydrationBoundary, QueryClient, dehydrate } from '@tanstack/react-query'
import { closeOffset, paginatedListOptions } from 'pagewise/server'
import { closeOnServer } from '../lib/close'
import { LeadsTable } from './LeadsTable'
import { LEAD_FIELDS, LEADS_PAGE_SIZE, LEADS_QUERY_KEY } from './leads'
import type { Lead } from './leads'

// Rendered per request: the leads come from the API at request time, never from the build.
export const dynamic = 'force-dynamic'

/**
 * The first page of leads is fetched here, on the server, straight from Close, and sent with the HTML as dehydrated
 * TanStack Query state: the table shows it without a request. Later pages go through /api/close.
 */
export default async function LeadsPage() {
  const queryClient = new QueryClient()
  await queryClient.prefetchInfiniteQuery(
    paginatedListOptions({
      queryKey: LEADS_QUERY_KEY,
      adapter: closeOffset<Lead>(),
      fetchPage: closeOnServer('/lead/', { query: { _fields: LEAD_FIELDS } }),
      pageSize: LEADS_PAGE_SIZE,
    }),
  )
  return (
    <main>
      <h1 id="leads-heading">Leads</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <LeadsTable />
      </HydrationBoundary>
    </main>
  )
}
