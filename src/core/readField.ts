import { MalformedResponseError } from './errors'
import { isObject } from './isObject'
import type { JsonObject } from './isObject'

/**
 * Validated reads from an API response. Every reader names the adapter and the dotted field path in the
 * `MalformedResponseError` it throws, so a user sees exactly what the server got wrong.
 */

/** The response as an object; throws for HTML pages, strings, arrays, `null`, … */
export function readResponseObject(adapterId: string, response: unknown): JsonObject {
  if (!isObject(response)) throw new MalformedResponseError(adapterId, '$', 'a JSON object', response)
  return response
}

/**
 * The value at a dotted path such as `'additional_data.pagination.next_start'`. A missing parent reads as
 * `undefined`; a parent that is present but not an object is itself malformed.
 */
export function readField(adapterId: string, response: unknown, path: string): unknown {
  let value: unknown = readResponseObject(adapterId, response)
  let walked = ''
  for (const key of path.split('.')) {
    if (value === undefined || value === null) return undefined
    if (!isObject(value)) throw new MalformedResponseError(adapterId, walked, 'an object', value)
    value = value[key]
    walked = walked ? `${walked}.${key}` : key
  }
  return value
}

/** An array of records. With `nullAsEmpty`, `null` is an empty page (Pipedrive v1 answers `data: null`). */
export function expectArray(
  adapterId: string,
  field: string,
  value: unknown,
  nullAsEmpty?: boolean,
): unknown[] {
  if (Array.isArray(value)) return value
  if (value === null && nullAsEmpty) return []
  throw new MalformedResponseError(adapterId, field, nullAsEmpty ? 'an array or null' : 'an array', value)
}

/** A boolean flag such as `has_more`. */
export function expectBoolean(adapterId: string, field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new MalformedResponseError(adapterId, field, 'a boolean', value)
  return value
}

/** A cursor: a string, or `null` at the end of the list. An empty string also means the end. */
export function expectCursor(adapterId: string, field: string, value: unknown): string | null {
  if (value === null || value === '') return null
  if (typeof value !== 'string') throw new MalformedResponseError(adapterId, field, 'a string or null', value)
  return value
}

/** An offset or count: a non-negative integer. */
export function expectNonNegativeInteger(adapterId: string, field: string, value: unknown): number {
  if (!isNonNegativeInteger(value)) {
    throw new MalformedResponseError(adapterId, field, 'a non-negative integer', value)
  }
  return value
}

/**
 * A count the API may leave out (such as Close's `total_results`): `undefined` when missing or `null`. A string of
 * decimal digits counts too, as APIs that serialize numbers as text send it (Drupal's JSON:API `meta.count: "1"`):
 * see `readCount`.
 */
export function expectOptionalCount(adapterId: string, field: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined
  const count = readCount(value)
  if (count === undefined) {
    throw new MalformedResponseError(
      adapterId,
      field,
      'a non-negative integer (or a string of its digits) or absent',
      value,
    )
  }
  return count
}

/**
 * `value` as a count: a non-negative safe integer, or a string of decimal digits only (`"123"`, read as HTTP reads
 * `Content-Length`'s `1*DIGIT`, so `"007"` is 7). Anything else is `undefined`: `"1.5"`, `"-1"`, `""`, `"1e3"`,
 * `" 12"`, `"0x1A"`, and digits past `Number.MAX_SAFE_INTEGER`.
 */
export function readCount(value: unknown): number | undefined {
  if (isNonNegativeInteger(value)) return value
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined
  const count = Number(value)
  return Number.isSafeInteger(count) ? count : undefined
}

export function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}
