import { parseDecimal, parseRateLimitHeader } from './rateLimitHeader'

/** The rate-limit state a response reports. Each field is absent when no header states it. */
export interface RateLimitInfo {
  /** Requests allowed in the current window. */
  limit?: number
  /** Requests left in the current window. */
  remaining?: number
  /** Milliseconds until the window resets. */
  resetMs?: number
}

/** Above this, a reset value is a Unix time in seconds rather than a number of seconds from now. */
const EPOCH_THRESHOLD = 1e9

function secondsToMs(seconds: number | undefined, now: number): number | undefined {
  if (seconds === undefined) return undefined
  const ms = seconds > EPOCH_THRESHOLD ? seconds * 1000 - now : seconds * 1000
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : undefined
}

/** The first value of a list header such as `RateLimit-Limit: 100, 100;w=60`. */
function leading(headers: Headers, name: string): number | undefined {
  return parseDecimal(headers.get(name)?.split(/[,;]/, 1)[0])
}

/** `Retry-After` as delta seconds (`'8'`, `'1.5'`) or an HTTP-date. */
function retryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined
  const seconds = parseDecimal(value)
  if (seconds !== undefined) return Math.round(seconds * 1000)
  // An HTTP-date always names a day or month; this keeps Date.parse's leniency away from '1.2.3'.
  if (!/[a-z]{3}/i.test(value)) return undefined
  const date = Date.parse(value)
  return Number.isFinite(date) ? Math.max(0, Math.round(date - now)) : undefined
}

/** A reset header's wait only counts when its window is used up (or its remaining count is unknown). */
function exhausted(remaining: number | undefined): boolean {
  return remaining === undefined || remaining <= 0
}

/** Close's legacy `rate_reset` (seconds, often a string), at the top of the body or under `error`. */
function bodyReset(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const record = body as Record<string, unknown>
  const nested = record.error
  const value =
    record.rate_reset ??
    (typeof nested === 'object' && nested !== null
      ? (nested as Record<string, unknown>).rate_reset
      : undefined)
  if (typeof value === 'number') return value >= 0 ? value : undefined
  return typeof value === 'string' ? parseDecimal(value) : undefined
}

/**
 * HubSpot states no reset time: a used-up burst window (`X-HubSpot-RateLimit-Remaining: 0`) frees up within one
 * `X-HubSpot-RateLimit-Interval-Milliseconds`, a used-up second (`X-HubSpot-RateLimit-Secondly-Remaining: 0`)
 * within 1 s. Unlike other reset headers, the remaining count must be stated: HubSpot sends the interval always.
 */
function hubspotWait(headers: Headers): number | undefined {
  const interval = leading(headers, 'x-hubspot-ratelimit-interval-milliseconds')
  if (interval !== undefined && leading(headers, 'x-hubspot-ratelimit-remaining') === 0)
    return Math.round(interval)
  return leading(headers, 'x-hubspot-ratelimit-secondly-remaining') === 0 ? 1000 : undefined
}

/**
 * How long the server asked the client to wait, in whole milliseconds; `undefined` when it did not say.
 * Reads, in order: `Retry-After`, `RateLimit` (`limit=…, remaining=0, reset=8` or `"default";r=0;t=8`),
 * `RateLimit-Reset`, `x-ratelimit-reset` (seconds, or a Unix time), HubSpot's `X-HubSpot-RateLimit-*` and a legacy
 * body `rate_reset` / `error.rate_reset`. Reset headers count only when they also report no requests remaining, because Close and
 * Pipedrive send them on every answer.
 *
 * @example
 * parseRetryAfterMs(new Headers({ 'Retry-After': '8' })) // 8000
 */
export function parseRetryAfterMs(
  headers: Headers,
  body?: unknown,
  now: number = Date.now(),
): number | undefined {
  try {
    const fromRetryAfter = retryAfter(headers.get('retry-after'), now)
    if (fromRetryAfter !== undefined) return fromRetryAfter
    const header = parseRateLimitHeader(headers.get('ratelimit'), headers.get('ratelimit-policy'))
    if (header.resetSeconds !== undefined && exhausted(header.remaining))
      return secondsToMs(header.resetSeconds, now)
    const reset = leading(headers, 'ratelimit-reset')
    if (reset !== undefined && exhausted(leading(headers, 'ratelimit-remaining')))
      return secondsToMs(reset, now)
    const xReset = leading(headers, 'x-ratelimit-reset')
    if (xReset !== undefined && exhausted(leading(headers, 'x-ratelimit-remaining')))
      return secondsToMs(xReset, now)
    return hubspotWait(headers) ?? secondsToMs(bodyReset(body), now)
  } catch {
    return undefined
  }
}

/**
 * The rate-limit state of any response, from `RateLimit` (either form, with `RateLimit-Policy` for the
 * quota), `RateLimit-Limit` / `-Remaining` / `-Reset`, Pipedrive's `x-ratelimit-limit` / `-remaining` / `-reset`,
 * or HubSpot's `X-HubSpot-RateLimit-Max` / `-Remaining` (HubSpot states no reset).
 *
 * @example
 * parseRateLimit(response.headers) // { limit: 160, remaining: 12, resetMs: 8000 }
 */
export function parseRateLimit(headers: Headers, now: number = Date.now()): RateLimitInfo {
  const header = parseRateLimitHeader(headers.get('ratelimit'), headers.get('ratelimit-policy'))
  const limit =
    header.limit ??
    leading(headers, 'ratelimit-limit') ??
    leading(headers, 'x-ratelimit-limit') ??
    leading(headers, 'x-hubspot-ratelimit-max')
  const remaining =
    header.remaining ??
    leading(headers, 'ratelimit-remaining') ??
    leading(headers, 'x-ratelimit-remaining') ??
    leading(headers, 'x-hubspot-ratelimit-remaining')
  const resetMs = secondsToMs(
    header.resetSeconds ?? leading(headers, 'ratelimit-reset') ?? leading(headers, 'x-ratelimit-reset'),
    now,
  )
  const info: RateLimitInfo = {}
  if (limit !== undefined) info.limit = limit
  if (remaining !== undefined) info.remaining = remaining
  if (resetMs !== undefined) info.resetMs = resetMs
  return info
}
