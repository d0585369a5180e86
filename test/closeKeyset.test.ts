/**
 * closeKeysetOffset through createFetcher and the Close mock with a small max_skip: what a caller receives
 * past the deepest `_skip` Close accepts, including records that share a date_created at a window edge.
 */
import { describe, expect, it } from 'vitest'
import { closeOffset, createFetcher, MalformedResponseError, OffsetLimitError } from '../src'
import { closeKeysetOffset } from '../src/adapters/closeKeyset'
import type { CloseKeyset } from '../src/adapters/closeKeyset'
import { fetchAll } from '../src/core/fetchAll'
import { walkPages } from '../src/core/walkPages'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../src/mock'
import type { CloseLead, MockApi, CloseDataset } from '../src/mock'
import { setupMockServer } from './mockServer'

const { serve } = setupMockServer()
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })

const strict: CloseKeyset = { field: 'date_created', param: 'date_created__lt' }
const inclusive: CloseKeyset = { field: 'date_created', param: 'date_created__lte' }

/** Every record id a walk handed out, duplicates included, in order. */
async function rawIds(adapter: ReturnType<typeof leadsKeyset>, path: string, limit: number) {
  const ids: string[] = []
  for await (const page of walkPages(adapter, close(path), { limit }))
    ids.push(...page.items.map((lead) => lead.id))
  return ids
}

const leadsKeyset = (keyset: CloseKeyset, maxSkip: number) =>
  closeKeysetOffset<CloseLead>({ maxSkip, keyset })

/** The requests the mock saw to `path`: their `_skip`, keyset filter and status. */
const requestLog = (mock: MockApi<CloseDataset>, param: string) =>
  mock.requests.map((request) => ({
    skip: Number(request.query._skip),
    below: request.query[param],
    status: request.status,
  }))

describe('3,000 leads with max_skip = 1000', () => {
  it.each([
    ['date_created__lt', strict],
    ['date_created__lte', inclusive],
  ])('%s: no 400, every lead exactly once, in order', async (param, keyset) => {
    const mock = serve(createCloseMock({ leads: 3000, maxSkip: 1000 }))
    const expected = mock.dataset.leads.map((lead) => lead.id)
    const leads = await fetchAll({ adapter: leadsKeyset(keyset, 1000), fetchPage: close('/lead/') })
    expect(leads.map((lead) => lead.id)).toEqual(expected)
    const log = requestLog(mock, param)
    expect(log.every((request) => request.status === 200)).toBe(true)
    expect(Math.max(...log.map((request) => request.skip))).toBe(1000)
    // Three windows of at most 1,200 records (_skip 0…1000 at 200 per page): 6 + 6 + 4 requests.
    const windows = [...new Set(log.map((request) => request.below))]
    expect(windows).toHaveLength(3)
    expect(windows[0]).toBeUndefined()
    expect(log).toHaveLength(16)
  })

  it('the plain adapter stops at max_skip with OffsetLimitError, before sending the request Close refuses', async () => {
    const mock = serve(createCloseMock({ leads: 3000, maxSkip: 1000 }))
    const error = await fetchAll({
      adapter: closeOffset<CloseLead>({ maxSkip: 1000 }),
      fetchPage: close('/lead/'),
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OffsetLimitError)
    expect((error as Error).message).toContain('page on with closeKeysetOffset')
    expect(mock.requests.every((request) => request.status === 200)).toBe(true)
  })

  it('without the adapter keeping under max_skip, the mock answers 400 as Close does', async () => {
    serve(createCloseMock({ leads: 3000, maxSkip: 1000 }))
    const response = await fetch(`${CLOSE_MOCK_BASE_URL}/api/v1/lead/?_skip=1200&_limit=200`)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'The skip you set is larger than the maximum skip for this resource (max_skip = 1000).',
    })
  })
})

describe('records sharing one date_created at a window edge', () => {
  // 600 leads, max_skip 200, 50 per page: the first window holds leads 0…249. Leads 180…330 are given one
  // date_created, so the edge (lead 249) sits inside a run of 151 equal values that goes on into the next window.
  const setup = () => {
    const mock = serve(createCloseMock({ leads: 600, maxSkip: 200 }))
    const leads = mock.dataset.leads
    const shared = leads[180]!.date_created
    for (let index = 181; index <= 330; index += 1) leads[index]!.date_created = shared
    return { mock, shared, above: leads[179]!.date_created, expected: leads.map((lead) => lead.id) }
  }

  it.each([
    ['date_created__lt', strict],
    ['date_created__lte', inclusive],
  ])('%s: none lost, none shown twice, in order', async (param, keyset) => {
    const { mock, shared, above, expected } = setup()
    const adapter = leadsKeyset(keyset, 200)
    const leads = await fetchAll({ adapter, fetchPage: close('/lead/'), pageSize: 50 })
    expect(leads.map((lead) => lead.id)).toEqual(expected)
    const log = requestLog(mock, param)
    expect(log.every((request) => request.status === 200)).toBe(true)
    // The second window starts at the run of equal values: just above it (`__lt`) or at it (`__lte`).
    const secondWindow = log.find((request) => request.below !== undefined)
    expect(secondWindow).toEqual({ skip: 0, below: keyset === strict ? above : shared, status: 200 })
  })

  it('the records on the edge value are fetched again at the start of the next window, and only they', async () => {
    const { expected } = setup()
    const ids = await rawIds(leadsKeyset(strict, 200), '/lead/', 50)
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index)
    // Leads 180…249 (70 records) closed the first window with the shared value; the second window (leads
    // 180…429) ends on a value of its own, so only its last lead comes again, at the start of the third.
    expect(repeated).toEqual([...expected.slice(180, 250), expected[429]])
    expect(new Set(ids).size).toBe(600)
  })

  it('a filter on the edge value itself with `<` would lose the rest of the run: the adapter does not send it', async () => {
    const { mock, shared } = setup()
    await rawIds(leadsKeyset(strict, 200), '/lead/', 50)
    expect(mock.requests.some((request) => request.query.date_created__lt === shared)).toBe(false)
  })

  it.each([
    ['date_created__lt', strict],
    ['date_created__lte', inclusive],
  ])(
    '%s: more equal values than a window holds stop with OffsetLimitError instead of looping',
    async (_param, keyset) => {
      const mock = serve(createCloseMock({ leads: 600, maxSkip: 200 }))
      const leads = mock.dataset.leads
      for (let index = 101; index <= 450; index += 1) leads[index]!.date_created = leads[100]!.date_created
      const error = await fetchAll({
        adapter: leadsKeyset(keyset, 200),
        fetchPage: close('/lead/'),
        pageSize: 50,
      }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(OffsetLimitError)
      expect((error as Error).message).toContain(
        `More records share date_created = "${leads[100]!.date_created}" than one window of _skip holds`,
      )
      expect(mock.requests.length).toBeLessThan(20)
      expect(mock.requests.every((request) => request.status === 200)).toBe(true)
    },
  )
})

