/**
 * The Close mock sorts and filters for real: `_order_by` and filters on the offset lists, the body `sort` of the
 * search, every page in order, and Close's 400s for what it cannot do (a cursor under another sort included).
 */
import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from './index'
import type { CloseMockOptions } from './index'

const { serve } = setupMockServer()
const mock = (options: CloseMockOptions = {}) => serve(createCloseMock(options))

type Body = Record<string, unknown> & { data: Record<string, unknown>[] }

async function get(path: string): Promise<{ status: number; body: Body }> {
  const response = await fetch(`${CLOSE_MOCK_BASE_URL}/api/v1${path}`)
  return { status: response.status, body: (await response.json()) as Body }
}

/** Every page of an offset list, each page's records kept apart. */
async function pages(path: string, limit: number): Promise<Record<string, unknown>[][]> {
  const out: Record<string, unknown>[][] = []
  for (let skip = 0; out.length < 100; skip += limit) {
    const { status, body } = await get(`${path}&_skip=${skip}&_limit=${limit}`)
    expect(status).toBe(200)
    out.push(body.data)
    if (body.has_more !== true) break
  }
  return out
}

/** `records` stably sorted by `key` (ties keep their order), as Close's default order breaks ties. */
function sortedBy<T>(records: readonly T[], key: (record: T) => unknown, descending = false): T[] {
  const sign = descending ? -1 : 1
  return records.slice().sort((a, b) => {
    const left = key(a) as string | number | null
    const right = key(b) as string | number | null
    if (left === right) return 0
    if (left === null) return -sign
    if (right === null) return sign
    return sign * (left < right ? -1 : 1)
  })
}

const ids = (records: readonly { id?: unknown }[]) => records.map((record) => record.id)

describe('Close offset lists: _order_by', () => {
  it.each([
    ['display_name', false],
    ['-date_updated', true],
    ['status_label', false],
  ])('leads by _order_by=%s, in order on every page', async (orderBy, descending) => {
    const api = mock({ leads: 430 })
    const field = orderBy.replace(/^-/, '') as 'display_name' | 'date_updated' | 'status_label'
    const walked = await pages(`/lead/?_order_by=${orderBy}`, 100)
    expect(walked.map((page) => page.length)).toEqual([100, 100, 100, 100, 30])
    const expected = sortedBy(api.dataset.leads, (lead) => lead[field], descending)
    expect(walked.flatMap(ids)).toEqual(ids(expected))
    for (const page of walked) {
      const values = page.map((lead) => lead[field] as string)
      expect(values).toEqual(sortedBy(values, (value) => value, descending))
    }
  })

  it('opportunities by -value and by Close’s derived annualized_value, filtered by status_type and user_id', async () => {
    const api = mock({ leads: 300, opportunities: 600 })
    const user = api.dataset.opportunities[0]!.user_id
    const walked = await pages(`/opportunity/?_order_by=-value&status_type=won,lost&user_id=${user}`, 25)
    const matching = api.dataset.opportunities.filter((o) => o.status_type !== 'active' && o.user_id === user)
    expect(matching.length).toBeGreaterThan(25)
    expect(walked.flatMap(ids)).toEqual(ids(sortedBy(matching, (o) => o.value, true)))
    const first = await get(`/opportunity/?_order_by=annualized_value&_limit=250`)
    const annual = (o: { value: number; value_period: string }) =>
      o.value * (o.value_period === 'monthly' ? 12 : 1)
    expect(ids(first.body.data)).toEqual(ids(sortedBy(api.dataset.opportunities, annual).slice(0, 250)))
    expect(first.body.total_results).toBe(600)
  })

  it('contacts by name', async () => {
    const api = mock({ leads: 120 })
    const walked = await pages('/contact/?_order_by=name', 100)
    expect(walked.flatMap(ids)).toEqual(ids(sortedBy(api.dataset.contacts, (contact) => contact.name)))
  })

  it('-date_created keeps the default order (newest first), so keyset windows and plain pages agree', async () => {
    const api = mock({ leads: 250 })
    const walked = await pages('/lead/?_order_by=-date_created', 100)
    expect(walked.flatMap(ids)).toEqual(ids(api.dataset.leads))
  })

  it.each([
    ['/lead/?_order_by=value', 'value'],
    ['/opportunity/?_order_by=-display_name', 'display_name'],
    ['/contact/?_order_by=date_created,nope', 'nope'],
  ])('%s: 400 with Close’s {"error"} body naming the field', async (path, field) => {
    mock({ leads: 20 })
    const { status, body } = await get(path)
    expect(status).toBe(400)
    expect(Object.keys(body)).toEqual(['error'])
    expect(body.error).toContain(`"${field}"`)
  })
})

