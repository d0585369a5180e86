import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from './index'
import type { CloseLogEvent, CloseMockOptions } from './index'

const { serve } = setupMockServer()
const mock = (options: CloseMockOptions = {}) => serve(createCloseMock(options))

interface EventsPage {
  data: CloseLogEvent[]
  cursor_next: string | null
  cursor_previous: string | null
}

async function events(query = ''): Promise<{ status: number; body: EventsPage & { error?: string } }> {
  const response = await fetch(`${CLOSE_MOCK_BASE_URL}/api/v1/event/${query === '' ? '' : `?${query}`}`)
  return { status: response.status, body: (await response.json()) as never }
}

async function walk(filters: string, limit = 50): Promise<CloseLogEvent[]> {
  const seen: CloseLogEvent[] = []
  let cursor: string | null = null
  do {
    const query = [filters, `_limit=${limit}`, cursor === null ? '' : `_cursor=${cursor}`]
      .filter(Boolean)
      .join('&')
    const { body } = await events(query)
    seen.push(...body.data)
    cursor = body.cursor_next
  } while (cursor !== null && seen.length < 10_000)
  return seen
}

describe('Close events (cursor)', () => {
  it('answers exactly { data, cursor_next, cursor_previous } with 50 events by default', async () => {
    const api = mock()
    const { status, body } = await events()
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['data', 'cursor_next', 'cursor_previous'])
    expect(body.data).toEqual(api.dataset.events.slice(0, 50))
    expect(typeof body.cursor_next).toBe('string')
    expect(body.cursor_previous).toBeNull()
  })

  it('walks every event once, newest first, and ends with cursor_next null', async () => {
    const api = mock({ events: 333 })
    const seen = await walk('', 50)
    expect(seen.map((e) => e.id)).toEqual(api.dataset.events.map((e) => e.id))
  })

  it('uses opaque keyset cursors, not offsets', async () => {
    mock()
    const { body } = await events('_limit=10')
    const cursor = body.cursor_next!
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(cursor).not.toMatch(/^\d+$/)
    const decoded = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    expect(decoded).toContain(body.data[9]!.id)
    expect(decoded).not.toMatch(/"(offset|skip)"/)
  })

  it('does not shift cursor pages when newer events arrive (drift)', async () => {
    const api = mock({ events: 200, faults: { drift: { insertEvery: 1, count: 5 } } })
    const original = createCloseMock({ events: 200 }).dataset.events.map((e) => e.id)
    const seen = await walk('', 40)
    expect(api.dataset.events.length).toBeGreaterThan(200)
    // The first request already saw 5 new events at the head; after that, no duplicates and nothing skipped.
    expect(seen.slice(5).map((e) => e.id)).toEqual(original)
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length)
  })

  it('walks back with cursor_previous', async () => {
    mock()
    const first = await events('_limit=20')
    const second = await events(`_limit=20&_cursor=${first.body.cursor_next}`)
    expect(second.body.cursor_previous).not.toBeNull()
    const back = await events(`_limit=20&_cursor=${second.body.cursor_previous}`)
    expect(back.body.data).toEqual(first.body.data)
    expect(back.body.cursor_previous).toBeNull()
    expect(back.body.cursor_next).toBe(first.body.cursor_next)
  })

  it('filters by object_type, lead_id and action (sent again with every cursor)', async () => {
    const api = mock()
    const updates = await walk('object_type=lead&action=updated', 25)
    expect(updates.map((e) => e.id)).toEqual(
      api.dataset.events.filter((e) => e.object_type === 'lead' && e.action === 'updated').map((e) => e.id),
    )
    const leadId = api.dataset.events[3]!.lead_id
    const forLead = await walk(`lead_id=${leadId}`)
    expect(forLead.length).toBeGreaterThan(0)
    expect(forLead.every((e) => e.lead_id === leadId)).toBe(true)
  })

  it('refuses _skip, a _limit above 50 and invalid or edited cursors with HTTP 400', async () => {
    mock()
    const skip = await events('_skip=50')
    expect(skip.status).toBe(400)
    expect(Object.keys(skip.body)).toEqual(['error'])
    const limit = await events('_limit=51')
    expect(limit.body).toStrictEqual({
      error: 'The limit you set is larger than the maximum limit for this resource (max_limit = 50).',
    })
    expect((await events('_cursor=not-a-cursor')).status).toBe(400)
    const { body } = await events('_limit=5')
    const decoded = JSON.parse(atob(body.cursor_next!.replace(/-/g, '+').replace(/_/g, '/'))) as {
      p: { id: string }
    }
    decoded.p.id = 'ev_edited'
    const edited = btoa(JSON.stringify(decoded)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    const tampered = await events(`_cursor=${edited}`)
    expect(tampered.status).toBe(400)
    expect(tampered.body.error).toMatch(/cursor/i)
  })
})