describe('other lists', () => {
  it('opportunities: total_results of a later window is shifted, so the total stays the whole list', async () => {
    const mock = serve(createCloseMock({ leads: 500, opportunities: 1500, maxSkip: 500 }))
    const totals: Array<number | undefined> = []
    const opportunities = await fetchAll(
      {
        adapter: closeKeysetOffset<{ id: string }>({ resource: 'opportunity', maxSkip: 500, keyset: strict }),
        fetchPage: close('/opportunity/'),
      },
      { onProgress: ({ total }) => totals.push(total) },
    )
    expect(opportunities.map((record) => record.id)).toEqual(mock.dataset.opportunities.map((o) => o.id))
    expect(new Set(mock.requests.map((request) => request.query.date_created__lt)).size).toBe(3)
    expect(totals).toEqual(Array.from({ length: totals.length }, () => 1500))
  })

  it('a list not ordered by the keyset field stops with MalformedResponseError at the first window edge', async () => {
    // The mock's contacts follow their leads (newest first) but a lead's contacts come oldest first.
    serve(createCloseMock({ leads: 300, maxSkip: 100 }))
    const error = await fetchAll({
      adapter: closeKeysetOffset<{ id: string }>({ resource: 'contact', maxSkip: 100, keyset: strict }),
      fetchPage: close('/contact/'),
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect((error as Error).message).toContain('keyset pagination needs the list ordered by date_created')
  })

  it('records without the keyset field (left out by _fields) give MalformedResponseError naming it', async () => {
    serve(createCloseMock({ leads: 300, maxSkip: 100 }))
    const error = await fetchAll({
      adapter: leadsKeyset(strict, 100),
      fetchPage: close('/lead/', { query: { _fields: 'id,display_name' } }),
    }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({
      name: 'MalformedResponseError',
      adapterId: 'close.offsetKeyset',
      field: 'data[0].date_created',
    })
  })
})

describe('the mock date_created filters', () => {
  it('answer __lt, __lte, __gt and __gte like Close, and 400 for a value that is not a date', async () => {
    const mock = serve(createCloseMock({ leads: 50 }))
    const at = mock.dataset.leads[10]!.date_created
    const count = async (filter: string) => {
      const url = `${CLOSE_MOCK_BASE_URL}/api/v1/lead/?_limit=200&${filter}=${encodeURIComponent(at)}`
      const body = (await (await fetch(url)).json()) as { data: unknown[] }
      return body.data.length
    }
    expect(await count('date_created__lt')).toBe(39)
    expect(await count('date_created__lte')).toBe(40)
    expect(await count('date_created__gt')).toBe(10)
    expect(await count('date_created__gte')).toBe(11)
    const bad = await fetch(`${CLOSE_MOCK_BASE_URL}/api/v1/opportunity/?date_created__lt=yesterday`)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({
      error: 'Invalid value for date_created__lt: "yesterday" is not an ISO 8601 date or date-time.',
    })
  })
})

describe('keyset windows while new leads arrive at the head', () => {
  it.each([
    ['date_created__lt', strict],
    ['date_created__lte', inclusive],
  ])(
    '%s: a burst larger than a page pushes seen leads onto the next page; no error, every lead once',
    async (_param, keyset) => {
      // 30 new leads before every second answer, with pages of 20: records already seen come back on the next page,
      // newer than the last one before it. The list is still newest first; the window edge is the oldest loaded.
      const mock = serve(
        createCloseMock({ leads: 600, maxSkip: 100, faults: { drift: { insertEvery: 2, count: 30 } } }),
      )
      const original = mock.dataset.leads.map((lead) => lead.id)
      const leads = await fetchAll({
        adapter: leadsKeyset(keyset, 100),
        fetchPage: close('/lead/'),
        pageSize: 20,
      })
      const ids = leads.map((lead) => lead.id)
      expect(new Set(ids).size).toBe(ids.length)
      // Every lead present from the start is there, in its order; new leads may be there too.
      expect(ids.filter((id) => original.includes(id))).toEqual(original)
      expect(mock.requests.every((request) => request.status === 200)).toBe(true)
      expect(new Set(mock.requests.map((request) => request.query[keyset.param])).size).toBeGreaterThan(3)
    },
  )
})
