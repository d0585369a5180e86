/**
 * The Pipedrive mock takes v2 deal writes (POST /api/v2/deals, PATCH and DELETE /api/v2/deals/{id}) into its own
 * data: later cursor lists, sorts, filters and searches show them; unknown ids and bad bodies get Pipedrive's 404
 * and 400 bodies; writes pass the same rate limit and faults as reads, and one mock's writes stay in that mock.
 */
import { describe, expect, it } from 'vitest'
import { apiCaller } from '../../test/apiCaller'
import { setupMockServer } from '../../test/mockServer'
import { createPipedriveMock, PIPEDRIVE_MOCK_BASE_URL } from './index'
import type { PipedriveDeal, PipedriveDealWrite, PipedriveMockOptions } from './index'

const { serve } = setupMockServer()
const mock = (options: PipedriveMockOptions = {}) => serve(createPipedriveMock({ deals: 150, ...options }))

const V2 = `${PIPEDRIVE_MOCK_BASE_URL}/api/v2`

const call = apiCaller(V2)

type One = { success: boolean; data: PipedriveDeal }
type Page = { success: boolean; data: PipedriveDeal[]; additional_data: { next_cursor: string | null } }
type Search = { data: { items: { item: { id: number; title: string; status: string } }[] } }

const page = async (query: string, base = V2) =>
  (await call<Page>('GET', `/deals?${query}`, undefined, base)).body

/** Every deal of a cursor walk. */
async function walk(query: string): Promise<PipedriveDeal[]> {
  const out: PipedriveDeal[] = []
  let cursor: string | null = null
  do {
    const body: Page = await page(`${query}${cursor === null ? '' : `&cursor=${cursor}`}`)
    out.push(...body.data)
    cursor = body.additional_data.next_cursor
  } while (cursor !== null)
  return out
}

const ids = (deals: readonly { id: number }[]) => deals.map((deal) => deal.id)

const error = (status: number, message: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: {
    success: false,
    error: message,
    ...extra,
    error_info: 'Please check developers.pipedrive.com for more information about Pipedrive API.',
    data: null,
    additional_data: null,
  },
})
const schemaError = (message: string) =>
  error(400, `Validation failed: ${message}`, { code: 'ERR_SCHEMA_VALIDATION_FAILED' })

describe('Pipedrive mock: POST /api/v2/deals', () => {
  it('creates a deal with the next id and the newest add_time, shown by lists, sorts, filters and search', async () => {
    const api = mock()
    const owner = api.dataset.deals[0]?.owner_id as number
    const write: PipedriveDealWrite = {
      title: 'Quokka platform deal',
      value: 4200,
      currency: 'EUR',
      owner_id: owner,
      person_id: 3,
      stage_id: 7,
      status: 'won',
      probability: 80,
      expected_close_date: '2026-04-30',
    }
    const created = await call<One>('POST', '/deals', write)
    expect(created.status).toBe(200)
    const deal = created.body.data
    expect(created.body).toStrictEqual({
      success: true,
      data: {
        id: 151,
        ...write,
        pipeline_id: 2,
        org_id: null,
        add_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        update_time: deal.add_time,
        stage_change_time: null,
        close_time: deal.add_time,
        won_time: deal.add_time,
        lost_time: null,
        lost_reason: null,
        is_deleted: false,
      },
    })
    expect(Date.parse(deal.add_time)).toBeGreaterThan(Date.parse(api.dataset.referenceTime))

    expect(ids((await page('sort_by=add_time&sort_direction=desc&limit=1')).data)).toEqual([151])
    expect((await walk('limit=40')).map((d) => d.id)).toEqual(Array.from({ length: 151 }, (_, i) => i + 1))
    expect(ids((await walk(`limit=50&status=won&owner_id=${owner}`)).slice(-1))).toEqual([151])
    expect(ids((await walk('limit=100&stage_id=7')).filter((d) => d.id > 150))).toEqual([151])
    expect((await call<One>('GET', '/deals/151')).body).toStrictEqual(created.body)
    const search = await call<Search>('GET', '/deals/search?term=quokka&status=won')
    expect(search.body.data.items.map(({ item }) => item)).toEqual([
      expect.objectContaining({ id: 151, title: 'Quokka platform deal', status: 'won' }),
    ])
  })

  it('fills the defaults: pipeline 1, stage 1, open, the first user; a pipeline alone means its first stage', async () => {
    mock()
    const plain = (await call<One>('POST', '/deals', { title: 'Plain' })).body.data
    const users = (
      await call<{ data: { id: number }[] }>('GET', '/users', undefined, `${PIPEDRIVE_MOCK_BASE_URL}/api/v1`)
    ).body.data
    expect(plain).toMatchObject({
      id: 151,
      value: 0,
      currency: 'USD',
      status: 'open',
      pipeline_id: 1,
      stage_id: 1,
      owner_id: users[0]?.id,
      close_time: null,
    })
    const second = (await call<One>('POST', '/deals', { title: 'Second', pipeline_id: 2 })).body.data
    expect(second).toMatchObject({ id: 152, pipeline_id: 2, stage_id: 6 })
    expect(Date.parse(second.add_time)).toBeGreaterThan(Date.parse(plain.add_time))
  })

  it('never gives a created deal the id of a drift deal', async () => {
    const api = mock({ faults: { drift: { insertEvery: 1, count: 2 } } })
    const created = (await call<One>('POST', '/deals', { title: 'Mine' })).body.data
    await page('limit=1') // drifts two deals in
    api.setFaults({ drift: null })
    const all = await walk('limit=500')
    expect(new Set(ids(all)).size).toBe(all.length)
    expect(ids(all).slice(-3)).toEqual([151, 152, 153])
    expect(created.id).toBe(151)
    expect(api.dataset.deals.filter((deal) => deal.title === 'Mine')).toHaveLength(1)
  })
})

