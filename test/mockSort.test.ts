/**
 * Sort, filter and search end to end: the library's adapters (`sort`, `filter` on `fetchAll`) through `createFetcher`
 * against the mock APIs, which sort and filter for real. The records come back whole, in the requested order, and a
 * sort the provider refuses surfaces as its 400.
 */
import { describe, expect, it } from 'vitest'
import {
  closeOffset,
  closeSearchCursor,
  createFetcher,
  HttpError,
  linkHeaderAdapter,
  pipedriveCursor,
  pipedriveOffset,
  pipedriveSearchCursor,
} from '../src'
import { fetchAll } from '../src/core/fetchAll'
import {
  CLOSE_MOCK_BASE_URL,
  createCloseMock,
  createGithubMock,
  createPipedriveMock,
  GITHUB_MOCK_BASE_URL,
  PIPEDRIVE_MOCK_BASE_URL,
} from '../src/mock'
import type { CloseLead, CloseOpportunity, GithubIssue, PipedriveDeal, PipedriveNote } from '../src/mock'
import { setupMockServer } from './mockServer'

const { serve } = setupMockServer()
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const pipedrive = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })
const github = createFetcher({ baseUrl: GITHUB_MOCK_BASE_URL })

/** Stable sort by one key, as the mocks break ties (the list's default order). */
function sortedBy<T>(records: readonly T[], key: (record: T) => string | number, descending = false): T[] {
  const sign = descending ? -1 : 1
  return records.slice().sort((a, b) => {
    const left = key(a)
    const right = key(b)
    return left === right ? 0 : sign * (left < right ? -1 : 1)
  })
}

const idsOf = <T extends { id: unknown }>(records: readonly T[]) => records.map((record) => record.id)

describe('Close through fetchAll', () => {
  it('closeOffset: leads sorted by display_name descending, filtered by two statuses, on every page', async () => {
    const mock = serve(createCloseMock({ leads: 700 }))
    const statuses = [...new Set(mock.dataset.leads.map((lead) => lead.status_id))].slice(0, 2)
    const leads = await fetchAll({
      adapter: closeOffset<CloseLead>(),
      fetchPage: close('/lead/'),
      pageSize: 100,
      sort: { column: 'display_name', direction: 'descending' },
      filter: { status_id: statuses, user_id: undefined },
    })
    const matching = mock.dataset.leads.filter((lead) => statuses.includes(lead.status_id))
    expect(idsOf(leads)).toEqual(idsOf(sortedBy(matching, (lead) => lead.display_name, true)))
    expect(mock.requests.length).toBeGreaterThan(2)
    for (const request of mock.requests) {
      expect(request.query).toMatchObject({ _order_by: '-display_name', status_id: statuses.join(',') })
      expect(request.query).not.toHaveProperty('user_id')
    }
  })

  it('closeOffset: opportunities by value ascending for one user', async () => {
    const mock = serve(createCloseMock({ leads: 400, opportunities: 900 }))
    const user = mock.dataset.opportunities[0]!.user_id
    const opportunities = await fetchAll({
      adapter: closeOffset<CloseOpportunity>(),
      fetchPage: close('/opportunity/'),
      pageSize: 50,
      sort: { column: 'value', direction: 'ascending' },
      filter: { user_id: user },
    })
    const matching = mock.dataset.opportunities.filter((o) => o.user_id === user)
    expect(idsOf(opportunities)).toEqual(idsOf(sortedBy(matching, (o) => o.value)))
  })

  it('closeSearchCursor: the body sort, every page in order', async () => {
    const mock = serve(createCloseMock({ leads: 450 }))
    const rows = await fetchAll({
      adapter: closeSearchCursor<{ id: string; date_updated: string }>(),
      fetchPage: close('/data/search/', {
        body: {
          query: { type: 'object_type', object_type: 'lead' },
          _fields: { lead: ['id', 'date_updated'] },
        },
      }),
      pageSize: 100,
      sort: { column: 'date_updated', direction: 'ascending' },
    })
    const expected = mock.dataset.leads
      .slice()
      .sort((a, b) =>
        a.date_updated !== b.date_updated ? (a.date_updated < b.date_updated ? -1 : 1) : a.id < b.id ? -1 : 1,
      )
    expect(idsOf(rows)).toEqual(idsOf(expected))
    expect(mock.requests).toHaveLength(5)
  })

  it('a sort Close refuses rejects with HttpError 400 and Close’s message', async () => {
    serve(createCloseMock({ leads: 20 }))
    const failing = fetchAll({
      adapter: closeOffset<CloseLead>(),
      fetchPage: close('/lead/'),
      sort: { column: 'colour', direction: 'ascending' },
      retry: false,
    })
    await expect(failing).rejects.toBeInstanceOf(HttpError)
    await expect(failing).rejects.toMatchObject({ status: 400 })
    await expect(failing).rejects.toThrow('colour')
  })
})

