/** The rate-limit state a response reports. Each field is absent when no header states it. */
export interface RateLimitInfo {
  /** Requests allowed in the current window. */
  limit?: number
  /** Requests left in the current window. */
  remaining?: number
  /** Milliseconds until the window resets. */
  resetMs?: number
}

/** A non-negative decimal number (`'8'`, `'1.5'`); `undefined` for anything else. */
function decimal(value: unknown): number | undefined {
  const text = String(value).trim()
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined
}

/** The first value of a list header such as `RateLimit-Limit: 100, 100;w=60`. */
function leading(headers: Headers, name: string): number | undefined {
  return decimal(headers.get(name)?.split(/[,;]/, 1)[0])
}

/** The `key=value` pairs of a header, keys lower-cased; a later key wins. */
function params(value: string | null | undefined): Record<string, string | undefined> {
  return Object.fromEntries(
    (value ?? '')
      .toLowerCase()
      .split(/[,;]/)
      .map((pair) => pair.split('=', 2).map((part) => part.trim())),
  )
}

/**
 * The remaining count and reset of the `RateLimit` header (`parseRateLimit` reads its limit): the draft form Close
 * sends (`limit=160, remaining=0, reset=8`, or with `;`), or one policy of the IETF structured form
 * (`"default";r=0;t=8`; with several policies, the last one counts).
 */
function rateLimitHeader(headers: Headers) {
  const found = params(headers.get('ratelimit'))
  return {
    remaining: decimal(found.remaining ?? found.r),
    reset: decimal(found.reset ?? found.t),
  }
}

/** Seconds from now, or a Unix time in seconds above 1e9, as whole milliseconds from `now`, never negative. */
function secondsToMs(seconds: number, now: number): number | undefined {
  const ms = Math.max(0, Math.round(seconds > 1e9 ? seconds * 1000 - now : seconds * 1000))
  return ms < Infinity ? ms : undefined
}

/** An error body that may carry Close's legacy `rate_reset`. */
type LegacyBody = { rate_reset?: unknown; error?: { rate_reset?: unknown } } | null | undefined

/**
 * How long the server asked the client to wait, in whole milliseconds; `undefined` when it did not say.
 * Reads, in order: `Retry-After` (seconds or an HTTP-date), `RateLimit` (`limit=…, remaining=0, reset=8`),
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
    // An HTTP-date always names a day or month; this keeps Date.parse's leniency away from '1.2.3'.
    const date = /[a-z]{3}/i.test(retryAfter) ? Date.parse(retryAfter) : NaN
    if (!Number.isNaN(date)) return Math.max(0, date - now)
    const header = rateLimitHeader(headers)
    // Each source as [reset in seconds, requests remaining]. Reset headers count only when no requests remain, as
    // Close and Pipedrive send them on every answer; HubSpot must state its remaining count, as it sends its interval
    // on every answer and no reset: a used-up window frees up within one interval, a used-up second within 1 s.
    for (const [reset, remaining] of [
      [decimal(retryAfter), 0],
      [header.reset, header.remaining],
      [leading(headers, 'ratelimit-reset'), leading(headers, 'ratelimit-remaining')],
      [leading(headers, 'x-ratelimit-reset'), leading(headers, 'x-ratelimit-remaining')],
      [
        leading(headers, 'x-hubspot-ratelimit-interval-milliseconds')! / 1000,
        leading(headers, 'x-hubspot-ratelimit-remaining') ?? 1,
      ],
      [1, leading(headers, 'x-hubspot-ratelimit-secondly-remaining') ?? 1],
      // Close's legacy `rate_reset` (seconds, often a string), at the top of the body or under `error`.
      // Any body: a string, number or array has no `rate_reset`; a hostile one is caught below.
      [decimal((body as LegacyBody)?.rate_reset ?? (body as LegacyBody)?.error?.rate_reset), 0],
    ]) {
      if (reset! >= 0 && !remaining) return secondsToMs(reset!, now)
    }
  } catch {
    // A hostile body (a Proxy, a throwing getter) is no reason to wait.
  }
  return undefined
}

/**
 * The rate-limit state of any response, from `RateLimit` (with `RateLimit-Policy` for the quota of the structured
 * form), `RateLimit-Limit` / `-Remaining` / `-Reset`, Pipedrive's `x-ratelimit-limit` / `-remaining` / `-reset`,
 * or HubSpot's `X-HubSpot-RateLimit-Max` / `-Remaining` (HubSpot states no reset).
 *
 * @example
 * parseRateLimit(response.headers) // { limit: 160, remaining: 12, resetMs: 8000 }
 */
export function parseRateLimit(headers: Headers, now: number = Date.now()): RateLimitInfo {
  const header = rateLimitHeader(headers)
  // The structured form names its policy (`"default";r=50;t=30`); `RateLimit-Policy` states each one's quota.
  const name = /"([^"]*)"[^"]*$/.exec(headers.get('ratelimit') ?? '')?.[1]
  const quota = headers
    .get('ratelimit-policy')
    ?.split(',')
    .find((policy) => name !== undefined && policy.includes(`"${name}"`))
  const first = (value: number | undefined, names: string[]) =>
    names.reduce((found, name) => found ?? leading(headers, name), value)
  const reset = first(header.reset, ['ratelimit-reset', 'x-ratelimit-reset'])
  const info = {
    limit: first(decimal(params(headers.get('ratelimit')).limit) ?? decimal(params(quota).q), [
      'ratelimit-limit',
      'x-ratelimit-limit',
      'x-hubspot-ratelimit-max',
    ]),
    remaining: first(header.remaining, [
      'ratelimit-remaining',
      'x-ratelimit-remaining',
      'x-hubspot-ratelimit-remaining',
    ]),
    resetMs: reset === undefined ? undefined : secondsToMs(reset, now),
  }
  return Object.fromEntries(Object.entries(info).filter(([, value]) => value !== undefined))
}
