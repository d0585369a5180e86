/**
 * The Close mock takes lead writes (POST /lead/, PUT and DELETE /lead/{id}/) into its own data: later lists, sorts,
 * filters and searches show them; unknown ids and bad bodies get Close's 404 and 400 bodies; writes pass the same
 * rate limit and faults as reads, and one mock's writes stay in that mock.
 */
import { describe, expect, it } from 'vitest'
import { apiCaller } from '../../test/apiCaller'
import { setupMockServer } from '../../test/mockServer'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from './index'
import type { CloseContact, CloseLead, CloseLeadWrite, CloseMockOptions, CloseOpportunity } from './index'

const { serve } = setupMockServer()
const mock = (options: CloseMockOptions = {}) => serve(createCloseMock({ leads: 120, ...options }))

const API = `${CLOSE_MOCK_BASE_URL}/api/v1`

const call = apiCaller(API)

type List<T> = { data: T[]; has_more: boolean; total_results?: number }
const list = async <T = CloseLead>(path: string, base = API) =>
  (await call<List<T>>('GET', path, undefined, base)).body
const ids = (records: readonly { id: string }[]) => records.map((record) => record.id)

const NOT_FOUND = { error: 'Empty query: Lead matching query does not exist.' }

describe('Close mock: POST /lead/', () => {
  it('creates a lead with a new id, its status and contacts, at the head of the list and in every view', async () => {
    const api = mock()
    const statuses = api.dataset.leads.map((lead) => lead.status_label)
    expect(statuses).toContain('Customer')
    const write: CloseLeadWrite = {
      name: 'Zebra Logistics',
      status: 'Customer',
      description: 'Signed at the fair',
      url: 'https://zebra.example',
      addresses: [{ city: 'Lisbon', country: 'PT' }],
      contacts: [{ name: 'Ada Zebra', title: 'CEO', emails: [{ email: 'ada@zebra.example' }] }],
    }
    const created = await call<CloseLead>('POST', '/lead/', write)
    expect(created.status).toBe(200)
    const lead = created.body
    expect(lead).toMatchObject({
      id: expect.stringMatching(/^lead_[0-9A-Za-z]{22}$/),
      name: 'Zebra Logistics',
      display_name: 'Zebra Logistics',
      status_label: 'Customer',
      description: 'Signed at the fair',
      url: 'https://zebra.example',
      html_url: `https://app.close.com/lead/${lead.id}/`,
      addresses: [
        {
          label: 'business',
          address_1: '',
          address_2: '',
          city: 'Lisbon',
          state: '',
          zipcode: '',
          country: 'PT',
        },
      ],
      contacts: [
        {
          id: expect.stringMatching(/^cont_/),
          lead_id: lead.id,
          name: 'Ada Zebra',
          title: 'CEO',
          emails: [{ email: 'ada@zebra.example', type: 'office' }],
          phones: [],
        },
      ],
    })
    const customer = api.dataset.leads.find((other) => other.status_label === 'Customer')
    expect(lead.status_id).toBe(customer?.status_id)
    expect(lead.date_updated).toBe(lead.date_created)
    expect(Date.parse(lead.date_created)).toBeGreaterThan(Date.parse(api.dataset.referenceTime))
    expect(new Set(ids(api.dataset.leads)).size).toBe(121)

    const head = await list('/lead/?_limit=2')
    expect(ids(head.data)).toEqual([lead.id, expect.not.stringMatching(lead.id)])
    expect(head.data[0]).toStrictEqual(lead)
    expect((await call<CloseLead>('GET', `/lead/${lead.id}/`)).body).toStrictEqual(lead)
    const customers = await list(`/lead/?status_label=Customer&_limit=200`)
    expect(ids(customers.data)).toContain(lead.id)
    const byQuery = await list('/lead/?query=zebra%20logistics')
    expect({ ids: ids(byQuery.data), total: byQuery.total_results }).toEqual({ ids: [lead.id], total: 1 })
    const contacts = await list<CloseContact>(`/contact/?lead_id=${lead.id}`)
    expect(contacts.data).toStrictEqual(lead.contacts)
    const search = await call<{ data: { id: string }[] }>('POST', '/data/search/', {
      query: {
        type: 'and',
        queries: [
          { type: 'object_type', object_type: 'lead' },
          { type: 'text', value: 'Zebra Log' },
        ],
      },
      _fields: { lead: ['display_name'] },
    })
    expect(search.body.data).toStrictEqual([
      { __object_type: 'lead', id: lead.id, display_name: 'Zebra Logistics' },
    ])
  })

  it('gives a lead without status the first status, and new contacts to a contact list already read', async () => {
    const api = mock()
    const first = await list<CloseContact>('/contact/?_limit=1')
    const created = await call<CloseLead>('POST', '/lead/', { contacts: [{ name: 'Solo' }, { name: 'Duo' }] })
    expect(created.body).toMatchObject({ name: '', display_name: '', status_label: 'Potential', url: null })
    const [solo, duo] = created.body.contacts
    expect(solo?.id).not.toBe(duo?.id)
    const head = await list<CloseContact>('/contact/?_limit=3')
    expect(ids(head.data)).toEqual([solo?.id, duo?.id, first.data[0]?.id])
    expect(api.dataset.contacts.filter((contact) => contact.lead_id === created.body.id)).toHaveLength(2)
  })

  it('keeps created leads newest first across several creates, and their ids apart from drift leads', async () => {
    const api = mock({ faults: { drift: { insertEvery: 2, count: 1 } } })
    const a = (await call<CloseLead>('POST', '/lead/', { name: 'First' })).body
    await list('/lead/?_limit=1') // drift counts list requests: not yet
    const b = (await call<CloseLead>('POST', '/lead/', { name: 'Second' })).body
    const page = await list('/lead/?_limit=4') // the second list request drifts one lead in first
    expect(page.data.slice(1, 3).map((lead) => lead.name)).toEqual(['Second', 'First'])
    const drifted = page.data[0]
    expect(drifted?.id).not.toBe(a.id)
    expect(drifted?.id).not.toBe(b.id)
    expect(Date.parse(drifted?.date_created ?? '')).toBeGreaterThan(Date.parse(b.date_created))
    expect(new Set(ids(api.dataset.leads)).size).toBe(api.dataset.leads.length)
  })
})

