import { isObject as isRecord } from '../core/isObject'
import { isAbortError } from '../core/retryPolicy'
import type { FullResponse, PageRequest } from '../core/types'
import {
  applyQuery,
  assertNoCredentials,
  checkBaseUrl,
  checkPath,
  invalid,
  isBaseUrl,
  joinUrl,
  pageUrl,
  redactUrl,
  resolveBaseUrl,
} from './buildUrl'
import { HttpError, NetworkError } from './HttpError'
import { parseRetryAfterMs } from './rateLimit'

/** Replaced by the application's bundler: production builds drop the development-only checks here. */
declare const process: { env: { NODE_ENV?: string } }

/** Options of `createFetcher`. */
export interface FetcherOptions {
  /** API root such as `'https://api.close.com/api/v1'` (path kept); in a browser, also `'/api/close'`. */
  baseUrl: string
  /** Sent with every request; credentials go here (Basic, `x-api-token`, Bearer). Functions run per call. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>)
  /** The `fetch` to use. Default: `globalThis.fetch`, looked up at each call so MSW and test stubs apply. */
  fetch?: typeof fetch
}

/** Per-endpoint settings, the second argument of the function `createFetcher` returns. */
export interface EndpointDefaults {
  /** Query parameters sent with every page (filters, `_fields`, …); the page's own parameters win. */
  query?: Record<string, string>
  /** JSON body fields sent with every page of a POST search; the page's own body fields win. */
  body?: Record<string, unknown>
  /** Request method. Default: `'POST'` when there is a body, else `'GET'`. */
  method?: 'GET' | 'POST'
  /** Headers for this endpoint, sent over the fetcher's own. */
  headers?: HeadersInit
}

/** Development only: the shape of the developer's own options (credentials are checked in every build). */
function checkOptions(options: FetcherOptions): void {
  if (!isRecord(options)) throw invalid('options', 'an object such as { baseUrl: "https://…" }', options)
  const { baseUrl, headers, fetch } = options
  if (!isBaseUrl(baseUrl)) {
    throw invalid(
      'baseUrl',
      'an absolute http(s) URL such as "https://api.close.com/api/v1", or a root-relative path such as "/api/close"',
      typeof baseUrl === 'string' ? redactUrl(baseUrl) : baseUrl,
    )
  }
  if (headers !== undefined && typeof headers !== 'function' && typeof headers !== 'object') {
    throw invalid(
      'headers',
      'a Headers object, a record, a list of pairs, or a function returning one',
      '[redacted]',
    )
  }
  if (fetch !== undefined && typeof fetch !== 'function') throw invalid('fetch', 'a fetch function', fetch)
}

/** Development only, like `checkOptions`. */
function checkDefaults(path: string, defaults: EndpointDefaults): void {
  const { query, body, method } = defaults
  if (typeof path !== 'string') throw invalid('path', 'a string such as "/lead/"', path)
  if (!isRecord(defaults)) throw invalid('defaults', 'an object', defaults)
  if (query !== undefined && !isRecord(query)) throw invalid('defaults.query', 'an object of strings', query)
  if (body !== undefined && !isRecord(body)) throw invalid('defaults.body', 'an object', body)
  if (method !== undefined && method !== 'GET' && method !== 'POST') {
    throw invalid('defaults.method', '"GET" or "POST"', method)
  }
  if (method === 'GET' && body !== undefined) throw invalid('defaults.method', '"POST" for a body', method)
}

/**
 * Makes `fetchPage` functions for one API. `fetcher(path, defaults)` returns a function that loads one page:
 * a GET with the page's query merged into the URL, or a POST with its JSON body; it passes the abort signal
 * on, returns the parsed JSON, and throws `HttpError` (with the provider's message and `retryAfterMs`) or
 * `NetworkError`.
 *
 * For adapters that read headers (`response: 'full'`, such as `linkHeaderAdapter`) it returns
 * `{ body, headers, status }` instead, and it loads the page URL the API pointed to (`request.url`) only when that
 * URL is on `baseUrl`'s origin: any other is refused with `CrossOriginUrlError`, before a request is sent.
 *
 * @example
 * const close = createFetcher({
 *   baseUrl: 'https://api.close.com/api/v1',
 *   headers: { authorization: `Basic ${btoa(`${apiKey}:`)}` },
 * })
 * const fetchLeads = close('/lead/')
 * const search = close('/data/search/', { body: { query: { type: 'object_type', object_type: 'lead' } } })
 */
