import { isObject as isRecord } from '../core/isObject'
import { isAbortError } from '../core/retryPolicy'
import type { FullResponse, PageRequest } from '../core/types'
import { applyQuery, assertNoCredentials, invalid, requestUrl } from './buildUrl'
import { HttpError, NetworkError } from './HttpError'
import { parseRetryAfterMs } from './rateLimit'

/** Options of `createFetcher`. */
export interface FetcherOptions {
  /** API root such as `'https://api.close.com/api/v1'` (path kept); in a browser, also `'/api/close'`. */
  baseUrl: string
  /** Sent with every request; credentials go here (Basic, `x-api-token`, Bearer). Functions run per call. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>)
  /** The `fetch` to use. Default: `globalThis.fetch`, looked up at each call so MSW and test stubs apply. */
  fetch?: typeof fetch
}

/** The methods a fetcher sends: GET and POST for pages, PUT, PATCH and DELETE for writes. */
export type FetcherMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

const METHODS: readonly unknown[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] satisfies FetcherMethod[]

/** Options of `fetcher.send`: one request that is not a page. */
export interface SendOptions {
  /** @default 'POST' when there is a body, else 'GET' */
  method?: FetcherMethod
  /** Query-string parameters. */
  query?: Record<string, string>
  /** JSON body. */
  body?: Record<string, unknown>
  /** Headers for this request, sent over the fetcher's own. */
  headers?: HeadersInit
  /** Aborts the request (a bulk action's cancel). */
  signal?: AbortSignal
}

/** What `createFetcher` returns: endpoints that load pages, and `send` for any other request. */
export interface Fetcher {
  /** A `fetchPage` for the endpoint at `path`. */
  (
    path: string,
    defaults?: EndpointDefaults,
  ): <TResponse = unknown>(request: PageRequest<unknown>) => Promise<TResponse>
  /**
   * One request that is not a page, such as a write (`PUT`, `PATCH`, `DELETE`) or a single record, with the same
   * headers, origin checks and errors as pages: `HttpError` with the provider's message and `retryAfterMs`, so a
   * bulk action waits out a 429 the way lists do.
   * @example const lead = await close.send<Lead>(`/lead/${id}/`, { method: 'PUT', body: { status_id }, signal })
   */
  send: <TResponse = unknown>(path: string, options?: SendOptions) => Promise<TResponse>
}

/** Per-endpoint settings, the second argument of the function `createFetcher` returns. */
export interface EndpointDefaults {
  /** Query parameters sent with every page (filters, `_fields`, …); the page's own parameters win. */
  query?: Record<string, string>
  /** JSON body fields sent with every page of a POST search; the page's own body fields win. */
  body?: Record<string, unknown>
  /**
   * Request method. `'PUT'`, `'PATCH'` and `'DELETE'` are for writes (a bulk action's one request per record), which
   * get the same headers, errors and `retryAfterMs` as pages do.
   * @default 'POST' when there is a body, else 'GET'
   */
  method?: FetcherMethod
  /** Headers for this endpoint, sent over the fetcher's own. */
  headers?: HeadersInit
}

// ── Development only: clear, early errors for the developer's own options ────────────────────────────────────────
// Production builds drop these. What guards secrets stays in every build: `createFetcher` checks the URL it is about
// to request (origin, credential-like parameters), and a user name or password in `baseUrl` is never sent.

/** `url` without its user name, password, query and fragment, for an error message. */
function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z\d+\-.]*:)?([\\/]{2})[^\\/?#@]*@/i, '$1$2').replace(/[?#][\s\S]*$/, '')
}

/** Whether `baseUrl` is an absolute http(s) URL, or a root-relative path (`/api/close`, not `//host`). */
function isBaseUrl(baseUrl: unknown): baseUrl is string {
  try {
    return (
      typeof baseUrl === 'string' &&
      /^([a-z][a-z\d+\-.]*:|\/(?![\\/]))/i.test(baseUrl) &&
      /^https?:$/.test(new URL(baseUrl, 'http://pagewise.invalid').protocol)
    )
  } catch {
    return false
  }
}

/** The shape of `createFetcher`'s options, and no credentials in `baseUrl`. */
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
  const url = new URL(baseUrl, 'http://pagewise.invalid')
  if (url.username || url.password) {
    throw invalid('baseUrl', 'free of a user name and password: send credentials in a header', '[redacted]')
  }
  assertNoCredentials('baseUrl', url.searchParams.keys())
  if (headers !== undefined && typeof headers !== 'function' && typeof headers !== 'object') {
    throw invalid(
      'headers',
      'a Headers object, a record, a list of pairs, or a function returning one',
      '[redacted]',
    )
  }
  if (fetch !== undefined && typeof fetch !== 'function') throw invalid('fetch', 'a fetch function', fetch)
}

