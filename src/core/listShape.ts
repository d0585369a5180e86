import { InvalidOptionError } from './errors'
import { isObject } from './isObject'
import type { AdapterRequest, ListFilter, PaginationAdapter, SortDescriptor } from './types'

/**
 * A list's sort and filter, as its query key holds them: a filter without `undefined` entries, and no empty filter, so
 * that a cleared filter and no filter are one cache entry.
 */
export interface ListShape {
  sort?: SortDescriptor
  filter?: ListFilter
}

/** What the hooks and `fetchAll` take to shape a list. */
export interface ListShapeOptions {
  sort?: SortDescriptor | undefined
  filter?: ListFilter | undefined
}

/**
 * The `ListShape` of `options`. In development it is checked against the adapter, at once, before any request: a sort
 * on an adapter whose API cannot sort, or one it refuses (`closeKeysetOffset` sorts by its keyset field alone), is an
 * `InvalidOptionError`, as every option error is.
 */
export function listShape(
  adapter: Pick<PaginationAdapter<unknown, unknown, unknown>, 'id' | 'sortParams'>,
  options: ListShapeOptions,
  owner: string,
): ListShape {
  const { sort, filter } = options
  if (process.env.NODE_ENV !== 'production') checkShape(adapter, sort, filter, owner)
  const shape: ListShape = {}
  if (sort) shape.sort = { column: sort.column, direction: sort.direction }
  const entries = Object.entries(filter ?? {}).filter(([, value]) => value !== undefined)
  if (entries.length) shape.filter = Object.fromEntries(entries)
  return shape
}

/**
 * Where list params go when the adapter does not say (`withListParams`): into the JSON body when the request has one,
 * else into the query string, numbers and booleans as text and arrays comma-separated (`ids=1,2,3`, as Pipedrive
 * and Close read lists). The page's own params win: a filter cannot move the page.
 */
export function addListParams(request: AdapterRequest, params: Record<string, unknown>): AdapterRequest {
  if (request.body) return { ...request, body: { ...params, ...request.body } }
  const query: Record<string, string> = {}
  for (const [name, value] of Object.entries(params)) {
    if (value != null) query[name] = Array.isArray(value) ? value.join(',') : String(value)
  }
  return { ...request, query: { ...query, ...request.query } }
}

/** Development only: the sort and filter are the developer's own options. */
function checkShape(
  adapter: Pick<PaginationAdapter<unknown, unknown, unknown>, 'id' | 'sortParams'>,
  sort: SortDescriptor | undefined,
  filter: unknown,
  owner: string,
): void {
  if (
    sort !== undefined &&
    !(
      isObject(sort) &&
      typeof sort.column === 'string' &&
      sort.column !== '' &&
      (sort.direction === 'ascending' || sort.direction === 'descending')
    )
  ) {
    throw new InvalidOptionError(
      owner,
      'sort',
      "{ column: 'a field name', direction: 'ascending' | 'descending' } or absent",
      sort,
    )
  }
  if (sort) {
    if (!adapter.sortParams) {
      throw new InvalidOptionError(adapter.id, 'sort', 'absent: this API has no sort parameter', sort)
    }
    // The adapter refuses a sort it cannot send (closeKeysetOffset: any but its keyset field, newest first).
    adapter.sortParams(sort)
  }
  if (filter === undefined) return
  if (!isObject(filter))
    throw new InvalidOptionError(owner, 'filter', 'an object of params or absent', filter)
  for (const [name, value] of Object.entries(filter)) {
    const valid =
      value === undefined ||
      ['string', 'number', 'boolean'].includes(typeof value) ||
      (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
    if (!valid) {
      throw new InvalidOptionError(
        owner,
        `filter.${name}`,
        'a string, number, boolean, array of strings or undefined',
        value,
      )
    }
  }
}
