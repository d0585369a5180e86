import { HttpResponse } from 'msw'
import { closeError } from './closeResponses'
import { parseTimestamp } from './dates'
import { integerParam, listParam, MockBadRequest, pickFields } from './params'
import type { MockCall } from './requestRecord'
import { compareValues } from './keyset'
import type { Compare } from './keyset'

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
  /**
   * The fields `_order_by` takes, each with the value it sorts by (`field` ascending, `-field` descending). Without
   * it `_order_by` is ignored, as Close ignores parameters an endpoint does not know.
   */
  orderBy?: CloseOrderFields<T>
}

/** What each `_order_by` field of a list sorts by: usually the record's own field, sometimes a derived value. */
export type CloseOrderFields<T> = Readonly<Record<string, (record: T) => unknown>>

/** `_order_by` fields that are plain fields of the record. */
export function closeOrderFields<T extends object>(
  fields: readonly (keyof T & string)[],
): CloseOrderFields<T> {
  return Object.fromEntries(fields.map((field) => [field, (record: T) => record[field]]))
}

/**
 * Reads `_order_by` (`date_created`, `-date_updated`; several comma-separated, the first deciding first) into a
 * comparator, or `undefined` without one. Ties keep the list's default order (newest first), so pages never overlap.
 * A field the list cannot sort by is a 400 `{"error": …}`: Close's docs list the fields `_order_by` allows but not
 * the answer to another one; a 400 in Close's plain error shape is the plausible answer, and a silently unsorted list
 * would hide the mistake.
 */
function closeOrder<T>(raw: string | undefined, fields: CloseOrderFields<T>): Compare<T> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined
  const keys = raw.split(',').map((part) => {
    const name = part.trim()
    const descending = name.startsWith('-')
    const field = descending ? name.slice(1) : name
    const key = Object.hasOwn(fields, field) ? fields[field] : undefined
    if (key === undefined) {
      throw new MockBadRequest(
        `Invalid _order_by field "${field}". Allowed: ${Object.keys(fields).join(', ')} (prefix with - for descending).`,
        '_order_by',
      )
    }
    return { key, sign: descending ? -1 : 1 }
  })
  return (a, b) => {
    for (const { key, sign } of keys) {
      const order = compareValues(key(a), key(b))
      if (order !== 0) return sign * order
    }
    return 0
  }
}

const badInteger = (positive: boolean) => (name: string, raw: string) =>
  `Invalid value for ${name}: "${raw}" is not a ${positive ? 'positive' : 'non-negative'} integer.`

/**
 * Answers `GET /api/v1/<resource>/?_skip&_limit&_fields&_order_by` with `{ data, has_more, total_results? }`, or
 * HTTP 400 `{"error": "…"}` for a bad, too large `_limit`, too deep `_skip` or unknown `_order_by` field.
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
      const order = spec.orderBy === undefined ? undefined : closeOrder(query._order_by, spec.orderBy)
      const filter = spec.filter?.(query)
      const all = spec.records()
      const filtered: readonly T[] = filter === undefined ? all : all.filter(filter.accept)
      // A stable sort of the whole matching list on every request: pages of one order never overlap or skip, and
      // drift or edits in a test are seen at once. The live list itself is never reordered.
      const matching = order === undefined ? filtered : filtered.slice().sort(order)
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

/** `status:"Potential"` or `status:Qualified` tokens of Close's search language, in a lead `query`. */
const STATUS_TOKEN = /(?:^|\s)status:(?:"([^"]*)"|(\S+))/gi

/**
 * Leads: `query` in a small part of Close's search language: `status:"Bad Fit"` tokens keep leads with that status
 * label (several: any of them), and the rest of the text is a case-insensitive substring of `display_name`; with a
 * `query` the answer carries `total_results`. `status_id` and `status_label` (comma-separated for several) keep
 * leads with one of those statuses. Close's lead list reference documents only `query` for this (deprecated in
 * favour of Advanced Filtering, still served); the plain status params are the mock's convenience for
 * `filter: { status_id }` in the demos, and real Close may ignore them.
 */
export function closeLeadFilter<
  T extends { display_name: string; status_id?: string; status_label?: string },
