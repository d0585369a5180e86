import { beforeEach, describe, expect, it } from 'vitest'
import { createFetcher, fetchAll, HttpError } from '../src'
import {
  answerMillionRows,
  MILLION_ROWS_BASE,
  millionLeadAt,
  millionRowsAdapter,
  millionRowsHandlers,
} from '../stories/support/millionRows'
import type { MillionRowsPage } from '../stories/support/millionRows'
import { setupMockServer } from './mockServer'

const leads = (query: string, total?: number) =>
  answerMillionRows(new URL(`${MILLION_ROWS_BASE}/lead/?${query}`), { total })

async function page(query: string, total?: number): Promise<MillionRowsPage> {
  const response = leads(query, total)
  expect(response.status).toBe(200)
  return (await response.json()) as MillionRowsPage
}

describe('the million-row list', () => {
  it('computes each record from its index', () => {
    expect(millionLeadAt(0)).toEqual({
      id: 'lead_0000000',
      display_name: 'Lead 1',
      status_label: expect.any(String),
      date_created: '2025-01-01T12:00:00.000Z',
    })
    expect(millionLeadAt(999_999)).toMatchObject({ id: 'lead_0999999', display_name: 'Lead 1,000,000' })
    expect(millionLeadAt(1).date_created).toBe('2025-01-01T11:59:00.000Z')
    expect(new Set(Array.from({ length: 100 }, (_, index) => millionLeadAt(index).status_label)).size).toBe(5)
  })

  it('answers the first page, a page in the middle and the last page', async () => {
    const first = await page('offset=0&limit=100')
    expect(first.total).toBe(1_000_000)
    expect(first.has_more).toBe(true)
    expect(first.data).toHaveLength(100)
    expect(first.data[0]).toEqual(millionLeadAt(0))
    expect(first.data[99]).toEqual(millionLeadAt(99))

    const middle = await page('offset=500000&limit=50')
    expect(middle.data.map((lead) => lead.id)).toEqual(
      Array.from({ length: 50 }, (_, at) => millionLeadAt(500_000 + at).id),
    )

    const last = await page('offset=999900&limit=100')
    expect(last.has_more).toBe(false)
    expect(last.data).toHaveLength(100)
    expect(last.data.at(-1)?.display_name).toBe('Lead 1,000,000')

    const short = await page('offset=999950&limit=100')
    expect(short).toMatchObject({ has_more: false, total: 1_000_000 })
    expect(short.data).toHaveLength(50)
    expect(await page('offset=2000000')).toEqual({ data: [], total: 1_000_000, has_more: false })
  })

  it('defaults to 100 records, caps the limit at 200 and takes a total', async () => {
    expect((await page('')).data).toHaveLength(100)
    expect((await page('limit=1000')).data).toHaveLength(200)
    const small = await page('offset=240&limit=100', 250)
    expect(small).toMatchObject({ total: 250, has_more: false })
    expect(small.data).toHaveLength(10)
  })

  it.each(['offset=-1', 'offset=abc', 'offset=1.5', 'limit=0', 'limit=-5', 'offset=&limit=10'])(
    'refuses %s with a 400 in JSON',
    async (query) => {
      const response = leads(query)
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toBe('application/json')
      expect(await response.json()).toEqual({ error: expect.stringMatching(/must be/) })
    },
  )

  it('answers another path with a 404', () => {
    expect(answerMillionRows(new URL(`${MILLION_ROWS_BASE}/contact/`)).status).toBe(404)
  })
})

describe('millionRowsAdapter', () => {
  const adapter = millionRowsAdapter()

  it('asks for offset and limit, 100 by default and 200 at most', () => {
    expect(adapter).toMatchObject({ id: 'million.offset', kind: 'offset', defaultLimit: 100, maxLimit: 200 })
    expect(adapter.toRequest(300, 100)).toEqual({ query: { offset: '300', limit: '100' } })
  })

  it('reads the records, the total and the next offset of a page, and stops at the end', async () => {
    const first = await page('offset=0&limit=100')
    expect(adapter.getItems(first)).toEqual(first.data)
    expect(adapter.getTotal?.(first)).toBe(1_000_000)
    expect(adapter.getNextPageParam(first, [first], 0, [0])).toBe(100)
    const last = await page('offset=999900&limit=100')
    expect(adapter.getNextPageParam(last, [last], 999_900, [999_900])).toBeUndefined()
    // Pages dropped at the head (maxPages) are loaded back by the first page's length.
    expect(adapter.getPreviousPageParam?.(last, [last], 999_900, [999_900])).toBe(999_800)
    expect(adapter.getPreviousPageParam?.(first, [first], 0, [0])).toBeUndefined()
  })
})

describe('the list over HTTP (MSW handlers, createFetcher)', () => {
  const { server } = setupMockServer()
  beforeEach(() => server.use(...millionRowsHandlers({ total: 1_234 })))
  const fetchPage = createFetcher({ baseUrl: MILLION_ROWS_BASE })('/lead/')

  it('loads every record of a short list, in order, with the largest pages', async () => {
    const records = await fetchAll({ adapter: millionRowsAdapter(), fetchPage })
    expect(records).toHaveLength(1_234)
    expect(records[0]).toEqual(millionLeadAt(0))
    expect(records.at(-1)).toEqual(millionLeadAt(1_233))
  })

  it('answers a bad offset with a 400', async () => {
    const error = await fetchPage({
      pageParam: -1,
      limit: 100,
      query: { offset: '-1', limit: '100' },
      signal: new AbortController().signal,
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 400 })
  })
})
