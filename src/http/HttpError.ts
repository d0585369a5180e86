import { PagewiseError } from '../core/errors'
import { providerErrorMessage } from './errorMessage'

/**
 * The server answered with a non-2xx status. The message carries the provider's own explanation, taken from
 * its error body (Close `error` / `errors` / `field-errors`, Pipedrive `error` + `error_info`, or an HTML
 * page's title).
 *
 * @example
 * if (error instanceof HttpError && error.status === 429) console.log(`retry in ${error.retryAfterMs} ms`)
 */
export class HttpError extends PagewiseError {
  /** HTTP status code, such as `404`. */
  readonly status: number
  /** HTTP reason phrase as received (empty over HTTP/2). */
  readonly statusText: string
  /** The response body: parsed JSON when it is JSON, else its text. */
  readonly body: unknown
  /** The requested URL. */
  readonly url: string
  /** The request method, `'GET'` or `'POST'`. */
  readonly method: string
  /** How long the server asked to wait before retrying, in milliseconds; `undefined` when it did not say. */
  readonly retryAfterMs: number | undefined
  /** The provider's explanation alone, for showing to users: `'Lead not found'`, or the reason phrase. */
  readonly detail: string

  constructor(init: {
    status: number
    statusText: string
    body: unknown
    url: string
    method: string
    retryAfterMs?: number | undefined
  }) {
    const detail = providerErrorMessage(init.body, init.status, init.statusText)
    super(`[pagewise] HTTP ${init.status} from ${init.method} ${init.url}: ${detail}`, undefined)
    this.status = init.status
    this.statusText = init.statusText
    this.body = init.body
    this.url = init.url
    this.method = init.method
    this.retryAfterMs = init.retryAfterMs
    this.detail = detail
  }
}

function describeCause(cause: unknown): string {
  try {
    return String(cause)
  } catch {
    return typeof cause
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
  /** The requested URL. */
  readonly url: string
  /** The request method, `'GET'` or `'POST'`. */
  readonly method: string

  constructor(url: string, method: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : describeCause(cause)
    super(
      `[pagewise] ${method} ${url} failed without a complete response (${reason}): ` +
        'the server could not be reached, ' +
        'the connection dropped, or the browser blocked the request (CORS, offline).',
      undefined,
      { cause },
    )
    this.url = url
    this.method = method
  }
}
