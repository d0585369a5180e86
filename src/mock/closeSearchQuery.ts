import { MockBadRequest } from './params'

/** The object types the mock's search supports. */
export type CloseSearchObjectType = 'lead' | 'contact' | 'opportunity'

/** One sort key of a search. */
export interface CloseSearchSort {
  field: string
  direction: 'asc' | 'desc'
}

/** A search body reduced to what the mock supports. */
export interface CloseSearchRequest {
  objectType: CloseSearchObjectType
  /** Text clauses; all must match (case-insensitive substring). */
  texts: string[]
  sort: CloseSearchSort[]
  limit: number
  cursor: string | null
  resultsLimit: number | null
  /** `_fields` for the object type; `undefined` = only `id`, as in Close. */
  fields: string[] | undefined
}

/** Fields each object type can be sorted by. */
export const CLOSE_SEARCH_SORTABLE: Record<CloseSearchObjectType, readonly string[]> = {
  lead: [
    'id',
    'display_name',
    'name',
    'status_id',
    'status_label',
    'description',
    'url',
    'date_created',
    'date_updated',
  ],
  contact: ['id', 'lead_id', 'name', 'title', 'date_created', 'date_updated'],
  opportunity: [
    'id',
    'lead_id',
    'lead_name',
    'status_type',
    'status_label',
    'value',
    'value_period',
    'confidence',
    'user_name',
    'date_created',
    'date_updated',
    'date_won',
  ],
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function walkQuery(query: unknown, found: { types: string[]; texts: string[] }): void {
  if (!isRecord(query)) throw new MockBadRequest('Each query must be an object with a "type".', 'query')
  if (query.type === 'object_type' && typeof query.object_type === 'string')
    found.types.push(query.object_type)
  else if (query.type === 'text' && typeof query.value === 'string') found.texts.push(query.value)
  else if (query.type === 'and' && Array.isArray(query.queries))
    query.queries.forEach((q) => walkQuery(q, found))
  else {
    throw new MockBadRequest(
      `Unsupported query ${JSON.stringify(query.type)}: this mock supports "object_type", "text" and "and".`,
      'query',
    )
  }
}

function readSort(raw: unknown, objectType: CloseSearchObjectType): CloseSearchSort[] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw new MockBadRequest('sort must be a list.', 'sort')
  return raw.map((entry: unknown) => {
    const spec = isRecord(entry) ? entry : {}
    const field = isRecord(spec.field) ? spec.field.field_name : spec.field
    const fieldType = isRecord(spec.field) ? spec.field.object_type : objectType
    const direction = spec.direction ?? 'asc'
    if (
      typeof field !== 'string' ||
      !CLOSE_SEARCH_SORTABLE[objectType].includes(field) ||
      fieldType !== objectType
    ) {
      throw new MockBadRequest(`Cannot sort ${objectType} results by ${JSON.stringify(field)}.`, 'sort')
    }
    if (direction !== 'asc' && direction !== 'desc')
      throw new MockBadRequest('direction must be "asc" or "desc".', 'sort')
    return { field, direction }
  })
}

function readCount(raw: unknown, name: string, fallback: number | null, max: number): number | null {
  if (raw === undefined || raw === null) return fallback
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) {
    throw new MockBadRequest('Ensure this value is a positive integer.', name)
  }
  if (raw > max) throw new MockBadRequest(`Ensure this value is less than or equal to ${max}.`, name)
  return raw
}

/**
 * Reads a `POST /data/search/` body. Supported subset: `query` made of `{ type: 'object_type' }` (exactly one,
 * `lead`, `contact` or `opportunity`), `{ type: 'text', value }` and `{ type: 'and', queries }`; `sort` by
 * top-level fields (`field` as a string or `{ type: 'regular_field', object_type, field_name }`); `cursor`,
 * `_limit`, `results_limit` and `_fields`. Anything else is a 400 with `field-errors`.
 */
export function parseCloseSearch(body: unknown, maxLimit: number): CloseSearchRequest {
  if (!isRecord(body)) throw new MockBadRequest('Expected a JSON object.', 'body')
  if (body.query === undefined) throw new MockBadRequest('This field is required.', 'query')
  const found = { types: [] as string[], texts: [] as string[] }
  walkQuery(body.query, found)
  const [objectType, ...others] = found.types
  if (objectType !== 'lead' && objectType !== 'contact' && objectType !== 'opportunity') {
    throw new MockBadRequest('The query needs one object_type clause: lead, contact or opportunity.', 'query')
  }
  if (others.length > 0) throw new MockBadRequest('Only one object_type clause is supported.', 'query')
  if (body.cursor !== undefined && body.cursor !== null && typeof body.cursor !== 'string') {
    throw new MockBadRequest('cursor must be a string or null.', 'cursor')
  }
  const fieldsSpec = isRecord(body._fields) ? body._fields[objectType] : undefined
  if (
    fieldsSpec !== undefined &&
    !(Array.isArray(fieldsSpec) && fieldsSpec.every((f) => typeof f === 'string'))
  ) {
    throw new MockBadRequest('_fields must map object types to lists of field names.', '_fields')
  }
  return {
    objectType,
    texts: found.texts.map((text) => text.toLowerCase()),
    sort: readSort(body.sort, objectType),
    limit: readCount(body._limit, '_limit', 100, maxLimit) ?? 100,
    cursor: typeof body.cursor === 'string' && body.cursor !== '' ? body.cursor : null,
    resultsLimit: readCount(body.results_limit, 'results_limit', null, Number.MAX_SAFE_INTEGER),
    fields: fieldsSpec as string[] | undefined,
  }
}
