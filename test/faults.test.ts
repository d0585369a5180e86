/**
 * What a caller receives when the mock APIs misbehave, through createFetcher and the built-in adapters: a typed
 * error naming the adapter and the field (or the provider's own message), and the pages loaded before it kept.
 */
import { describe, expect, it } from 'vitest'
import {
  closeEventsCursor,
  closeOffset,
  closeSearchCursor,
  createFetcher,
  HttpError,
  MalformedResponseError,
  pipedriveCursor,
  pipedriveOffset,
} from '../src'
import {
  CLOSE_MOCK_BASE_URL,
  PIPEDRIVE_MOCK_BASE_URL,
  createCloseMock,
  createPipedriveMock,
} from '../src/mock'
import { setupMockServer } from './mockServer'
import { walkIds } from './walk'

const { serve } = setupMockServer()
const closeApi = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const pipedriveApi = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })

type Id = { id: string }
type NumericId = { id: number }

describe('a malformed third page', () => {
  const cases = [
    {
      adapterId: 'close.offset',
      field: 'has_more',
      walk: () => walkIds(closeOffset<Id>(), closeApi('/lead/'), 50),
    },
    {
      adapterId: 'close.eventsCursor',
      field: 'data',
      walk: () => walkIds(closeEventsCursor<Id>(), closeApi('/event/'), 50),
    },
    {
      adapterId: 'close.searchCursor',
      field: '$',
      walk: () =>
        walkIds(
          closeSearchCursor<Id>(),
          closeApi('/data/search/', { body: { query: { type: 'object_type', object_type: 'lead' } } }),
          50,
        ),
    },
    {
      adapterId: 'pipedrive.offset',
      field: 'data',
      walk: () => walkIds(pipedriveOffset<NumericId>(), pipedriveApi('/v1/notes'), 50),
    },
    {
      adapterId: 'pipedrive.cursor',
      field: 'additional_data.next_cursor',
      walk: () => walkIds(pipedriveCursor<NumericId>(), pipedriveApi('/v2/deals'), 50),
    },
  ]

  it.each(cases)(
    '$adapterId: MalformedResponseError on "$field", two pages kept',
    async ({ adapterId, field, walk }) => {
      serve(createCloseMock({ faults: { malformedOnRequest: 3 } }))
      serve(createPipedriveMock({ faults: { malformedOnRequest: 3 } }))
      const { ids, error } = await walk()
      expect(error).toBeInstanceOf(MalformedResponseError)
      expect(error).toMatchObject({ adapterId, field })
      expect((error as Error).message).toContain(`[pagewise] ${adapterId}: expected`)
      expect(ids).toHaveLength(100)
      expect(new Set(ids).size).toBe(100)
    },
  )
})

describe('HTTP failures', () => {
  it('a 429 gives HttpError with the wait from Retry-After, after the pages within the limit', async () => {
    const close = serve(createCloseMock({ faults: { rateLimit: { requests: 3, windowMs: 8000 } } }))
    const { ids, error } = await walkIds(closeOffset<Id>(), closeApi('/lead/'), 100)
    expect(ids).toHaveLength(300)
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 429 })
    expect((error as HttpError).retryAfterMs).toBeGreaterThan(0)
    expect((error as HttpError).retryAfterMs).toBeLessThanOrEqual(8000)
    expect(close.requests.map((request) => request.status)).toEqual([200, 200, 200, 429])
  })

  it('a Pipedrive 429 is read from its own headers', async () => {
    serve(createPipedriveMock({ faults: { rateLimit: { requests: 1, windowMs: 2000 } } }))
    const { ids, error } = await walkIds(pipedriveCursor<NumericId>(), pipedriveApi('/v2/deals'), 100)
    expect(ids).toHaveLength(100)
    expect(error).toMatchObject({ name: 'HttpError', status: 429 })
    expect((error as HttpError).retryAfterMs).toBeGreaterThan(0)
    expect((error as HttpError).message).toMatch(/HTTP 429 from GET .*\/api\/v2\/deals/)
  })

  it('5xx answers, HTML gateway pages included, give a readable HttpError and never a JSON parse crash', async () => {
    serve(createCloseMock({ seed: 5, faults: { failureRate: 1 } }))
    const statuses = new Set<number>()
    for (let attempt = 0; attempt < 8; attempt++) {
      const { error } = await walkIds(closeOffset<Id>(), closeApi('/lead/'), 10)
      expect(error).toBeInstanceOf(HttpError)
      expect([502, 503]).toContain((error as HttpError).status)
      expect((error as HttpError).message).not.toMatch(/<|JSON|Unexpected token/)
      statuses.add((error as HttpError).status)
      if ((error as HttpError).status === 502) expect((error as HttpError).message).toContain('Bad Gateway')
    }
    expect([...statuses].sort()).toEqual([502, 503])
  })

  it('a 401 carries the provider message; the key in a header is accepted', async () => {
    serve(createCloseMock({ apiKey: 'api_demo' }))
    const anonymous = await walkIds(closeOffset<Id>(), closeApi('/lead/'), 10)
    expect(anonymous.error).toMatchObject({ name: 'HttpError', status: 401 })
    const authorized = createFetcher({
      baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`,
      headers: { authorization: `Basic ${btoa('api_demo:')}` },
    })
    const { ids, error } = await walkIds(closeOffset<Id>(), authorized('/lead/'), 200)
    expect(error).toBeUndefined()
    expect(ids).toHaveLength(2500)
  })

  it("a maxLimit set above the resource's comes back as Close's own 400 message", async () => {
    serve(createCloseMock({ leads: 300 }))
    const misconfigured = closeOffset<Id>({ maxLimit: 500 })
    const { error } = await walkIds(misconfigured, closeApi('/contact/'), 500)
    expect(error).toMatchObject({ name: 'HttpError', status: 400 })
    expect((error as HttpError).message).toContain(
      'larger than the maximum limit for this resource (max_limit = 100)',
    )
  })
})

describe('drift', () => {
  it('offsets under head inserts repeat records but lose none that were there throughout', async () => {
    const close = serve(createCloseMock({ leads: 1000, faults: { drift: { insertEvery: 1, count: 3 } } }))
    const original = close.dataset.leads.map((lead) => lead.id)
    const { ids, error } = await walkIds(closeOffset<Id>(), closeApi('/lead/'), 100)
    expect(error).toBeUndefined()
    expect(new Set(ids).size).toBeLessThan(ids.length)
    expect(original.every((id) => ids.includes(id))).toBe(true)
  })

  it('keyset cursors are not shifted by inserts', async () => {
    const pipedrive = serve(
      createPipedriveMock({ deals: 1000, faults: { drift: { insertEvery: 1, count: 3 } } }),
    )
    const original = pipedrive.dataset.deals.map((deal) => deal.id)
    const { ids } = await walkIds(pipedriveCursor<NumericId>(), pipedriveApi('/v2/deals'), 100)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.slice(0, original.length)).toEqual(original)
  })
})
