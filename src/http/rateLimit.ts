import { isObject } from '../core/isObject'

/** The rate-limit state a response reports. Each field is absent when no header states it. */
export interface RateLimitInfo {
  /** Requests allowed in the current window. */
  limit?: number
  /** Requests left in the current window. */
  remaining?: number
  /** Milliseconds until the window resets. */
  resetMs?: number
}

/** What one `RateLimit` header says. Times are in seconds, as sent; `name` is the structured form's policy. */
interface RateLimitHeader {
  limit?: number | undefined
  remaining?: number | undefined
  reset?: number | undefined
  name?: string | undefined
}

/** A non-negative decimal number (`'8'`, `'1.5'`, `'"8"'`); `undefined` for anything else. */
function decimal(value: string | null | undefined): number | undefined {
  const text = value?.trim().replace(/^"(.*)"$/, '$1')
  const number = Number(text)
  return text && /^\d+(\.\d+)?$/.test(text) && number < Infinity ? number : undefined
}

/** The first value of a list header such as `RateLimit-Limit: 100, 100;w=60`. */
function leading(headers: Headers, name: string): number | undefined {
  return decimal(headers.get(name)?.split(/[,;]/, 1)[0])
}

/** `key=value` pairs of one `;`-separated item, keys and values lower-cased and trimmed. */
function params(item: string): Record<string, string | undefined> {
  return Object.fromEntries(item.split(';').map((pair) => pair.split('=', 2).map((part) => part.trim())))
}

/** A policy's name in the structured form: `"default"` → `default`. */
function policyName(item: string): string | undefined {
  return item
    .split(';', 1)[0]
    ?.trim()
    .replace(/^"(.*)"$/, '$1')
}

/**
 * The `RateLimit` header, in either form: the early drafts Close sends (`limit=160, remaining=0, reset=8`, or with
 * `;`), or the IETF structured form (`"default";r=0;t=8`, several policies separated by `,`), where the most
 * restrictive policy wins (fewest remaining, then latest reset); its quota is in `RateLimit-Policy` (`parseRateLimit`).
 */
function rateLimitHeader(headers: Headers): RateLimitHeader {
  const value = headers.get('ratelimit')?.toLowerCase() ?? ''
  if (/(^|[\s,;])(limit|remaining|reset)\s*=/.test(value)) {
    const found = params(value.replaceAll(',', ';'))
    return { limit: decimal(found.limit), remaining: decimal(found.remaining), reset: decimal(found.reset) }
  }
  let best: RateLimitHeader | undefined
  for (const item of value.split(',')) {
    const found = params(item)
    const remaining = decimal(found.r)
    const reset = decimal(found.t)
    if (remaining === undefined && reset === undefined) continue
    const fewer = remaining ?? Infinity
    const bestFewer = best?.remaining ?? Infinity
    if (!best || fewer < bestFewer || (fewer === bestFewer && (reset ?? -1) > (best.reset ?? -1))) {
      best = { name: policyName(item), remaining, reset }
    }
  }
  return best ?? {}
}

/** Above this, a reset value is a Unix time in seconds rather than a number of seconds from now. */
const EPOCH_THRESHOLD = 1e9

function secondsToMs(seconds: number | undefined, now: number): number | undefined {
  if (seconds === undefined) return undefined
  const ms = seconds > EPOCH_THRESHOLD ? seconds * 1000 - now : seconds * 1000
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : undefined
}

/**
 * How long the server asked the client to wait, in whole milliseconds; `undefined` when it did not say.
 * Reads, in order: `Retry-After`, `RateLimit` (`limit=…, remaining=0, reset=8` or `"default";r=0;t=8`),
 * `RateLimit-Reset`, `x-ratelimit-reset` (seconds, or a Unix time), HubSpot's `X-HubSpot-RateLimit-*` and a legacy
 * body `rate_reset` / `error.rate_reset`. Reset headers count only when they also report no requests remaining,
 * because Close and Pipedrive send them on every answer.
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
    const retryAfter = headers.get('retry-after') ?? ''
    const seconds = decimal(retryAfter)
    if (seconds !== undefined) return Math.round(seconds * 1000)
    // An HTTP-date always names a day or month; this keeps Date.parse's leniency away from '1.2.3'.
    const date = /[a-z]{3}/i.test(retryAfter) ? Date.parse(retryAfter) : NaN
    if (Number.isFinite(date)) return Math.max(0, Math.round(date - now))
    const header = rateLimitHeader(headers)
    for (const prefix of ['', 'ratelimit-', 'x-ratelimit-']) {
      const reset = prefix ? leading(headers, `${prefix}reset`) : header.reset
      const remaining = prefix ? leading(headers, `${prefix}remaining`) : header.remaining
      if (reset !== undefined && (remaining ?? 0) <= 0) return secondsToMs(reset, now)
    }
    // HubSpot states no reset: a used-up burst window frees up within one interval, a used-up second within 1 s.
    // Unlike other reset headers, the remaining count must be stated: HubSpot sends the interval always.
    const interval = leading(headers, 'x-hubspot-ratelimit-interval-milliseconds')
    if (interval !== undefined && leading(headers, 'x-hubspot-ratelimit-remaining') === 0)
      return Math.round(interval)
    if (leading(headers, 'x-hubspot-ratelimit-secondly-remaining') === 0) return 1000
    // Close's legacy `rate_reset` (seconds, often a string), at the top of the body or under `error`.
    const record = isObject(body) ? body : {}
    const reset = record.rate_reset ?? (isObject(record.error) ? record.error.rate_reset : undefined)
    return secondsToMs(decimal(String(reset)), now)
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
  const header = rateLimitHeader(headers)
  const quota = headers
    .get('ratelimit-policy')
    ?.toLowerCase()
    .split(',')
    .find((item) => header.name !== undefined && policyName(item) === header.name)
  const first = (value: number | undefined, names: string[]) =>
    names.reduce((found, name) => found ?? leading(headers, name), value)
  const info = {
    limit: first(header.limit ?? decimal(params(quota ?? '').q), [
      'ratelimit-limit',
      'x-ratelimit-limit',
      'x-hubspot-ratelimit-max',
    ]),
    remaining: first(header.remaining, [
      'ratelimit-remaining',
      'x-ratelimit-remaining',
      'x-hubspot-ratelimit-remaining',
    ]),
    resetMs: secondsToMs(first(header.reset, ['ratelimit-reset', 'x-ratelimit-reset']), now),
  }
  return Object.fromEntries(Object.entries(info).filter(([, value]) => value !== undefined))
}