export function createFetcher(
  options: FetcherOptions,
): (
  path: string,
  defaults?: EndpointDefaults,
) => <TResponse = unknown>(request: PageRequest<unknown>) => Promise<TResponse> {
  if (process.env.NODE_ENV !== 'production') checkOptions(options)
  const baseUrl = checkBaseUrl(options.baseUrl)
  const { headers: sharedHeaders, fetch: customFetch } = options

  return (path, defaults = {}) => {
    if (process.env.NODE_ENV !== 'production') checkDefaults(path, defaults)
    checkPath(path)
    if (defaults.query) assertNoCredentials('defaults.query', Object.keys(defaults.query))
    // With an absolute baseUrl, a path on another origin fails here, before any request.
    const endpointUrl = baseUrl.startsWith('/') ? undefined : joinUrl(new URL(baseUrl), path)

    return async <TResponse = unknown>(request: PageRequest<unknown>): Promise<TResponse> => {
      const endpoint = endpointUrl ?? joinUrl(resolveBaseUrl(baseUrl), path)
      // A page URL from the API (Link: rel="next") already carries the list's filters: only the page's own
      // parameters are added, as some APIs (Shopify) refuse filters next to a page token.
      const url = request.url === undefined ? new URL(endpoint) : pageUrl(endpoint, request.url)
      if (request.url === undefined) applyQuery(url, 'defaults.query', defaults.query)
      applyQuery(url, 'request.query', request.query)
      const hasBody = request.body !== undefined || defaults.body !== undefined
      const method = defaults.method ?? (hasBody ? 'POST' : 'GET')
      if (process.env.NODE_ENV !== 'production' && hasBody && method === 'GET') {
        throw invalid('defaults.method', '"POST" for a request with a body', method)
      }
      const headers = new Headers(typeof sharedHeaders === 'function' ? await sharedHeaders() : sharedHeaders)
      new Headers(defaults.headers).forEach((value, key) => headers.set(key, value))
      if (!headers.has('accept')) headers.set('accept', 'application/json')
      if (hasBody && !headers.has('content-type')) headers.set('content-type', 'application/json')
      const { href } = url
      const { signal } = request
      const failure = (error: unknown) =>
        isAbortError(error, signal) ? error : new NetworkError(href, method, error)

      const fetchImpl = customFetch ?? globalThis.fetch
      if (process.env.NODE_ENV !== 'production' && typeof fetchImpl !== 'function') {
        throw invalid('fetch', 'a fetch function (none on globalThis)', fetchImpl)
      }
      let response: Response
      try {
        response = await fetchImpl(href, {
          method,
          headers,
          signal,
          // Never follow a redirect: it could carry the credential headers to another origin.
          redirect: 'manual',
          body: hasBody ? JSON.stringify({ ...defaults.body, ...request.body }) : undefined,
        })
      } catch (error) {
        throw failure(error)
      }
      const { ok, status } = response
      const redirected = response.type === 'opaqueredirect' || (status >= 300 && status < 400)
      let text = ''
      if (!redirected) {
        try {
          text = await response.text()
        } catch (error) {
          // A failed status stays an HttpError even when its body cannot be read.
          if (ok || isAbortError(error, signal)) throw failure(error)
        }
      }
      // JSON when it parses, else the text itself (an HTML page from a proxy, say, which the adapter then reports).
      let body: unknown = text
      try {
        body = JSON.parse(text)
      } catch {
        if (ok && text.trim() === '') body = null
      }
      if (!ok || redirected) {
        throw new HttpError({
          status,
          statusText: redirected
            ? 'redirect not followed: pagewise never sends your headers to another URL; use the final URL'
            : response.statusText,
          body,
          url: href,
          method,
          retryAfterMs: parseRetryAfterMs(response.headers, body),
        })
      }
      // Redirects are never followed, so the page's URL is the one asked for.
      const full: FullResponse = { body, headers: response.headers, status, url: href }
      return (request.response === 'full' ? full : body) as TResponse
    }
  }
}
