import { describe, expect, it } from 'vitest'
import { HttpError, NetworkError } from '../http/HttpError'
import { CursorLoopError, MalformedResponseError } from './errors'
import {
  MAX_RETRIES,
  MAX_RETRY_AFTER_MS,
  defaultRetry,
  defaultRetryDelay,
  isRetryableError,
} from './retryPolicy'

function httpError(status: number, retryAfterMs?: number): HttpError {
  return new HttpError({
    status,
    statusText: '',
    body: { error: `status ${status}` },
    url: 'https://api.close.com/api/v1/lead/?_skip=0&_limit=100',
    method: 'GET',
    retryAfterMs,
  })
}

const networkError = () =>
  new NetworkError('https://api.close.com/api/v1/lead/', 'GET', new TypeError('fetch failed'))

/** `defaultRetry` for failure counts 0 to 4. */
const retriesAt = (error: unknown) => [0, 1, 2, 3, 4].map((failureCount) => defaultRetry(failureCount, error))

describe('defaultRetry', () => {
  it('allows at most 3 retries', () => {
    expect(MAX_RETRIES).toBe(3)
  })

  it.each([429, 408, 500, 502, 503, 504])(
    'retries HTTP %i after the first, second and third failure',
    (status) => {
      expect(retriesAt(httpError(status))).toEqual([true, true, true, false, false])
    },
  )

  it('retries network errors up to 3 times', () => {
    expect(retriesAt(networkError())).toEqual([true, true, true, false, false])
  })

  it.each([400, 401, 403, 404, 409, 422])('never retries HTTP %i', (status) => {
    expect(retriesAt(httpError(status))).toEqual([false, false, false, false, false])
  })

  it('never retries malformed pages, cursor loops or other errors', () => {
    const errors = [
      new MalformedResponseError('close.offset', 'has_more', 'a boolean', 'yes'),
      new CursorLoopError('pipedrive.cursor', 'repeated-param', 'abc'),
      new Error('boom'),
      new TypeError('x is not a function'),
      'a string',
      undefined,
    ]
    for (const error of errors) expect(retriesAt(error)).toEqual([false, false, false, false, false])
  })

  it('retries a 429 that asks to wait up to a minute', () => {
    expect(retriesAt(httpError(429, 0))).toEqual([true, true, true, false, false])
    expect(retriesAt(httpError(429, 2_000))).toEqual([true, true, true, false, false])
    expect(retriesAt(httpError(429, MAX_RETRY_AFTER_MS))).toEqual([true, true, true, false, false])
  })

  it('does not retry when the server asks to wait more than a minute', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(60_000)
    expect(retriesAt(httpError(429, 60_001))).toEqual([false, false, false, false, false])
    expect(retriesAt(httpError(503, 3_600_000))).toEqual([false, false, false, false, false])
  })
})

describe('isRetryableError', () => {
  it.each([408, 429, 500, 501, 502, 503, 504, 599])('is true for HTTP %i', (status) => {
    expect(isRetryableError(httpError(status))).toBe(true)
  })

  it.each([400, 401, 402, 403, 404, 405, 409, 410, 413, 422, 499])('is false for HTTP %i', (status) => {
    expect(isRetryableError(httpError(status))).toBe(false)
  })

  it('is true for a 403 that says when to retry (GitHub rate limit), false for a plain 403', () => {
    expect(isRetryableError(httpError(403, 30_000))).toBe(true)
    expect(isRetryableError(httpError(403))).toBe(false)
    expect(defaultRetry(0, httpError(403, 30_000))).toBe(true)
    expect(defaultRetry(0, httpError(403, 3_600_000))).toBe(false) // an hour: show why the list stopped
  })

  it('is true for network errors, false for anything else', () => {
    expect(isRetryableError(networkError())).toBe(true)
    expect(isRetryableError(new MalformedResponseError('close.offset', 'data', 'an array', null))).toBe(false)
    expect(isRetryableError(new CursorLoopError('close.events', 'no-progress', 'c1'))).toBe(false)
    expect(isRetryableError(new Error('HTTP 503'))).toBe(false)
    expect(isRetryableError({})).toBe(false)
    expect(isRetryableError('HTTP 503')).toBe(false)
    expect(isRetryableError(null)).toBe(false)
  })

  it('ignores a long Retry-After: that is for defaultRetry to weigh', () => {
    expect(isRetryableError(httpError(429, 3_600_000))).toBe(true)
  })
})

describe('defaultRetryDelay', () => {
  it('waits as long as the server asked', () => {
    expect(defaultRetryDelay(0, httpError(429, 2_500))).toBe(2_500)
    expect(defaultRetryDelay(2, httpError(503, 45_000))).toBe(45_000)
    expect(defaultRetryDelay(1, httpError(429, 0))).toBe(0)
  })

  it('backs off exponentially from 1 s, capped at 30 s, when the server did not say', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 10].map((failureCount) =>
      defaultRetryDelay(failureCount, httpError(500)),
    )
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
  })

  it('backs off the same way for network errors and errors that are not HttpError', () => {
    expect([0, 1, 2].map((failureCount) => defaultRetryDelay(failureCount, networkError()))).toEqual([
      1000, 2000, 4000,
    ])
    expect(defaultRetryDelay(1, new Error('boom'))).toBe(2000)
    expect(defaultRetryDelay(1, {})).toBe(2000)
  })
})

describe('errors from any fetchPage, read by their shape', () => {
  it('judges an error by its `status`, or its `response.status` (axios, ky)', () => {
    expect(isRetryableError(Object.assign(new Error('Service Unavailable'), { status: 503 }))).toBe(true)
    expect(isRetryableError({ response: { status: 429 } })).toBe(true)
    expect(isRetryableError(Object.assign(new Error('Not Found'), { status: 404 }))).toBe(false)
    expect(isRetryableError({ response: { status: 401 } })).toBe(false)
  })

  it("retries the TypeError a bare fetch rejects with when the network fails, not a programming error's", () => {
    expect(isRetryableError(new TypeError('Failed to fetch'))).toBe(true)
    expect(isRetryableError(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(true)
    expect(isRetryableError(new TypeError('Load failed'))).toBe(true)
    expect(isRetryableError(new TypeError("Cannot read properties of undefined (reading 'data')"))).toBe(
      false,
    )
  })

  it('waits for a `retryAfterMs` on any error, and gives up past a minute', () => {
    const rateLimited = Object.assign(new Error('Too Many Requests'), { status: 429, retryAfterMs: 1500 })
    expect(defaultRetryDelay(0, rateLimited)).toBe(1500)
    expect(defaultRetry(0, rateLimited)).toBe(true)
    expect(defaultRetry(0, { ...rateLimited, status: 429, retryAfterMs: 61_000 })).toBe(false)
  })
})
