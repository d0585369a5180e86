/**
 * End to end: every built-in adapter walks a 10,000-record seeded list through createFetcher and the mock APIs,
 * and gets every record exactly once, in the server's order, in exactly ceil(N / pageSize) requests.
 */
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  closeEventsCursor,
  closeOffset,
  closeSearchCursor,
  createFetcher,
  pipedriveCursor,
  pipedriveOffset,
} from '../src'
import type { FetchPage, PaginationAdapter } from '../src'
import {
  CLOSE_MOCK_BASE_URL,
  PIPEDRIVE_MOCK_BASE_URL,
  createCloseMock,
  createPipedriveMock,
} from '../src/mock'
import { walkIds } from './walk'

const N = 10_000
const close = createCloseMock({ seed: 42, leads: N, events: N })
const pipedrive = createPipedriveMock({ seed: 42, deals: N, notes: N, persons: 100, leads: 10 })
const server = setupServer(...close.handlers, ...pipedrive.handlers)
const closeApi = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const pipedriveV1 = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api/v1` })
const pipedriveV2 = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api/v2` })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  close.reset()
  pipedrive.reset()
})
afterAll(() => server.close())

/** The ids of a whole list, in order; any error fails the test. */
async function allIds<TResponse, TItem extends { id: string | number }, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  fetchPage: FetchPage<TResponse, TParam>,
  limit: number,
): Promise<Array<string | number>> {
  const { ids, error } = await walkIds(adapter, fetchPage, limit)
  if (error !== undefined) throw error
  return ids
}

const requestsTo = (mock: { requests: readonly { path: string }[] }, path: string) =>
  mock.requests.filter((request) => request.path.endsWith(path)).length

type Case = {
  name: string
  run: (limit: number) => Promise<Array<string | number>>
  expected: () => Array<string | number>
  requests: () => number
  limits: number[]
}

const cases: Case[] = [
  {
    name: 'closeOffset over /lead/',
    run: (limit) => allIds(closeOffset<{ id: string }>(), closeApi('/lead/'), limit),
    expected: () => close.dataset.leads.map((lead) => lead.id),
    requests: () => requestsTo(close, '/lead/'),
    limits: [200, 97],
  },
  {
    name: 'closeEventsCursor over /event/',
    run: (limit) => allIds(closeEventsCursor<{ id: string }>(), closeApi('/event/'), limit),
    expected: () => close.dataset.events.map((event) => event.id),
    requests: () => requestsTo(close, '/event/'),
    limits: [50, 33],
  },
  {
    name: 'closeSearchCursor over POST /data/search/',
    run: (limit) =>
      allIds(
        closeSearchCursor<{ id: string }>(),
        closeApi('/data/search/', { body: { query: { type: 'object_type', object_type: 'lead' } } }),
        limit,
      ),
    expected: () => close.dataset.leads.map((lead) => lead.id),
    requests: () => requestsTo(close, '/data/search/'),
    limits: [200, 150],
  },
  {
    name: 'pipedriveOffset over /api/v1/notes',
    run: (limit) => allIds(pipedriveOffset<{ id: number }>(), pipedriveV1('/notes'), limit),
    expected: () => pipedrive.dataset.notes.map((note) => note.id),
    requests: () => requestsTo(pipedrive, '/api/v1/notes'),
    limits: [500, 333],
  },
  {
    name: 'pipedriveCursor over /api/v2/deals',
    run: (limit) => allIds(pipedriveCursor<{ id: number }>(), pipedriveV2('/deals'), limit),
    expected: () => pipedrive.dataset.deals.map((deal) => deal.id),
    requests: () => requestsTo(pipedrive, '/api/v2/deals'),
    limits: [500, 101],
  },
]

describe.each(cases)('$name', ({ run, expected, requests, limits }) => {
  // Up to 300 requests through MSW: about a second alone, 7 to 12 s beside two CPU hogs and the browser project.
  it.each(limits)(
    `returns all ${N} records once, in order, in ceil(N / %i) requests`,
    { timeout: 60_000 },
    async (limit) => {
      const ids = await run(limit)
      expect(ids).toHaveLength(N)
      expect(new Set(ids).size).toBe(N)
      expect(ids).toEqual(expected())
      expect(requests()).toBe(Math.ceil(N / limit))
    },
  )
})

describe('limits', () => {
  it('clamps a page size above the maximum before the request: no 400 from Close', async () => {
    const ids = await allIds(closeOffset<{ id: string }>(), closeApi('/lead/'), 5000)
    expect(ids).toHaveLength(N)
    expect(close.requests.every((request) => request.status === 200)).toBe(true)
    expect(close.requests.map((request) => request.query._limit)).toEqual(Array(N / 200).fill('200'))
  })

  it('stops before _skip passes max_skip, with every record up to there', async () => {
    const shallow = createCloseMock({ seed: 3, leads: 3000, maxSkip: 1000 })
    server.use(...shallow.handlers)
    const { ids, error } = await walkIds(
      closeOffset<{ id: string }>({ maxSkip: 1000 }),
      closeApi('/lead/'),
      100,
    )
    expect(error).toMatchObject({
      name: 'OffsetLimitError',
      adapterId: 'close.offset',
      field: '_skip',
      offset: 1100,
      maxOffset: 1000,
    })
    expect(ids).toEqual(shallow.dataset.leads.slice(0, 1100).map((lead) => lead.id))
    expect(shallow.requests.every((request) => request.status === 200)).toBe(true)
    server.resetHandlers()
  })
})
