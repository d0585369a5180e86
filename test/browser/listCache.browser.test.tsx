import { describe, expect, test } from 'vitest'
import '../../src/styles.css'
import {
  closeOffset,
  createFetcher,
  InfiniteTable,
  listCache,
  Pager,
  usePagedList,
  usePaginatedList,
} from '../../src'
import type { CloseListResponse, InfiniteTableColumn, PageRequest } from '../../src'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../src/mock'
import { inPageFetch } from './inPageFetch'
import { nextFrames, renderInBrowser, waitUntil } from './renderInBrowser'

interface Lead {
  id: string
  display_name: string
  status_label: string
}

const columns: InfiniteTableColumn<Lead>[] = [
  { id: 'display_name', header: 'Lead', cell: (lead) => lead.display_name, width: 260 },
  { id: 'status_label', header: 'Status', cell: (lead) => lead.status_label, width: 120 },
  { id: 'id', header: 'Id', cell: (lead) => lead.id },
]

/**
 * Three views of one key prefix on the mock Close API, answered in the page: an infinite table newest first, an
 * infinite table of one big page sorted by name, and a pager of 10. `holdNextPages` keeps every page after the first
 * of the newest table in flight until `release()`.
 */
function dashboardFixture() {
  const mock = createCloseMock({ seed: 4, leads: 120 })
  const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`, fetch: inPageFetch(mock.handlers) })
  const leadsPage = close('/lead/', { query: { _fields: 'id,display_name,status_label' } })
  let release = () => undefined as void
  const released = new Promise<void>((resolve) => (release = resolve))
  const newestPage = async (request: PageRequest<number>) => {
    if (request.pageParam > 0) await released
    return leadsPage<CloseListResponse<Lead>>(request)
  }
  const adapter = closeOffset<Lead>()
  function Dashboard() {
    const newest = usePaginatedList({ queryKey: ['leads'], adapter, fetchPage: newestPage, pageSize: 20 })
    const byName = usePaginatedList({
      queryKey: ['leads'],
      adapter,
      fetchPage: leadsPage,
      pageSize: 200,
      sort: { column: 'display_name', direction: 'ascending' },
    })
    const paged = usePagedList({ queryKey: ['leads'], adapter, fetchPage: leadsPage, pageSize: 10 })
    return (
      <div style={{ display: 'flex', gap: 16 }}>
        <InfiniteTable list={newest} columns={columns} aria-label="Newest" height={300} />
        <InfiniteTable list={byName} columns={columns} aria-label="By name" height={300} />
        <section>
          <ul aria-label="Page">
            {paged.items.map((lead) => (
              <li key={lead.id} data-id={lead.id}>
                {lead.display_name}: {lead.status_label}
              </li>
            ))}
          </ul>
          <Pager list={paged} aria-label="Pages" />
        </section>
      </div>
    )
  }
  return { mock, Dashboard, release }
}

/** The status a view shows for the lead `id`: a table's row, or the pager's list item. */
function statusIn(view: 'Newest' | 'By name' | 'Page', id: string): string | undefined {
  if (view === 'Page') {
    return document.querySelector(`ul[aria-label="Page"] li[data-id="${id}"]`)?.textContent?.split(': ')[1]
  }
  const grid = document.querySelector(`[role="grid"][aria-label="${view}"]`)!
  const row = [...grid.querySelectorAll('.pw-infinite-table__row')].find(
    (candidate) => candidate.querySelector('[data-column="id"]')?.textContent === id,
  )
  return row?.querySelector('[data-column="status_label"]')?.textContent ?? undefined
}
const VIEWS = ['Newest', 'By name', 'Page'] as const

describe('listCache in Chromium', () => {
  test('one edit shows in three views of one prefix, survives a page fetch in flight, and undo restores every byte', async () => {
    const { mock, Dashboard, release } = dashboardFixture()
    const { client } = renderInBrowser(<Dashboard />)
    await waitUntil(() => expect(document.querySelectorAll('ul[aria-label="Page"] li')).toHaveLength(10))
    await waitUntil(() =>
      expect(
        document.querySelectorAll('[aria-label="By name"] .pw-infinite-table__row').length,
      ).toBeGreaterThan(5),
    )
    // The newest lead: first in the newest table and on the pager's first page. Bring it into the sorted table's view.
    const lead = mock.dataset.leads[0]!
    // Scroll the sorted table until the lead's row is rendered (rows wrap here, so their heights vary).
    const byNameGrid = document.querySelector<HTMLElement>('[role="grid"][aria-label="By name"]')!
    for (let step = 0; step < 100 && statusIn('By name', lead.id) === undefined; step++) {
      byNameGrid.scrollTop += 120
      await nextFrames(2)
    }
    await waitUntil(() => expect(statusIn('By name', lead.id)).toBe(lead.status_label))
    await waitUntil(() =>
      expect(document.querySelector('[role="grid"][aria-label="Newest"]')!.hasAttribute('aria-busy')).toBe(
        true,
      ),
    )
    // Everything else has landed (the pager's page ahead too): only the held page is in flight.
    await waitUntil(() =>
      expect(client.getQueryCache().findAll({ queryKey: ['leads'], fetchStatus: 'fetching' })).toHaveLength(
        1,
      ),
    )
    const snapshot = () =>
      JSON.stringify(
        client
          .getQueryCache()
          .findAll({ queryKey: ['leads'] })
          .map((query) => query.state.data),
      )
    const before = snapshot()
    const next = lead.status_label === 'Customer' ? 'Bad Fit' : 'Customer'

    // The newest table's second page is in flight now.
    const undo = listCache<Lead>(client, ['leads']).updateItem(lead.id, (old) => ({
      ...old,
      status_label: next,
    }))
    await waitUntil(() => expect(VIEWS.map((view) => statusIn(view, lead.id))).toEqual([next, next, next]))
    release()
    await waitUntil(() =>
      expect(document.querySelector('[role="grid"][aria-label="Newest"]')!.hasAttribute('aria-busy')).toBe(
        false,
      ),
    )
    expect(
      client.getQueryData<{ pages: unknown[] }>(['leads', { adapter: 'close.offset', pageSize: 20 }])!.pages,
    ).toHaveLength(2)
    expect(VIEWS.map((view) => statusIn(view, lead.id))).toEqual([next, next, next])

    undo()
    await waitUntil(() =>
      expect(VIEWS.map((view) => statusIn(view, lead.id))).toEqual([
        lead.status_label,
        lead.status_label,
        lead.status_label,
      ]),
    )
    // Byte for byte, but for the page that landed after the edit (it is the server's).
    const landed = JSON.parse(snapshot()) as { pages: unknown[] }[]
    const withoutLanded = landed.map((data) =>
      data && data.pages.length === 2 ? { ...data, pages: data.pages.slice(0, 1), pageParams: [0] } : data,
    )
    expect(JSON.stringify(withoutLanded)).toBe(before)
  })
})
