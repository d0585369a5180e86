import { PagewiseError } from '../core/errors'
import { isObject } from '../core/isObject'
import type { JsonObject } from '../core/isObject'

/**
 * The server answered with a non-2xx status. The message carries the provider's own explanation, taken from
 * its error body (Close `error` / `errors` / `field-errors`, Pipedrive `error` + `error_info`, or an HTML
 * page's title).
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
  /** The request method, `'GET'` or `'POST'`. */
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
  /** The request method, `'GET'` or `'POST'`. */
  declare readonly method: string

  constructor(url: string, method: string, cause: unknown) {
    let reason: string
    try {
      reason = cause instanceof Error ? cause.message : String(cause)
    } catch {
      reason = typeof cause
    }
    super(
      `[pagewise] ${method} ${url} failed without a complete response (${reason}): ` +
        'the server could not be reached, the connection dropped, or the browser blocked the request (CORS, offline).',
      undefined,
      { cause },
    )
    this.url = url
    this.method = method
  }
}

// ── The provider's message, from an error body ──────────────────────────────────────────────────────────────────

/** Reason phrases for when `statusText` is empty, as it always is over HTTP/2. */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** A non-blank string, trimmed; `undefined` for anything else. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** The first of `keys` of `record` holding text. */
function firstText(record: JsonObject, keys: string[]): string | undefined {
  return keys.map((key) => text(record[key])).find(Boolean)
}

function truncate(message: string, max: number): string {
  return message.length > max ? `${message.slice(0, max - 1)}…` : message
}

/** Close `field-errors`, flattened to `lead: Object does not exist.`; nested objects get dotted keys. */
function fieldErrors(value: unknown, prefix: string, depth: number): string[] {
  if (depth > 4) return []
  const found = text(value)
  if (found !== undefined) return [prefix ? `${prefix}: ${found}` : found]
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, item]) =>
    fieldErrors(item, Array.isArray(value) ? prefix : prefix ? `${prefix}.${key}` : key, depth + 1),
  )
}

function jsonMessage(body: JsonObject): string | undefined {
  // Pipedrive: { success: false, error: 'Entity was not found', error_info: 'Please check …' }
  const error = text(body.error)
  if (error !== undefined) {
    const info = firstText(body, ['error_info', 'error_description'])
    return info !== undefined && info !== error ? `${error} (${info})` : error
  }
  // Close legacy: { error: { message, rate_reset, … } }
  const nested = isObject(body.error) ? text(body.error.message) : undefined
  if (nested !== undefined) return nested
  // Close validation: { errors: [...], 'field-errors': { lead: 'Object does not exist.' } }; an entry of `errors` is a
  // string, or an object with `message` / `detail` / `title`.
  const parts = [
    ...(Array.isArray(body.errors) ? body.errors : []).map((entry: unknown) =>
      isObject(entry) ? firstText(entry, ['message', 'detail', 'title']) : text(entry),
    ),
    ...fieldErrors(body['field-errors'], '', 0),
  ].filter(Boolean)
  // Generic APIs: { message }, RFC 9457 problem details { title, detail }, OAuth { error_description }.
  return parts.length > 0
    ? parts.join('; ')
    : firstText(body, ['message', 'detail', 'title', 'error_description'])
}

/**
 * Plain text from a non-JSON body such as a proxy's HTML error page: its `<title>`, else its tag-stripped,
 * whitespace-collapsed text, at most ~200 characters. `''` when nothing readable is left.
 */
function htmlToText(body: string): string {
  const clean = (html: string) =>
    html
      .replace(/<[^<>]*>/g, ' ')
      .replace(/&(#x?)?(\w+);/gi, (entity, hash: string | undefined, name: string) => {
        if (!hash) return ENTITIES[name.toLowerCase()] ?? entity
        const code = parseInt(name, hash.length > 1 ? 16 : 10)
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
      })
      .replace(/\s+/g, ' ')
      .trim()
  // Error pages are small; reading only their start keeps every regex here cheap on a huge body.
  const head = body.slice(0, 16_000)
  const title = /<title[^<>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1]
  const readable =
    (title && clean(title)) ||
    clean(head.replace(/<!--[\s\S]*?-->|<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' '))
  return truncate(readable, 200)
}

/**
 * A readable message from an error response body: Close's `error` / `errors` / `field-errors`, Pipedrive's
 * `error` + `error_info`, common JSON shapes, or the title or text of an HTML page. Never throws.
 *
 * @example
 * const body = { errors: [], 'field-errors': { lead: 'Object does not exist.' } }
 * providerErrorMessage(body, 400, 'Bad Request')
 * // 'lead: Object does not exist.'
 */
export function providerErrorMessage(body: unknown, status: number, statusText: string): string {
  const fallback = `${status} ${text(statusText) ?? REASONS[status] ?? ''}`.trim()
  try {
    let json = body
    if (typeof body === 'string' && body.trim().startsWith('{')) {
      try {
        json = JSON.parse(body)
      } catch {
        // Not JSON after all: read as text below.
      }
    }
    if (isObject(json)) return truncate(jsonMessage(json) ?? fallback, 500)
    return (typeof body === 'string' && htmlToText(body)) || fallback
  } catch {
    // A hostile or exotic body (a Proxy, a throwing getter) must not hide the HTTP error itself.
    return fallback
  }
}
