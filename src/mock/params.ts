/** Thrown by handlers for a request the provider would refuse with HTTP 400; the handler formats the body. */
export class MockBadRequest extends Error {
  override readonly name = 'MockBadRequest'

  /** The offending parameter or body field, for providers that report errors per field. */
  readonly field: string | undefined

  constructor(message: string, field?: string) {
    super(message)
    this.field = field
  }
}

/** Whether a parsed JSON body is an object (not an array, a string or `null`). */
export function isJsonObject(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
}

/**
 * An integer query parameter: `fallback` when absent, else digits only (no sign, no decimals) and `>= min`.
 * Throws `MockBadRequest` with `message(name)` otherwise.
 */
export function integerParam(
  query: Record<string, string>,
  name: string,
  fallback: number,
  min: number,
  message: (name: string, raw: string) => string,
): number {
  const raw = query[name]
  if (raw === undefined) return fallback
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(value >= min)) throw new MockBadRequest(message(name, raw))
  return value
}

/**
 * A query parameter that takes one of `values`: `fallback` when absent. Throws `MockBadRequest` with
 * `message(name, values)`, its `field` set to `name`, otherwise.
 */
export function oneOf<V extends string>(
  query: Record<string, string>,
  name: string,
  values: readonly V[],
  fallback: V,
  message: (name: string, values: readonly V[]) => string,
): V {
  const raw = query[name]
  if (raw === undefined) return fallback
  if (!values.includes(raw as V)) throw new MockBadRequest(message(name, values), name)
  return raw as V
}

/** A comma-separated list parameter (`_fields=id,display_name`); empty items are dropped. */
export function listParam(query: Record<string, string>, name: string): string[] | undefined {
  const raw = query[name]
  if (raw === undefined) return undefined
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** An optional integer filter (`deal_id=12`); throws `MockBadRequest` when not an integer. */
export function idFilter(query: Record<string, string>, name: string): number | undefined {
  const raw = query[name]
  if (raw === undefined) return undefined
  if (!/^\d{1,15}$/.test(raw)) throw new MockBadRequest(`${name} must be an integer`)
  return Number(raw)
}

/** A copy of `record` with only `fields` (plus `id`, always kept), in the record's own key order. */
export function pickFields<T extends object>(
  record: T,
  fields: readonly string[] | undefined,
  keep: readonly string[] = ['id'],
): Partial<T> {
  if (fields === undefined) return record
  const wanted = new Set([...keep, ...fields])
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) if (wanted.has(key)) out[key] = value
  return out as Partial<T>
}
