import { CrossOriginUrlError, InvalidOptionError } from '../core/errors'
import { assertNoCredentials, redactUrl } from './credentials'

const SCHEME = /^[a-z][a-z\d+\-.]*:/i
/** `//host` and its backslash variants, which URL parsers treat as another host. */
const NETWORK_PATH = /^[\\/]{2}/
/** Only used to validate a root-relative `baseUrl` before a browser origin is known. */
const PLACEHOLDER_ORIGIN = 'http://pagewise.invalid'
const BASE_URL_EXPECTED =
  'an absolute http(s) URL such as "https://api.close.com/api/v1", ' +
  'or a root-relative path such as "/api/close"'

/** Whether `value` starts with a scheme (`https:`, `javascript:`, …). */
export function isAbsoluteUrl(value: string): boolean {
  return SCHEME.test(value)
}

/** An `InvalidOptionError` from `createFetcher`. */
export function invalid(option: string, expected: string, received: unknown): InvalidOptionError {
  return new InvalidOptionError('createFetcher', option, expected, received)
}

/** Validates `baseUrl` once, when the fetcher is created. Throws `InvalidOptionError`. */
export function checkBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw invalid('baseUrl', BASE_URL_EXPECTED, baseUrl)
  }
  let parsed: URL
  try {
    const rootRelative = baseUrl.startsWith('/') && !NETWORK_PATH.test(baseUrl)
    if (!SCHEME.test(baseUrl) && !rootRelative) throw new TypeError('relative')
    parsed = new URL(baseUrl, PLACEHOLDER_ORIGIN)
  } catch {
    throw invalid('baseUrl', BASE_URL_EXPECTED, redactUrl(baseUrl))
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw invalid('baseUrl', 'free of a user name and password: send credentials in a header', '[redacted]')
  }
  assertNoCredentials('baseUrl', parsed.searchParams.keys())
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalid('baseUrl', BASE_URL_EXPECTED, redactUrl(baseUrl))
  }
  return baseUrl
}

/** Validates an endpoint's `path` up front: a string, without credentials in its query. */
export function checkPath(path: unknown): string {
  if (typeof path !== 'string') throw invalid('path', 'a string such as "/lead/"', path)
  let query: URLSearchParams
  try {
    query = new URL(path, PLACEHOLDER_ORIGIN).searchParams
  } catch {
    query = new URLSearchParams(path.split('?')[1] ?? '')
  }
  assertNoCredentials('path', query.keys())
  return path
}

/** The absolute base URL. A root-relative `baseUrl` resolves against `location.origin`: browsers only. */
export function resolveBaseUrl(baseUrl: string): URL {
  if (SCHEME.test(baseUrl)) return new URL(baseUrl)
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin
  if (typeof origin === 'string' && origin !== 'null') return new URL(baseUrl, origin)
  throw invalid(
    'baseUrl',
    'an absolute http(s) URL where there is no window.location (Node, server rendering); ' +
      'a root-relative path only works in a browser',
    redactUrl(baseUrl),
  )
}

/** Query parameters already in `path` come after those of `baseUrl` and replace them. */
function mergeQuery(base: URL, url: URL): void {
  const merged = new URLSearchParams(base.search)
  for (const key of new Set(url.searchParams.keys())) merged.delete(key)
  for (const [key, value] of url.searchParams) merged.append(key, value)
  url.search = merged.toString()
}

/**
 * `base` joined with `path` with exactly one slash between them, keeping `path`'s trailing slash and query.
 * An absolute `path` is accepted only on the base URL's origin.
 */
export function joinUrl(base: URL, path: string): URL {
  if (SCHEME.test(path) || NETWORK_PATH.test(path)) {
    let target: URL | undefined
    try {
      target = new URL(path, base)
    } catch {
      target = undefined
    }
    if (target === undefined || target.origin === 'null' || target.origin !== base.origin) {
      throw invalid(
        'path',
        `a path relative to baseUrl, or a URL on its origin ${base.origin}`,
        redactUrl(path),
      )
    }
    target.hash = ''
    return target
  }
  const relative = path.replace(/^[\\/]+/, '')
  const prefix = `${base.origin}${base.pathname.replace(/\/+$/, '')}`
  const url =
    relative === '' || relative.startsWith('?') || relative.startsWith('#')
      ? new URL(`${base.origin}${base.pathname}${relative}`)
      : new URL(`${prefix}/${relative}`)
  mergeQuery(base, url)
  url.hash = ''
  if (url.origin !== base.origin) throw invalid('path', 'a path relative to baseUrl', redactUrl(path))
  return url
}

/** Sets each parameter (later calls win); `undefined` and `null` values are skipped. */
/**
 * The URL of a page the API pointed to (a `Link` header's `rel="next"`), resolved against the endpoint's URL.
 * Throws `CrossOriginUrlError` unless it is an http(s) URL on the endpoint's origin, without a user name or password;
 * a credential-like query parameter in it is an `InvalidOptionError`, as anywhere else.
 */
export function pageUrl(endpoint: URL, href: string): URL {
  let url: URL | undefined
  try {
    url = new URL(href, endpoint)
  } catch {
    url = undefined
  }
  if (
    url === undefined ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.origin !== endpoint.origin ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new CrossOriginUrlError(redactUrl(href), endpoint.origin)
  }
  assertNoCredentials('request.url', url.searchParams.keys())
  url.hash = ''
  return url
}

export function applyQuery(url: URL, where: string, query: Record<string, unknown> | undefined): void {
  if (query === undefined || query === null) return
  assertNoCredentials(where, Object.keys(query))
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) url.searchParams.set(key, String(value))
  }
}
