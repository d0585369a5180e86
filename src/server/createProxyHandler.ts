import { InvalidOptionError } from '../core/errors'
import {
  FORWARDED_REQUEST_HEADERS,
  FORWARDED_RESPONSE_HEADERS,
  forwardedQuery,
  pickHeaders,
} from './proxyHeaders'
import { isKnownMethod, matchingRoutes, pathProblem, resolveRoutes } from './proxyRoutes'
import type { ProxyAllowEntry } from './proxyRoutes'
import { createRequestBudget } from './requestBudget'
import type { ProxyBudget, RequestBudget } from './requestBudget'

/** A fetch-standard request handler: what Next.js route handlers, Hono, Cloudflare Workers and Bun all take. */
export type ProxyHandler = (request: Request) => Promise<Response>

/**
 * The headers the proxy adds to every upstream request: the credentials. A function runs per request and may read
 * the incoming request (a session cookie, for a per-user OAuth token); it may also return a `Response`, such as a
 * 401 for a visitor who is not signed in, which is sent as it is and nothing goes upstream.
 */
export type ProxyCredentials =
  HeadersInit | ((request: Request) => HeadersInit | Response | Promise<HeadersInit | Response>)

/**
 * One line of the proxy's log. It never holds a credential, a header value or a query string: the path alone, with
 * the status sent to the browser and, for refusals and failures, why.
 */
export interface ProxyLogEntry {
  /** The request method as received. */
  method: string
  /** The request path as received (URL-encoded), without the query string. */
  path: string
  /** The status sent to the browser. */
  status: number
  /** Why the proxy refused or failed the request; absent when it passed the upstream's answer on. */
  reason?: string
  /** Milliseconds from the request to the response headers. */
  durationMs: number
}

/** Options of `createProxyHandler`. */
export interface ProxyHandlerOptions {
  /** The API root the proxy forwards to, such as `'https://api.close.com/api/v1'`; its path is kept. */
  upstream: string
  /**
   * Paths under `upstream` the browser may reach, each with its methods: `'/lead/'` (GET), `'POST /data/search/'`,
   * or `{ path: '/lead/', methods: ['GET', 'PUT'] }`. Every other path answers 404, every other method 405.
   */
  allow: readonly ProxyAllowEntry[]
  /**
   * Where the handler is mounted, removed from the request path before it is matched and forwarded:
   * `'/api/close'` for a Next.js route at `app/api/close/[...path]/route.ts`. Requests outside it answer 404.
   * @default '' (the whole request path is forwarded)
   */
  basePath?: string
  /**
   * The credentials, added on the server: Close `{ authorization: 'Basic …' }`, Pipedrive `{ 'x-api-token': … }`,
   * `{ authorization: 'Bearer …' }`, or a function of the incoming request. Whatever credentials the browser sent
   * (`authorization`, `cookie`, `x-api-token`, `api_token` in the query) are dropped first.
   */
  headers?: ProxyCredentials
  /**
   * The largest request body accepted, in bytes; a larger one answers 413 before anything goes upstream, whether or
   * not it declared its length.
   * @default 65536
   */
  maxBodyBytes?: number
  /** How long the upstream may take to send its response headers, in milliseconds; then 504. @default 30000 */
  timeoutMs?: number
  /** A per-client request budget; over it, 429 with `Retry-After`, and nothing goes upstream. @default none */
  budget?: ProxyBudget
  /** More request headers to pass upstream (lower-case), besides `accept`, `content-type` and the conditionals. */
  forwardRequestHeaders?: readonly string[]
  /** More response headers to pass back (lower-case), besides the body's type, caching and rate-limit headers. */
  forwardResponseHeaders?: readonly string[]
  /** The `fetch` that reaches the upstream. @default globalThis.fetch, looked up per request */
  fetch?: typeof fetch
  /** Called once per request with what happened; never with a credential. @default no logging */
  log?: (entry: ProxyLogEntry) => void
}

