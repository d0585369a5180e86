import { MalformedResponseError } from './errors'
import { isObject } from './isObject'
import type { JsonObject } from './isObject'

/**
 * Validated reads from an API response. Every reader names the adapter and the dotted field path in the
 * `MalformedResponseError` it throws, so a user sees exactly what the server got wrong.
 */

/**
 * `value` when `valid`, else a `MalformedResponseError` naming the adapter and `field` (`'$'`: the response itself):
 * the one place the readers below, and the adapters' own checks, throw.
 */
export function checkField<T>(
  adapterId: string,
  field: string,
  value: T,
  valid: unknown,
  expected: string,
): T {
  if (!valid) throw new MalformedResponseError(adapterId, field, expected, value)
  return value
}

/** The response as an object; throws for HTML pages, strings, arrays, `null`, … */
export function readResponseObject(adapterId: string, response: unknown): JsonObject {
  return checkField(adapterId, '$', response, isObject(response), 'a JSON object') as JsonObject
}

/**
 * The value at a dotted path such as `'additional_data.pagination.next_start'`. A missing parent reads as
 * `undefined`; a parent that is present but not an object is itself malformed. With `strict`, a missing or `null`
 * parent is malformed too, named by its own path (`data.repository` when the repository was not found).
 */
export function readField(adapterId: string, response: unknown, path: string, strict?: boolean): unknown {
  let value: unknown = readResponseObject(adapterId, response)
  let walked = ''
  for (const key of path.split('.')) {
    if (value == null && !strict) return undefined
    value = checkField(adapterId, walked, value as JsonObject, isObject(value), 'an object')[key]
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
  return value === null && nullAsEmpty
    ? []
    : (checkField(
        adapterId,
        field,
        value,
        Array.isArray(value),
        nullAsEmpty ? 'an array or null' : 'an array',
      ) as unknown[])
}

/** A boolean flag such as `has_more`. */
export function expectBoolean(adapterId: string, field: string, value: unknown): boolean {
  return checkField(adapterId, field, value, typeof value === 'boolean', 'a boolean') as boolean
}

/** A cursor: a string, or `null` at the end of the list. An empty string also means the end. */
export function expectCursor(adapterId: string, field: string, value: unknown): string | null {
  return value === null || value === ''
    ? null
    : (checkField(adapterId, field, value, typeof value === 'string', 'a string or null') as string)
}

/** An offset or count: a non-negative integer. */
export function expectNonNegativeInteger(adapterId: string, field: string, value: unknown): number {
  return checkField(adapterId, field, value, isNonNegativeInteger(value), 'a non-negative integer') as number
}

/**
 * A count the API may leave out (such as Close's `total_results`): `undefined` when missing or `null`. A string of
 * decimal digits counts too, as APIs that serialize numbers as text send it (Drupal's JSON:API `meta.count: "1"`):
 * see `readCount`.
 */
export function expectOptionalCount(adapterId: string, field: string, value: unknown): number | undefined {
  const count = readCount(value)
  checkField(
    adapterId,
    field,
    value,
    value == null || count !== undefined,
    'a non-negative integer (or a string of its digits) or absent',
  )
  return count
}

/**
 * `value` as a count: a non-negative safe integer, or a string of decimal digits only (`"123"`, read as HTTP reads
 * `Content-Length`'s `1*DIGIT`, so `"007"` is 7). Anything else is `undefined`: `"1.5"`, `"-1"`, `""`, `"1e3"`,
 * `" 12"`, `"0x1A"`, and digits past `Number.MAX_SAFE_INTEGER`.
 */
export function readCount(value: unknown): number | undefined {
  const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return isNonNegativeInteger(count) ? count : undefined
}

export function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}