/** The shape of an endpoint's `path` and defaults; with an absolute `baseUrl`, a path on another origin. */
function checkEndpoint(baseUrl: string, path: string, defaults: EndpointDefaults): void {
  const { query, body, method } = defaults
  if (typeof path !== 'string') throw invalid('path', 'a string such as "/lead/"', path)
  if (!isRecord(defaults)) throw invalid('defaults', 'an object', defaults)
  if (query !== undefined && !isRecord(query)) throw invalid('defaults.query', 'an object of strings', query)
  if (body !== undefined && !isRecord(body)) throw invalid('defaults.body', 'an object', body)
  if (method !== undefined && !METHODS.includes(method)) {
    throw invalid('defaults.method', '"GET", "POST", "PUT", "PATCH" or "DELETE"', method)
  }
  if (method === 'GET' && body !== undefined) throw invalid('defaults.method', '"POST" for a body', method)
  assertNoCredentials('path', new URLSearchParams(path.split('?')[1]?.split('#')[0]).keys())
  assertNoCredentials('defaults.query', Object.keys(query ?? {}))
  // A root-relative baseUrl is resolved per request, where `location` is known.
  if (!baseUrl.startsWith('/')) requestUrl(baseUrl, path)
}

/** A root-relative `baseUrl` where there is no `location`, such as in Node or server rendering. */
function checkLocation(baseUrl: string): void {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin
  if (baseUrl.startsWith('/') && (typeof origin !== 'string' || origin === 'null')) {
    throw invalid(
      'baseUrl',
      'an absolute http(s) URL where there is no window.location (Node, server rendering); ' +
        'a root-relative path only works in a browser',
      redactUrl(baseUrl),
    )
  }
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
export function createFetcher(options: FetcherOptions): Fetcher {
  if (process.env.NODE_ENV !== 'production') checkOptions(options)
  const { baseUrl, headers: sharedHeaders, fetch: customFetch } = options

  const endpoint: Fetcher = (path, defaults = {}) => {
    if (process.env.NODE_ENV !== 'production') checkEndpoint(baseUrl, path, defaults)

    return async <TResponse = unknown>(request: PageRequest<unknown>): Promise<TResponse> => {
      if (process.env.NODE_ENV !== 'production') checkLocation(baseUrl)
      const url = requestUrl(baseUrl, path, request.url)
      // A page URL from the API (Link: rel="next") already carries the list's filters: only the page's own
      // parameters are added, as some APIs (Shopify) refuse filters next to a page token.
      if (request.url === undefined) applyQuery(url, defaults.query)
      applyQuery(url, request.query)
      // The URL as sent, whatever put a credential there (the path, the defaults, the page, the API's page URL).
      assertNoCredentials('query', url.searchParams.keys())
      const hasBody = request.body !== undefined || defaults.body !== undefined
      const method = defaults.method ?? (hasBody ? 'POST' : 'GET')
      if (process.env.NODE_ENV !== 'production' && hasBody && method === 'GET') {
        throw invalid('defaults.method', '"POST" for a request with a body', method)
      }
      // Later sources win: the fetcher's headers over the defaults, the endpoint's over both (names lower-cased).
      const headers = new Headers({
        accept: 'application/json',
        ...(hasBody && { 'content-type': 'application/json' }),
        ...Object.fromEntries(
          new Headers(typeof sharedHeaders === 'function' ? await sharedHeaders() : sharedHeaders),
        ),
        ...Object.fromEntries(new Headers(defaults.headers)),
      })
      const { href } = url
      const { signal } = request
      const failure = (error: unknown) =>
        isAbortError(error, signal) ? error : new NetworkError(href, method, error)

      const fetchImpl = customFetch ?? globalThis.fetch
      if (process.env.NODE_ENV !== 'production' && typeof fetchImpl !== 'function') {
        throw invalid('fetch', 'a fetch function (none on globalThis)', fetchImpl)
      }
      let response: Response
      let text = ''
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
      try {
        text = await response.text()
      } catch (error) {
        // A failed status stays an HttpError even when its body cannot be read.
        if (ok || isAbortError(error, signal)) throw failure(error)
      }
      // JSON when it parses, else the text itself (an HTML page from a proxy, say, which the adapter then reports).
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        body = ok && !text.trim() ? null : text
      }
      // Redirects are never followed (see `redirect` above): a 3xx, or a browser's opaque redirect, is an error.
      if (!ok || response.type === 'opaqueredirect') {
        throw new HttpError({
          status,
          statusText: status < 400 ? 'redirect not followed' : response.statusText,
          body,
          url: href,
          method,
          retryAfterMs: parseRetryAfterMs(response.headers, body),
        })
      }
      return (
        request.response === 'full'
          ? ({ body, headers: response.headers, status, url: href } satisfies FullResponse)
          : body
      ) as TResponse
    }
  }
  endpoint.send = (path, { method, query, body, headers, signal } = {}) =>
    endpoint(path, { method, headers, query })({
      pageParam: undefined,
      limit: 0,
      query: {},
      signal: signal ?? new AbortController().signal,
      ...(body !== undefined && { body }),
    })
  return endpoint
}
