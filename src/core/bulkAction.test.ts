/**
 * runBulkAction and retryBulkAction with an action the test settles by hand: how many requests are in flight, when a
 * rate limit holds them (on a fake clock), what the report and the progress say, and what a cancel leaves undone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HttpError } from '../http/HttpError'
import { retryBulkAction, runBulkAction } from './bulkAction'
import type { BulkActionContext, BulkActionPause, BulkActionProgress, BulkItemOutcome } from './bulkAction'
import { InvalidOptionError } from './errors'

afterEach(() => {
  vi.useRealTimers()
})

/** Lets every pending promise chain run (setImmediate is never faked here: only setTimeout and Date are). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve))

const fakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })

function httpError(status: number, retryAfterMs?: number) {
  return new HttpError({
    status,
    statusText: '',
    body: { error: `status ${status}` },
    url: 'https://api.close.com/api/v1/lead/x/',
    method: 'PUT',
    retryAfterMs,
  })
}

interface Call {
  item: string
  signal: AbortSignal
  startedAt: number
  resolve: (result: string) => void
  reject: (error: unknown) => void
}

/** An action whose requests stay in flight until the test settles them; an aborted one rejects with the reason. */
function handSettledAction() {
  const calls: Call[] = []
  const inFlight = () => calls.filter((call) => !settled.has(call)).length
  const settled = new Set<Call>()
  const action = (item: string, { signal }: BulkActionContext) =>
    new Promise<string>((resolve, reject) => {
      const call: Call = {
        item,
        signal,
        startedAt: Date.now(),
        resolve: (result) => (settled.add(call), resolve(result)),
        reject: (error) => (settled.add(call), reject(error)),
      }
      calls.push(call)
      signal.addEventListener('abort', () => call.reject(signal.reason), { once: true })
    })
  return { calls, action, inFlight }
}

describe('concurrency', () => {
  it('never has more than `concurrency` requests in flight, and starts the next as soon as one lands', async () => {
    const { calls, action, inFlight } = handSettledAction()
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    const report = runBulkAction(items, { action, concurrency: 3 })
    let most = 0
    for (let landed = 0; landed < items.length; landed += 1) {
      await flush()
      most = Math.max(most, inFlight())
      expect(inFlight()).toBe(Math.min(3, items.length - landed))
      // The oldest request lands; its slot goes to the next item at once.
      calls.find((call) => call.item === items[landed])!.resolve(`ok ${items[landed]}`)
    }
    expect(most).toBe(3)
    expect(calls.map((call) => call.item)).toEqual(items)
    const result = await report
    expect(result.succeeded).toEqual(items.map((item) => ({ item, result: `ok ${item}` })))
  })

  it('sends two at a time by default', async () => {
    const { calls, action, inFlight } = handSettledAction()
    const report = runBulkAction(['a', 'b', 'c'], { action })
    await flush()
    expect(calls.map((call) => call.item)).toEqual(['a', 'b'])
    calls[1]!.resolve('b')
    await flush()
    expect(calls.map((call) => call.item)).toEqual(['a', 'b', 'c'])
    expect(inFlight()).toBe(2)
    calls[0]!.resolve('a')
    calls[2]!.resolve('c')
    expect((await report).succeeded.map((entry) => entry.item)).toEqual(['a', 'b', 'c'])
  })

  it('rejects a concurrency that is not a whole number of at least 1, before any request', async () => {
    const action = vi.fn(async () => 'ok')
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      const error = await runBulkAction(['a'], { action, concurrency }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(InvalidOptionError)
      expect(error).toMatchObject({ option: 'concurrency' })
    }
    expect(action).not.toHaveBeenCalled()
  })
})