describe('Close mock: PUT /lead/{id}/', () => {
  it('changes only the fields given, moves date_updated, and the list sorts and filters by the new values', async () => {
    const api = mock({ opportunities: 400 })
    const target = api.dataset.leads[60] as CloseLead
    const qualified = api.dataset.leads.find((lead) => lead.status_label === 'Qualified') as CloseLead
    const put = await call<CloseLead>('PUT', `/lead/${target.id}/`, {
      name: 'Aardvark Renamed',
      status_id: qualified.status_id,
    })
    expect(put.status).toBe(200)
    expect(put.body).toStrictEqual({
      ...target,
      name: 'Aardvark Renamed',
      display_name: 'Aardvark Renamed',
      status_id: qualified.status_id,
      status_label: 'Qualified',
      updated_by: expect.stringMatching(/^user_/),
      date_updated: expect.any(String),
    })
    expect(Date.parse(put.body.date_updated)).toBeGreaterThan(Date.parse(api.dataset.referenceTime))

    const latest = await list('/lead/?_order_by=-date_updated&_limit=1')
    expect(ids(latest.data)).toEqual([target.id])
    const byName = await list('/lead/?_order_by=display_name&_limit=1')
    expect(byName.data[0]?.display_name).toBe('Aardvark Renamed')
    const all = await list('/lead/?_limit=200')
    expect(all.data[60]).toStrictEqual(put.body) // the default order (date_created) keeps its place
    const qualifiedPage = await list(`/lead/?status_id=${qualified.status_id}&_limit=200`)
    expect(ids(qualifiedPage.data)).toContain(target.id)
    expect((await list(`/lead/?query=${encodeURIComponent(target.display_name)}`)).data).not.toContainEqual(
      expect.objectContaining({ id: target.id }),
    )
    const opportunities = await list<CloseOpportunity>(`/opportunity/?lead_id=${target.id}`)
    expect(opportunities.data.length).toBeGreaterThan(0)
    expect(opportunities.data.every((opportunity) => opportunity.lead_name === 'Aardvark Renamed')).toBe(true)
  })

  it('takes a lead sent back whole (read-only fields unchanged), then a status by label; date_updated moves each time', async () => {
    const api = mock()
    const target = api.dataset.leads.find((lead) => lead.status_label !== 'Bad Fit') as CloseLead
    const first = await call<CloseLead>('PUT', `/lead/${target.id}/`, { ...target, description: 'Called' })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ description: 'Called', status_label: target.status_label })
    const second = await call<CloseLead>('PUT', `/lead/${target.id}/`, { status_label: 'Bad Fit' })
    expect(second.body).toMatchObject({ status_label: 'Bad Fit', description: 'Called' })
    expect(Date.parse(first.body.date_updated)).toBeGreaterThan(Date.parse(target.date_updated))
    expect(Date.parse(second.body.date_updated)).toBeGreaterThan(Date.parse(first.body.date_updated))
  })
})

