import { isJsonObject } from './params'

/*
 * The part of Close's request validation the lead writes need, with its messages and error shapes. Close validates
 * bodies with its open-source library cleancat (github.com/closeio/cleancat): a field of the wrong type fails with
 * "Value must be of str type.", `null` on an optional field means its blank value, a list reports failing items by
 * index (`{"errors": {"0": …}}`) and a nested object reports its own `{"field-errors": {…}, "errors": []}`.
 */

/** A field check's result: the cleaned value, or the error Close reports for the field. */
export type Cleaned<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** Cleans one raw field value. */
export type Check<T> = (raw: unknown) => Cleaned<T>

const ok = <T>(value: T): Cleaned<T> => ({ ok: true, value })
const wrongType = (type: 'str' | 'list' | 'dict'): Cleaned<never> => ({
  ok: false,
  error: `Value must be of ${type} type.`,
})

/** A string; `null` or absent is `''` (cleancat's `String`, not required). */
export const text: Check<string> = (raw) =>
  raw === null || raw === undefined ? ok('') : typeof raw === 'string' ? ok(raw) : wrongType('str')

/** A string whose blank value is `null` (cleancat's `URL`, not required): `null`, absent and `''` are `null`. */
export const optionalText: Check<string | null> = (raw) =>
  raw === null || raw === undefined || raw === ''
    ? ok(null)
    : typeof raw === 'string'
      ? ok(raw)
      : wrongType('str')

/** A list of items that each pass `item`; `null` or absent is `[]`. */
export function listOf<T>(item: Check<T>): Check<T[]> {
  return (raw) => {
    if (raw === null || raw === undefined) return ok([])
    if (!Array.isArray(raw)) return wrongType('list')
    const values: T[] = []
    const errors: Record<string, unknown> = {}
    raw.forEach((entry: unknown, index) => {
      const cleaned = item(entry)
      if (cleaned.ok) values.push(cleaned.value)
      else errors[index] = cleaned.error
    })
    return Object.keys(errors).length > 0 ? { ok: false, error: { errors } } : ok(values)
  }
}

/** A nested object with the given fields (each cleaned, absent ones to their blank value); other keys are dropped. */
export function embedded<T extends object>(fields: { [K in keyof T]: Check<T[K]> }): Check<T> {
  return (raw) => {
    if (!isJsonObject(raw)) return wrongType('dict')
    const value = {} as T
    const fieldErrors: Record<string, unknown> = {}
    for (const name of Object.keys(fields) as (keyof T & string)[]) {
      const cleaned = fields[name](raw[name])
      if (cleaned.ok) value[name] = cleaned.value
      else fieldErrors[name] = cleaned.error
    }
    return Object.keys(fieldErrors).length > 0
      ? { ok: false, error: { 'field-errors': fieldErrors, errors: [] } }
      : ok(value)
  }
}
