import { HttpResponse } from 'msw'
import { decodeJsonBase64Url, encodeJsonBase64Url } from './base64url'
import { checksum } from './closeCursor'
import { selectPage } from './keyset'
import type { Compare } from './keyset'
import { MockBadRequest } from './params'
import { v2Limit } from './pipedriveCursorHandler'
import { pipedriveError } from './pipedriveResponses'
import type { MockCall } from './requestRecord'

/** How one v2 search endpoint (`/api/v2/deals/search`, `/api/v2/persons/search`) searches its records. */
export interface PipedriveSearchSpec<T extends { id: number }> {
  /** The live records. */
  records: () => readonly T[]
  /** Largest `limit`. */
  maxLimit: number
  /**
   * The `fields` the endpoint takes (Pipedrive's list for it), each with the texts of a record it searches. A field
   * the mock has no data for (`custom_fields`, `notes`) is accepted and matches nothing.
   */
  fields: Readonly<Record<string, (record: T) => readonly string[]>>
  /** Integer filters (`person_id`, `organization_id`): the record's value for each. */
  idFilters?: Readonly<Record<string, (record: T) => number | null>>
  /** Text filters with the values they take (`status` of deals: `open`, `won`, `lost`). */
  choiceFilters?: Readonly<Record<string, { values: readonly string[]; of: (record: T) => string }>>
  /** The match as a search result's `item` (Pipedrive's trimmed search shape, not the full record). */
  item: (record: T) => Record<string, unknown>
}

/** How well a text matches the term: the whole text, its start, or somewhere inside (0: not at all). */
function matchRank(text: string, term: string, exact: boolean): number {
  const value = text.toLowerCase()
  if (value === term) return 3
  if (exact) return 0
  if (value.startsWith(term)) return 2
  return value.includes(term) ? 1 : 0
}

interface Scored<T> {
  record: T
  rank: number
}

const TRUE_VALUES = ['true', '1']
const BOOLEAN_VALUES = [...TRUE_VALUES, 'false', '0']

function readTerm(query: Record<string, string>, exact: boolean): string {
  const term = (query.term ?? '').trim().toLowerCase()
  // Pipedrive: "Minimum 2 characters (or 1 if using exact_match)".
  const min = exact ? 1 : 2
  if (term.length < min) {
    throw new MockBadRequest(
      `Validation failed: term: must be at least ${min} character${min === 1 ? '' : 's'} long`,
    )
  }
  return term
}

function readFields<T extends { id: number }>(
  spec: PipedriveSearchSpec<T>,
  raw: string | undefined,
): string[] {
  const all = Object.keys(spec.fields)
  if (raw === undefined || raw.trim() === '') return all
  const fields = raw.split(',').map((field) => field.trim())
  if (!fields.every((field) => all.includes(field))) {
    throw new MockBadRequest(`Validation failed: fields: must be a comma-separated list of ${all.join(', ')}`)
  }
  return fields
}

/** The filters of the request as one test, and their text for the cursor's signature. */
function readFilters<T extends { id: number }>(
  spec: PipedriveSearchSpec<T>,
  query: Record<string, string>,
): { accept: (record: T) => boolean; signature: unknown[] } {
  const tests: Array<(record: T) => boolean> = []
  const signature: unknown[] = []
  for (const [name, of] of Object.entries(spec.idFilters ?? {})) {
    const raw = query[name]
    if (raw === undefined) continue
    if (!/^\d{1,15}$/.test(raw)) throw new MockBadRequest(`Validation failed: ${name}: must be an integer`)
    tests.push((record) => of(record) === Number(raw))
    signature.push([name, Number(raw)])
  }
  for (const [name, { values, of }] of Object.entries(spec.choiceFilters ?? {})) {
    const raw = query[name]
    if (raw === undefined) continue
    if (!values.includes(raw)) {
      throw new MockBadRequest(`Validation failed: ${name}: must be one of ${values.join(', ')}`)
    }
    tests.push((record) => of(record) === raw)
    signature.push([name, raw])
  }
  return { accept: (record) => tests.every((test) => test(record)), signature }
}