describe('Close mock: DELETE /lead/{id}/', () => {
  it('answers {} and removes the lead with its contacts and opportunities from every list', async () => {
    const api = mock({ opportunities: 400 })
    // Contacts read before the delete: the built contact list must lose the lead's contacts too.
    expect((await list<CloseContact>('/contact/?_limit=100')).data).toHaveLength(100)
    const target = api.dataset.opportunities[0]?.lead_id as string
    const deleted = await call('DELETE', `/lead/${target}/`)
    expect({ status: deleted.status, body: deleted.body }).toEqual({ status: 200, body: {} })
    const leads = await list('/lead/?_limit=200')
    expect(leads.data).toHaveLength(119)
    expect(ids(leads.data)).not.toContain(target)
    expect((await list<CloseContact>(`/contact/?lead_id=${target}`)).data).toEqual([])
    expect((await list<CloseOpportunity>(`/opportunity/?lead_id=${target}`)).data).toEqual([])
    expect((await list<CloseOpportunity>('/opportunity/?_limit=1')).total_results).toBeLessThan(400)
    expect(await call('GET', `/lead/${target}/`)).toMatchObject({ status: 404, body: NOT_FOUND })
    expect(await call('DELETE', `/lead/${target}/`)).toMatchObject({ status: 404, body: NOT_FOUND })
  })

  it('leaves a deleted lead out of contacts built after the delete', async () => {
    const api = mock()
    const target = api.dataset.leads[5] as CloseLead
    await call('DELETE', `/lead/${target.id}/`)
    const contacts = await list<CloseContact>('/contact/?_limit=100')
    expect(contacts.data.some((contact) => contact.lead_id === target.id)).toBe(false)
  })
})

describe('Close mock: write errors', () => {
  it('answers 404 with Close body for an unknown id on GET, PUT and DELETE', async () => {
    mock()
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await call(
        method,
        '/lead/lead_doesNotExist0000000000/',
        method === 'PUT' ? { name: 'x' } : undefined,
      )
      expect({ method, status: answer.status, body: answer.body }).toEqual({
        method,
        status: 404,
        body: NOT_FOUND,
      })
    }
  })

  it.each<[string, unknown, Record<string, unknown>]>([
    [
      'an unknown status_id',
      { status_id: 'stat_nope' },
      {
        errors: [],
        'field-errors': {
          status:
            'Not a valid choice. Please go to Customizations in your organization settings and add "stat_nope" to the list of lead statuses.',
        },
      },
    ],
    [
      'an unknown status label',
      { status: 'Hot' },
      {
        errors: [],
        'field-errors': {
          status:
            'Not a valid choice. Please go to Customizations in your organization settings and add "Hot" to the list of lead statuses.',
        },
      },
    ],
    [
      'a status twice',
      { status: 'Customer', status_id: 'stat_x' },
      { errors: [], 'field-errors': { status: 'Post either status or status_id, not both.' } },
    ],
    [
      'wrong types',
      { name: 42, addresses: 'Main St', url: false },
      {
        errors: [],
        'field-errors': {
          name: 'Value must be of str type.',
          addresses: 'Value must be of list type.',
          url: 'Value must be of str type.',
        },
      },
    ],
    [
      'a bad nested address',
      { addresses: [{ city: 'Oslo' }, 'Main St', { city: 7 }] },
      {
        errors: [],
        'field-errors': {
          addresses: {
            errors: {
              1: 'Value must be of dict type.',
              2: { 'field-errors': { city: 'Value must be of str type.' }, errors: [] },
            },
          },
        },
      },
    ],
    [
      'read-only fields',
      { id: 'lead_mine', date_created: '2020-01-01T00:00:00+00:00' },
      {
        errors: [],
        'field-errors': { id: 'Value cannot be changed.', date_created: 'Value cannot be changed.' },
      },
    ],
    [
      'a body that is not an object',
      ['name'],
      { errors: ['Invalid request: JSON dictionary expected.'], 'field-errors': {} },
    ],
  ])('answers 400 with Close field errors for %s, and changes nothing', async (_case, body, expected) => {
    const api = mock()
    const target = api.dataset.leads[0] as CloseLead
    const put = await call('PUT', `/lead/${target.id}/`, body)
    expect({ status: put.status, body: put.body }).toStrictEqual({ status: 400, body: expected })
    const post = await call('POST', '/lead/', body)
    expect({ status: post.status, body: post.body }).toStrictEqual({ status: 400, body: expected })
    expect((await call('GET', `/lead/${target.id}/`)).body).toStrictEqual(target)
    expect((await list('/lead/?_limit=200')).data).toHaveLength(120)
  })
})

