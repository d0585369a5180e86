import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { startingAfterAdapter } from '../adapters/startingAfter'
import { fetchAll } from '../core/fetchAll'
import { MalformedResponseError } from '../core/errors'
import { pageRequest } from '../core/listPage'
import { createFetcher } from '../http/createFetcher'
import { HttpError } from '../http/HttpError'
import { createStripeMock, STRIPE_MOCK_BASE_URL } from './stripeMock'
import type { StripeCustomer, StripeMockOptions } from './stripeMock'

const { serve } = setupMockServer()
const mock = (options: StripeMockOptions = {}) => serve(createStripeMock(options))

interface ListPage {
  object: 'list'
  url: string
  has_more: boolean
  data: StripeCustomer[]
}
type ErrorBody = { error: { type: string; message: string; param?: string; code?: string } }

async function get<T = ListPage>(query: string, headers?: HeadersInit): Promise<{ status: number; body: T }> {
  const response = await fetch(`${STRIPE_MOCK_BASE_URL}/v1/customers${query}`, { headers })
  return { status: response.status, body: (await response.json()) as T }
}

describe('Stripe mock: GET /v1/customers', () => {
  it('answers the list envelope with 10 customers, newest first, and has_more', async () => {
    const api = mock()
    const { status, body } = await get('')
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['object', 'url', 'has_more', 'data'])
    expect(body).toMatchObject({ object: 'list', url: '/v1/customers', has_more: true })
    expect(body.data).toEqual(api.dataset.customers.slice(0, 10))
    expect(body.data[0]).toMatchObject({
      object: 'customer',
      id: expect.stringMatching(/^cus_[0-9A-Za-z]{14}$/),
    })
    const created = api.dataset.customers.map((customer) => customer.created)
    expect(created).toEqual([...created].sort((a, b) => b - a))
    expect(new Set(api.dataset.customers.map((customer) => customer.id)).size).toBe(500)
  })

  it('is deterministic per seed', () => {
    expect(createStripeMock({ seed: 3 }).dataset).toEqual(createStripeMock({ seed: 3 }).dataset)
    expect(createStripeMock({ seed: 3 }).dataset.customers[0]).not.toEqual(
      createStripeMock({ seed: 4 }).dataset.customers[0],
    )
  })

  it('walks every customer once with starting_after = the last id received', async () => {
    const api = mock({ customers: 250 })
    const ids: string[] = []
    let after: string | undefined
    let pages = 0
    for (;;) {
      const { body } = await get(`?limit=100${after ? `&starting_after=${after}` : ''}`)
      ids.push(...body.data.map((customer) => customer.id))
      pages += 1
      if (!body.has_more) break
      after = body.data.at(-1)?.id
    }
    expect(pages).toBe(3)
    expect(ids).toEqual(api.dataset.customers.map((customer) => customer.id))
  })

  it('answers ending_before with the customers just before, still newest first, has_more looking backwards', async () => {
    const api = mock({ customers: 50 })
    const all = api.dataset.customers.map((customer) => customer.id)
    const back = await get(`?limit=10&ending_before=${all[25]}`)
    expect(back.body.data.map((customer) => customer.id)).toEqual(all.slice(15, 25))
    expect(back.body.has_more).toBe(true)
    const head = await get(`?limit=10&ending_before=${all[5]}`)
    expect(head.body.data.map((customer) => customer.id)).toEqual(all.slice(0, 5))
    expect(head.body.has_more).toBe(false)
  })

  it('keeps pages in place while customers are created (the cursor is a record, not a position)', async () => {
    const api = mock({ customers: 40 })
    const first = await get('?limit=20')
    const before = api.dataset.customers.map((customer) => customer.id)
    api.setFaults({ drift: { insertEvery: 1, count: 5 } })
    const second = await get(`?limit=20&starting_after=${first.body.data.at(-1)?.id}`)
    expect(api.dataset.customers).toHaveLength(45)
    expect(api.dataset.customers[0]!.created).toBeGreaterThan(api.dataset.customers[5]!.created)
    expect(second.body.data.map((customer) => customer.id)).toEqual(before.slice(20, 40))
  })

  it('filters by email (exact, case-sensitive) and created ranges', async () => {
    const api = mock()
    const target = api.dataset.customers.find((customer) => customer.email !== null)!
    const exact = await get(`?email=${encodeURIComponent(target.email!)}`)
    expect(exact.body.data.map((customer) => customer.id)).toContain(target.id)
    expect((await get(`?email=${encodeURIComponent(target.email!.toUpperCase())}`)).body.data).toEqual([])
    const pivot = api.dataset.customers[100]!.created
    const recent = await get(`?limit=100&created[gte]=${pivot}`)
    expect(recent.body.data).toHaveLength(100)
    expect(recent.body.data.every((customer) => customer.created >= pivot)).toBe(true)
    expect(recent.body.has_more).toBe(true)
  })

  it.each([
    ['?limit=0', 'Invalid limit: must be between 1 and 100', 'limit', undefined],
    ['?limit=101', 'Invalid limit: must be between 1 and 100', 'limit', undefined],
    ['?limit=ten', 'Invalid integer: ten', 'limit', undefined],
    ['?starting_after=cus_nope', "No such customer: 'cus_nope'", 'starting_after', 'resource_missing'],
    ['?ending_before=cus_nope', "No such customer: 'cus_nope'", 'ending_before', 'resource_missing'],
    [
      '?starting_after=a&ending_before=b',
      'You may only specify one of these parameters: starting_after, ending_before.',
      'starting_after',
      undefined,
    ],
    ['?offset=10', 'Received unknown parameter: offset', 'offset', undefined],
  ])('refuses %s with a 400 invalid_request_error', async (query, message, param, code) => {
    mock()
    const { status, body } = await get<ErrorBody>(query)
    expect(status).toBe(400)
    expect(body.error).toStrictEqual({
      ...(code ? { code } : {}),
      message,
      param,
      type: 'invalid_request_error',
    })
  })

  it('answers 401 without the API key, and accepts Bearer or Basic with the key as user', async () => {
    const api = mock({ apiKey: 'sk_test_mock' })
    const missing = await get<ErrorBody>('')
    expect(missing.status).toBe(401)
    expect(missing.body.error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringContaining('Bearer'),
    })
    expect((await get('', { authorization: 'Bearer sk_test_other' })).status).toBe(401)
    expect((await get('', { authorization: 'Bearer sk_test_mock' })).status).toBe(200)
    expect((await get('', { authorization: `Basic ${btoa('sk_test_mock:')}` })).status).toBe(200)
    expect(api.requests.map((request) => request.status)).toEqual([401, 401, 200, 200])
  })

  it("answers 429 with Stripe's rate_limit error over the rate limit, and logs every request", async () => {
    let now = 0
    const api = mock({ faults: { rateLimit: { requests: 2, windowMs: 1000 } }, now: () => now })
    expect((await get('')).status).toBe(200)
    expect((await get('?limit=5')).status).toBe(200)
    const limited = await get<ErrorBody>('')
    expect(limited.status).toBe(429)
    expect(limited.body.error).toMatchObject({ code: 'rate_limit', type: 'invalid_request_error' })
    now = 1000
    expect((await get('')).status).toBe(200)
    expect(api.requests.map((request) => [request.query.limit, request.status])).toEqual([
      [undefined, 200],
      ['5', 200],
      [undefined, 429],
      [undefined, 200],
    ])
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/v1/customers' })
  })

  it('waits the latency asked for', async () => {
    mock({ faults: { latency: { fixedMs: 60, jitterMs: 0 } } })
    const started = performance.now()
    await get('')
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
  })

  it('answers the malformed fault with the last customer of the page missing its id', async () => {
    const api = mock({ faults: { malformedOnRequest: 2 } })
    expect((await get('?limit=3')).body.data.at(-1)?.id).toEqual(expect.any(String))
    const { status, body } = await get('?limit=3')
    expect(status).toBe(200)
    expect(body.has_more).toBe(true)
    expect(body.data).toHaveLength(3)
    expect(body.data.at(-1)).not.toHaveProperty('id')
    api.reset()
    expect(api.requests).toHaveLength(0)
  })
})

