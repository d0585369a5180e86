import { PagewiseError } from '../core/errors'
import { isObject } from '../core/isObject'
import type { JsonObject } from '../core/isObject'

/**
 * The server answered with a non-2xx status. The message carries the provider's own explanation, taken from
 * its error body (Close `error` / `errors` / `field-errors`, Pipedrive `error` + `error_info`, a plain-text body),
 * else the status and its reason phrase as received (`'502 Bad Gateway'`, `'502'` over HTTP/2). An HTML page is
 * never quoted: it stays in `body`.
 *
 * @example
 * if (error instanceof HttpError && error.status === 429) console.log(`retry in ${error.retryAfterMs} ms`)
 */
export class HttpError extends PagewiseError {
  override readonly name: string = 'HttpError'
  /** HTTP status code, such as `404`. */
  declare readonly status: number
  /** HTTP reason phrase as received (empty over HTTP/2). */
  declare readonly statusText: string
  /** The response body: parsed JSON when it is JSON, else its text. */
  declare readonly body: unknown
  /** The requested URL. */
  declare readonly url: string
  /** The request method: `'GET'` or `'POST'` for pages, `'PUT'`, `'PATCH'` or `'DELETE'` for writes sent with `send`. */
  declare readonly method: string
  /** How long the server asked to wait before retrying, in milliseconds; `undefined` when it did not say. */
  declare readonly retryAfterMs: number | undefined
  /** The provider's explanation alone, for showing to users: `'Lead not found'`, or the reason phrase. */
  declare readonly detail: string

  constructor(init: {
    status: number
    statusText: string
    body: unknown
    url: string
    method: string
    retryAfterMs?: number | undefined
  }) {
    const detail = providerErrorMessage(init.body, init.status, init.statusText)
    super(`[pagewise] HTTP ${init.status} from ${init.method} ${init.url}: ${detail}`)
    Object.assign(this, { retryAfterMs: undefined, ...init, detail })
  }
}

/**
 * `fetch` failed before a complete response arrived: the server is unreachable, the connection dropped, or
 * the browser blocked the request (CORS, offline). The original error is kept as `cause`. Cancellation is not
 * a `NetworkError`: an aborted request rejects with the `AbortError` itself.
 *
 * @example
 * if (error instanceof NetworkError) console.log(error.url, error.cause)
 */
export class NetworkError extends PagewiseError {
  override readonly name: string = 'NetworkError'
  /** The requested URL. */
  declare readonly url: string
  /** The request method: `'GET'` or `'POST'` for pages, `'PUT'`, `'PATCH'` or `'DELETE'` for writes sent with `send`. */
  declare readonly method: string

  constructor(url: string, method: string, cause: unknown) {
    let reason: string
    try {
      reason = cause instanceof Error ? cause.message : String(cause)
    } catch {
      reason = typeof cause
    }
    super(`[pagewise] ${method} ${url} failed without a complete response (${reason})`, undefined, { cause })
    this.url = url
    this.method = method
  }
}

// ── The provider's message, from an error body ──────────────────────────────────────────────────────────────────

/** A non-blank string, trimmed; `undefined` for anything else. */
function text(value: unknown): string | undefined {
  return (typeof value === 'string' && value.trim()) || undefined
}

/** What one error says: its text, or the `message` / `detail` / `title` of an error object. */
function said(value: unknown): string | undefined {
  return (
    text(value) ??
    (isObject(value) ? [value.message, value.detail, value.title].map(text).find(Boolean) : undefined)
  )
}

/**
 * The messages in Close's `errors` and `field-errors`, flattened to `lead: Object does not exist.`; nested fields get
 * dotted keys (`addresses.0.zipcode`), list entries their list's key.
 */
function messages(value: unknown, prefix: string): string[] {
  const found = said(value)
  if (found) return [prefix ? `${prefix}: ${found}` : found]
  return typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, item]) =>
        messages(item, Array.isArray(value) ? prefix : prefix ? `${prefix}.${key}` : key),
      )
    : []
}

function jsonMessage(body: JsonObject): string | undefined {
  // Pipedrive: { success: false, error: 'Entity was not found', error_info: 'Please check …' }
  const error = text(body.error)
  const info = text(body.error_info)
  if (error) return info && info !== error ? `${error} (${info})` : error
  // Close validation: { errors: [...], 'field-errors': { lead: 'Object does not exist.' } }; then Close legacy and
  // Stripe { error: { message } }, generic APIs { message }, RFC 9457 problem details { title, detail }.
  return (
    messages([Array.isArray(body.errors) && body.errors, body['field-errors']], '').join('; ') ||
    said(body.error) ||
    said(body)
  )
}

/**
 * A readable message from an error response body: Close's `error` / `errors` / `field-errors`, Pipedrive's
 * `error` + `error_info`, common JSON shapes, or a plain-text body; else `'<status> <statusText>'`. Never throws, and
 * never quotes HTML: a body with a tag in it is not read.
 *
 * @example
 * const body = { errors: [], 'field-errors': { lead: 'Object does not exist.' } }
 * providerErrorMessage(body, 400, 'Bad Request')
 * // 'lead: Object does not exist.'
 */
export function providerErrorMessage(body: unknown, status: number, statusText: string): string {
  let message: string | undefined
  try {
    message = isObject(body)
      ? jsonMessage(body)
      : typeof body === 'string' && !body.includes('<')
        ? text(body.replace(/\s+/g, ' '))
        : undefined
  } catch {
    // A hostile or exotic body (a Proxy, a throwing getter) must not hide the HTTP error itself.
  }
  return message
    ? message.length > 500
      ? `${message.slice(0, 499)}…`
      : message
    : `${status} ${statusText}`.trim()
}
