import { HttpResponse } from 'msw'
import { closeError } from './closeResponses'
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