describe('Pipedrive through fetchAll', () => {
  it('pipedriveCursor: won deals by add_time descending, cursors bound to that sort', async () => {
    const mock = serve(createPipedriveMock({ deals: 1500 }))
    const deals = await fetchAll({
      adapter: pipedriveCursor<PipedriveDeal>(),
      fetchPage: pipedrive('/v2/deals'),
      pageSize: 100,
      sort: { column: 'add_time', direction: 'descending' },
      filter: { status: 'won' },
    })
    const matching = mock.dataset.deals.filter((deal) => deal.status === 'won')
    expect(idsOf(deals)).toEqual(
      idsOf(
        matching
          .slice()
          .sort((a, b) => (a.add_time < b.add_time ? 1 : a.add_time > b.add_time ? -1 : b.id - a.id)),
      ),
    )
    expect(mock.requests.length).toBeGreaterThan(2)
    expect(mock.requests.every((request) => request.status === 200)).toBe(true)
  })

  it('pipedriveOffset: notes by add_time ascending', async () => {
    const mock = serve(createPipedriveMock({ notes: 600 }))
    const notes = await fetchAll({
      adapter: pipedriveOffset<PipedriveNote>(),
      fetchPage: pipedrive('/v1/notes'),
      pageSize: 250,
      sort: { column: 'add_time', direction: 'ascending' },
    })
    expect(idsOf(notes)).toEqual(idsOf(sortedBy(mock.dataset.notes, (note) => note.add_time)))
  })

  it('pipedriveSearchCursor: every match of a term once, best first, over several pages', async () => {
    const mock = serve(createPipedriveMock({ deals: 1200 }))
    const found = await fetchAll({
      adapter: pipedriveSearchCursor<{ id: number; title: string; status: string }>(),
      fetchPage: pipedrive('/v2/deals/search'),
      pageSize: 50,
      filter: { term: 'for', status: 'lost' },
    })
    const matching = mock.dataset.deals.filter(
      (deal) => deal.status === 'lost' && deal.title.toLowerCase().includes('for'),
    )
    expect(mock.requests.length).toBeGreaterThan(2)
    expect(found.map((item) => item.id).sort((a, b) => a - b)).toEqual(idsOf(matching))
    expect(found.every((item) => item.status === 'lost')).toBe(true)
    expect(mock.requests.every((request) => request.query.term === 'for')).toBe(true)
  })

  it('pipedriveSearchCursor: a one-letter term is Pipedrive’s 400', async () => {
    serve(createPipedriveMock({ deals: 10 }))
    const failing = fetchAll({
      adapter: pipedriveSearchCursor(),
      fetchPage: pipedrive('/v2/deals/search'),
      filter: { term: 'a' },
      retry: false,
    })
    await expect(failing).rejects.toMatchObject({ name: 'HttpError', status: 400 })
  })
})

describe('GitHub through fetchAll', () => {
  it('linkHeaderAdapter: sort and direction on the first page, carried on by the next links with the filters', async () => {
    const mock = serve(createGithubMock({ issues: 500 }))
    const issues = await fetchAll({
      adapter: linkHeaderAdapter<GithubIssue>(),
      fetchPage: github('/repos/pagewise/pagewise/issues'),
      pageSize: 15,
      sort: { column: 'comments', direction: 'descending' },
      filter: { state: 'all', labels: ['enhancement'] },
    })
    const expected = mock.dataset.issues
      .filter((issue) => issue.labels.some((label) => label.name === 'enhancement'))
      .sort((a, b) => b.comments - a.comments || b.number - a.number)
    expect(issues.map((issue) => issue.number)).toEqual(expected.map((issue) => issue.number))
    expect(mock.requests.length).toBeGreaterThan(2)
    for (const request of mock.requests) {
      expect(request.query).toMatchObject({
        sort: 'comments',
        direction: 'desc',
        state: 'all',
        labels: 'enhancement',
      })
    }
  })
})
