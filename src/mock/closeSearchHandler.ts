import { HttpResponse } from 'msw'
import { checksum, decodeCloseCursor, encodeCloseCursor } from './closeCursor'
import { closeFieldErrors } from './closeResponses'
import { parseCloseSearch } from './closeSearchQuery'
import type { CloseSearchObjectType, CloseSearchRequest } from './closeSearchQuery'
import type { CloseContact, CloseLead, CloseOpportunity } from './closeTypes'
import { compareValues, selectPage } from './keyset'
import type { Compare } from './keyset'
import { MockBadRequest, pickFields } from './params'
import type { MockCall } from './requestRecord'

type Searchable = CloseLead | CloseContact | CloseOpportunity
type Row = Record<string, unknown> & { id: string }

/** How the search endpoint reaches the data. */
export interface CloseSearchSpec {
  records: (objectType: CloseSearchObjectType) => readonly Searchable[]
  /** Largest `_limit`. */
  maxLimit: number
}

/** The text a `{ type: 'text' }` clause searches in. */
const TEXT_FIELD: Record<CloseSearchObjectType, string> = {
  lead: 'display_name',
  contact: 'name',
  opportunity: 'lead_name',
}

/** Without `sort`, results come in the lists' default order: newest first by `date_created`. */
const DEFAULT_SORT = [{ field: 'date_created', direction: 'desc' as const }]

function comparator(search: CloseSearchRequest): Compare<Row> {
  const keys = search.sort.length > 0 ? search.sort : DEFAULT_SORT
  return (a, b) => {
    for (const { field, direction } of keys) {
      const order = compareValues(a[field], b[field])
      if (order !== 0) return direction === 'asc' ? order : -order
    }
    return compareValues(a.id, b.id)
  }
}

/** What a cursor must belong to: the same object type, text clauses and sort. */
const signatureOf = (search: CloseSearchRequest): string =>
  checksum(JSON.stringify([search.objectType, search.texts, search.sort]))

function readCursor(search: CloseSearchRequest): { anchor: Row; returned: number } | undefined {
  if (search.cursor === null) return undefined
  const p = decodeCloseCursor('search', search.cursor)
  if (p === undefined || p.s !== signatureOf(search) || !p.a || typeof p.n !== 'number') {
    throw new MockBadRequest('Invalid cursor, or a cursor from a different query or sort.', 'cursor')
  }
  return { anchor: p.a as Row, returned: p.n }
}

/**
 * Answers `POST /api/v1/data/search/` with `{ data: [{ __object_type, id, …_fields }], cursor }`. The cursor is an
 * opaque keyset position bound to the query and sort; it is `null` at the end or once `results_limit` is reached.
 */
export function closeSearchAnswer(spec: CloseSearchSpec): (call: MockCall) => Response {
  return ({ body }) => {
    try {
      const search = parseCloseSearch(body, spec.maxLimit)
      const compare = comparator(search)
      const start = readCursor(search)
      const returned = start?.returned ?? 0
      const room =
        search.resultsLimit === null ? search.limit : Math.min(search.limit, search.resultsLimit - returned)
      const textField = TEXT_FIELD[search.objectType]
      const accept = (row: Row): boolean =>
        search.texts.every((text) =>
          String(row[textField] ?? '')
            .toLowerCase()
            .includes(text),
        )
      const rows = spec.records(search.objectType) as unknown as readonly Row[]
      const page =
        room <= 0
          ? { items: [], hasMore: false }
          : selectPage(rows, {
              compare,
              limit: room,
              accept,
              position: start === undefined ? undefined : (row) => compare(row, start.anchor),
            })
      const total = returned + page.items.length
      const last = page.items[page.items.length - 1]
      const more = page.hasMore && (search.resultsLimit === null || total < search.resultsLimit)
      const sortFields = (search.sort.length > 0 ? search.sort : DEFAULT_SORT).map((s) => s.field)
      const cursor =
        more && last !== undefined
          ? encodeCloseCursor('search', {
              s: signatureOf(search),
              a: pickFields(last, sortFields),
              n: total,
            })
          : null
      return HttpResponse.json({
        data: page.items.map((row) => ({
          __object_type: search.objectType,
          ...pickFields(row, search.fields ?? []),
        })),
        cursor,
      })
    } catch (error) {
      if (error instanceof MockBadRequest) return closeFieldErrors({ [error.field ?? 'body']: error.message })
      throw error
    }
  }
}
