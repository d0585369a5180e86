import { afterEach, describe, expect, it, vi } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { CLOSE_MOCK_BASE_URL, createCloseMock, createPipedriveMock, PIPEDRIVE_MOCK_BASE_URL } from './index'

const { server, serve: use } = setupMockServer()
afterEach(() => vi.useRealTimers())

const CLOSE = `${CLOSE_MOCK_BASE_URL}/api/v1`
const PIPEDRIVE = PIPEDRIVE_MOCK_BASE_URL

async function statuses(url: string, count: number): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < count; i += 1) out.push((await fetch(url)).status)
  return out
}

describe('latency', () => {
  it('holds the answer for fixedMs plus seeded jitter (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    use(createCloseMock({ faults: { latency: { fixedMs: 1000, jitterMs: 0 } } }))
    let done = false
    const pending = fetch(`${CLOSE}/lead/?_limit=1`).then((response) => {
      done = true
      return response.status
    })
    await vi.advanceTimersByTimeAsync(990)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(20)
    expect(await pending).toBe(200)
  })

  it('draws the same jitter sequence for the same seed (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const waits = async (seed: number): Promise<number[]> => {
      server.use(...createCloseMock({ seed, faults: { latency: { fixedMs: 5, jitterMs: 40 } } }).handlers)
      const out: number[] = []
      for (let i = 0; i < 6; i += 1) {
        let done = false
        const pending = fetch(`${CLOSE}/lead/?_limit=1`).then(() => {
          done = true
        })
        let ms = 0
        while (!done && ms < 100) {
          await vi.advanceTimersByTimeAsync(1)
          ms += 1
        }
        await pending
        out.push(ms)
      }
      server.resetHandlers()
      return out
    }
    const a = await waits(3)
    expect(await waits(3)).toEqual(a)
    expect(await waits(4)).not.toEqual(a)
    expect(a.every((ms) => ms >= 5 && ms <= 46)).toBe(true)
    expect(new Set(a).size).toBeGreaterThan(1)
  })
})

describe('rate limit', () => {
  it('answers Close 429 with RateLimit, Retry-After and the body, and recovers after the window', async () => {
    let now = 1_000_000
    const api = use(
      createCloseMock({ now: () => now, faults: { rateLimit: { requests: 3, windowMs: 2000 } } }),
    )
    const ok = await fetch(`${CLOSE}/lead/?_limit=1`)
    expect(ok.headers.get('ratelimit')).toBe('limit=3, remaining=2, reset=2')
    await fetch(`${CLOSE}/lead/?_limit=1`)
    now += 500
    await fetch(`${CLOSE}/contact/?_limit=1`)
    const limited = await fetch(`${CLOSE}/lead/?_limit=1`)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('2')
    expect(limited.headers.get('ratelimit')).toBe('limit=3, remaining=0, reset=2')
    expect(await limited.json()).toStrictEqual({
      error: {
        message: 'API call count exceeded for this 2 second window',
        rate_reset: 2,
        rate_limit: 3,
        rate_window: 2,
      },
    })
    now += 1499
    expect((await fetch(`${CLOSE}/lead/?_limit=1`)).status).toBe(429)
    now += 1
    expect((await fetch(`${CLOSE}/lead/?_limit=1`)).status).toBe(200)
    expect(api.requests.map((r) => r.status)).toEqual([200, 200, 200, 429, 429, 200])
  })

  it('answers Pipedrive 429 with x-ratelimit-* headers and Retry-After', async () => {
    let now = 0
    use(createPipedriveMock({ now: () => now, faults: { rateLimit: { requests: 1, windowMs: 2000 } } }))
    const ok = await fetch(`${PIPEDRIVE}/api/v2/deals?limit=1`)
    expect(ok.headers.get('x-ratelimit-limit')).toBe('1')
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('0')
    const limited = await fetch(`${PIPEDRIVE}/api/v1/notes?limit=1`)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(limited.headers.get('x-ratelimit-reset')).toBe('2')
    expect(limited.headers.get('retry-after')).toBe('2')
    expect(await limited.json()).toStrictEqual({
      success: false,
      error: 'Request over limit',
      error_info: 'Please check developers.pipedrive.com for more information about Pipedrive API.',
      data: null,
      additional_data: null,
    })
    now = 2000
    expect((await fetch(`${PIPEDRIVE}/api/v1/notes?limit=1`)).status).toBe(200)
  })
})

