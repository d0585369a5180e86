import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from './index'
import type { CloseMockOptions } from './index'

const { serve } = setupMockServer()
const mock = (options: CloseMockOptions = {}) => serve(createCloseMock(options))

type Row = Record<string, unknown> & { __object_type: string; id: string }

async function search(
  body: unknown,
): Promise<{ status: number; body: { data: Row[]; cursor: string | null } }> {
  const response = await fetch(`${CLOSE_MOCK_BASE_URL}/api/v1/data/search/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as never }
}

const LEADS = { type: 'object_type', object_type: 'lead' }

async function walk(body: Record<string, unknown>): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page = await search({ ...body, cursor })
    expect(page.status).toBe(200)
    rows.push(...page.body.data)
    cursor = page.body.cursor
    pages += 1
  } while (cursor !== null && pages < 100)
  return { rows, pages }
}

describe('Close search (cursor in the body)', () => {
  it('answers exactly { data, cursor } with 100 results by default, each with __object_type and id only', async () => {
    const api = mock()
    const { status, body } = await search({ query: LEADS })
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['data', 'cursor'])
    expect(body.data).toHaveLength(100)
    expect(body.data[0]).toStrictEqual({ __object_type: 'lead', id: api.dataset.leads[0]!.id })
    expect(typeof body.cursor).toBe('string')
  })

  it('walks every lead once in the requested sort, with _fields', async () => {
    const api = mock({ leads: 730 })
    const { rows, pages } = await walk({
      query: { type: 'and', queries: [LEADS] },
      sort: [
        {
          field: { type: 'regular_field', object_type: 'lead', field_name: 'display_name' },
          direction: 'asc',
        },
      ],
      _limit: 200,
      _fields: { lead: ['id', 'display_name'] },
    })
    expect(pages).toBe(4)
    const expected = api.dataset.leads
      .map(({ id, display_name }) => ({ __object_type: 'lead', id, display_name }))
      .sort((a, b) =>
        a.display_name < b.display_name ? -1 : a.display_name > b.display_name ? 1 : a.id < b.id ? -1 : 1,
      )
    expect(rows).toEqual(expected)
  })

  it('supports text clauses, other object types and string sort fields', async () => {
    const api = mock()
    const { rows } = await walk({
      query: {
        type: 'and',
        queries: [
          { type: 'object_type', object_type: 'opportunity' },
          { type: 'text', value: 'Acme' },
        ],
      },
      sort: [{ field: 'value', direction: 'desc' }],
      _fields: { opportunity: ['lead_name', 'value'] },
    })
    const expected = api.dataset.opportunities.filter((o) => o.lead_name.toLowerCase().includes('acme'))
    expect(rows).toHaveLength(expected.length)
    expect(
      rows.every((row) => row.__object_type === 'opportunity' && String(row.lead_name).includes('Acme')),
    ).toBe(true)
    const values = rows.map((row) => row.value as number)
    expect(values).toEqual([...values].sort((a, b) => b - a))
    const contacts = await search({ query: { type: 'object_type', object_type: 'contact' }, _limit: 3 })
    expect(contacts.body.data.map((row) => row.__object_type)).toEqual(['contact', 'contact', 'contact'])
  })

  it('caps the total with results_limit', async () => {
    mock()
    const { rows, pages } = await walk({ query: LEADS, _limit: 40, results_limit: 90 })
    expect(rows).toHaveLength(90)
    expect(pages).toBe(3)
  })

  it('keeps cursor pages stable when leads are inserted meanwhile', async () => {
    const api = mock({ leads: 300 })
    const first = await search({ query: LEADS, _limit: 100 })
    api.dataset.leads.unshift({
      ...api.dataset.leads[0]!,
      id: 'lead_inserted',
      date_created: '2030-01-01T00:00:00.000000+00:00',
    })
    const second = await search({ query: LEADS, _limit: 100, cursor: first.body.cursor })
    expect(second.body.data[0]!.id).toBe(api.dataset.leads[101]!.id)
  })

  it('refuses cursors from another query, a _limit above 200 and unsupported queries with field-errors', async () => {
    mock()
    const first = await search({ query: LEADS, _limit: 10 })
    const other = await search({
      query: { type: 'object_type', object_type: 'contact' },
      cursor: first.body.cursor,
    })
    expect(other.status).toBe(400)
    expect(other.body).toStrictEqual({
      errors: [],
      'field-errors': { cursor: expect.stringMatching(/cursor/i) },
    })
    expect(await search({ query: LEADS, _limit: 201 })).toStrictEqual({
      status: 400,
      body: { errors: [], 'field-errors': { _limit: 'Ensure this value is less than or equal to 200.' } },
    })
    const unsupported = await search({ query: { type: 'or', queries: [LEADS] } })
    expect(unsupported.status).toBe(400)
    expect(Object.keys(unsupported.body)).toEqual(['errors', 'field-errors'])
    expect((await search({ query: LEADS, cursor: 'garbage' })).status).toBe(400)
    expect((await search({ _limit: 10 })).status).toBe(400)
  })
})
