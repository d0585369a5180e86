import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { createPipedriveMock, PIPEDRIVE_MOCK_BASE_URL } from './index'
import type { PipedriveLead, PipedriveMockOptions, PipedriveNote } from './index'

const { serve } = setupMockServer()
const mock = (options: PipedriveMockOptions = {}) => serve(createPipedriveMock(options))

interface Pagination {
  start: number
  limit: number
  more_items_in_collection: boolean
  next_start?: number
}
interface OffsetPage<T> {
  success: boolean
  data: T[] | null
  additional_data: { pagination: Pagination }
}

async function get<T>(path: string): Promise<{ status: number; body: OffsetPage<T> }> {
  const response = await fetch(`${PIPEDRIVE_MOCK_BASE_URL}/api/v1${path}`)
  return { status: response.status, body: (await response.json()) as OffsetPage<T> }
}

describe('Pipedrive v1 offset lists', () => {
  it('answers /notes with the exact envelope, 100 by default, next_start when there are more', async () => {
    const api = mock()
    const { status, body } = await get<PipedriveNote>('/notes')
    expect(status).toBe(200)
    expect(body).toStrictEqual({
      success: true,
      data: api.dataset.notes.slice(0, 100),
      additional_data: {
        pagination: { start: 0, limit: 100, more_items_in_collection: true, next_start: 100 },
      },
    })
  })

  it('omits next_start on the last page and walks every note once', async () => {
    const api = mock({ notes: 1234 })
    const ids: number[] = []
    let start: number | undefined = 0
    let last: Pagination | undefined
    for (let page = 0; page < 10 && start !== undefined; page += 1) {
      const { body }: { body: OffsetPage<PipedriveNote> } = await get<PipedriveNote>(
        `/notes?start=${start}&limit=500`,
      )
      ids.push(...(body.data ?? []).map((note) => note.id))
      last = body.additional_data.pagination
      start = last.next_start
    }
    expect(ids).toEqual(api.dataset.notes.map((note) => note.id))
    expect(last).toBeDefined()
    expect(last).toStrictEqual({ start: 1000, limit: 500, more_items_in_collection: false })
    expect(last !== undefined && 'next_start' in last).toBe(false)
  })

  it('answers data: null (not []) beyond the end and when a filter matches nothing', async () => {
    mock()
    const beyond = await get<PipedriveNote>('/notes?start=5000')
    expect(beyond.body).toStrictEqual({
      success: true,
      data: null,
      additional_data: { pagination: { start: 5000, limit: 100, more_items_in_collection: false } },
    })
    const none = await get<PipedriveNote>('/notes?deal_id=999999')
    expect(none.body.data).toBeNull()
    expect(none.body.additional_data.pagination.more_items_in_collection).toBe(false)
  })

  it('filters notes by deal_id and sorts with "field DESC, field2 ASC"', async () => {
    const api = mock()
    const dealId = api.dataset.notes.find((note) => note.deal_id !== null)!.deal_id!
    const byDeal = await get<PipedriveNote>(`/notes?deal_id=${dealId}`)
    expect(byDeal.body.data!.every((note) => note.deal_id === dealId)).toBe(true)
    const sorted = await get<PipedriveNote>(
      `/notes?limit=50&sort=${encodeURIComponent('user_id DESC, id ASC')}`,
    )
    const expected = [...api.dataset.notes].sort((a, b) => b.user_id - a.user_id || a.id - b.id).slice(0, 50)
    expect(sorted.body.data!.map((n) => n.id)).toEqual(expected.map((n) => n.id))
  })

  it('answers /leads with UUID leads and filters by archived_status', async () => {
    const api = mock()
    const { body } = await get<PipedriveLead>('/leads?limit=500&archived_status=archived')
    const archived = api.dataset.leads.filter((lead) => lead.is_archived)
    expect(body.data!.map((lead) => lead.id)).toEqual(archived.map((lead) => lead.id))
    expect(body.additional_data.pagination).toStrictEqual({
      start: 0,
      limit: 500,
      more_items_in_collection: false,
    })
  })

  it('refuses a limit above 500 and bad numbers or sorts with the Pipedrive error body', async () => {
    mock()
    const { status, body } = await get('/notes?limit=501')
    expect(status).toBe(400)
    expect(body).toStrictEqual({
      success: false,
      error: 'Limit must be less than or equal to 500',
      error_info: 'Please check developers.pipedrive.com for more information about Pipedrive API.',
      data: null,
      additional_data: null,
    })
    expect((await get('/notes?start=-1')).status).toBe(400)
    expect((await get('/leads?limit=abc')).status).toBe(400)
    expect((await get('/notes?sort=secret%20ASC')).status).toBe(400)
    expect((await get('/notes?limit=500')).status).toBe(200)
  })
})
