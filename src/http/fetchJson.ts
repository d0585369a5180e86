import type { FullResponse } from '../core/types'
import { HttpError, NetworkError } from './HttpError'
import { isAbortError } from './isAbortError'
import { parseBody } from './parseBody'
import { parseRetryAfterMs } from './rateLimit'

/** A request ready to send: absolute URL, method, headers, optional JSON text and the abort signal. */
export interface PreparedRequest {
  url: string
  method: 'GET' | 'POST'
  headers: Headers
  body?: string
  signal: AbortSignal | undefined
}

function rethrow(error: unknown, request: PreparedRequest): never {
  if (isAbortError(error, request.signal)) throw error
  throw new NetworkError(request.url, request.method, error)
}

/**
 * Sends `request` and returns a 2xx answer's parsed body (JSON, `null` when empty, else the text) with its headers
 * and status. Throws
 * `HttpError` for any other status, `NetworkError` when no response arrives, and cancellations unchanged.
 */
export async function fetchJson(fetchImpl: typeof fetch, request: PreparedRequest): Promise<FullResponse> {
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    signal: request.signal ?? null,
    // Never follow a redirect: it could carry the credential headers to another origin.
    redirect: 'manual',
  }
  if (request.body !== undefined) init.body = request.body
  let response: Response
  try {
    response = await fetchImpl(request.url, init)
  } catch (error) {
    rethrow(error, request)
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new HttpError({
      status: response.status,
      statusText:
        'redirect not followed: pagewise never sends your headers to another URL; use the final URL',
      body: '',
      url: request.url,
      method: request.method,
    })
  }
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    // A failed status stays an HttpError even when its body cannot be read.
    if (response.ok || isAbortError(error, request.signal)) rethrow(error, request)
    text = ''
  }
  if (!response.ok) {
    const body = parseBody(text)
    throw new HttpError({
      status: response.status,
      statusText: response.statusText,
      body,
      url: request.url,
      method: request.method,
      retryAfterMs: parseRetryAfterMs(response.headers, body),
    })
  }
  const body = text.trim() === '' ? null : parseBody(text)
  // Redirects are never followed, so the page's URL is the one asked for.
  return { body, headers: response.headers, status: response.status, url: request.url }
}