describe('Close mock: writes and faults', () => {
  it('paces writes with the same rate limit as reads: 429, Retry-After, the same body, and nothing written', async () => {
    let now = 5_000_000
    const api = mock({ now: () => now, faults: { rateLimit: { requests: 3, windowMs: 4000 } } })
    const [a, b, c] = api.dataset.leads as [CloseLead, CloseLead, CloseLead]
    expect((await call('GET', '/lead/?_limit=1')).status).toBe(200)
    const written = await call('PUT', `/lead/${a.id}/`, { name: 'Paced A' })
    expect(written.headers.get('ratelimit')).toBe('limit=3, remaining=1, reset=4')
    now += 1000
    expect((await call('PUT', `/lead/${b.id}/`, { name: 'Paced B' })).status).toBe(200)
    const limited = await call('PUT', `/lead/${c.id}/`, { name: 'Paced C' })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(limited.headers.get('ratelimit')).toBe('limit=3, remaining=0, reset=3')
    expect(limited.body).toStrictEqual({
      error: {
        message: 'API call count exceeded for this 4 second window',
        rate_reset: 3,
        rate_limit: 3,
        rate_window: 4,
      },
    })
    const limitedRead = await call('GET', '/lead/?_limit=1')
    expect({ status: limitedRead.status, body: limitedRead.body }).toStrictEqual({
      status: 429,
      body: { error: { ...(limited.body.error as object), rate_reset: 3 } },
    })
    now += 3000
    expect((await call<CloseLead>('GET', `/lead/${c.id}/`)).body.name).toBe(c.name)
    expect((await call('PUT', `/lead/${c.id}/`, { name: 'Paced C' })).status).toBe(200)
    expect(api.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
      'GET 200',
      'PUT 200',
      'PUT 200',
      'PUT 429',
      'GET 429',
      'GET 200',
      'PUT 200',
    ])
  })

  it('applies no write answered with a seeded 5xx, and answers 401 without the key', async () => {
    const api = mock({ apiKey: 'secret', faults: { failureRate: 1 } })
    const target = api.dataset.leads[0] as CloseLead
    const auth = { authorization: `Basic ${btoa('secret:')}`, 'content-type': 'application/json' }
    const failed = await fetch(`${API}/lead/${target.id}/`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ name: 'Lost' }),
    })
    expect([502, 503]).toContain(failed.status)
    const anonymous = await call('DELETE', `/lead/${target.id}/`)
    expect(anonymous.status).toBe(401)
    api.setFaults({ failureRate: 0 })
    const read = await fetch(`${API}/lead/${target.id}/`, { headers: auth })
    expect(((await read.json()) as CloseLead).name).toBe(target.name)
  })

  it('applies a write whose answer the malformed fault replaces with an HTML page', async () => {
    const api = mock({ faults: { malformedOnRequest: 1 } })
    const target = api.dataset.leads[0] as CloseLead
    const response = await fetch(`${API}/lead/${target.id}/`, { method: 'DELETE' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    expect((await call('GET', `/lead/${target.id}/`)).status).toBe(404)
  })
})

describe('Close mock: writes belong to one mock', () => {
  it('keeps two mocks apart, and reset() gives back the seeded data', async () => {
    const one = mock()
    const other = serve(createCloseMock({ leads: 120, baseUrl: 'https://other.close.test' }))
    const otherApi = 'https://other.close.test/api/v1'
    const target = one.dataset.leads[0] as CloseLead
    expect(other.dataset.leads[0]).toStrictEqual(target)
    await call('PUT', `/lead/${target.id}/`, { name: 'Only in one' })
    const created = (await call<CloseLead>('POST', '/lead/', { name: 'Also only in one' })).body
    const otherHead = await list('/lead/?_limit=1', otherApi)
    expect(otherHead.data[0]).toStrictEqual(target)
    expect((await call('GET', `/lead/${created.id}/`, undefined, otherApi)).status).toBe(404)
    expect(other.dataset.leads).toHaveLength(120)

    one.reset()
    expect((await call<CloseLead>('GET', `/lead/${target.id}/`)).body).toStrictEqual(target)
    expect((await call('GET', `/lead/${created.id}/`)).status).toBe(404)
    // The same seed writes the same: a fresh mock's first created lead gets the same id again.
    expect((await call<CloseLead>('POST', '/lead/', { name: 'Again' })).body.id).toBe(created.id)
  })
})