describe('seeded 5xx', () => {
  it('fails the same requests for the same seed, others for another seed', async () => {
    const run = async (seed: number): Promise<number[]> => {
      server.use(...createCloseMock({ seed, faults: { failureRate: 0.3 } }).handlers)
      const result = await statuses(`${CLOSE}/lead/?_limit=1`, 40)
      server.resetHandlers()
      return result
    }
    const a = await run(11)
    expect(await run(11)).toEqual(a)
    expect(await run(12)).not.toEqual(a)
    const failures = a.filter((status) => status >= 500)
    expect(failures.length).toBeGreaterThan(4)
    expect(failures.length).toBeLessThan(25)
    expect(new Set(failures)).toEqual(new Set([502, 503]))
  })

  it('answers 502 with an HTML gateway page and 503 with the provider body', async () => {
    use(createPipedriveMock({ faults: { failureRate: 1 } }))
    const seen = new Map<number, Response>()
    for (let i = 0; i < 20 && seen.size < 2; i += 1) {
      const response = await fetch(`${PIPEDRIVE}/api/v2/deals`)
      seen.set(response.status, response)
    }
    const gateway = seen.get(502)!
    expect(gateway.headers.get('content-type')).toMatch(/text\/html/)
    expect(await gateway.text()).toContain('502 Bad Gateway')
    expect(await seen.get(503)!.json()).toMatchObject({
      success: false,
      error: 'Service Unavailable',
      data: null,
    })
  })
})

describe('reset', () => {
  it('keeps a request that was waiting out its latency out of the state after the reset (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const close = use(
      createCloseMock({
        faults: { latency: { fixedMs: 100, jitterMs: 0 }, rateLimit: { requests: 1, windowMs: 60_000 } },
      }),
    )
    const before = fetch(`${CLOSE}/lead/?_limit=1`)
    await vi.advanceTimersByTimeAsync(50)
    close.reset()
    close.setFaults({ latency: { fixedMs: 100, jitterMs: 0 } })
    await vi.advanceTimersByTimeAsync(60)
    // The server "restarted" under it: a 503, not a page of the new dataset.
    expect((await before).status).toBe(503)
    expect(close.requests).toHaveLength(0)
    // It did not spend the new window's one request: the first request after the reset is served.
    const after = fetch(`${CLOSE}/lead/?_limit=1`)
    await vi.advanceTimersByTimeAsync(110)
    expect((await after).status).toBe(200)
    expect(close.requests.map((request) => request.status)).toEqual([200])
  })
})

describe('malformedOnRequest', () => {
  it('breaks the envelope of exactly the Nth request, per endpoint', async () => {
    const close = use(createCloseMock({ faults: { malformedOnRequest: 2 } }))
    expect((await fetch(`${CLOSE}/lead/`)).status).toBe(200)
    const broken = (await (await fetch(`${CLOSE}/lead/?_limit=3`)).json()) as Record<string, unknown>
    expect(broken.has_more).toBe('yes')
    expect(broken.data).toHaveLength(3)
    const fine = (await (await fetch(`${CLOSE}/lead/?_limit=3`)).json()) as Record<string, unknown>
    expect(fine.has_more).toBe(true)
    close.reset()
    close.setFaults({ malformedOnRequest: 1 })
    expect(await (await fetch(`${CLOSE}/event/`)).json()).toStrictEqual({
      cursor_next: expect.any(String),
      cursor_previous: null,
    })
    close.reset()
    close.setFaults({ malformedOnRequest: 1 })
    const html = await fetch(`${CLOSE}/data/search/`, {
      method: 'POST',
      body: '{"query":{"type":"object_type","object_type":"lead"}}',
    })
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toMatch(/text\/html/)
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/)
  })

  it('gives Pipedrive v2 a numeric next_cursor, v1 notes no data and v1 leads an HTML page', async () => {
    const pipedrive = use(createPipedriveMock({ faults: { malformedOnRequest: 1 } }))
    const deals = (await (await fetch(`${PIPEDRIVE}/api/v2/deals?limit=5`)).json()) as {
      additional_data: { next_cursor: unknown }
    }
    expect(deals.additional_data.next_cursor).toBe(5)
    pipedrive.reset()
    const notes = (await (await fetch(`${PIPEDRIVE}/api/v1/notes`)).json()) as Record<string, unknown>
    expect(notes).not.toHaveProperty('data')
    expect(notes.success).toBe(true)
    pipedrive.reset()
    const leads = await fetch(`${PIPEDRIVE}/api/v1/leads`)
    expect(leads.headers.get('content-type')).toMatch(/text\/html/)
  })
})