/** Best match first; among equal matches, the lower id first (a total order, so a keyset cursor can follow it). */
const byRelevance: Compare<Scored<{ id: number }>> = (a, b) => b.rank - a.rank || a.record.id - b.record.id

/**
 * Answers a Pipedrive v2 search (`GET /api/v2/deals/search?term=…`) with
 * `{ success: true, data: { items: [{ result_score, item }] }, additional_data: { next_cursor } }`.
 *
 * - `term` (at least 2 characters, 1 with `exact_match`), `fields` (comma-separated, from the endpoint's list),
 *   `exact_match` (`true`: only texts equal to the term, case-insensitive), the endpoint's filters, `limit` (default
 *   100, at most `maxLimit`) and `cursor`.
 * - Relevance is a simple score: a text equal to the term beats one starting with it, which beats one containing
 *   it; `result_score` is 1, 0.67 or 0.33. Ties go by id. Search results are not sortable, as on Pipedrive.
 * - The cursor is the keyset position (score, id) after the page, bound to the query it was issued for: reused with
 *   another term, fields or filter it is a 400, never a page of another search.
 * - Errors are Pipedrive's `{ success: false, error, error_info, data: null, additional_data: null }` with HTTP 400.
 */
export function pipedriveSearchAnswer<T extends { id: number }>(
  spec: PipedriveSearchSpec<T>,
): (call: MockCall) => Response {
  return ({ query }) => {
    try {
      const limit = v2Limit(query, spec.maxLimit)
      const exactRaw = query.exact_match?.toLowerCase()
      if (exactRaw !== undefined && !BOOLEAN_VALUES.includes(exactRaw)) {
        throw new MockBadRequest('Validation failed: exact_match: must be a boolean')
      }
      const exact = exactRaw !== undefined && TRUE_VALUES.includes(exactRaw)
      const term = readTerm(query, exact)
      const fields = readFields(spec, query.fields)
      const filters = readFilters(spec, query)
      const signature = checksum(JSON.stringify([term, [...fields].sort(), exact, filters.signature]))
      let position: ((scored: Scored<T>) => number) | undefined
      if (query.cursor !== undefined && query.cursor !== '') {
        const at = decodeJsonBase64Url(query.cursor) as
          { q?: unknown; rank?: unknown; id?: unknown } | undefined
        if (
          typeof at !== 'object' ||
          at === null ||
          at.q !== signature ||
          typeof at.rank !== 'number' ||
          typeof at.id !== 'number'
        ) {
          throw new MockBadRequest(
            'Invalid cursor. Reuse next_cursor with the same term, fields and filters.',
          )
        }
        const anchor = { rank: at.rank, record: { id: at.id } }
        position = (scored) => byRelevance(scored, anchor)
      }
      const scored: Scored<T>[] = []
      for (const record of spec.records()) {
        if (!filters.accept(record)) continue
        let rank = 0
        for (const field of fields) {
          for (const text of spec.fields[field]?.(record) ?? [])
            rank = Math.max(rank, matchRank(text, term, exact))
        }
        if (rank > 0) scored.push({ record, rank })
      }
      const page = selectPage(scored, { compare: byRelevance, limit, position })
      const last = page.items[page.items.length - 1]
      const next =
        page.hasMore && last !== undefined
          ? encodeJsonBase64Url({ q: signature, rank: last.rank, id: last.record.id })
          : null
      return HttpResponse.json({
        success: true,
        data: {
          items: page.items.map(({ record, rank }) => ({
            result_score: Math.round((rank / 3) * 100) / 100,
            item: spec.item(record),
          })),
        },
        additional_data: { next_cursor: next },
      })
    } catch (error) {
      if (error instanceof MockBadRequest) return pipedriveError(400, error.message)
      throw error
    }
  }
}