/** Methods whose requests carry a body. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Statuses whose responses have no body: `new Response` refuses one. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])
/**
 * Sent with every answer. The body comes from another server but is served from the app's origin: should an
 * upstream ever answer with HTML quoting a record, it must not run as a page of the app.
 */
const SAFETY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
}

const invalid = (option: string, expected: string, received: unknown): InvalidOptionError =>
  new InvalidOptionError('createProxyHandler', option, expected, received)

/** A refusal or failure the browser reads: pagewise's `HttpError` shows `error` as its message. */
class ProxyAnswer {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly headers: Record<string, string> = {},
  ) {}

  toResponse(): Response {
    return new Response(JSON.stringify({ error: this.error }), {
      status: this.status,
      headers: {
        ...SAFETY_HEADERS,
        ...this.headers,
        'content-type': 'application/json',
        'cache-control': 'no-store',
      },
    })
  }
}

/** A response the `headers` function chose to send instead of forwarding (a 401, say): passed on unchanged. */
class OwnResponse {
  constructor(readonly response: Response) {}
}

/** The upstream root without a trailing slash, checked: http(s), no user name, password, query or fragment. */
function upstreamRoot(upstream: unknown): URL {
  let url: URL | undefined
  try {
    url = typeof upstream === 'string' ? new URL(upstream) : undefined
  } catch {
    url = undefined
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    // A user name or password here would be a credential: never echoed.
    const shown = url?.username || url?.password ? '[redacted]' : upstream
    throw invalid('upstream', 'an http(s) URL without credentials, query or fragment', shown)
  }
  url.pathname = url.pathname.replace(/\/+$/, '')
  return url
}

