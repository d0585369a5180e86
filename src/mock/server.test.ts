import { afterEach, describe, expect, it } from 'vitest'
import { parseMockServerArgs, startMockServer } from '../../scripts/mock-api'
import type { RunningMockServer } from '../../scripts/mock-api'

let running: RunningMockServer | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

describe('node mock server (scripts/mock-api.ts)', () => {
  it('serves both mocks on 127.0.0.1 with a free port', async () => {
    running = await startMockServer({ port: 0, leads: 300 })
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const close = await fetch(`${running.closeBaseUrl}/api/v1/lead/?_limit=2&_fields=id,display_name`)
    expect(close.status).toBe(200)
    const leads = (await close.json()) as { data: { id: string }[]; has_more: boolean }
    expect(leads.data.map((lead) => lead.id)).toEqual(
      running.closeMock.dataset.leads.slice(0, 2).map((l) => l.id),
    )
    expect(leads.has_more).toBe(true)
    const search = await fetch(`${running.closeBaseUrl}/api/v1/data/search/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: { type: 'object_type', object_type: 'lead' }, _limit: 1 }),
    })
    expect(((await search.json()) as { data: unknown[] }).data).toHaveLength(1)
    const deals = await fetch(`${running.pipedriveBaseUrl}/api/v2/deals?limit=1`)
    expect(await deals.json()).toMatchObject({ success: true, data: [{ id: 1 }] })
    expect(running.closeMock.requests.map((r) => r.path)).toEqual([
      '/close/api/v1/lead/',
      '/close/api/v1/data/search/',
    ])
  })

  it('sorts, filters and searches over HTTP, on every mock it serves', async () => {
    running = await startMockServer({ port: 0, leads: 200 })
    const close = await fetch(`${running.closeBaseUrl}/api/v1/lead/?_order_by=display_name&_limit=200`)
    const names = ((await close.json()) as { data: { display_name: string }[] }).data.map(
      (l) => l.display_name,
    )
    expect(names).toEqual([...names].sort())
    const search = await fetch(`${running.pipedriveBaseUrl}/api/v2/deals/search?term=for&limit=2`)
    expect(await search.json()).toMatchObject({
      success: true,
      data: { items: [{ item: { type: 'deal' } }, { item: { type: 'deal' } }] },
      additional_data: { next_cursor: expect.any(String) },
    })
    const issues = await fetch(
      `${running.githubBaseUrl}/repos/pagewise/pagewise/issues?sort=comments&direction=asc`,
    )
    expect(issues.status).toBe(200)
    const next = /<([^>]*)>; rel="next"/.exec(issues.headers.get('link') ?? '')?.[1]
    expect(next).toBe(
      `${running.githubBaseUrl}/repos/pagewise/pagewise/issues?sort=comments&direction=asc&page=2`,
    )
    const articles = await fetch(`${running.jsonApiBaseUrl}/articles?sort=title&page[size]=3`)
    expect(articles.status).toBe(200)
    const contacts = await fetch(`${running.hubspotBaseUrl}/crm/v3/objects/contacts/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sorts: [{ propertyName: 'lastname', direction: 'ASCENDING' }], limit: 2 }),
    })
    expect(contacts.status).toBe(200)
  })

  it('answers 404 JSON for unknown paths and CORS preflights', async () => {
    running = await startMockServer({ port: 0 })
    const missing = await fetch(`${running.url}/close/api/v1/nothing/`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toStrictEqual({ error: 'No mock for GET /close/api/v1/nothing/' })
    const preflight = await fetch(`${running.closeBaseUrl}/api/v1/lead/`, { method: 'OPTIONS' })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-api-token')
  })

  it('takes writes over HTTP after a CORS preflight that allows their methods, and later GETs show them', async () => {
    running = await startMockServer({ port: 0, leads: 50 })
    for (const [url, method] of [
      [`${running.closeBaseUrl}/api/v1/lead/lead_x/`, 'PUT'],
      [`${running.pipedriveBaseUrl}/api/v2/deals/1`, 'PATCH'],
      [`${running.pipedriveBaseUrl}/api/v2/deals/1`, 'DELETE'],
    ] as const) {
      const preflight = await fetch(url, {
        method: 'OPTIONS',
        headers: {
          'access-control-request-method': method,
          'access-control-request-headers': 'content-type',
        },
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-methods')?.split(', ')).toContain(method)
      expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type')
    }
    const json = { 'content-type': 'application/json' }
    const lead = running.closeMock.dataset.leads[10]
    const put = await fetch(`${running.closeBaseUrl}/api/v1/lead/${lead?.id}/`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ name: 'Over HTTP' }),
    })
    expect(put.status).toBe(200)
    expect(put.headers.get('access-control-allow-origin')).toBe('*')
    const latest = await fetch(`${running.closeBaseUrl}/api/v1/lead/?_order_by=-date_updated&_limit=1`)
    expect(((await latest.json()) as { data: { id: string; name: string }[] }).data).toStrictEqual([
      expect.objectContaining({ id: lead?.id, name: 'Over HTTP' }),
    ])
    const created = await fetch(`${running.pipedriveBaseUrl}/api/v2/deals`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'Over HTTP' }),
    })
    const { data } = (await created.json()) as { data: { id: number } }
    const removed = await fetch(`${running.pipedriveBaseUrl}/api/v2/deals/${data.id}`, { method: 'DELETE' })
    expect(await removed.json()).toStrictEqual({ success: true, data: { id: data.id } })
    expect((await fetch(`${running.pipedriveBaseUrl}/api/v2/deals/${data.id}`)).status).toBe(404)
  })

  it('reads fault flags', () => {
    expect(
      parseMockServerArgs(
        [
          '--latency',
          '200',
          '--rate-limit',
          '10/2000',
          '--failure-rate',
          '0.1',
          '--drift',
          '5:3',
          '--seed',
          '7',
        ],
        { PORT: '5000' },
      ),
    ).toStrictEqual({
      port: 5000,
      seed: 7,
      leads: undefined,
      faults: {
        latency: { fixedMs: 200, jitterMs: 0 },
        rateLimit: { requests: 10, windowMs: 2000 },
        failureRate: 0.1,
        drift: { insertEvery: 5, count: 3 },
      },
    })
    expect(parseMockServerArgs(['--port', '0']).port).toBe(0)
  })
})