describe('Pipedrive mock: PATCH /api/v2/deals/{id}', () => {
  it('changes only the fields given, moves update_time, and lists, filters and search follow', async () => {
    const api = mock()
    const target = api.dataset.deals.find(
      (deal) => deal.status === 'open' && deal.stage_id <= 3,
    ) as PipedriveDeal
    const patched = await call<One>('PATCH', `/deals/${target.id}`, {
      title: 'Wombat renewal',
      status: 'lost',
      lost_reason: 'Budget',
      stage_id: 9,
    })
    expect(patched.status).toBe(200)
    const now = patched.body.data.update_time
    expect(patched.body).toStrictEqual({
      success: true,
      data: {
        ...target,
        title: 'Wombat renewal',
        status: 'lost',
        lost_reason: 'Budget',
        stage_id: 9,
        pipeline_id: 2,
        update_time: now,
        stage_change_time: now,
        close_time: now,
        won_time: null,
        lost_time: now,
      },
    })
    expect(Date.parse(now)).toBeGreaterThan(Date.parse(target.update_time))
    expect(ids((await page('sort_by=update_time&sort_direction=desc&limit=1')).data)).toEqual([target.id])
    expect(ids(await walk('limit=100&status=lost'))).toContain(target.id)
    expect(ids(await walk('limit=100&status=open'))).not.toContain(target.id)
    const inOrder = await walk('limit=100')
    expect(inOrder.find((deal) => deal.id === target.id)).toStrictEqual(patched.body.data)
    const search = await call<Search>('GET', '/deals/search?term=wombat')
    expect(search.body.data.items.map(({ item }) => item.id)).toEqual([target.id])

    const reopened = await call<One>('PATCH', `/deals/${target.id}`, { status: 'open' })
    expect(reopened.body.data).toMatchObject({
      status: 'open',
      close_time: null,
      lost_time: null,
      lost_reason: null,
    })
    expect(reopened.body.data.stage_change_time).toBe(now)
  })
})

describe('Pipedrive mock: DELETE /api/v2/deals/{id}', () => {
  it('answers { success, data: { id } } and the deal is gone from lists, search and GET', async () => {
    const api = mock()
    const target = api.dataset.deals[9] as PipedriveDeal
    const deleted = await call('DELETE', `/deals/${target.id}`)
    expect({ status: deleted.status, body: deleted.body }).toStrictEqual({
      status: 200,
      body: { success: true, data: { id: target.id } },
    })
    const all = await walk('limit=100')
    expect(all).toHaveLength(149)
    expect(ids(all)).not.toContain(target.id)
    const search = await call<Search>(
      'GET',
      `/deals/search?term=${encodeURIComponent(target.title)}&exact_match=true`,
    )
    expect(search.body.data.items.map(({ item }) => item.id)).not.toContain(target.id)
    expect(await call('GET', `/deals/${target.id}`)).toMatchObject(error(404, 'Deal not found'))
    expect(await call('PATCH', `/deals/${target.id}`, { title: 'Back' })).toMatchObject(
      error(404, 'Deal not found'),
    )
    expect(await call('DELETE', `/deals/${target.id}`)).toMatchObject(error(404, 'Deal not found'))
  })
})

