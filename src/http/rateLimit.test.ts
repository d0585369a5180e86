import { describe, expect, it } from 'vitest'
import { parseRateLimit, parseRetryAfterMs } from './rateLimit'

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0)
const NOW_SECONDS = NOW / 1000

function wait(headers: Record<string, string>, body?: unknown): number | undefined {
  return parseRetryAfterMs(new Headers(headers), body, NOW)
}

describe('parseRetryAfterMs', () => {
  it.each([
    ['8', 8000],
    ['0', 0],
    ['1.5', 1500],
    [' 1.1 ', 1100],
  ])('reads Retry-After: %s as delta seconds', (value, expected) => {
    expect(wait({ 'Retry-After': value })).toBe(expected)
  })

  it('reads Retry-After as an HTTP-date, never negative', () => {
    expect(wait({ 'Retry-After': 'Wed, 15 Jan 2025 12:00:30 GMT' })).toBe(30_000)
    expect(wait({ 'Retry-After': 'Wed, 15 Jan 2025 11:59:00 GMT' })).toBe(0)
  })

  it.each([
    ['limit=160, remaining=0, reset=8', 8000],
    ['limit=160; remaining=0; reset=8', 8000],
    ['limit=160,remaining=0,reset=2.5', 2500],
    ['reset=8', 8000],
    ['"default";r=0;t=8', 8000],
    ['"burst";r=3;t=2, "daily";r=0;t=3600', 3_600_000],
    ['"burst";r=0;t=2, "daily";r=0;t=30', 30_000],
  ])('reads RateLimit: %s', (value, expected) => {
    expect(wait({ RateLimit: value })).toBe(expected)
  })

  it('ignores a RateLimit reset while requests remain (Close sends it on every response)', () => {
    expect(wait({ RateLimit: 'limit=160, remaining=42, reset=8' })).toBeUndefined()
    expect(wait({ RateLimit: '"default";r=5;t=8' })).toBeUndefined()
  })

  it('reads RateLimit-Reset in seconds, unless RateLimit-Remaining says requests remain', () => {
    expect(wait({ 'RateLimit-Reset': '12' })).toBe(12_000)
    expect(wait({ 'RateLimit-Reset': '12', 'RateLimit-Remaining': '0' })).toBe(12_000)
    expect(wait({ 'RateLimit-Reset': '12', 'RateLimit-Remaining': '3' })).toBeUndefined()
  })

  it('reads x-ratelimit-reset as seconds, or as epoch seconds above 1e9', () => {
    expect(wait({ 'x-ratelimit-reset': '2', 'x-ratelimit-remaining': '0' })).toBe(2000)
    expect(wait({ 'x-ratelimit-reset': String(NOW_SECONDS + 5) })).toBe(5000)
    expect(wait({ 'x-ratelimit-reset': String(NOW_SECONDS - 60) })).toBe(0)
    expect(wait({ 'x-ratelimit-reset': '2', 'x-ratelimit-remaining': '79' })).toBeUndefined()
  })

  it("waits out HubSpot's used-up window: one interval, or 1 s for the secondly limit", () => {
    const hubspot = { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Max': '100' }
    expect(wait({ ...hubspot, 'X-HubSpot-RateLimit-Remaining': '0' })).toBe(10_000)
    expect(
      wait({ 'X-HubSpot-RateLimit-Secondly': '10', 'X-HubSpot-RateLimit-Secondly-Remaining': '0' }),
    ).toBe(1000)
    // HubSpot sends the interval on every answer: with requests left, or no count at all, it is no wait.
    expect(wait({ ...hubspot, 'X-HubSpot-RateLimit-Remaining': '42' })).toBeUndefined()
    expect(wait(hubspot)).toBeUndefined()
    expect(wait({ ...hubspot, 'X-HubSpot-RateLimit-Remaining': '0', 'Retry-After': '2' })).toBe(2000)
  })

  it('reads a legacy body rate_reset at the top level or under error', () => {
    expect(wait({}, { rate_reset: '4.2' })).toBe(4200)
    expect(wait({}, { rate_reset: 3 })).toBe(3000)
    expect(wait({}, { error: { message: 'API call limit exceeded.', rate_reset: '1.25' } })).toBe(1250)
  })

  it('prefers Retry-After, then RateLimit, then RateLimit-Reset, then x-ratelimit-reset, then the body', () => {
    const all = {
      'Retry-After': '1',
      RateLimit: 'limit=160, remaining=0, reset=2',
      'RateLimit-Reset': '3',
      'x-ratelimit-reset': '4',
    }
    const body = { rate_reset: '5' }
    expect(wait(all, body)).toBe(1000)
    expect(wait({ ...all, 'Retry-After': '' }, body)).toBe(2000)
    expect(wait({ 'RateLimit-Reset': '3', 'x-ratelimit-reset': '4' }, body)).toBe(3000)
    expect(wait({ 'x-ratelimit-reset': '4' }, body)).toBe(4000)
    expect(wait({}, body)).toBe(5000)
  })

  it('skips garbage and falls through to the next source, never returning NaN', () => {
    expect(wait({ 'Retry-After': 'soon', 'RateLimit-Reset': '6' })).toBe(6000)
    expect(wait({ 'Retry-After': '-5' })).toBeUndefined()
    expect(wait({ 'Retry-After': 'NaN' })).toBeUndefined()
    expect(wait({ 'Retry-After': '1.2.3' })).toBeUndefined()
    expect(wait({ RateLimit: 'limit=abc, remaining=0, reset=soon' })).toBeUndefined()
    expect(wait({ RateLimit: 'garbage' })).toBeUndefined()
    expect(wait({ 'x-ratelimit-reset': 'Infinity' })).toBeUndefined()
    expect(wait({}, { rate_reset: 'later' })).toBeUndefined()
    expect(wait({}, { rate_reset: -1 })).toBeUndefined()
    expect(wait({}, '<html>rate_reset</html>')).toBeUndefined()
    expect(wait({})).toBeUndefined()
  })
})

describe('parseRateLimit', () => {
  it('reads Close’s RateLimit header', () => {
    const headers = new Headers({ RateLimit: 'limit=160, remaining=12, reset=8' })
    expect(parseRateLimit(headers, NOW)).toEqual({ limit: 160, remaining: 12, resetMs: 8000 })
  })

  it('reads the structured form, with the quota from RateLimit-Policy', () => {
    const headers = new Headers({
      RateLimit: '"default";r=50;t=30',
      'RateLimit-Policy': '"burst";q=10;w=1, "default";q=100;w=60',
    })
    expect(parseRateLimit(headers, NOW)).toEqual({ limit: 100, remaining: 50, resetMs: 30_000 })
  })

  it('reads RateLimit-Limit / -Remaining / -Reset, taking the first value of a list', () => {
    const headers = new Headers({
      'RateLimit-Limit': '100, 100;w=60',
      'RateLimit-Remaining': '7',
      'RateLimit-Reset': '20',
    })
    expect(parseRateLimit(headers, NOW)).toEqual({ limit: 100, remaining: 7, resetMs: 20_000 })
  })

  it('reads Pipedrive’s x-ratelimit-* headers', () => {
    const headers = new Headers({
      'x-ratelimit-limit': '80',
      'x-ratelimit-remaining': '79',
      'x-ratelimit-reset': '2',
    })
    expect(parseRateLimit(headers, NOW)).toEqual({ limit: 80, remaining: 79, resetMs: 2000 })
  })

  it('reads HubSpot’s X-HubSpot-RateLimit-Max / -Remaining (HubSpot states no reset)', () => {
    const headers = new Headers({
      'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      'X-HubSpot-RateLimit-Max': '100',
      'X-HubSpot-RateLimit-Remaining': '97',
    })
    expect(parseRateLimit(headers, NOW)).toEqual({ limit: 100, remaining: 97 })
  })

  it('omits what no header states, and garbage', () => {
    expect(parseRateLimit(new Headers(), NOW)).toEqual({})
    expect(
      parseRateLimit(new Headers({ 'x-ratelimit-limit': 'many', 'x-ratelimit-remaining': '3' }), NOW),
    ).toEqual({
      remaining: 3,
    })
  })
})