describe('drift', () => {
  it('inserts new Close leads at the head, so offset pages repeat records', async () => {
    const api = use(createCloseMock({ leads: 100, faults: { drift: { insertEvery: 2, count: 3 } } }))
    const firstId = api.dataset.leads[0]!.id
    const page1 = (await (await fetch(`${CLOSE}/lead/?_limit=10`)).json()) as { data: { id: string }[] }
    const page2 = (await (await fetch(`${CLOSE}/lead/?_skip=10&_limit=10`)).json()) as {
      data: { id: string }[]
    }
    expect(api.dataset.leads).toHaveLength(103)
    expect(api.dataset.leads[3]!.id).toBe(firstId)
    expect(api.dataset.leads[0]!.date_created > api.dataset.leads[1]!.date_created).toBe(true)
    expect(api.dataset.leads[2]!.date_created > api.dataset.leads[3]!.date_created).toBe(true)
    expect(page2.data.slice(0, 3).map((l) => l.id)).toEqual(page1.data.slice(7).map((l) => l.id))
    expect(api.dataset.contacts[0]!.lead_id).toBe(api.dataset.leads[0]!.id)
  })

  it('adds Pipedrive deals with the next ids and the newest update_time', async () => {
    const api = use(createPipedriveMock({ deals: 50, faults: { drift: { insertEvery: 1, count: 2 } } }))
    const page = (await (
      await fetch(`${PIPEDRIVE}/api/v2/deals?sort_by=update_time&sort_direction=desc&limit=3`)
    ).json()) as {
      data: { id: number }[]
    }
    expect(page.data.map((d) => d.id)).toEqual([52, 51, expect.any(Number)])
    expect(api.dataset.deals.map((d) => d.id).slice(-3)).toEqual([50, 51, 52])
  })
})

describe('controls', () => {
  it('logs every request with method, path, query, body, status and time', async () => {
    const api = use(createCloseMock({ now: () => 1234, faults: { failureRate: 1 } }))
    await fetch(`${CLOSE}/data/search/`, { method: 'POST', body: JSON.stringify({ query: { type: 'x' } }) })
    expect(api.requests).toStrictEqual([
      {
        method: 'POST',
        path: '/api/v1/data/search/',
        query: {},
        body: { query: { type: 'x' } },
        status: expect.any(Number),
        time: 1234,
      },
    ])
    expect(api.requests[0]!.status).toBeGreaterThanOrEqual(502)
  })

  it('resets the dataset, counters, log and faults', async () => {
    const api = use(createCloseMock({ leads: 20, faults: { drift: { insertEvery: 1, count: 1 } } }))
    const original = api.dataset.leads.map((l) => l.id)
    api.setFaults({ failureRate: 1 })
    expect(api.faults.failureRate).toBe(1)
    expect(api.faults.drift).toEqual({ insertEvery: 1, count: 1 })
    await fetch(`${CLOSE}/lead/`)
    api.reset()
    expect(api.requests).toHaveLength(0)
    expect(api.faults.failureRate).toBe(0)
    expect(api.dataset.leads.map((l) => l.id)).toEqual(original)
    expect(() => api.setFaults({ failureRate: 2 })).toThrow(RangeError)
    expect(() => api.setFaults({ rateLimit: { requests: 0, windowMs: 1000 } })).toThrow(RangeError)
  })
})
