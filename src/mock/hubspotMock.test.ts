import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { hubspotAdapter } from '../adapters/hubspot'
import { fetchAll } from '../core/fetchAll'
import type { FetchAllProgress } from '../core/fetchAll'
import { createFetcher } from '../http/createFetcher'
import { createHubspotMock, HUBSPOT_MOCK_BASE_URL } from './hubspotMock'
import type { HubspotContact, HubspotMockOptions } from './hubspotMock'

const { serve } = setupMockServer()
const mock = (options: HubspotMockOptions = {}) => serve(createHubspotMock(options))

interface Page {
  results: HubspotContact[]
  paging?: { next?: { after: string; link?: string } }
  total?: number
}
type ErrorBody = {
  status: string
  message: string
  correlationId: string
  category?: string
  errorType?: string
}

const CONTACTS = `${HUBSPOT_MOCK_BASE_URL}/crm/v3/objects/contacts`

async function list<T = Page>(query = '', headers?: HeadersInit) {
  const response = await fetch(`${CONTACTS}${query}`, { headers })
  return { status: response.status, headers: response.headers, body: (await response.json()) as T }
}

async function search<T = Page>(body: unknown) {
  const response = await fetch(`${CONTACTS}/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as T }
}

describe('HubSpot mock: GET /crm/v3/objects/contacts', () => {
  it('answers 10 contacts by id with the default properties, and paging.next with an encoded after and a link', async () => {
    const api = mock()
    const { status, body } = await list()
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['results', 'paging'])
    expect(body.results.map((contact) => contact.id)).toEqual(
      api.dataset.contacts.slice(0, 10).map((contact) => contact.id),
    )
    expect(Object.keys(body.results[0]!)).toEqual(['id', 'properties', 'createdAt', 'updatedAt', 'archived'])
    expect(Object.keys(body.results[0]!.properties)).toEqual([
      'createdate',
      'email',
      'firstname',
      'hs_object_id',
      'lastmodifieddate',
      'lastname',
    ])
    const next = body.paging!.next!
    // Percent-encoded base64, as HubSpot sends it (`NTI1Cg%3D%3D`); the link carries it as is.
    expect(next.after).toMatch(/^[A-Za-z0-9%]+%3D$/)
    expect(decodeURIComponent(next.after)).toMatch(/^[A-Za-z0-9+/]+={1,2}$/)
    expect(next.after).not.toBe(body.results.at(-1)?.id)
    expect(next.link).toContain(`after=${next.after}`)
    expect(new URL(next.link!).searchParams.get('after')).toBe(decodeURIComponent(next.after))
  })

  it('reads after as the link sends it, and refuses it encoded twice with a 400', async () => {
    const api = mock({ contacts: 30 })
    const { after } = (await list('?limit=10')).body.paging!.next!
    const second = await list(`?limit=10&after=${after}`)
    expect(second.status).toBe(200)
    expect(second.body.results.map((contact) => contact.id)).toEqual(
      api.dataset.contacts.slice(10, 20).map((contact) => contact.id),
    )
    const twice = await list<ErrorBody>(`?limit=10&after=${encodeURIComponent(after)}`)
    expect(twice.status).toBe(400)
    expect(twice.body.message).toMatch(/Invalid after cursor/)
  })

  it('walks every contact once with after, ending without paging; the link is the next request', async () => {
    const api = mock({ contacts: 250 })
    const ids: string[] = []
    let url: string | undefined = `${CONTACTS}?limit=100&properties=email,company`
    let pages = 0
    while (url !== undefined) {
      const body = (await (await fetch(url)).json()) as Page
      ids.push(...body.results.map((contact) => contact.id))
      expect(Object.keys(body.results[0]!.properties)).toEqual([
        'company',
        'createdate',
        'email',
        'hs_object_id',
        'lastmodifieddate',
      ])
      url = body.paging?.next?.link
      pages += 1
    }
    expect(pages).toBe(3)
    expect(ids).toEqual(api.dataset.contacts.map((contact) => contact.id))
  })

  it('keeps pages in place while contacts are created: new ids come at the end', async () => {
    const api = mock({ contacts: 30 })
    const first = await list('?limit=20')
    api.setFaults({ drift: { insertEvery: 1, count: 3 } })
    const second = await list(`?limit=20&after=${first.body.paging!.next!.after}`)
    expect(second.body.results.map((contact) => contact.id)).toEqual(
      api.dataset.contacts.slice(20, 33).map((contact) => contact.id),
    )
    expect(second.body.paging).toBeUndefined()
  })

  it.each([
    ['?limit=101', /limit must be at most 100/],
    ['?limit=0', /limit must be a positive integer/],
    ['?after=not-a-cursor', /Invalid after cursor/],
  ])('refuses %s with a 400 VALIDATION_ERROR', async (query, message) => {
    mock()
    const { status, body } = await list<ErrorBody>(query)
    expect(status).toBe(400)
    expect(Object.keys(body)).toEqual(['status', 'message', 'correlationId', 'category'])
    expect(body).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      message: expect.stringMatching(message),
    })
    expect(body.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/)
  })

  it('answers 401 without the Bearer token', async () => {
    mock({ accessToken: 'pat-demo' })
    const missing = await list<ErrorBody>()
    expect(missing.status).toBe(401)
    expect(missing.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' })
    expect((await list('', { authorization: 'Bearer pat-demo' })).status).toBe(200)
  })

  it("answers 429 with HubSpot's RATE_LIMIT body and X-HubSpot-RateLimit headers, and logs requests", async () => {
    let now = 0
    const api = mock({ faults: { rateLimit: { requests: 1, windowMs: 10_000 } }, now: () => now })
    const ok = await list()
    expect(ok.headers.get('x-hubspot-ratelimit-remaining')).toBe('0')
    const limited = await list<ErrorBody>()
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    })
    expect(limited.headers.get('x-hubspot-ratelimit-max')).toBe('1')
    now = 10_000
    expect((await list()).status).toBe(200)
    expect(api.requests.map((request) => request.status)).toEqual([200, 429, 200])
  })

  it('waits the latency asked for and answers the malformed fault with paging.next.after as a number', async () => {
    mock({ faults: { latency: { fixedMs: 50, jitterMs: 0 }, malformedOnRequest: 1 } })
    const started = performance.now()
    const { body } = await list<{ paging: { next: { after: unknown } } }>()
    expect(performance.now() - started).toBeGreaterThanOrEqual(45)
    expect(body.paging.next.after).toBe(100)
  })
})

describe('HubSpot mock: POST /crm/v3/objects/contacts/search', () => {
  it('answers total, results and paging.next.after (the next offset) from the JSON body', async () => {
    const api = mock({ contacts: 450 })
    const first = await search({ limit: 200 })
    expect(first.status).toBe(200)
    expect(Object.keys(first.body)).toEqual(['total', 'results', 'paging'])
    expect(first.body).toMatchObject({ total: 450, paging: { next: { after: '200' } } })
    const ids = first.body.results.map((contact) => contact.id)
    for (let after: string | undefined = '200'; after !== undefined;) {
      const { body }: { body: Page } = await search({ limit: 200, after })
      ids.push(...body.results.map((contact) => contact.id))
      after = body.paging?.next?.after
    }
    expect(ids).toEqual(api.dataset.contacts.map((contact) => contact.id))
    expect((await search({ after: null })).body.results).toHaveLength(10)
  })

  it('filters with filterGroups (OR of ANDs) and query, sorts by one property, and counts the matches', async () => {
    const api = mock()
    const pivot = api.dataset.contacts[500]!.properties.createdate
    const recent = await search({
      filterGroups: [{ filters: [{ propertyName: 'createdate', operator: 'GTE', value: pivot }] }],
      sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }],
      limit: 100,
    })
    expect(recent.body.total).toBe(500)
    expect(recent.body.results[0]!.id).toBe(api.dataset.contacts.at(-1)!.id)
    const name = api.dataset.contacts[3]!.properties.firstname!
    const byName = await search({
      filterGroups: [
        { filters: [{ propertyName: 'firstname', operator: 'EQ', value: name.toUpperCase() }] },
        { filters: [{ propertyName: 'email', operator: 'NOT_HAS_PROPERTY' }] },
      ],
      properties: ['firstname'],
      limit: 200,
    })
    const expected = api.dataset.contacts.filter(
      (contact) => contact.properties.firstname === name || contact.properties.email === null,
    )
    expect(byName.body.total).toBe(expected.length)
    expect(byName.body.results.every((contact) => 'firstname' in contact.properties)).toBe(true)
    const text = await search({ query: name.toLowerCase(), limit: 1 })
    expect(text.body.total).toBeGreaterThan(0)
  })

  it.each([
    [{ limit: 201 }, /limit must be at most 200/],
    [{ after: 'abc' }, /after must be/],
    [{ after: '10000' }, /limited to 10000/],
    [{ sorts: ['createdate', 'email'] }, /one sort/],
    [{ filterGroups: Array.from({ length: 6 }, () => ({ filters: [] })) }, /at most 5 groups/],
    [
      { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'IN', value: 'x' }] }] },
      /Unsupported operator IN/,
    ],
  ])('refuses %j with a 400 VALIDATION_ERROR', async (body, message) => {
    mock()
    const { status, body: error } = await search<ErrorBody>(body)
    expect(status).toBe(400)
    expect(error).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      message: expect.stringMatching(message),
    })
  })
})

describe('hubspotAdapter on the HubSpot mock, through createFetcher', () => {
  const hubspot = createFetcher({
    baseUrl: HUBSPOT_MOCK_BASE_URL,
    headers: { authorization: 'Bearer pat-demo' },
  })

  it('sends a percent-encoded after as paging.next.link does, encoded once', async () => {
    const api = mock({ contacts: 25, accessToken: 'pat-demo' })
    const urls: string[] = []
    const recording = createFetcher({
      baseUrl: HUBSPOT_MOCK_BASE_URL,
      headers: { authorization: 'Bearer pat-demo' },
      fetch: (input, init) => {
        urls.push(input instanceof Request ? input.url : String(input))
        return fetch(input, init)
      },
    })
    const all = await fetchAll({
      adapter: hubspotAdapter<HubspotContact>(),
      fetchPage: recording('/crm/v3/objects/contacts'),
      pageSize: 10,
    })
    expect(all.map((contact) => contact.id)).toEqual(api.dataset.contacts.map((contact) => contact.id))
    expect(api.requests.map((request) => request.status)).toEqual([200, 200, 200])
    const first = await (
      await fetch(`${CONTACTS}?limit=10`, { headers: { authorization: 'Bearer pat-demo' } })
    ).json()
    const { after, link } = (first as Page).paging!.next!
    expect(after).toMatch(/%3D/)
    // The second request carries after exactly as HubSpot's link does: NTI1Cg%3D%3D, not NTI1Cg%253D%253D.
    expect(urls[1]).toContain(`after=${after}`)
    expect(link).toContain(`after=${after}`)
    expect(urls.join(' ')).not.toMatch(/%25/)
  })

  it('loads every contact of the list at 100 a page', async () => {
    const api = mock({ contacts: 230, accessToken: 'pat-demo' })
    const all = await fetchAll({
      adapter: hubspotAdapter<HubspotContact>(),
      fetchPage: hubspot('/crm/v3/objects/contacts', { query: { properties: 'firstname,lastname,email' } }),
    })
    expect(all.map((contact) => contact.id)).toEqual(api.dataset.contacts.map((contact) => contact.id))
    expect(api.requests).toHaveLength(3)
    expect(api.requests[1]?.query).toMatchObject({ limit: '100', after: expect.any(String) })
  })

  it('loads a search at 200 a page with after and limit in the body, and reports its total', async () => {
    const api = mock({ contacts: 450, accessToken: 'pat-demo' })
    const progress: FetchAllProgress[] = []
    const sorts = [{ propertyName: 'createdate', direction: 'DESCENDING' }]
    const all = await fetchAll(
      {
        adapter: hubspotAdapter<HubspotContact>({ placement: 'body' }),
        fetchPage: hubspot('/crm/v3/objects/contacts/search', { body: { sorts } }),
      },
      { onProgress: (step) => progress.push(step) },
    )
    expect(all.map((contact) => contact.id)).toEqual(
      api.dataset.contacts.map((contact) => contact.id).reverse(),
    )
    expect(progress.at(-1)).toEqual({ loaded: 450, total: 450 })
    expect(api.requests.map((request) => request.body)).toEqual([
      { sorts, after: null, limit: 200 },
      { sorts, after: '200', limit: 200 },
      { sorts, after: '400', limit: 200 },
    ])
  })
})