>(query: Record<string, string>): CloseListFilter<T> | undefined {
  const text = query.query
  const statusIds = listParam(query, 'status_id')
  const statusLabels = listParam(query, 'status_label')
  if (text === undefined && statusIds === undefined && statusLabels === undefined) return undefined
  const tokenLabels: string[] = []
  const needle = (text ?? '')
    .replace(STATUS_TOKEN, (_match, quoted: string | undefined, bare: string | undefined) => {
      tokenLabels.push((quoted ?? bare ?? '').toLowerCase())
      return ' '
    })
    .trim()
    .toLowerCase()
  return {
    accept: (lead) =>
      lead.display_name.toLowerCase().includes(needle) &&
      (tokenLabels.length === 0 || tokenLabels.includes(String(lead.status_label).toLowerCase())) &&
      (statusIds === undefined || statusIds.includes(String(lead.status_id))) &&
      (statusLabels === undefined || statusLabels.includes(String(lead.status_label))),
    withTotal: text !== undefined,
  }
}

/**
 * Equality filters on the given fields (`lead_id=lead_…`, `status_type=won`). A comma-separated value keeps records
 * matching any of its items (`user_id=user_1,user_2`), as Close's opportunity list documents for its filters. A value
 * that matches no record gives an empty list, not a 400: the mock does not know which values Close would refuse.
 */
export function closeEqualityFilter<T extends object>(fields: readonly (keyof T & string)[]) {
  return (query: Record<string, string>): CloseListFilter<T> | undefined => {
    const wanted = fields
      .map((field) => [field, listParam(query, field)] as const)
      .filter((entry): entry is readonly [keyof T & string, string[]] => entry[1] !== undefined)
    if (wanted.length === 0) return undefined
    return {
      accept: (record) => wanted.every(([field, values]) => values.includes(String(record[field]))),
      withTotal: false,
    }
  }
}

/** Close's range suffixes on date fields: `date_created__gt`, `__gte`, `__lt`, `__lte`. */
const RANGES = {
  __gt: (time: number, bound: number) => time > bound,
  __gte: (time: number, bound: number) => time >= bound,
  __lt: (time: number, bound: number) => time < bound,
  __lte: (time: number, bound: number) => time <= bound,
} as const

/**
 * Adds Close's range filters on the given date fields (`date_created__lt=2026-01-31T08:00:00.000000+00:00`, also
 * `__lte`, `__gt`, `__gte`; `date_updated__…`, `date_won__…`) to a list's own filters; the ones given must all hold,
 * and a record without the date (`date_won: null`) fails them. A value that is not an ISO 8601 date or date-time
 * answers 400. Times compare to the millisecond (Close's microseconds are dropped). Keyset pagination past `max_skip`
 * uses the `date_created` ones.
 */
export function withDateRanges<T extends object>(
  fields: readonly (keyof T & string)[],
  filter?: (query: Record<string, string>) => CloseListFilter<T> | undefined,
) {
  return (query: Record<string, string>): CloseListFilter<T> | undefined => {
    const own = filter?.(query)
    const ranges: Array<(record: T) => boolean> = []
    for (const field of fields) {
      for (const [suffix, holds] of Object.entries(RANGES)) {
        const name = field + suffix
        const raw = query[name]
        if (raw === undefined) continue
        const bound = parseTimestamp(raw)
        if (bound === undefined) {
          throw new MockBadRequest(
            `Invalid value for ${name}: "${raw}" is not an ISO 8601 date or date-time.`,
          )
        }
        ranges.push((record) => {
          const value = record[field]
          const time = typeof value === 'string' ? parseTimestamp(value) : undefined
          return time !== undefined && holds(time, bound)
        })
      }
    }
    if (ranges.length === 0) return own
    return {
      accept: (record) =>
        ranges.every((inRange) => inRange(record)) && (own === undefined || own.accept(record)),
      withTotal: own?.withTotal ?? false,
    }
  }
}

/** `withDateRanges` on `date_created` only. */
export function withDateCreatedRange<T extends { date_created: string }>(
  filter?: (query: Record<string, string>) => CloseListFilter<T> | undefined,
) {
  return withDateRanges<T>(['date_created' as keyof T & string], filter)
}
