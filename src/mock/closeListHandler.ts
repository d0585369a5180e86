import { HttpResponse } from 'msw'
import { closeError } from './closeResponses'
import { parseTimestamp } from './dates'
import { integerParam, listParam, MockBadRequest, pickFields } from './params'
import type { MockCall } from './requestRecord'

/** A filter built from the query string of a Close list request. */
export interface CloseListFilter<T> {
  accept: (record: T) => boolean
  /** Whether the answer carries `total_results` because of this filter (leads with `query`). */
  withTotal: boolean
}

/** How one Close offset list behaves. */
export interface CloseListSpec<T> {
  /** The live records, in default order. */
  records: () => readonly T[]
  /** Largest `_limit` (leads 200, opportunities 250, contacts 100). */
  maxLimit: number
  /** Largest `_skip`. */
  maxSkip: number
  /** Whether every answer carries `total_results` (opportunities). */
  alwaysTotal: boolean
  /** Filters read from the query string; `undefined` when none applies. */
  filter?: (query: Record<string, string>) => CloseListFilter<T> | undefined
}

const badInteger = (positive: boolean) => (name: string, raw: string) =>
  `Invalid value for ${name}: "${raw}" is not a ${positive ? 'positive' : 'non-negative'} integer.`

/**
 * Answers `GET /api/v1/<resource>/?_skip&_limit&_fields` with `{ data, has_more, total_results? }`, or HTTP 400
 * `{"error": "…"}` for a bad, too large `_limit` or too deep `_skip`.
 */
export function closeListAnswer<T extends object>(spec: CloseListSpec<T>): (call: MockCall) => Response {
  return ({ query }) => {
    try {
      const skip = integerParam(query, '_skip', 0, 0, badInteger(false))
      const limit = integerParam(query, '_limit', 100, 1, badInteger(true))
      if (limit > spec.maxLimit) {
        throw new MockBadRequest(
          `The limit you set is larger than the maximum limit for this resource (max_limit = ${spec.maxLimit}).`,
        )
      }
      if (skip > spec.maxSkip) {
        throw new MockBadRequest(
          `The skip you set is larger than the maximum skip for this resource (max_skip = ${spec.maxSkip}).`,
        )
      }
      const filter = spec.filter?.(query)
      const all = spec.records()
      const matching = filter === undefined ? all : all.filter(filter.accept)
      const page = matching.slice(skip, skip + limit)
      const fields = listParam(query, '_fields')
      const body: Record<string, unknown> = {
        data: page.map((record) => pickFields(record, fields)),
        has_more: skip + page.length < matching.length,
      }
      if (spec.alwaysTotal || filter?.withTotal === true) body.total_results = matching.length
      return HttpResponse.json(body)
    } catch (error) {
      if (error instanceof MockBadRequest) return closeError(400, error.message)
      throw error
    }
  }
}

/** Leads: `query` is a case-insensitive substring filter on `display_name` and adds `total_results`. */
export function closeLeadFilter<T extends { display_name: string }>(
  query: Record<string, string>,
): CloseListFilter<T> | undefined {
  const text = query.query
  if (text === undefined) return undefined
  const needle = text.trim().toLowerCase()
  return { accept: (lead) => lead.display_name.toLowerCase().includes(needle), withTotal: true }
}

/** Equality filters on the given fields (`lead_id=lead_…`, `status_type=won`). */
export function closeEqualityFilter<T extends object>(fields: readonly (keyof T & string)[]) {
  return (query: Record<string, string>): CloseListFilter<T> | undefined => {
    const wanted = fields.filter((field) => query[field] !== undefined)
    if (wanted.length === 0) return undefined
    return {
      accept: (record) => wanted.every((field) => String(record[field]) === query[field]),
      withTotal: false,
    }
  }
}

/** Close's range filters on `date_created`: `date_created__gt`, `__gte`, `__lt`, `__lte`, each an ISO 8601 date-time or date. */
const DATE_RANGES = {
  date_created__gt: (time: number, bound: number) => time > bound,
  date_created__gte: (time: number, bound: number) => time >= bound,
  date_created__lt: (time: number, bound: number) => time < bound,
  date_created__lte: (time: number, bound: number) => time <= bound,
} as const

/**
 * Adds Close's `date_created` range filters (`date_created__lt=2026-01-31T08:00:00.000000+00:00`, also `__lte`,
 * `__gt`, `__gte`) to a list's own filters; the ones given must all hold. A value that is not a date answers 400.
 * Times compare to the millisecond (Close's microseconds are dropped). Keyset pagination past `max_skip` uses them.
 */
export function withDateCreatedRange<T extends { date_created: string }>(
  filter?: (query: Record<string, string>) => CloseListFilter<T> | undefined,
) {
  return (query: Record<string, string>): CloseListFilter<T> | undefined => {
    const own = filter?.(query)
    const ranges: Array<(time: number) => boolean> = []
    for (const [name, holds] of Object.entries(DATE_RANGES)) {
      const raw = query[name]
      if (raw === undefined) continue
      const bound = parseTimestamp(raw)
      if (bound === undefined) {
        throw new MockBadRequest(`Invalid value for ${name}: "${raw}" is not an ISO 8601 date or date-time.`)
      }
      ranges.push((time) => holds(time, bound))
    }
    if (ranges.length === 0) return own
    const inRange = (record: T): boolean => {
      const time = parseTimestamp(record.date_created)
      return time !== undefined && ranges.every((holds) => holds(time))
    }
    return {
      accept: (record) => inRange(record) && (own === undefined || own.accept(record)),
      withTotal: own?.withTotal ?? false,
    }
  }
}
