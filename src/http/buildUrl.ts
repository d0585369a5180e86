import { CrossOriginUrlError, InvalidOptionError } from '../core/errors'

// The URLs `createFetcher` requests, and the checks that keep every request on the API's origin and credentials out
// of its URL. These run in every build, on the URL actually requested: they guard secrets, not the developer's typing.

/** A scheme (`https:`, `javascript:`) or a network path (`//host`, and the backslash forms URL parsers accept). */
const ABSOLUTE = /^([a-z][a-z\d+\-.]*:|[\\/]{2})/i
/** Query parameter names that carry secrets, compared without case, `_` or `-` (`api_token`, `apiKey`, …). */
const CREDENTIAL_PARAM = /^(api(token|key)|(access)?token|(client)?secret|password)$/

/** Whether a query parameter's name is one that carries a secret (`api_token`, `apiKey`, `access-token`, …). */
export function isCredentialParam(name: string): boolean {
  return CREDENTIAL_PARAM.test(name.toLowerCase().replace(/[-_]/g, ''))
}

/** An `InvalidOptionError` from `createFetcher`. */
export function invalid(option: string, expected: string, received: unknown): InvalidOptionError {
  return new InvalidOptionError('createFetcher', option, expected, received)
}

/** A URL fit for an error message: no user name, password, query or fragment. */
const shown = (url: URL): string => `${url.protocol}//${url.host}${url.pathname}`

/**
 * Throws `InvalidOptionError` when `params` hold a credential such as `api_token`. `where` names the option
 * (`'baseUrl'`, `'path'`, `'defaults.query'`, `'query'`); the secret is never in the message.
 */
export function assertNoCredentials(where: string, params: Iterable<string>): void {
  for (const name of params) {
    if (isCredentialParam(name)) {
      throw new InvalidOptionError(
        'createFetcher',
        where,
        `free of the "${name}" query parameter: send credentials in a header`,
        '[redacted]',
      )
    }
  }
}

/** Whether `url` is on `base`'s scheme and origin, without a user name or password. */
function onOrigin(url: URL, base: URL): boolean {
  return url.origin === base.origin && url.protocol === base.protocol && !url.username && !url.password
}

/**
 * The URL to request: `baseUrl` (a root-relative one resolved against `location.origin`, browsers only) joined with
 * `path` with exactly one slash between them, keeping `path`'s trailing slash and query (its parameters replace those
 * of `baseUrl`); then `href`, a page URL the API pointed to (a `Link` header's `rel="next"`), resolved against it.
 *
 * An absolute `path` is accepted only on the base URL's origin (else `InvalidOptionError`), and `href` only on that
 * origin and scheme, without a user name or password (else `CrossOriginUrlError`). A user name or password in
 * `baseUrl` is never sent: only its origin and path are used.
 */
export function requestUrl(baseUrl: string, path: string, href?: string): URL {
  const base = new URL(baseUrl, (globalThis as { location?: { origin?: string } }).location?.origin)
  const relative = path.replace(/^[\\/]+/, '')
  const endpoint = ABSOLUTE.test(path)
    ? new URL(path, base)
    : new URL(
        `${base.origin}${/^([?#]|$)/.test(relative) ? base.pathname : `${base.pathname.replace(/\/+$/, '')}/`}${relative}`,
      )
  if (!onOrigin(endpoint, base)) {
    throw new InvalidOptionError(
      'createFetcher',
      'path',
      `a path relative to baseUrl, or a URL on its origin ${base.origin}`,
      shown(endpoint),
    )
  }
  base.searchParams.forEach(
    (value, key) => endpoint.searchParams.has(key) || endpoint.searchParams.append(key, value),
  )
  const url = new URL(href ?? '', endpoint)
  if (!onOrigin(url, base)) throw new CrossOriginUrlError(shown(url), base.origin)
  return url
}

/** Sets each parameter (later calls win); `undefined` and `null` values are skipped. */
export function applyQuery(url: URL, query: Record<string, unknown> | undefined): void {
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value != null) url.searchParams.set(key, String(value))
  }
}