describe('rate limits', () => {
  it('a 429 with Retry-After pauses every worker for the wait, then the run goes on', async () => {
    fakeClock()
    const starts: Array<[string, number]> = []
    let firstB = true
    // Every request takes 100 ms; the first try of `b` meets a 429 asking for 2 s.
    const action = async (item: string) => {
      starts.push([item, Date.now()])
      if (item === 'b' && firstB) {
        firstB = false
        throw httpError(429, 2000)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
      return item
    }
    const pauses: BulkActionPause[] = []
    const resumed = vi.fn()
    const t0 = Date.now()
    const report = runBulkAction(
      ['a', 'b', 'c', 'd', 'e'],
      { action, concurrency: 2 },
      { onPause: (pause) => pauses.push(pause), onResume: resumed },
    )
    // `a` lands at 100 ms, but its worker must not start `c` while the pause holds.
    await vi.advanceTimersByTimeAsync(1999)
    expect(starts).toEqual([
      ['a', t0],
      ['b', t0],
    ])
    expect(pauses).toEqual([{ waitMs: 2000, resumeAt: t0 + 2000, error: expect.any(HttpError) }])
    expect(resumed).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(resumed).toHaveBeenCalledTimes(1)
    // `b`'s retry and `c`, in either order, the moment the pause ends.
    expect(starts.slice(2).sort()).toEqual([
      ['b', t0 + 2000],
      ['c', t0 + 2000],
    ])
    await vi.advanceTimersByTimeAsync(1000)
    const result = await report
    expect(result.succeeded.map((entry) => entry.item)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(result).toMatchObject({ failed: [], skipped: [], pauseCount: 1, pausedMs: 2000 })
  })

  it('a second limit during a pause makes it longer; both count once, for the time held', async () => {
    fakeClock()
    const starts: Array<[string, number]> = []
    const failedOnce = new Set<string>()
    const action = async (item: string) => {
      starts.push([item, Date.now()])
      await new Promise((resolve) => setTimeout(resolve, 100))
      // `a` fails at 100 ms (wait 1 s), `b` at 100 ms too (wait 3 s); their retries go out together.
      const waits: Record<string, number> = { a: 1000, b: 3000 }
      if (waits[item] !== undefined && !failedOnce.has(item)) {
        failedOnce.add(item)
        throw httpError(429, waits[item])
      }
      return item
    }
    const t0 = Date.now()
    const report = runBulkAction(['a', 'b', 'c'], { action })
    await vi.advanceTimersByTimeAsync(3099)
    expect(starts).toEqual([
      ['a', t0],
      ['b', t0],
    ])
    await vi.advanceTimersByTimeAsync(1)
    expect(starts.slice(2).sort()).toEqual([
      ['a', t0 + 3100],
      ['b', t0 + 3100],
    ])
    await vi.advanceTimersByTimeAsync(1000)
    const result = await report
    expect(result.succeeded.map((entry) => entry.item)).toEqual(['a', 'b', 'c'])
    expect(result).toMatchObject({ pauseCount: 1, pausedMs: 3000 })
  })

  it('a shorter limit during a pause does not shorten it', async () => {
    fakeClock()
    const starts: Array<[string, number]> = []
    const failedOnce = new Set<string>()
    const action = async (item: string) => {
      starts.push([item, Date.now()])
      // `a` fails at once (wait 3 s); `b`, in flight meanwhile, fails at 100 ms asking for only 1 s.
      if (item === 'a' && !failedOnce.has(item)) {
        failedOnce.add(item)
        throw httpError(429, 3000)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
      if (item === 'b' && !failedOnce.has(item)) {
        failedOnce.add(item)
        throw httpError(429, 1000)
      }
      return item
    }
    const t0 = Date.now()
    const report = runBulkAction(['a', 'b', 'c'], { action })
    await vi.advanceTimersByTimeAsync(2999)
    expect(starts).toEqual([
      ['a', t0],
      ['b', t0],
    ])
    await vi.advanceTimersByTimeAsync(1)
    expect(starts.slice(2).sort()).toEqual([
      ['a', t0 + 3000],
      ['b', t0 + 3000],
    ])
    await vi.advanceTimersByTimeAsync(1000)
    expect(await report).toMatchObject({ failed: [], pauseCount: 1, pausedMs: 3000 })
  })

  it('pauses the others even when the failed item is not tried again (retry: false)', async () => {
    fakeClock()
    const starts: Array<[string, number]> = []
    const limited = httpError(429, 5000)
    const action = async (item: string) => {
      starts.push([item, Date.now()])
      if (item === 'a') throw limited
      return item
    }
    const t0 = Date.now()
    const report = runBulkAction(['a', 'b', 'c'], { action, concurrency: 1, retry: false })
    await vi.advanceTimersByTimeAsync(4999)
    expect(starts).toEqual([['a', t0]])
    await vi.advanceTimersByTimeAsync(1)
    const result = await report
    expect(starts.slice(1)).toEqual([
      ['b', t0 + 5000],
      ['c', t0 + 5000],
    ])
    expect(result.failed).toEqual([{ item: 'a', error: limited }])
    expect(result.succeeded.map((entry) => entry.item)).toEqual(['b', 'c'])
  })

  it('a 5xx without Retry-After backs off for that item only; the others go on', async () => {
    fakeClock()
    const starts: Array<[string, number]> = []
    let failures = 0
    const action = async (item: string) => {
      starts.push([item, Date.now()])
      if (item === 'a' && failures < 1) {
        failures += 1
        throw httpError(502)
      }
      return item
    }
    const t0 = Date.now()
    const report = runBulkAction(['a', 'b', 'c'], { action })
    await flush()
    expect(starts).toEqual([
      ['a', t0],
      ['b', t0],
      ['c', t0],
    ])
    await vi.advanceTimersByTimeAsync(1000)
    const result = await report
    expect(starts.at(-1)).toEqual(['a', t0 + 1000])
    expect(result).toMatchObject({ failed: [], pauseCount: 0, pausedMs: 0 })
  })
})

describe('failures', () => {
  it('reports each failure with its own typed error, and the rest go on, in input order', async () => {
    const notFound = httpError(404)
    const refused = httpError(400)
    const errors: Record<string, HttpError> = { b: notFound, d: refused }
    const action = vi.fn(async (item: string) => {
      if (errors[item]) throw errors[item]
      return `updated ${item}`
    })
    const result = await runBulkAction(['a', 'b', 'c', 'd', 'e'], { action })
    expect(result.failed).toEqual([
      { item: 'b', error: notFound },
      { item: 'd', error: refused },
    ])
    expect(result.failed[0]!.error).toBe(notFound)
    expect(result.succeeded).toEqual([
      { item: 'a', result: 'updated a' },
      { item: 'c', result: 'updated c' },
      { item: 'e', result: 'updated e' },
    ])
    expect(result.skipped).toEqual([])
    // A 4xx other than 429 would fail the same way again: one request each.
    expect(action).toHaveBeenCalledTimes(5)
  })

  it('a server error is retried up to 3 times, then reported with the last error', async () => {
    const errors = [httpError(500), httpError(502), httpError(503), httpError(504)]
    const action = vi.fn(async () => {
      throw errors[action.mock.calls.length - 1]
    })
    const result = await runBulkAction(['a'], { action, retryDelay: 0 })
    expect(action).toHaveBeenCalledTimes(4)
    expect(result.failed).toEqual([{ item: 'a', error: errors[3] }])
  })
})

describe('cancellation', () => {
  it('aborts the requests in flight, starts none after, and reports the rest as skipped', async () => {
    const { calls, action } = handSettledAction()
    const controller = new AbortController()
    const report = runBulkAction(['a', 'b', 'c', 'd', 'e'], { action }, { signal: controller.signal })
    await flush()
    calls[0]!.resolve('a done')
    await flush()
    expect(calls.map((call) => call.item)).toEqual(['a', 'b', 'c'])
    controller.abort()
    expect(calls[1]!.signal.aborted).toBe(true)
    expect(calls[2]!.signal.aborted).toBe(true)
    const result = await report
    expect(calls).toHaveLength(3)
    expect(result.succeeded).toEqual([{ item: 'a', result: 'a done' }])
    expect(result.failed).toEqual([])
    expect(result.skipped).toEqual(['b', 'c', 'd', 'e'])
  })

  it('a cancel during a rate-limit pause ends the run at once, without the wait', async () => {
    fakeClock()
    const controller = new AbortController()
    const action = vi.fn(async (item: string) => {
      if (item === 'a') throw httpError(429, 60_000)
      return item
    })
    const report = runBulkAction(['a', 'b', 'c'], { action, concurrency: 1 }, { signal: controller.signal })
    await flush()
    controller.abort()
    const result = await report
    expect(action).toHaveBeenCalledTimes(1)
    expect(result).toMatchObject({ succeeded: [], failed: [], skipped: ['a', 'b', 'c'], pauseCount: 1 })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('an aborted signal sends nothing and skips every item', async () => {
    const action = vi.fn(async () => 'ok')
    const controller = new AbortController()
    controller.abort()
    const result = await runBulkAction(['a', 'b'], { action }, { signal: controller.signal })
    expect(action).not.toHaveBeenCalled()
    expect(result).toMatchObject({ succeeded: [], failed: [], skipped: ['a', 'b'] })
  })
})

describe('progress and per-item callbacks', () => {
  it('reports done, succeeded, failed and total after each item, right after its outcome', async () => {
    const failure = httpError(404)
    const events: Array<string | BulkActionProgress> = []
    const result = await runBulkAction(
      ['a', 'b', 'c'],
      {
        action: async (item: string) => {
          if (item === 'b') throw failure
          return item.toUpperCase()
        },
        concurrency: 1,
      },
      {
        onItemSettled: (item, outcome: BulkItemOutcome<string>) =>
          events.push(
            outcome.status === 'succeeded'
              ? `${item}: ${outcome.result}`
              : `${item}: ${(outcome.error as HttpError).status}`,
          ),
        onProgress: (progress) => events.push(progress),
      },
    )
    expect(events).toEqual([
      'a: A',
      { done: 1, succeeded: 1, failed: 0, total: 3 },
      'b: 404',
      { done: 2, succeeded: 1, failed: 1, total: 3 },
      'c: C',
      { done: 3, succeeded: 2, failed: 1, total: 3 },
    ])
    expect(result.failed).toEqual([{ item: 'b', error: failure }])
  })

  it('a callback that throws stops the run, aborts the requests in flight, and rejects with its error', async () => {
    const { calls, action } = handSettledAction()
    const bug = new Error('cache update failed')
    const report = runBulkAction(
      ['a', 'b', 'c', 'd'],
      { action },
      {
        onItemSettled: () => {
          throw bug
        },
      },
    )
    await flush()
    calls[0]!.resolve('a')
    await expect(report).rejects.toBe(bug)
    expect(calls[1]!.signal.aborted).toBe(true)
    expect(calls).toHaveLength(2)
  })

  it('an empty list resolves to an empty report without a request', async () => {
    const action = vi.fn(async () => 'ok')
    const onProgress = vi.fn()
    const result = await runBulkAction([], { action }, { onProgress })
    expect(result).toEqual({ items: [], succeeded: [], failed: [], skipped: [], pauseCount: 0, pausedMs: 0 })
    expect(action).not.toHaveBeenCalled()
    expect(onProgress).not.toHaveBeenCalled()
  })
})

describe('retryBulkAction', () => {
  it('runs again only the failed items, and reports the whole action in input order', async () => {
    const down = new Set(['b', 'd'])
    const action = vi.fn(async (item: string) => {
      if (down.has(item)) throw httpError(404)
      return `updated ${item}`
    })
    const first = await runBulkAction(['a', 'b', 'c', 'd', 'e'], { action })
    expect(first.failed.map((entry) => entry.item)).toEqual(['b', 'd'])
    action.mockClear()
    down.clear()
    const progress: BulkActionProgress[] = []
    const whole = await retryBulkAction(first, { action }, { onProgress: (update) => progress.push(update) })
    expect(action.mock.calls.map(([item]) => item)).toEqual(['b', 'd'])
    expect(whole.succeeded.map((entry) => entry.item)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(whole.succeeded[1]).toEqual({ item: 'b', result: 'updated b' })
    expect(whole).toMatchObject({ failed: [], skipped: [], items: first.items })
    expect(progress.at(-1)).toEqual({ done: 2, succeeded: 2, failed: 0, total: 2 })
  })

  it('items that fail again, or that a cancel leaves untried, stay failed for the next retry', async () => {
    const first = await runBulkAction(['a', 'b', 'c'], {
      action: async (item: string) => {
        throw httpError(item === 'a' ? 404 : 400)
      },
    })
    const { calls, action } = handSettledAction()
    const controller = new AbortController()
    const second = retryBulkAction(first, { action, concurrency: 1 }, { signal: controller.signal })
    await flush()
    const stillNotFound = httpError(404)
    calls[0]!.reject(stillNotFound)
    await flush()
    controller.abort()
    const whole = await second
    expect(calls.map((call) => call.item)).toEqual(['a', 'b'])
    expect(whole.failed).toEqual([
      { item: 'a', error: stillNotFound },
      { item: 'b', error: first.failed[1]!.error },
      { item: 'c', error: first.failed[2]!.error },
    ])
    expect(whole.succeeded).toEqual([])
  })

  it('with nothing failed, sends nothing', async () => {
    const first = await runBulkAction(['a'], { action: async (item: string) => item })
    const action = vi.fn(async (item: string) => item)
    const whole = await retryBulkAction(first, { action })
    expect(action).not.toHaveBeenCalled()
    expect(whole.succeeded).toEqual(first.succeeded)
  })
})
