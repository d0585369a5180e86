import { isObject } from '../core/isObject'
import type { JsonObject } from '../core/isObject'
import { htmlToText } from './htmlToText'

const MAX_JSON_MESSAGE = 500
const MAX_DEPTH = 4

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

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** Close `field-errors`, flattened to `lead: Object does not exist.`; nested objects get dotted keys. */
function fieldErrors(value: unknown, prefix: string, depth: number): string[] {
  if (depth > MAX_DEPTH) return []
  const found = text(value)
  if (found !== undefined) return [prefix ? `${prefix}: ${found}` : found]
  if (Array.isArray(value)) return value.flatMap((item) => fieldErrors(item, prefix, depth + 1))
  if (!isObject(value)) return []
  return Object.entries(value).flatMap(([key, item]) =>
    fieldErrors(item, prefix ? `${prefix}.${key}` : key, depth + 1),
  )
}

/** One entry of an `errors` array: a string, or an object with `message` / `detail` / `title`. */
function listedError(value: unknown): string | undefined {
  if (!isObject(value)) return text(value)
  return text(value.message) ?? text(value.detail) ?? text(value.title)
}

function jsonMessage(body: JsonObject): string | undefined {
  // Pipedrive: { success: false, error: 'Entity was not found', error_info: 'Please check …' }
  const error = text(body.error)
  if (error !== undefined) {
    const info = text(body.error_info) ?? text(body.error_description)
    return info !== undefined && info !== error ? `${error} (${info})` : error
  }
  // Close legacy: { error: { message, rate_reset, … } }
  if (isObject(body.error)) {
    const nested = text(body.error.message)
    if (nested !== undefined) return nested
  }
  // Close validation: { errors: [...], 'field-errors': { lead: 'Object does not exist.' } }
  const listed = Array.isArray(body.errors) ? body.errors.map(listedError) : []
  const parts = [
    ...listed.filter((part): part is string => part !== undefined),
    ...fieldErrors(body['field-errors'], '', 0),
  ]
  if (parts.length > 0) return parts.join('; ')
  // Generic APIs: { message }, RFC 9457 problem details { title, detail }, OAuth { error_description }.
  return text(body.message) ?? text(body.detail) ?? text(body.title) ?? text(body.error_description)
}

function truncate(message: string, max: number): string {
  return message.length > max ? `${message.slice(0, max - 1)}…` : message
}

function parseJsonText(body: string): unknown {
  const trimmed = body.trim()
  if (!trimmed.startsWith('{')) return undefined
  try {
    return JSON.parse(trimmed) as unknown
  } catch {
    return undefined
  }
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
    if (typeof body === 'string') {
      const parsed = parseJsonText(body)
      if (isObject(parsed)) return truncate(jsonMessage(parsed) ?? fallback, MAX_JSON_MESSAGE)
      return htmlToText(body) || fallback
    }
    if (isObject(body)) return truncate(jsonMessage(body) ?? fallback, MAX_JSON_MESSAGE)
    return fallback
  } catch {
    // A hostile or exotic body (a Proxy, a throwing getter) must not hide the HTTP error itself.
    return fallback
  }
}
