import { isCredentialParam } from '../http/buildUrl'

// What crosses the proxy in each direction. Both directions are allow-lists: a header nobody thought of (a cookie
// under a new name, an upstream session, a debugging header echoing the request) stays behind by default.

/**
 * Request headers passed from the browser to the upstream. Credentials (`authorization`, `cookie`, `x-api-token`),
 * `host`, `origin`, `referer` and the `x-forwarded-*` family are not among them: the upstream sees the proxy's
 * credentials and nothing that identifies the browser.
 */
export const FORWARDED_REQUEST_HEADERS: readonly string[] = [
  'accept',
  'accept-language',
  'content-type',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
]

/**
 * Response headers passed from the upstream to the browser: the body's type, caching validators, and the rate-limit
 * state pagewise's retry policy reads (`Retry-After`; Close's `RateLimit` and `RateLimit-*`; Pipedrive's
 * `X-RateLimit-*`). `set-cookie`, `location`, and `content-encoding` / `content-length` (the body is re-sent
 * decoded) are not among them.
 */
export const FORWARDED_RESPONSE_HEADERS: readonly string[] = [
  'content-type',
  'content-language',
  'cache-control',
  'etag',
  'last-modified',
  'expires',
  'vary',
  'retry-after',
  'ratelimit',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
]

/** Copies the headers named in `names` (lower-case) from `from`, all values of each. */
export function pickHeaders(from: Headers, names: readonly string[]): Headers {
  const picked = new Headers()
  for (const name of names) {
    const value = from.get(name)
    if (value !== null) picked.set(name, value)
  }
  return picked
}

/**
 * The query string to send upstream: the browser's, as it was encoded, less every parameter whose name carries a
 * secret (`api_token`, `apiKey`, `access_token`, …). Pipedrive still accepts `?api_token=`: a browser must not be
 * able to choose the token the upstream sees.
 */
export function forwardedQuery(search: string): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => {
      if (pair === '') return false
      const rawName = pair.split('=', 1)[0] ?? ''
      let name: string
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '))
      } catch {
        return false // An undecodable name could hide a credential's name from the check.
      }
      return !isCredentialParam(name)
    })
  return kept.length === 0 ? '' : `?${kept.join('&')}`
}