describe('startingAfterAdapter on the Stripe mock, through createFetcher', () => {
  const stripe = createFetcher({
    baseUrl: `${STRIPE_MOCK_BASE_URL}/v1`,
    headers: { authorization: 'Bearer sk_test_mock' },
  })
  const customers = stripe('/customers')
  const adapter = startingAfterAdapter<StripeCustomer>()

  it('loads every customer at 100 a page, with the key in a header and never in the URL', async () => {
    const api = mock({ customers: 230, apiKey: 'sk_test_mock' })
    const all = await fetchAll({ adapter, fetchPage: customers })
    expect(all.map((customer) => customer.id)).toEqual(api.dataset.customers.map((customer) => customer.id))
    expect(api.requests.map((request) => request.query)).toEqual([
      { limit: '100' },
      { limit: '100', starting_after: api.dataset.customers[99]!.id },
      { limit: '100', starting_after: api.dataset.customers[199]!.id },
    ])
  })

  it('pages back with ending_before the first customer, as the adapter asks', async () => {
    const api = mock({ customers: 60, apiKey: 'sk_test_mock' })
    const signal = new AbortController().signal
    const ids = api.dataset.customers.map((customer) => customer.id)
    const third = { startingAfter: ids[39]! }
    const page = await customers<ListPage>(pageRequest(adapter, third, 20, signal))
    expect(page.data.map((customer) => customer.id)).toEqual(ids.slice(40, 60))
    const previous = adapter.getPreviousPageParam?.(page, [page], third, [third])
    expect(previous).toEqual({ endingBefore: ids[40] })
    const back = await customers<ListPage>(pageRequest(adapter, previous!, 20, signal))
    expect(back.data.map((customer) => customer.id)).toEqual(ids.slice(20, 40))
    const before = adapter.getPreviousPageParam?.(back, [back, page], previous!, [previous!, third])
    const head = await customers<ListPage>(pageRequest(adapter, before!, 20, signal))
    expect(head.data.map((customer) => customer.id)).toEqual(ids.slice(0, 20))
    expect(adapter.getPreviousPageParam?.(head, [head], before!, [before!])).toBeUndefined()
  })

  it("surfaces Stripe's error message and the malformed customer's field", async () => {
    mock({ apiKey: 'sk_test_other' })
    await expect(fetchAll({ adapter, fetchPage: customers })).rejects.toThrow(HttpError)
    await expect(fetchAll({ adapter, fetchPage: customers })).rejects.toThrow(
      /You did not provide an API key/,
    )
    mock({ faults: { malformedOnRequest: 1 } })
    await expect(fetchAll({ adapter, fetchPage: customers })).rejects.toThrow(
      expect.objectContaining({ constructor: MalformedResponseError, field: 'data[99].id' }),
    )
  })
})
