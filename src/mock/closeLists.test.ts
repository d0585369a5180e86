import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from './index'
import type { CloseMockOptions } from './index'

const { server, serve } = setupMockServer()
const mock = (options: CloseMockOptions = {}) => serve(createCloseMock(options))

async function get(
  path: string,
): Promise<{ status: number; body: Record<string, unknown> & { data: unknown[] } }> {
  const response = await fetch(`${CLOSE_MOCK_BASE_URL}/api/v1${path}`)
  return { status: response.status, body: (await response.json()) as never }
}

describe('Close offset lists', () => {
  it('answers /lead/ with exactly { data, has_more } and 100 leads by default, newest first', async () => {
    const api = mock()
    const { status, body } = await get('/lead/')
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['data', 'has_more'])
    expect(body.has_more).toBe(true)
    expect(body.data).toEqual(api.dataset.leads.slice(0, 100))
  })

  it('pages with _skip/_limit until has_more is false', async () => {
    const api = mock({ leads: 450 })
    const seen: string[] = []
    let skip = 0
    for (let page = 0; page < 10; page += 1) {
      const { body } = await get(`/lead/?_skip=${skip}&_limit=200`)
      seen.push(...(body.data as { id: string }[]).map((lead) => lead.id))
      skip += body.data.length
      if (body.has_more !== true) break
    }
    expect(seen).toEqual(api.dataset.leads.map((lead) => lead.id))
    const { body } = await get('/lead/?_skip=450')
    expect(body).toStrictEqual({ data: [], has_more: false })
  })

  it('restricts fields with _fields and always keeps id', async () => {
    mock()
    const { body } = await get('/lead/?_limit=3&_fields=display_name,status_label')
    expect(body.data).toHaveLength(3)
    for (const lead of body.data)
      expect(Object.keys(lead as object)).toEqual(['id', 'display_name', 'status_label'])
  })

  it('filters leads with query and then adds total_results', async () => {
    const api = mock()
    const { body } = await get('/lead/?query=ACME&_limit=5&_fields=display_name')
    const matching = api.dataset.leads.filter((lead) => lead.display_name.toLowerCase().includes('acme'))
    expect(matching.length).toBeGreaterThan(5)
    expect(Object.keys(body)).toEqual(['data', 'has_more', 'total_results'])
    expect(body.total_results).toBe(matching.length)
    expect(body.data).toEqual(matching.slice(0, 5).map(({ id, display_name }) => ({ id, display_name })))
  })

  it('always adds total_results to /opportunity/ and accepts _limit up to 250', async () => {
    const api = mock()
    const { body } = await get('/opportunity/?_limit=250')
    expect(Object.keys(body)).toEqual(['data', 'has_more', 'total_results'])
    expect(body.total_results).toBe(api.dataset.opportunities.length)
    expect(body.data).toHaveLength(250)
    const won = await get('/opportunity/?status_type=won&_limit=250')
    expect((won.body.data as { status_type: string }[]).every((o) => o.status_type === 'won')).toBe(true)
    expect(won.body.total_results).toBe(
      api.dataset.opportunities.filter((o) => o.status_type === 'won').length,
    )
  })

  it('answers /contact/ with the flattened contacts and filters by lead_id', async () => {
    const api = mock()
    const { body } = await get('/contact/?_limit=100')
    expect(Object.keys(body)).toEqual(['data', 'has_more'])
    expect(body.data).toEqual(api.dataset.contacts.slice(0, 100))
    const lead = api.dataset.leads[7]!
    const byLead = await get(`/contact/?lead_id=${lead.id}`)
    expect(byLead.body).toStrictEqual({ data: lead.contacts, has_more: false })
  })

  it.each([
    ['/lead/?_limit=201', 200],
    ['/opportunity/?_limit=251', 250],
    ['/contact/?_limit=101', 100],
  ])('refuses %s with HTTP 400 naming the max (%i)', async (path, max) => {
    mock()
    const { status, body } = await get(path)
    expect(status).toBe(400)
    expect(body).toStrictEqual({
      error: `The limit you set is larger than the maximum limit for this resource (max_limit = ${max}).`,
    })
  })

  it('refuses a _skip above max_skip with Close exact message (default and configured)', async () => {
    mock({ leads: 10 })
    const deep = await get('/lead/?_skip=250001')
    expect(deep.status).toBe(400)
    expect(deep.body).toStrictEqual({
      error: 'The skip you set is larger than the maximum skip for this resource (max_skip = 250000).',
    })
    expect((await get('/lead/?_skip=250000')).status).toBe(200)
    server.resetHandlers()
    mock({ leads: 10, maxSkip: 1000 })
    const configured = await get('/lead/?_skip=1001')
    expect(configured.body).toStrictEqual({
      error: 'The skip you set is larger than the maximum skip for this resource (max_skip = 1000).',
    })
  })

  it('honours maxLimit overrides', async () => {
    mock({ maxLimit: { lead: 20 } })
    expect((await get('/lead/?_limit=20')).status).toBe(200)
    expect((await get('/lead/?_limit=21')).body).toStrictEqual({
      error: 'The limit you set is larger than the maximum limit for this resource (max_limit = 20).',
    })
  })

  it.each(['_skip=-1', '_skip=1.5', '_skip=abc', '_limit=0', '_limit=-5', '_limit=ten'])(
    'refuses %s with HTTP 400 and an error body',
    async (param) => {
      mock()
      const { status, body } = await get(`/lead/?${param}`)
      expect(status).toBe(400)
      expect(Object.keys(body)).toEqual(['error'])
      expect(body.error).toMatch(/^Invalid value for _(skip|limit)/)
    },
  )
})
