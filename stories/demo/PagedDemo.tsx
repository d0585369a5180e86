import { closeOffset, createFetcher, pipedriveCursor, usePagedList } from '../../src'
import type { PagedList } from '../../src'
import { CLOSE_MOCK_BASE_URL, PIPEDRIVE_MOCK_BASE_URL } from '../../src/mock'
import type { CloseOpportunity, PipedriveDeal } from '../../src/mock'

const pipedrive = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api/v2` })
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
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
    <PagedRecords list={list} name="Pipedrive deals" describe={(deal) => `${deal.title} · ${deal.status}`} />
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
    <PagedRecords list={list} name="Close opportunities" describe={(opportunity) => opportunity.lead_name} />
  )
}

interface PagedRecordsProps<TItem extends { id: string | number }> {
  list: PagedList<unknown, TItem, unknown>
  name: string
  describe: (item: TItem) => string
}

/** A bare pager over a `usePagedList` result; `<Pager>` will replace the buttons. */
function PagedRecords<TItem extends { id: string | number }>({
  list,
  name,
  describe,
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
        <p role="alert">
          {list.error?.message}{' '}
          <button type="button" onClick={() => void list.retry()}>
            Retry
          </button>
        </p>
      ) : null}
      <ol
        start={list.firstItemIndex + 1}
        aria-label={name}
        style={{ opacity: list.isPlaceholderData ? 0.7 : 1 }}
      >
        {list.items.map((item) => (
          <li key={item.id}>{describe(item)}</li>
        ))}
      </ol>
      <nav aria-label={`${name} pages`} style={{ display: 'flex', gap: 8 }}>
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
