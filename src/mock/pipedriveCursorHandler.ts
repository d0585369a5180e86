import { HttpResponse } from 'msw'
import { parseTimestamp } from './dates'
import { compareValues, selectPage } from './keyset'
import type { Compare } from './keyset'
import { integerParam, MockBadRequest, oneOf } from './params'
import { decodePipedriveCursor, encodePipedriveCursor } from './pipedriveCursor'
import type { PipedriveCursorPosition } from './pipedriveCursor'
import { pipedriveError } from './pipedriveResponses'
import type { MockCall } from './requestRecord'

type Row = { id: number; update_time: string; add_time: string }
type SortField = PipedriveCursorPosition['field']

/** How one v2 cursor list behaves. */
export interface PipedriveCursorSpec<T extends Row> {
  /** The live records (any order; answers are sorted). */
  records: () => readonly T[]
  /** Largest `limit`. @default 500 */
  maxLimit: number
  /** Integer query parameters that filter by equality (`owner_id`, `org_id`, …). */
  idFilters: readonly (keyof T & string)[]
  /** String query parameters that filter by equality (`status` of deals). */
  textFilters?: readonly (keyof T & string)[]
}

const mustBeOneOf = (name: string, values: readonly string[]) =>
  `Validation failed: ${name}: must be one of ${values.join(', ')}`

function timeParam(query: Record<string, string>, name: string): number | undefined {
  const raw = query[name]
  if (raw === undefined) return undefined
  const ms = parseTimestamp(raw)
  if (ms === undefined) throw new MockBadRequest(`Validation failed: ${name}: must be an RFC 3339 date-time`)
  return ms
}

function idsParam(query: Record<string, string>): Set<number> | undefined {
  const raw = query.ids
  if (raw === undefined) return undefined
  const parts = raw.split(',').map((part) => part.trim())
  if (!parts.every((part) => /^\d{1,15}$/.test(part))) {
    throw new MockBadRequest('Validation failed: ids: must be a comma-separated list of integers')
  }
  return new Set(parts.map(Number))
}

function buildFilter<T extends Row>(
  spec: PipedriveCursorSpec<T>,
  query: Record<string, string>,
): (row: T) => boolean {
  const since = timeParam(query, 'updated_since')
  const until = timeParam(query, 'updated_until')
  const ids = idsParam(query)
  const equal: [keyof T & string, unknown][] = []
  for (const name of spec.idFilters) {
    const raw = query[name]
    if (raw === undefined) continue
    if (!/^\d{1,15}$/.test(raw)) throw new MockBadRequest(`Validation failed: ${name}: must be an integer`)
    equal.push([name, Number(raw)])
  }
  for (const name of spec.textFilters ?? []) if (query[name] !== undefined) equal.push([name, query[name]])
  return (row) => {
    if (ids !== undefined && !ids.has(row.id)) return false
    if (since !== undefined || until !== undefined) {
      const updated = Date.parse(row.update_time)
      if (since !== undefined && updated < since) return false
      if (until !== undefined && updated >= until) return false
    }
    return equal.every(([name, value]) => row[name] === value)
  }
}

/**
 * Answers a v2 cursor list (`cursor`, `limit`, `sort_by`, `sort_direction`, `updated_since`, `updated_until`,
 * `ids`, equality filters) with `{ success, data, additional_data: { next_cursor } }`. The cursor is the keyset
 * position after the last record, so inserted records never shift pages; it must be used with the same sort.
 */
export function pipedriveCursorAnswer<T extends Row>(
  spec: PipedriveCursorSpec<T>,
): (call: MockCall) => Response {
  return ({ query }) => {
    try {
      const limit = v2Limit(query, spec.maxLimit)
      const field: SortField = oneOf(
        query,
        'sort_by',
        ['id', 'update_time', 'add_time'] as const,
        'id',
        mustBeOneOf,
      )
      const direction = oneOf(query, 'sort_direction', ['asc', 'desc'] as const, 'asc', mustBeOneOf)
      const sign = direction === 'asc' ? 1 : -1
      const compare: Compare<Row> = (a, b) => sign * (compareValues(a[field], b[field]) || a.id - b.id)
      let position: ((row: T) => number) | undefined
      if (query.cursor !== undefined && query.cursor !== '') {
        const at = decodePipedriveCursor(query.cursor)
        if (at === undefined || at.field !== field || at.sortDirection !== direction) {
          throw new MockBadRequest(
            'Invalid cursor. Reuse next_cursor with the same sort_by and sort_direction.',
          )
        }
        const anchor = { id: at.id, update_time: '', add_time: '', [field]: at.fieldValue } as Row
        position = (row) => compare(row, anchor)
      }
      const page = selectPage(spec.records(), { compare, limit, accept: buildFilter(spec, query), position })
      const last = page.items[page.items.length - 1]
      const next =
        page.hasMore && last !== undefined
          ? encodePipedriveCursor({ field, fieldValue: last[field], sortDirection: direction, id: last.id })
          : null
      return HttpResponse.json({ success: true, data: page.items, additional_data: { next_cursor: next } })
    } catch (error) {
      if (error instanceof MockBadRequest) return pipedriveError(400, error.message)
      throw error
    }
  }
}

/** A v2 `limit`: 100 when absent, a positive integer up to `maxLimit`, else Pipedrive's 400. Lists and searches share it. */
export function v2Limit(query: Record<string, string>, maxLimit: number): number {
  const limit = integerParam(
    query,
    'limit',
    100,
    1,
    (name) => `Validation failed: ${name}: must be a positive integer`,
  )
  if (limit > maxLimit) {
    throw new MockBadRequest(`Validation failed: limit: Number must be less than or equal to ${maxLimit}`)
  }
  return limit
}