describe('Pipedrive mock: write errors', () => {
  it.each<[string, unknown, ReturnType<typeof error>]>([
    ['an unknown stage', { stage_id: 99 }, error(400, 'Stage not found')],
    ['an unknown owner', { owner_id: 1 }, error(400, 'User not found')],
    ['an unknown person', { person_id: 9999 }, error(400, 'Person not found')],
    ['an unknown pipeline', { pipeline_id: 3 }, error(400, 'Pipeline not found')],
    [
      'an unknown status',
      { status: 'closed' },
      schemaError("status: Invalid enum value. Expected 'open' | 'won' | 'lost', received 'closed'"),
    ],
    [
      'wrong types',
      { value: '12', stage_id: 2.5, person_id: 'x' },
      schemaError(
        'value: Expected number, received string; stage_id: Expected integer, received float; person_id: Expected number, received string',
      ),
    ],
    [
      'read-only and unknown fields',
      { id: 5, add_time: '2026-01-01T00:00:00Z', visible_to: 3 },
      schemaError(
        "id: Parameter 'id' is not allowed for this request; add_time: Parameter 'add_time' is not allowed for this request",
      ),
    ],
    ['an empty title', { title: '' }, schemaError('title: String must contain at least 1 character(s)')],
    [
      'a probability over 100',
      { probability: 120 },
      schemaError('probability: Number must be less than or equal to 100'),
    ],
    ['a bad date', { expected_close_date: '2026-02-30' }, schemaError('expected_close_date: Invalid date')],
    ['a body that is not an object', [1], schemaError('body: Expected object, received array')],
  ])(
    'answers PATCH with %s by a 400 in Pipedrive error shape, and changes nothing',
    async (_case, body, expected) => {
      const api = mock()
      const target = api.dataset.deals[0] as PipedriveDeal
      const answer = await call('PATCH', `/deals/${target.id}`, body)
      expect({ status: answer.status, body: answer.body }).toStrictEqual(expected)
      expect((await call<One>('GET', `/deals/${target.id}`)).body.data).toStrictEqual(target)
    },
  )

  it('answers POST without a title, and a path id that is not a number, with 400s; creates nothing', async () => {
    const api = mock()
    const answer = await call('POST', '/deals', { value: 5 })
    expect({ status: answer.status, body: answer.body }).toStrictEqual(schemaError('title: Required'))
    const badId = await call('PATCH', '/deals/abc', { title: 'x' })
    expect({ status: badId.status, body: badId.body }).toStrictEqual(
      schemaError('id: Expected number, received string'),
    )
    expect(api.dataset.deals).toHaveLength(150)
    expect((await call<One>('POST', '/deals', { title: 'Now' })).body.data.id).toBe(151)
  })
})

describe('Pipedrive mock: writes and faults', () => {
  it('paces writes with the same rate limit as reads: 429 with Retry-After and x-ratelimit-*, nothing written', async () => {
    let now = 9_000_000
    const api = mock({ now: () => now, faults: { rateLimit: { requests: 2, windowMs: 2000 } } })
    const [a, b] = api.dataset.deals as [PipedriveDeal, PipedriveDeal]
    const first = await call('PATCH', `/deals/${a.id}`, { title: 'Paced' })
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1')
    expect((await call('GET', '/deals?limit=1')).status).toBe(200)
    const limited = await call('PATCH', `/deals/${b.id}`, { title: 'Paced too' })
    expect({ status: limited.status, body: limited.body }).toStrictEqual(error(429, 'Request over limit'))
    expect(limited.headers.get('retry-after')).toBe('2')
    expect(limited.headers.get('x-ratelimit-limit')).toBe('2')
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    expect((await call('POST', '/deals', { title: 'Not yet' })).status).toBe(429)
    now += 2000
    expect((await call<One>('GET', `/deals/${b.id}`)).body.data.title).toBe(b.title)
    expect(api.dataset.deals).toHaveLength(150)
  })

  it('applies no write answered with a seeded 5xx, and none without the token', async () => {
    const api = mock({ apiToken: 'tok', faults: { failureRate: 1 } })
    const target = api.dataset.deals[0] as PipedriveDeal
    const failed = await fetch(`${V2}/deals/${target.id}`, {
      method: 'DELETE',
      headers: { 'x-api-token': 'tok' },
    })
    expect([502, 503]).toContain(failed.status)
    expect((await call('POST', '/deals', { title: 'Anonymous' })).status).toBe(401)
    expect(api.dataset.deals).toHaveLength(150)
    expect(api.dataset.deals[0]).toStrictEqual(target)
  })
})

describe('Pipedrive mock: writes belong to one mock', () => {
  it('keeps two mocks apart, and reset() gives back the seeded data', async () => {
    const one = mock()
    const otherBase = 'https://other.pipedrive.test'
    serve(createPipedriveMock({ deals: 150, baseUrl: otherBase }))
    const target = one.dataset.deals[0] as PipedriveDeal
    await call('PATCH', `/deals/${target.id}`, { title: 'Only in one' })
    await call('POST', '/deals', { title: 'Created in one' })
    await call('DELETE', '/deals/2')
    const other = await page('limit=500', `${otherBase}/api/v2`)
    expect(other.data).toHaveLength(150)
    expect(other.data[0]).toStrictEqual(target)
    expect(other.data[1]?.id).toBe(2)

    one.reset()
    const fresh = await page('limit=500')
    expect(fresh.data).toHaveLength(150)
    expect(fresh.data[0]).toStrictEqual(target)
  })
})
