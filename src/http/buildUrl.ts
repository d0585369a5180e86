import { CrossOriginUrlError, InvalidOptionError } from '../core/errors'

// The URLs `createFetcher` requests, and the checks that keep credentials out of them and every request on the API's
// origin. These run in every build: they guard secrets, not the developer's typing.

const SCHEME = /^[a-z][a-z\d+\-.]*:/i
/** `//host` and its backslash variants, which URL parsers treat as another host. */
const NETWORK_PATH = /^[\\/]{2}/
/** Query parameter names that carry secrets, compared without case, `_` or `-` (`api_token`, `apiKey`, …). */
const CREDENTIAL_PARAM = /^(api(token|key)|(access)?token|(client)?secret|password)$/

/** An `InvalidOptionError` from `createFetcher`. */
export function invalid(option: string, expected: string, received: unknown): InvalidOptionError {
  return new InvalidOptionError('createFetcher', option, expected, received)
}

/** `new URL(href, base)`, or `undefined` when it does not parse. */
function parseUrl(href: string, base?: string | URL): URL | undefined {
  try {
    return new URL(href, base)
  } catch {
    return undefined
  }
}

/** A URL fit for an error message: no user name, password, query or fragment. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z\d+\-.]*:)?([\\/]{2})[^\\/?#@]*@/i, '$1$2').replace(/[?#][\s\S]*$/, '')
}

/**
 * Throws `InvalidOptionError` when `params` hold a credential such as `api_token`. `where` names the option
 * (`'baseUrl'`, `'path'`, `'defaults.query'`, `'request.query'`, `'request.url'`); the secret is never in the message.
 */
export function assertNoCredentials(where: string, params: Iterable<string>): void {
  for (const name of params) {
    if (CREDENTIAL_PARAM.test(name.toLowerCase().replace(/[-_]/g, ''))) {
      throw invalid(
        where,
        `free of the "${name}" query parameter: send credentials in a header or through a server-side proxy, ` +
          'never in the URL (it ends up in logs, browser history and query keys)',
        '[redacted]',
      )
    }
  }
}

/**
 * The checks of `baseUrl` that run in every build, once, when the fetcher is created: no user name, password or
 * credential-like query parameter. (Its form is checked in development, by `createFetcher`.)
 */
export function checkBaseUrl(baseUrl: string): string {
  // A root-relative path is checked against a stand-in origin: the browser's is only known at request time.
  const url = new URL(baseUrl, 'http://pagewise.invalid')
  if (url.username || url.password) {
    throw invalid('baseUrl', 'free of a user name and password: send credentials in a header', '[redacted]')
  }
  assertNoCredentials('baseUrl', url.searchParams.keys())
  return baseUrl
}

/** Whether `baseUrl` is an absolute http(s) URL, or a root-relative path (`/api/close`, not `//host`). */
export function isBaseUrl(baseUrl: unknown): boolean {
  return (
    typeof baseUrl === 'string' &&
    (SCHEME.test(baseUrl) || /^\/(?![\\/])/.test(baseUrl)) &&
    /^https?:$/.test(parseUrl(baseUrl, 'http://pagewise.invalid')?.protocol ?? '')
  )
}

/** Validates an endpoint's `path` up front: without credentials in its query. */
export function checkPath(path: string): string {
  assertNoCredentials('path', new URLSearchParams(path.split('?')[1]?.split('#')[0]).keys())
  return path
}

/** The absolute base URL. A root-relative `baseUrl` resolves against `location.origin`: browsers only. */
export function resolveBaseUrl(baseUrl: string): URL {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin
  if (SCHEME.test(baseUrl)) return new URL(baseUrl)
  if (typeof origin === 'string' && origin !== 'null') return new URL(baseUrl, origin)
  throw invalid(
    'baseUrl',
    'an absolute http(s) URL where there is no window.location (Node, server rendering); ' +
      'a root-relative path only works in a browser',
    redactUrl(baseUrl),
  )
}

/** Whether `url` is on `base`'s scheme and origin, without a user name or password. */
function onOrigin(url: URL | undefined, base: URL): url is URL {
  return url?.origin === base.origin && url.protocol === base.protocol && !url.username && !url.password
}

/**
 * `base` joined with `path` with exactly one slash between them, keeping `path`'s trailing slash and query (its
 * parameters replace those of `base`). An absolute `path` is accepted only on the base URL's origin.
 */
export function joinUrl(base: URL, path: string): URL {
  const absolute = SCHEME.test(path) || NETWORK_PATH.test(path)
  const relative = path.replace(/^[\\/]+/, '')
  const url = absolute
    ? parseUrl(path, base)
    : new URL(
        /^([?#]|$)/.test(relative)
          ? `${base.origin}${base.pathname}${relative}`
          : `${base.origin}${base.pathname.replace(/\/+$/, '')}/${relative}`,
      )
  if (!onOrigin(url, base)) {
    throw invalid(
      'path',
      `a path relative to baseUrl, or a URL on its origin ${base.origin}`,
      redactUrl(path),
    )
  }
  if (!absolute) {
    const merged = new URLSearchParams(base.search)
    url.searchParams.forEach((_, key) => merged.delete(key))
    url.searchParams.forEach((value, key) => merged.append(key, value))
    url.search = `${merged}`
  }
  url.hash = ''
  return url
}

/**
 * The URL of a page the API pointed to (a `Link` header's `rel="next"`), resolved against the endpoint's URL.
 * Throws `CrossOriginUrlError` unless it is on the endpoint's scheme and origin, without a user name or password;
 * a credential-like query parameter in it is an `InvalidOptionError`, as anywhere else.
 */
export function pageUrl(endpoint: URL, href: string): URL {
  const url = parseUrl(href, endpoint)
  if (!onOrigin(url, endpoint)) throw new CrossOriginUrlError(redactUrl(href), endpoint.origin)
  assertNoCredentials('request.url', url.searchParams.keys())
  url.hash = ''
  return url
}

/** Sets each parameter (later calls win); `undefined` and `null` values are skipped. */
export function applyQuery(url: URL, where: string, query: Record<string, unknown> | undefined): void {
  if (!query) return
  assertNoCredentials(where, Object.keys(query))
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) url.searchParams.set(key, String(value))
  }
}
