/**
 * `resolveSelection` on the Close mock: "all except three" of 2,500 leads becomes the 2,497 records, walking the list
 * through the mock's rate limit; a "some" selection of loaded rows costs no request.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { closeOffset, createFetcher, resolveSelection } from '../src'
import type { FetchAllProgress } from '../src'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../src/mock'
import type { CloseLead } from '../src/mock'
import { setupMockServer } from './mockServer'

const { serve } = setupMockServer()
const leadsPage = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })('/lead/')
afterEach(() => vi.useRealTimers())

describe('resolveSelection', () => {
  it('"all except three" of 2,500 leads resolves to 2,497 records, waiting out the rate limit', async () => {
    let now = 0
    const mock = serve(
      createCloseMock({
        seed: 11,
        leads: 2500,
        events: 0,
        now: () => now,
        faults: { rateLimit: { requests: 4, windowMs: 2000 } },
      }),
    )
    const [a, b, c] = [mock.dataset.leads[5]!.id, mock.dataset.leads[1200]!.id, mock.dataset.leads[2499]!.id]
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const progress: FetchAllProgress[] = []
    let settled = false
    const resolving = resolveSelection(
      { type: 'all', except: new Set([a, b, c]) },
      { adapter: closeOffset<CloseLead>(), fetchPage: leadsPage },
      { onProgress: (step) => progress.push(step) },
    ).finally(() => (settled = true))
    // The mock's clock and the timers move together, a quarter second at a time, until the walk is done.
    for (let step = 0; step < 400 && !settled; step++) {
      now += 250
      await vi.advanceTimersByTimeAsync(250)
    }
    const records = await resolving
    expect(records).toHaveLength(2497)
    const ids = new Set(records.map((lead) => lead.id))
    expect(ids.size).toBe(2497)
    expect([a, b, c].filter((id) => ids.has(id))).toEqual([])
    const answers = mock.requests.map((request) => request.status)
    expect(answers.filter((status) => status === 200)).toHaveLength(13)
    expect(answers.filter((status) => status === 429).length).toBeGreaterThan(0)
    // Close's lead list reports no total: progress counts what has loaded.
    expect(progress.at(-1)).toEqual({ loaded: 2500 })
  })

  it('a "some" selection of loaded rows resolves from them, without a request', async () => {
    const mock = serve(createCloseMock({ seed: 11, leads: 50, events: 0 }))
    const loaded = mock.dataset.leads.slice(0, 20)
    const records = await resolveSelection(
      { type: 'some', keys: new Set([loaded[2]!.id, loaded[7]!.id]) },
      { adapter: closeOffset<CloseLead>(), fetchPage: leadsPage, loaded },
    )
    expect(records.map((lead) => lead.id)).toEqual([loaded[2]!.id, loaded[7]!.id])
    expect(mock.requests).toHaveLength(0)
  })

  it('a "some" selection with a key not loaded walks the list for it', async () => {
    const mock = serve(createCloseMock({ seed: 11, leads: 300, events: 0 }))
    const far = mock.dataset.leads[250]!.id
    const records = await resolveSelection(
      { type: 'some', keys: new Set([mock.dataset.leads[0]!.id, far]) },
      { adapter: closeOffset<CloseLead>(), fetchPage: leadsPage, loaded: mock.dataset.leads.slice(0, 20) },
    )
    expect(records.map((lead) => lead.id)).toEqual([mock.dataset.leads[0]!.id, far])
    expect(mock.requests.map((request) => request.query._skip)).toEqual(['0', '200'])
  })
})
