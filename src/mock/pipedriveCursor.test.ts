import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { createPipedriveMock, PIPEDRIVE_MOCK_BASE_URL } from './index'
import type { PipedriveDeal, PipedriveMockOptions, PipedrivePerson } from './index'

const { serve } = setupMockServer()
const mock = (options: PipedriveMockOptions = {}) => serve(createPipedriveMock(options))

interface CursorPage<T> {
  success: boolean
  data: T[]
  additional_data: { next_cursor: string | null }
}

async function get<T>(path: string): Promise<{ status: number; body: CursorPage<T> & { error?: string } }> {
  const response = await fetch(`${PIPEDRIVE_MOCK_BASE_URL}/api/v2${path}`)
  return { status: response.status, body: (await response.json()) as never }
}

async function walk<T>(path: string, query: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const { status, body }: { status: number; body: CursorPage<T> } = await get<T>(
      `${path}?${query}${cursor === null ? '' : `&cursor=${cursor}`}`,
    )
    expect(status).toBe(200)
    items.push(...body.data)
    cursor = body.additional_data.next_cursor
    pages += 1
  } while (cursor !== null && pages < 100)
  return { items, pages }
}

const decode = (cursor: string): unknown => JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')))

describe('Pipedrive v2 cursor lists', () => {
  it('answers /deals with the exact envelope, 100 by id ascending by default', async () => {
    const api = mock()
    const { status, body } = await get<PipedriveDeal>('/deals')
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['success', 'data', 'additional_data'])
    expect(body.success).toBe(true)
    expect(body.data).toEqual(api.dataset.deals.slice(0, 100))
    expect(Object.keys(body.additional_data)).toEqual(['next_cursor'])
    expect(JSON.stringify(decode(body.additional_data.next_cursor!))).toBe(
      '{"field":"id","fieldValue":100,"sortDirection":"asc","id":100}',
    )
  })

  it('walks 1,000 deals by update_time desc: every id once, in order', async () => {
    const api = mock({ deals: 1000 })
    const { items, pages } = await walk<PipedriveDeal>(
      '/deals',
      'limit=90&sort_by=update_time&sort_direction=desc',
    )
    expect(pages).toBe(12)
    expect(new Set(items.map((d) => d.id)).size).toBe(1000)
    const expected = [...api.dataset.deals].sort((a, b) =>
      a.update_time === b.update_time ? b.id - a.id : a.update_time < b.update_time ? 1 : -1,
    )
    expect(items.map((d) => d.id)).toEqual(expected.map((d) => d.id))
  })

  it('encodes the keyset position in the cursor, so records inserted meanwhile do not shift pages', async () => {
    const api = mock({ deals: 300 })
    const first = await get<PipedriveDeal>('/deals?limit=100&sort_by=add_time&sort_direction=desc')
    const last = first.body.data[99]!
    expect(decode(first.body.additional_data.next_cursor!)).toStrictEqual({
      field: 'add_time',
      fieldValue: last.add_time,
      sortDirection: 'desc',
      id: last.id,
    })
    api.dataset.deals.push({ ...api.dataset.deals[0]!, id: 301, add_time: '2030-01-01T00:00:00Z' })
    const second = await get<PipedriveDeal>(
      `/deals?limit=100&sort_by=add_time&sort_direction=desc&cursor=${first.body.additional_data.next_cursor}`,
    )
    const byAddTimeDesc = [...api.dataset.deals].sort((a, b) => (a.add_time < b.add_time ? 1 : -1))
    expect(second.body.data.map((d) => d.id)).toEqual(byAddTimeDesc.slice(101, 201).map((d) => d.id))
  })

  it('ends with next_cursor null and filters by ids, owner and update window', async () => {
    const api = mock()
    const ids = await get<PipedriveDeal>('/deals?ids=5,3,2500,9999')
    expect(ids.body.data.map((d) => d.id)).toEqual([3, 5, 2500])
    expect(ids.body.additional_data).toStrictEqual({ next_cursor: null })
    const since = '2026-01-01T00:00:00Z'
    const until = '2026-02-01T00:00:00Z'
    const { items } = await walk<PipedriveDeal>(
      '/deals',
      `limit=500&updated_since=${since}&updated_until=${until}`,
    )
    const expected = api.dataset.deals.filter((d) => d.update_time >= since && d.update_time < until)
    expect(expected.length).toBeGreaterThan(0)
    expect(items.map((d) => d.id)).toEqual(expected.map((d) => d.id))
    const owner = api.dataset.deals[0]!.owner_id
    const owned = await walk<PipedriveDeal>('/deals', `limit=500&owner_id=${owner}&status=won`)
    expect(owned.items.every((d) => d.owner_id === owner && d.status === 'won')).toBe(true)
  })

  it('answers /persons the same way', async () => {
    const api = mock({ persons: 250 })
    const { items, pages } = await walk<PipedrivePerson>('/persons', 'limit=100')
    expect(pages).toBe(3)
    expect(items).toEqual(api.dataset.persons)
  })

  it('refuses invalid cursors, cursors of another sort and a limit above 500 with the Pipedrive error body', async () => {
    mock()
    const garbage = await get('/deals?cursor=%%%')
    expect(garbage.status).toBe(400)
    expect(Object.keys(garbage.body)).toEqual(['success', 'error', 'error_info', 'data', 'additional_data'])
    expect(garbage.body.success).toBe(false)
    const first = await get('/deals?limit=5')
    const mismatch = await get(`/deals?sort_direction=desc&cursor=${first.body.additional_data.next_cursor}`)
    expect(mismatch.status).toBe(400)
    expect(mismatch.body.error).toMatch(/cursor/i)
    const limit = await get('/deals?limit=501')
    expect(limit.status).toBe(400)
    expect(limit.body.error).toBe('Validation failed: limit: Number must be less than or equal to 500')
    expect((await get('/deals?sort_by=title')).status).toBe(400)
    expect((await get('/deals?updated_since=yesterday')).status).toBe(400)
    expect((await get('/persons?ids=1,x')).status).toBe(400)
  })
})