describe('Close offset lists: filters', () => {
  it('leads by status_id (several, comma-separated) and status_label, across pages', async () => {
    const api = mock({ leads: 400 })
    const [potential, , qualified] = [...new Set(api.dataset.leads.map((lead) => lead.status_id))].sort()
    const walked = await pages(`/lead/?status_id=${potential},${qualified}&_order_by=display_name`, 50)
    const matching = api.dataset.leads.filter(
      (lead) => lead.status_id === potential || lead.status_id === qualified,
    )
    expect(walked.flatMap(ids)).toEqual(ids(sortedBy(matching, (lead) => lead.display_name)))
    const label = await get('/lead/?status_label=Bad%20Fit&_limit=200')
    expect(label.body.data.every((lead) => lead.status_label === 'Bad Fit')).toBe(true)
    expect(label.body.data).toHaveLength(api.dataset.leads.filter((l) => l.status_label === 'Bad Fit').length)
  })

  it('leads by query: status:"…" tokens of Close’s search language and a name substring, with total_results', async () => {
    const api = mock({ leads: 500 })
    const { body } = await get(`/lead/?query=${encodeURIComponent('status:"Bad Fit" a')}&_limit=200`)
    const matching = api.dataset.leads.filter(
      (lead) => lead.status_label === 'Bad Fit' && lead.display_name.toLowerCase().includes('a'),
    )
    expect(ids(body.data)).toEqual(ids(matching))
    expect(body.total_results).toBe(matching.length)
  })

  it('date_created__gte / __lt and date_updated__gte keep records in range; a bad date is a 400', async () => {
    const api = mock({ leads: 300 })
    const from = api.dataset.leads[200]!.date_created
    const to = api.dataset.leads[50]!.date_created
    const { body } = await get(
      `/lead/?date_created__gte=${encodeURIComponent(from)}&date_created__lt=${encodeURIComponent(to)}&_limit=200`,
    )
    expect(ids(body.data)).toEqual(ids(api.dataset.leads.slice(51, 201)))
    const since = '2026-02-01'
    const updated = await get(`/lead/?date_updated__gte=${since}&_limit=200`)
    expect(ids(updated.body.data)).toEqual(
      ids(
        api.dataset.leads.filter(
          (lead) => Date.parse(lead.date_updated.slice(0, 23) + 'Z') >= Date.parse(since),
        ),
      ),
    )
    const bad = await get('/lead/?date_created__gte=yesterday')
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body)).toEqual(['error'])
  })

  it('ignores parameters a list does not know, as Close does', async () => {
    const api = mock({ leads: 30 })
    const { status, body } = await get('/lead/?colour=blue&_limit=200')
    expect(status).toBe(200)
    expect(ids(body.data)).toEqual(ids(api.dataset.leads))
  })
})

type Row = Record<string, unknown> & { id: string }

async function search(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${CLOSE_MOCK_BASE_URL}/api/v1/data/search/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const LEADS = { type: 'object_type', object_type: 'lead' }
const sortBy = (field_name: string, direction: 'asc' | 'desc') => [
  { direction, field: { type: 'regular_field', object_type: 'lead', field_name } },
]

describe('Close search: the body sort', () => {
  it('walks leads by date_updated descending, in order on every page', async () => {
    const api = mock({ leads: 450 })
    const request = {
      query: LEADS,
      sort: sortBy('date_updated', 'desc'),
      _limit: 100,
      _fields: { lead: ['id', 'date_updated'] },
    }
    const walked: Row[][] = []
    let cursor: unknown = null
    do {
      const page = await search({ ...request, cursor })
      expect(page.status).toBe(200)
      walked.push(page.body.data as Row[])
      cursor = page.body.cursor
    } while (cursor !== null && walked.length < 10)
    expect(walked).toHaveLength(5)
    const expected = api.dataset.leads
      .slice()
      .sort((a, b) =>
        a.date_updated !== b.date_updated ? (a.date_updated < b.date_updated ? 1 : -1) : a.id < b.id ? -1 : 1,
      )
    expect(walked.flat().map((row) => row.id)).toEqual(expected.map((lead) => lead.id))
    for (const page of walked) {
      const dates = page.map((row) => row.date_updated as string)
      expect(dates).toEqual([...dates].sort().reverse())
    }
  })

  it('answers an unknown sort field with 400 field-errors', async () => {
    mock({ leads: 10 })
    const { status, body } = await search({ query: LEADS, sort: sortBy('value', 'asc') })
    expect(status).toBe(400)
    expect(body).toEqual({ errors: [], 'field-errors': { sort: expect.stringContaining('"value"') } })
  })

  it.each([
    ['another field', sortBy('display_name', 'asc')],
    ['another direction', sortBy('date_created', 'asc')],
    ['no sort', undefined],
  ])('refuses a cursor reused under %s with a 400, not rows of another order', async (_name, sort) => {
    mock({ leads: 300 })
    const first = await search({ query: LEADS, sort: sortBy('date_created', 'desc'), _limit: 50 })
    const cursor = first.body.cursor as string
    expect(typeof cursor).toBe('string')
    const reused = await search({ query: LEADS, sort, _limit: 50, cursor })
    expect(reused.status).toBe(400)
    expect(reused.body).toEqual({ errors: [], 'field-errors': { cursor: expect.stringContaining('sort') } })
  })
})