function checkBasePath(basePath: unknown): string {
  if (
    basePath === '' ||
    (typeof basePath === 'string' && /^\/[^?#]*[^/]$/.test(basePath) && !pathProblem(basePath))
  ) {
    return basePath
  }
  throw invalid('basePath', 'a path such as "/api/close" (no trailing slash), or ""', basePath)
}

function positive(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0) throw invalid(option, 'a number > 0', value)
  return value
}

/**
 * Headers from the configured credentials. `new Headers` quotes an invalid value in its error message (a key with a
 * stray newline from an environment file, say), so that error never leaves here.
 */
function credentialHeaders(init: HeadersInit): Headers | ProxyAnswer {
  try {
    return new Headers(init)
  } catch {
    return new ProxyAnswer(500, 'The proxy’s configured credentials are not valid header values.')
  }
}

/**
 * Reads a request body, refusing it as soon as it passes `max` bytes: a declared `content-length` is refused before
 * reading, and a streamed body without one is counted as it arrives.
 */
async function readBody(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | ProxyAnswer> {
  const tooLarge = new ProxyAnswer(413, `The request body is larger than ${max} bytes.`)
  const declared = request.headers.get('content-length')
  if (declared !== null && !(Number(declared) <= max)) return tooLarge
  if (request.body === null) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      void reader.cancel().catch(() => {})
      return tooLarge
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/**
 * Makes a handler that forwards the browser's requests to one API and adds the credentials on the server, so the
 * key never reaches the browser. It answers with the upstream's status, body (streamed) and rate-limit headers;
 * refuses what is not allow-listed (404), unknown methods (405), path tricks (400: `..` and encoded dots, slashes
 * or backslashes, `//`), bodies that are not JSON (415) or too large (413); never follows a redirect; passes the
 * browser's abort on; and answers an unreachable upstream with 502, a slow one with 504, each with a JSON
 * `{ error }` body that pagewise's `HttpError` shows as its message.
 *
 * The handler takes a `Request` and returns a `Response`:
 * - Next.js App Router: `export const GET = handler` (and `POST`) in `app/api/close/[...path]/route.ts`.
 * - Hono: `app.all('/api/close/*', (c) => handler(c.req.raw))`.
 * - Cloudflare Workers, Deno, Bun: `fetch: (request) => handler(request)`.
 * - Node's `http`: `createServer(createNodeListener(handler))`.
 *
 * Anyone who can reach the route uses the credentials it adds: mount it behind your app's sign-in (or return a 401
 * `Response` from a `headers` function), and allow only the paths the pages need.
 *
 * @example
 * export const GET = createProxyHandler({
 *   upstream: 'https://api.close.com/api/v1',
 *   basePath: '/api/close',
 *   allow: ['/lead/', '/event/', 'POST /data/search/'],
 *   headers: () => ({ authorization: `Basic ${btoa(`${process.env.CLOSE_API_KEY}:`)}` }),
 * })
 * export const POST = GET
 */
export function createProxyHandler(options: ProxyHandlerOptions): ProxyHandler {
  if (typeof options !== 'object' || options === null) {
    throw invalid('options', 'an object such as { upstream, allow, headers }', options)
  }
  const root = upstreamRoot(options.upstream)
  const basePath = checkBasePath(options.basePath ?? '')
  const routes = resolveRoutes(options.allow)
  const maxBodyBytes = positive('maxBodyBytes', options.maxBodyBytes, 65_536)
  const timeoutMs = positive('timeoutMs', options.timeoutMs, 30_000)
  const { headers: credentials, budget, log } = options
  if (credentials !== undefined && typeof credentials !== 'function' && typeof credentials !== 'object') {
    throw invalid('headers', 'headers, or a function of the request returning them', '[redacted]')
  }
  // Static credentials are checked now, so a broken key fails at start-up rather than on every request.
  const staticCredentials =
    credentials === undefined || typeof credentials === 'function'
      ? undefined
      : credentialHeaders(credentials)
  if (staticCredentials instanceof ProxyAnswer) {
    throw invalid('headers', 'valid header values (is there a newline in the key?)', '[redacted]')
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw invalid('fetch', 'a function', options.fetch)
  }
  if (log !== undefined && typeof log !== 'function') throw invalid('log', 'a function', log)
  const counter: RequestBudget | undefined = budget && createRequestBudget(budget)
  if (budget && typeof budget.clientKey !== 'function') {
    throw invalid('budget.clientKey', 'a function of the request', budget.clientKey)
  }
  const requestHeaderNames = [...FORWARDED_REQUEST_HEADERS, ...(options.forwardRequestHeaders ?? [])]
  const responseHeaderNames = [...FORWARDED_RESPONSE_HEADERS, ...(options.forwardResponseHeaders ?? [])]
  const allMethods = [...new Set(routes.flatMap((route) => [...route.methods]))].join(', ')

  /** Everything up to the upstream's response headers; a `ProxyAnswer` when the proxy answers itself. */
  async function forward(request: Request, path: string): Promise<Response | ProxyAnswer | OwnResponse> {
    const method = request.method.toUpperCase()
    if (!isKnownMethod(method)) {
      return new ProxyAnswer(405, `The method ${method} is not allowed.`, { allow: allMethods })
    }
    if (path !== basePath && !path.startsWith(`${basePath}/`)) {
      return new ProxyAnswer(404, 'This path is not served by the proxy.')
    }
    const subpath = path.slice(basePath.length) || '/'
    const problem = pathProblem(subpath)
    if (problem) return new ProxyAnswer(400, `The request path has ${problem}.`)
    const matched = matchingRoutes(routes, subpath)
    if (matched.length === 0) return new ProxyAnswer(404, 'This path is not allowed through the proxy.')
    if (!matched.some((route) => route.methods.has(method))) {
      const allow = [...new Set(matched.flatMap((route) => [...route.methods]))].join(', ')
      return new ProxyAnswer(405, `The method ${method} is not allowed on this path.`, { allow })
    }

    if (budget && counter) {
      const client = await budget.clientKey(request)
      const decision = client === undefined ? undefined : counter.take(client)
      if (decision && !decision.allowed) {
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
        return new ProxyAnswer(429, `Too many requests through the proxy: retry in ${seconds} s.`, {
          'retry-after': String(seconds),
        })
      }
    }

    let body: Uint8Array<ArrayBuffer> | undefined
    if (BODY_METHODS.has(method)) {
      // JSON only: a cross-site form can send text/plain without a preflight, never application/json.
      const type = request.headers.get('content-type') ?? ''
      const hasBody = request.body !== null || Number(request.headers.get('content-length') ?? 0) > 0
      if (hasBody && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
        return new ProxyAnswer(415, 'The request body must be JSON (content-type: application/json).')
      }
      const read = await readBody(request, maxBodyBytes)
      if (read instanceof ProxyAnswer) return read
      body = read
    }

    const headers = pickHeaders(request.headers, requestHeaderNames)
    let added: Headers | ProxyAnswer | undefined = staticCredentials
    if (typeof credentials === 'function') {
      const result = await credentials(request)
      if (result instanceof Response) return new OwnResponse(result)
      added = credentialHeaders(result)
    }
    if (added instanceof ProxyAnswer) return added
    added?.forEach((value, name) => headers.set(name, value))

    // Joined as text, never resolved: `new URL('//other.host/', root)` would change hosts.
    const target = new URL(
      `${root.origin}${root.pathname}${subpath}${forwardedQuery(new URL(request.url).search)}`,
    )
    if (target.origin !== root.origin || !target.pathname.startsWith(`${root.pathname}/`)) {
      return new ProxyAnswer(400, 'The request path leaves the upstream API.')
    }

    // The timeout covers the wait for the response headers only; a long body may keep streaming.
    const timeout = new AbortController()
    const timer = setTimeout(() => timeout.abort(), timeoutMs)
    const fetchUpstream = options.fetch ?? globalThis.fetch
    try {
      return await fetchUpstream(target, {
        method,
        headers,
        body: body && body.byteLength > 0 ? body : undefined,
        // A redirect is answered with 502 below, never followed: it could carry the credentials elsewhere.
        redirect: 'manual',
        signal: AbortSignal.any([request.signal, timeout.signal]),
      })
    } catch {
      // The error itself is not quoted: a network error's text may name internal hosts.
      if (request.signal.aborted) return new ProxyAnswer(499, 'The client closed the request.')
      if (timeout.signal.aborted) {
        return new ProxyAnswer(504, `The upstream API did not answer within ${timeoutMs} ms.`)
      }
      return new ProxyAnswer(502, 'The upstream API could not be reached.')
    } finally {
      clearTimeout(timer)
    }
  }

  return async function proxyHandler(request: Request): Promise<Response> {
    const started = Date.now()
    let path = ''
    let outcome: Response | ProxyAnswer | OwnResponse
    try {
      path = new URL(request.url).pathname
      outcome = await forward(request, path)
    } catch (error) {
      // A throwing `headers` or `clientKey` function: its message may hold anything, so only its type is logged.
      const name = error instanceof Error ? error.name : typeof error
      outcome = new ProxyAnswer(500, `The proxy failed (${name}).`)
    }
    let response: Response
    let reason: string | undefined
    if (outcome instanceof ProxyAnswer) {
      response = outcome.toResponse()
      reason = outcome.error
    } else if (outcome instanceof OwnResponse) {
      response = outcome.response
      reason = 'answered by the headers function'
    } else if (outcome.status >= 300 && outcome.status < 400 && outcome.status !== 304) {
      void outcome.body?.cancel().catch(() => {})
      const answer = new ProxyAnswer(
        502,
        `The upstream API redirected (${outcome.status}); the proxy does not follow redirects.`,
      )
      response = answer.toResponse()
      reason = answer.error
    } else {
      const headers = pickHeaders(outcome.headers, responseHeaderNames)
      for (const [name, value] of Object.entries(SAFETY_HEADERS)) headers.set(name, value)
      const body = NULL_BODY_STATUSES.has(outcome.status) ? null : outcome.body
      if (body === null) void outcome.body?.cancel().catch(() => {})
      response = new Response(body, { status: outcome.status, statusText: outcome.statusText, headers })
    }
    log?.({
      method: request.method,
      path,
      status: response.status,
      ...(reason !== undefined && { reason }),
      durationMs: Date.now() - started,
    })
    return response
  }
}
