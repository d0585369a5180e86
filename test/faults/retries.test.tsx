// @vitest-environment jsdom
/**
 * Fault injection through the whole stack (mock API → createFetcher → closeOffset → usePaginatedList →
 * <InfiniteTable>): rate limits, flaky servers and network errors. Each case counts the requests and checks that the
 * loaded rows stay and that what the user sees says what happened.
 */
import { cleanup, fireEvent } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { setupMockServer } from '../mockServer'
import { elapse, LEADS_URL, renderLeadsTable } from './leadsTable'

const { server, serve } = setupMockServer()
const answers: { time: number; status: number; skip: string | null; retryAfter: number | null }[] = []

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  answers.length = 0
  server.events.on('response:mocked', ({ request, response }) => {
    const retryAfter = response.headers.get('retry-after')
    answers.push({
      time: Date.now(),
      status: response.status,
      skip: new URL(request.url).searchParams.get('_skip'),
      retryAfter: retryAfter === null ? null : Number(retryAfter),
    })
  })
})
afterEach(() => {
  server.events.removeAllListeners()
  cleanup()
  vi.useRealTimers()
})

describe('fault injection: retries', () => {
  test('a 429 storm: every retry waits for Retry-After, no row is lost, and the list completes', async () => {
    // 2 requests per 5 s window; 40 leads in pages of 5 fill the 1,200 px table, so 8 pages are needed.
    const table = renderLeadsTable(serve, {
      mock: { faults: { rateLimit: { requests: 2, windowMs: 5_000 } } },
    })
    let fewestRows = Infinity
    for (let second = 0; second < 60 && table.state() !== 'complete'; second++) {
      const rows = table.rowIds().length
      await elapse(1_000)
      // While rate limited, the loaded rows stay on screen and the table says it is loading, not failing.
      expect(table.rowIds().length).toBeGreaterThanOrEqual(rows)
      if (rows > 0) fewestRows = Math.min(fewestRows, rows)
      expect(table.state()).not.toBe('error')
    }
    expect(table.state()).toBe('complete')
    expect(await table.announcement()).toMatch(/All 40 leads loaded$/)
    expect(fewestRows).toBeGreaterThan(0)

    const limited = answers.filter((answer) => answer.status === 429)
    const served = answers.filter((answer) => answer.status === 200)
    expect(served.map((answer) => answer.skip)).toEqual(['0', '5', '10', '15', '20', '25', '30', '35'])
    expect(limited.length).toBeGreaterThanOrEqual(3)
    for (const answer of limited) {
      const next = answers[answers.indexOf(answer) + 1]!
      expect(answer.retryAfter).toBeGreaterThanOrEqual(1)
      expect(next.time - answer.time).toBeGreaterThanOrEqual(answer.retryAfter! * 1000)
      expect(next.skip).toBe(answer.skip) // the same page again, never page 1
    }
    console.log(
      `[faults] 429 storm: ${served.length} pages served, ${limited.length} answered 429, all waited`,
    )
  })

  test('a flaky server: 3 retries with backoff, then an error row with Retry; the loaded rows stay; Retry resumes', async () => {
    const table = renderLeadsTable(serve, { height: 200 })
    await elapse(200)
    expect(table.rowIds()).toHaveLength(5 * Math.ceil(160 / 40 / 5 + 1)) // the viewport is filled
    const loaded = table.rowIds()
    table.mock.setFaults({ failureRate: 1 })
    fireEvent.scroll(document.querySelector('[role="grid"]')!, { target: { scrollTop: 10_000 } })
    await elapse(8_000)
    const failedSkip = String(loaded.length)
    const attempts = answers.filter((answer) => answer.skip === failedSkip)
    expect(attempts.map((answer) => answer.status).every((status) => status >= 500)).toBe(true)
    expect(attempts).toHaveLength(4) // the request and 3 retries
    // Each retry waits for the server's Retry-After when the 503 gives one, else 1 s, 2 s, 4 s.
    attempts.slice(1).forEach((attempt, retry) => {
      const before = attempts[retry]!
      const wait = before.retryAfter === null ? 1_000 * 2 ** retry : before.retryAfter * 1_000
      expect(attempt.time - before.time).toBeGreaterThanOrEqual(wait)
    })
    expect(table.statusRow()?.kind).toBe('error')
    expect(table.statusRow()?.text).toMatch(/^Could not load leads: HTTP 50[23]: .+Retry$/)
    expect(await table.announcement()).toMatch(/^Could not load leads: HTTP 50[23]/)
    expect(table.rowIds()).toEqual(loaded)

    await elapse(10_000) // no automatic requests after the error
    expect(answers.filter((answer) => answer.skip === failedSkip)).toHaveLength(4)

    table.mock.setFaults({ failureRate: 0 })
    const beforeRetry = answers.length
    fireEvent.click(table.retryButton())
    await elapse(200)
    // Retry asks for the failed page (and the table goes on loading from there).
    expect(answers[beforeRetry]).toMatchObject({ status: 200, skip: failedSkip })
    fireEvent.scroll(document.querySelector('[role="grid"]')!, { target: { scrollTop: 0 } })
    await elapse(300) // the scroll has settled: the table renders its overscan rows again
    expect(table.rowIds().slice(0, loaded.length)).toEqual(loaded)
    expect(table.statusRow()?.kind).not.toBe('error')
    console.log(`[faults] flaky 5xx: ${attempts.length} attempts for the failed page, then 1 after Retry`)
  })

  test('network errors: retried, then shown with Retry; the loaded rows stay; Retry recovers', async () => {
    let offline = false
    const table = renderLeadsTable(serve, { height: 200 })
    server.use(http.get(LEADS_URL, () => (offline ? HttpResponse.error() : undefined)))
    await elapse(200)
    const loaded = table.rowIds()
    expect(loaded.length).toBeGreaterThan(0)
    offline = true
    const served = table.mock.requests.length
    fireEvent.scroll(document.querySelector('[role="grid"]')!, { target: { scrollTop: 10_000 } })
    await elapse(8_000)
    expect(table.statusRow()?.kind).toBe('error')
    expect(table.statusRow()?.text).toMatch(/^Could not load leads: GET .+failed without a complete response/)
    expect(table.rowIds()).toEqual(loaded)
    expect(table.mock.requests).toHaveLength(served) // nothing reached the server

    offline = false
    fireEvent.click(table.retryButton())
    await elapse(200)
    expect(table.mock.requests[served]?.query._skip).toBe(String(loaded.length))
    expect(table.statusRow()?.kind).not.toBe('error')
  })
})
