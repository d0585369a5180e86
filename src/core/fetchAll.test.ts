/**
 * fetchAll through createFetcher and the mock Close, Pipedrive and HubSpot APIs: the records a caller gets back, the
 * progress it sees, and the requests the server receives under rate limits, failures and cancellation.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { closeEventsCursor, closeOffset, closeSearchCursor } from '../adapters/close'
import { hubspotAdapter } from '../adapters/hubspot'
import type { CloseListResponse } from '../adapters/close'
import { pipedriveCursor, pipedriveOffset } from '../adapters/pipedrive'
import { createFetcher } from '../http/createFetcher'
import { HttpError } from '../http/HttpError'
import {
  CLOSE_MOCK_BASE_URL,
  HUBSPOT_MOCK_BASE_URL,
  PIPEDRIVE_MOCK_BASE_URL,
  createCloseMock,
  createHubspotMock,
  createPipedriveMock,
} from '../mock'
import { CursorLoopError, MalformedResponseError } from './errors'
import { fetchAll } from './fetchAll'
import type { FetchAllProgress } from './fetchAll'
import type { PageRequest } from './types'

const { serve } = setupMockServer()
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const pipedrive = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })

type Id = { id: string }
type NumericId = { id: number }

afterEach(() => {
  vi.useRealTimers()
})

/** Runs `promise` to the end under fake timers, moving the clock on in small steps while it is pending. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let pending = true
  promise.then(
    () => (pending = false),
    () => (pending = false),
  )
  while (pending) await vi.advanceTimersByTimeAsync(50)
  return promise
}

describe('every built-in adapter, at its largest page size', () => {
  const search = { body: { query: { type: 'object_type', object_type: 'lead' } } }
  const cases = [
    {
      name: 'closeOffset /lead/',
      maxLimit: 200,
      limitParam: '_limit',
      run: () => {
        const mock = serve(createCloseMock({ leads: 1000 }))
        const expected = mock.dataset.leads.map((lead) => lead.id)
        return { mock, expected, options: { adapter: closeOffset<Id>(), fetchPage: close('/lead/') } }
      },
    },
    {
      name: 'closeEventsCursor /event/',
      maxLimit: 50,
      limitParam: '_limit',
      run: () => {
        const mock = serve(createCloseMock({ leads: 100, events: 400 }))
        const expected = mock.dataset.events.map((event) => event.id)
        return { mock, expected, options: { adapter: closeEventsCursor<Id>(), fetchPage: close('/event/') } }
      },
    },
    {
      name: 'closeSearchCursor /data/search/',
      maxLimit: 200,
      limitParam: '_limit',
      run: () => {
        const mock = serve(createCloseMock({ leads: 1000 }))
        const expected = mock.dataset.leads.map((lead) => lead.id)
        const options = { adapter: closeSearchCursor<Id>(), fetchPage: close('/data/search/', search) }
        return { mock, expected, options }
      },
    },
    {
      name: 'pipedriveOffset /v1/notes',
      maxLimit: 500,
      limitParam: 'limit',
      run: () => {
        const mock = serve(createPipedriveMock({ notes: 2200 }))
        const expected = mock.dataset.notes.map((note) => note.id)
        const options = { adapter: pipedriveOffset<NumericId>(), fetchPage: pipedrive('/v1/notes') }
        return { mock, expected, options }
      },
    },
    {
      name: 'pipedriveCursor /v2/deals',
      maxLimit: 500,
      limitParam: 'limit',
      run: () => {
        const mock = serve(createPipedriveMock({ deals: 2200 }))
        const expected = mock.dataset.deals.map((deal) => deal.id)
        const options = { adapter: pipedriveCursor<NumericId>(), fetchPage: pipedrive('/v2/deals') }
        return { mock, expected, options }
      },
    },
  ]

  it.each(cases)('$name: every record once, in order, in the fewest requests', async (testCase) => {
    const { mock, expected, options } = testCase.run()
    const records = await fetchAll<unknown, Id | NumericId, unknown>(options as never)
    expect(records.map((record) => record.id)).toEqual(expected)
    const pages = Math.ceil(expected.length / testCase.maxLimit)
    // An offset list that ends on a full page asks once more to learn that it ended; the others know.
    expect(mock.requests.length).toBeGreaterThanOrEqual(pages)
    expect(mock.requests.length).toBeLessThanOrEqual(pages + 1)
    for (const request of mock.requests) {
      const limit = request.query[testCase.limitParam] ?? (request.body as Record<string, unknown>)?._limit
      expect(Number(limit)).toBe(testCase.maxLimit)
      expect(request.status).toBe(200)
    }
  })
})

describe('progress', () => {
  it('reports the records loaded after each page, without a total when the API gives none', async () => {
    serve(createCloseMock({ leads: 450 }))
    const progress: FetchAllProgress[] = []
    const leads = await fetchAll(
      { adapter: closeOffset<Id>(), fetchPage: close('/lead/') },
      { onProgress: (update) => progress.push(update) },
    )
    expect(leads).toHaveLength(450)
    expect(progress).toEqual([{ loaded: 200 }, { loaded: 400 }, { loaded: 450 }])
  })

  it('carries the total when the API reports one (Close opportunities)', async () => {
    serve(createCloseMock({ leads: 500, opportunities: 600 }))
    const progress: FetchAllProgress[] = []
    await fetchAll(
      { adapter: closeOffset<Id>({ resource: 'opportunity' }), fetchPage: close('/opportunity/') },
      { onProgress: (update) => progress.push(update) },
    )
    expect(progress).toEqual([
      { loaded: 250, total: 600 },
      { loaded: 500, total: 600 },
      { loaded: 600, total: 600 },
    ])
  })

  it('a total that does not read is left out of the progress, and costs no record (one policy with the hooks)', async () => {
    serve(createCloseMock({ leads: 500, opportunities: 600 }))
    const fetchOpportunities = close('/opportunity/')
    const progress: FetchAllProgress[] = []
    const opportunities = await fetchAll(
      {
        adapter: closeOffset<Id>({ resource: 'opportunity' }),
        // A total the adapter cannot read, as an API that sends `"total_results": "about 600"` would.
        fetchPage: async (request: PageRequest<number>) => ({
          ...(await fetchOpportunities<CloseListResponse<Id>>(request)),
          total_results: 'about 600' as unknown as number,
        }),
      },
      { onProgress: (update) => progress.push(update) },
    )
    expect(opportunities).toHaveLength(600)
    expect(progress).toEqual([{ loaded: 250 }, { loaded: 500 }, { loaded: 600 }])
  })

  it('counts each record once when the list shifts under it (records inserted at the head)', async () => {
    const mock = serve(createCloseMock({ leads: 1000, faults: { drift: { insertEvery: 1, count: 7 } } }))
    const original = mock.dataset.leads.map((lead) => lead.id)
    const progress: number[] = []
    const leads = await fetchAll(
      { adapter: closeOffset<Id>(), fetchPage: close('/lead/') },
      { onProgress: ({ loaded }) => progress.push(loaded) },
    )
    const ids = leads.map((lead) => lead.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(original.every((id) => ids.includes(id))).toBe(true)
    expect(progress.at(-1)).toBe(ids.length)
  })

  it('an empty list resolves to [] after one request', async () => {
    const mock = serve(createCloseMock({ leads: 0 }))
    const progress: FetchAllProgress[] = []
    const leads = await fetchAll(
      { adapter: closeOffset<Id>(), fetchPage: close('/lead/') },
      { onProgress: (update) => progress.push(update) },
    )
    expect(leads).toEqual([])
    expect(progress).toEqual([{ loaded: 0 }])
    expect(mock.requests).toHaveLength(1)
  })
})

describe('rate limits and failures', () => {
  it('a 429 storm: each 429 is retried once, only after its Retry-After, and every record arrives', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    // 3 requests per 2-second window: 2,500 leads in 13 pages need 5 windows, so 4 pages meet a 429 first.
    const mock = serve(
      createCloseMock({ leads: 2500, faults: { rateLimit: { requests: 3, windowMs: 2000 } } }),
    )
    const leads = await settle(fetchAll({ adapter: closeOffset<Id>(), fetchPage: close('/lead/') }))
    expect(leads.map((lead) => lead.id)).toEqual(mock.dataset.leads.map((lead) => lead.id))
    const statuses = mock.requests.map((request) => request.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(13)
    expect(statuses.filter((status) => status === 429)).toHaveLength(4)
    expect(statuses).toEqual([
      200, 200, 200, 429, 200, 200, 200, 429, 200, 200, 200, 429, 200, 200, 200, 429, 200,
    ])
    mock.requests.forEach((request, index) => {
      if (request.status !== 429) return
      const retry = mock.requests[index + 1]!
      // The mock answered Retry-After: 2 (seconds): the same page is asked again no sooner.
      expect(retry.query._skip).toBe(request.query._skip)
      expect(retry.time - request.time).toBeGreaterThanOrEqual(2000)
    })
  })

  it("HubSpot's 429 (no Retry-After): waits one X-HubSpot-RateLimit-Interval-Milliseconds, then goes on", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    // 2 requests per 5-second window, 500 contacts in pages of 100: pages 3 and 5 meet a 429 first.
    const mock = serve(
      createHubspotMock({ contacts: 500, faults: { rateLimit: { requests: 2, windowMs: 5000 } } }),
    )
    const hubspot = createFetcher({ baseUrl: HUBSPOT_MOCK_BASE_URL })
    const contacts = await settle(
      fetchAll({ adapter: hubspotAdapter<{ id: string }>(), fetchPage: hubspot('/crm/v3/objects/contacts') }),
    )
    expect(contacts.map((contact) => contact.id)).toEqual(mock.dataset.contacts.map((contact) => contact.id))
    // An exponential backoff (1 s, 2 s, 4 s) would meet the limit again before the window ends.
    expect(mock.requests.map((request) => request.status)).toEqual([200, 200, 429, 200, 200, 429, 200])
    mock.requests.forEach((request, index) => {
      if (request.status !== 429) return
      const retry = mock.requests[index + 1]!
      expect(retry.query.after).toBe(request.query.after)
      expect(retry.time - request.time).toBeGreaterThanOrEqual(5000)
    })
  })

  it('a server that stays over its limit: 1 request + 3 retries, then the HttpError 429', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const mock = serve(createCloseMock({ leads: 500 }))
    mock.setFaults({ rateLimit: { requests: 1, windowMs: 1000 } })
    // Each retry lands in a new window; a fetchPage that asks twice per page keeps the server over its limit.
    const fetchPage = async (request: PageRequest<number>) => {
      await close('/lead/')(request)
      return close('/lead/')<CloseListResponse<Id>>(request)
    }
    const error = await settle(fetchAll({ adapter: closeOffset<Id>(), fetchPage })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 429, retryAfterMs: 1000 })
    expect(mock.requests.map((request) => request.status)).toEqual([200, 429, 200, 429, 200, 429, 200, 429])
  })

  it('flaky 5xx: each failed page is asked again until it loads, and every record arrives', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const mock = serve(createCloseMock({ leads: 1000, seed: 3, faults: { failureRate: 0.3 } }))
    const leads = await settle(fetchAll({ adapter: closeOffset<Id>(), fetchPage: close('/lead/') }))
    expect(leads.map((lead) => lead.id)).toEqual(mock.dataset.leads.map((lead) => lead.id))
    const failed = mock.requests.filter((request) => request.status >= 500)
    expect(failed.length).toBeGreaterThan(0)
    mock.requests.forEach((request, index) => {
      if (request.status < 500) return
      // Close's 503 says Retry-After: 1; the same page is asked again a second later.
      const retry = mock.requests[index + 1]!
      expect(retry.query._skip).toBe(request.query._skip)
      expect(retry.time - request.time).toBeGreaterThanOrEqual(1000)
    })
  })

  it('a malformed page rejects with MalformedResponseError naming the adapter and field, without a retry', async () => {
    const mock = serve(createCloseMock({ leads: 1000, faults: { malformedOnRequest: 3 } }))
    const progress: number[] = []
    const error = await fetchAll(
      { adapter: closeOffset<Id>(), fetchPage: close('/lead/') },
      { onProgress: ({ loaded }) => progress.push(loaded) },
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(error).toMatchObject({ adapterId: 'close.offset', field: 'has_more' })
    expect(progress).toEqual([200, 400])
    expect(mock.requests).toHaveLength(3)
  })

  it('a repeated cursor rejects with CursorLoopError instead of walking forever', async () => {
    const fetchPage = vi.fn(async () => ({ data: [{ id: 'a' }], cursor_next: 'same', cursor_previous: null }))
    const error = await fetchAll({ adapter: closeEventsCursor<Id>(), fetchPage }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CursorLoopError)
    expect(fetchPage).toHaveBeenCalledTimes(2)
  })

  it('retry: false gives the first error at once', async () => {
    const mock = serve(createCloseMock({ leads: 500, faults: { failureRate: 1 } }))
    const error = await fetchAll({
      adapter: closeOffset<Id>(),
      fetchPage: close('/lead/'),
      retry: false,
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(HttpError)
    expect(mock.requests).toHaveLength(1)
  })
})

describe('cancellation', () => {
  it('aborting mid-way rejects with the AbortError and sends no further request', async () => {
    const mock = serve(createCloseMock({ leads: 2500, faults: { latency: { fixedMs: 5, jitterMs: 0 } } }))
    const controller = new AbortController()
    const progress: number[] = []
    const result = fetchAll(
      { adapter: closeOffset<Id>(), fetchPage: close('/lead/') },
      {
        signal: controller.signal,
        onProgress: ({ loaded }) => {
          progress.push(loaded)
          if (loaded === 400) controller.abort()
        },
      },
    )
    await expect(result).rejects.toMatchObject({ name: 'AbortError' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(progress).toEqual([200, 400])
    expect(mock.requests).toHaveLength(2)
  })

  it('aborting during the wait for Retry-After rejects at once, without the retry', async () => {
    const mock = serve(
      createCloseMock({ leads: 500, faults: { rateLimit: { requests: 1, windowMs: 10_000 } } }),
    )
    const controller = new AbortController()
    const started = Date.now()
    const result = fetchAll(
      { adapter: closeOffset<Id>(), fetchPage: close('/lead/') },
      { signal: controller.signal },
    )
    await vi.waitFor(() => expect(mock.requests.map((request) => request.status)).toEqual([200, 429]))
    controller.abort()
    await expect(result).rejects.toMatchObject({ name: 'AbortError' })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(mock.requests).toHaveLength(2)
  })

  it('an aborted signal rejects before any request', async () => {
    const mock = serve(createCloseMock({ leads: 10 }))
    const controller = new AbortController()
    controller.abort()
    const result = fetchAll(
      { adapter: closeOffset<Id>(), fetchPage: close('/lead/') },
      { signal: controller.signal },
    )
    await expect(result).rejects.toMatchObject({ name: 'AbortError' })
    expect(mock.requests).toHaveLength(0)
  })
})

describe('options', () => {
  it('pageSize is clamped to maxLimit; getItemId decides what counts as a duplicate', async () => {
    const mock = serve(createCloseMock({ leads: 300 }))
    const leads = await fetchAll({
      adapter: closeOffset<{ id: string; status_id: string }>(),
      fetchPage: close('/lead/'),
      pageSize: 5000,
      getItemId: (lead) => lead.status_id,
    })
    expect(mock.requests.map((request) => request.query._limit)).toEqual(['200', '200'])
    const statuses = new Set(mock.dataset.leads.map((lead) => lead.status_id))
    expect(leads.map((lead) => lead.status_id)).toEqual([...statuses])
  })

  it('rejects an invalid pageSize with InvalidOptionError before any request', async () => {
    const mock = serve(createCloseMock({ leads: 10 }))
    await expect(
      fetchAll({ adapter: closeOffset<Id>(), fetchPage: close('/lead/'), pageSize: 0 }),
    ).rejects.toMatchObject({ name: 'InvalidOptionError', option: 'pageSize' })
    expect(mock.requests).toHaveLength(0)
  })
})
