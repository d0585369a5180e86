import { CursorLoopError, InvalidOptionError, PagewiseError } from './errors'
import { isNonNegativeInteger } from './readField'
import { addListParams } from './listShape'
import type { ListShape } from './listShape'
import type { AnyPaginationAdapter, PageRequest, PaginationAdapter } from './types'

/**
 * A page as pagewise keeps it in TanStack Query's cache: what the adapter read from the API's answer, once, when it
 * arrived. Plain JSON, so a dehydrated list holds each record once and hydrates without a refetch.
 */
export interface ListPage<TItem, TParam> {
  /** The page's records, as the adapter read them. */
  items: TItem[]
  /** The param of the page after this one; absent at the end of the list. */
  nextPageParam?: TParam
  /** The param of the page before this one, for APIs that can page backwards; absent when there is none. */
  previousPageParam?: TParam
  /** How many records the whole list holds, when this page says; absent when unknown. */
  total?: number
  /**
   * On the first page of a list that starts mid-way (`maxPages` dropped the pages before, or a window was loaded
   * directly): the index of its first record in the whole list. Absent for 0.
   */
  start?: number
  /** On the first page of such a list, for APIs that only page forwards: the params of the pages before it, oldest first. */
  before?: TParam[]
}

/**
 * The page size pagewise will request: `requested`, or the adapter's default when none is given, never above
 * `maxLimit`. In development, throws `InvalidOptionError` for zero, negative, fractional or non-numeric sizes.
 *
 * @example
 * resolveLimit(closeOffset(), 500) // 200: Close sends at most 200 leads a page
 */
export function resolveLimit(
  adapter: Pick<AnyPaginationAdapter, 'id' | 'defaultLimit' | 'maxLimit'>,
  requested?: number,
): number {
  if (
    process.env.NODE_ENV !== 'production' &&
    requested !== undefined &&
    (!isNonNegativeInteger(requested) || requested === 0)
  ) {
    throw new InvalidOptionError(adapter.id, 'pageSize', 'a positive integer', requested)
  }
  return Math.min(requested ?? adapter.defaultLimit, adapter.maxLimit)
}

/** `limit` brought into `1..maxLimit`; used inside `toRequest` so no adapter ever sends a size the API refuses. */
export function clampLimit(limit: number, maxLimit: number): number {
  if (!Number.isFinite(limit) || limit < 1) return 1
  return Math.min(Math.floor(limit), maxLimit)
}

/**
 * Builds the request for `pageParam` at `limit` (already resolved against `maxLimit` by `resolveLimit`), with the
 * params of the list's `shape` (its filter and sort).
 */
export function pageRequest<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  pageParam: TParam,
  limit: number,
  signal: AbortSignal,
  shape?: ListShape,
): PageRequest<TParam> {
  let adapterRequest = adapter.toRequest(pageParam, limit)
  // A page URL the API pointed to already carries the list's params.
  if (adapterRequest.url === undefined && (shape?.sort || shape?.filter)) {
    // The filter, then the sort in the adapter's syntax (the sort wins a name both use).
    const params = { ...shape.filter, ...(shape.sort && adapter.sortParams?.(shape.sort)) }
    adapterRequest = adapter.withListParams
      ? adapter.withListParams(adapterRequest, params)
      : addListParams(adapterRequest, params)
  }
  const { query, body, url } = adapterRequest
  const request: PageRequest<TParam> = { pageParam, limit, query, signal }
  if (body !== undefined) request.body = body
  if (url !== undefined) request.url = url
  if (adapter.response === 'full') request.response = 'full'
  return request
}

/**
 * Reads one answer of the API, once: its records, where the list goes next (and back), and the total. A page that
 * does not read throws the adapter's typed error, so it never reaches the cache and the pages before it stay. The
 * continuation is read from this page and its param alone: a next param equal to this page's own is a loop.
 * The total is a hint: one that does not read is left unknown, never a reason to lose the page.
 */
export function readListPage<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  response: TResponse,
  pageParam: TParam,
): ListPage<TItem, TParam> {
  const items = adapter.getItems(response)
  const page: ListPage<TItem, TParam> = { items }
  const next = adapter.getNextPageParam(response, [response], pageParam, [pageParam])
  if (next !== undefined && next !== null) {
    if (containsPageParam([pageParam], next)) throw new CursorLoopError(adapter.id, 'repeated-param', next)
    page.nextPageParam = next
  }
  const previous = adapter.getPreviousPageParam?.(response, [response], pageParam, [pageParam])
  if (previous !== undefined && previous !== null) page.previousPageParam = previous
  try {
    const total = adapter.getTotal?.(response, pageParam)
    if (isNonNegativeInteger(total)) page.total = total
  } catch {
    // A total is a hint: the records are what the user asked for.
  }
  return page
}

/**
 * TanStack Query's `getNextPageParam` for a list of `ListPage`s: the stored param, pure and unable to throw;
 * `undefined` at the end, and when the list has requested that param before (`listLoopError` says so).
 */
export function nextListPageParam<TParam>(
  lastPage: ListPage<unknown, TParam>,
  _allPages: unknown,
  _lastPageParam: unknown,
  allPageParams: readonly TParam[],
): TParam | undefined {
  return unrequested(lastPage?.nextPageParam, allPageParams)
}

/**
 * `nextListPageParam` backwards, for `getPreviousPageParam`: the adapter's previous param, or for APIs that only page
 * forwards, the last of the params kept from the pages left behind.
 */
export function previousListPageParam<TParam>(
  firstPage: ListPage<unknown, TParam>,
  _allPages: unknown,
  _firstPageParam: unknown,
  allPageParams: readonly TParam[],
): TParam | undefined {
  return unrequested(firstPage?.previousPageParam ?? firstPage?.before?.at(-1), allPageParams)
}

/** `param`, unless it is absent or already in `pageParams`. */
function unrequested<TParam>(param: TParam | undefined, pageParams: readonly TParam[]): TParam | undefined {
  return param === undefined || containsPageParam(pageParams, param) ? undefined : param
}

/**
 * The `CursorLoopError` of a list whose last page points back at a page it has already requested (a repeated
 * cursor, an offset that does not advance), else `undefined`. Pure: computed where the list is read.
 */
export function listLoopError(
  adapterId: string,
  pages: readonly ListPage<unknown, unknown>[] | undefined,
  pageParams: readonly unknown[] | undefined,
): CursorLoopError | undefined {
  const next = pages?.[pages.length - 1]?.nextPageParam
  if (next === undefined || !pageParams || !containsPageParam(pageParams, next)) return undefined
  return new CursorLoopError(adapterId, 'repeated-param', next)
}

/** The records of a cached page; in development, a page that is not a `ListPage` (put there by `setQueryData`, say) is refused. */
export function listPageItems<TItem>(page: ListPage<TItem, unknown>): TItem[] {
  // Development only, as the other checks of what the app hands in: a production build reads the array as it is.
  if (process.env.NODE_ENV !== 'production' && !Array.isArray(page?.items)) {
    throw new PagewiseError('[pagewise] a cached page has no `items` array (set with setQueryData?)')
  }
  return page.items
}

/**
 * Whether `params` holds `param`; objects compare by their JSON, so `{ skip: 0 }` equals another `{ skip: 0 }`. A list
 * asks this of every param it has requested, for each page: a candidate with a field of another value is ruled out
 * without serialising it, or a walk of N pages would cost N² serialisations.
 */
export function containsPageParam(params: readonly unknown[], param: unknown): boolean {
  if (typeof param !== 'object' || param === null) return params.includes(param)
  const fields = Object.entries(param)
  const json = JSON.stringify(param)
  return params.some(
    (candidate) =>
      typeof candidate === 'object' &&
      candidate !== null &&
      fields.every(
        ([key, value]) =>
          typeof value === 'object' || Object.is((candidate as Record<string, unknown>)[key], value),
      ) &&
      JSON.stringify(candidate) === json,
  )
}

/**
 * Throws `InvalidOptionError` naming `owner` and the field when `adapter` is not shaped as the adapter contract
 * says. Development only: production builds drop it.
 */
export function assertAdapterShape(
  adapter: PaginationAdapter<unknown, unknown, unknown>,
  owner: string,
): void {
  if (process.env.NODE_ENV === 'production') return
  const name = typeof adapter?.id === 'string' && adapter.id ? `${owner}(${adapter.id})` : owner
  const fail = (field: string, expected: string, value: unknown): never => {
    throw new InvalidOptionError(name, field, expected, value)
  }
  if (typeof adapter !== 'object' || adapter === null) fail('adapter', 'an object', adapter)
  if (typeof adapter.id !== 'string' || adapter.id.trim() === '') fail('id', 'a non-empty string', adapter.id)
  if (adapter.response !== undefined && adapter.response !== 'body' && adapter.response !== 'full') {
    fail('response', '"body", "full" or absent', adapter.response)
  }
  if (adapter.kind !== 'offset' && adapter.kind !== 'cursor')
    fail('kind', '"offset" or "cursor"', adapter.kind)
  for (const option of ['maxLimit', 'defaultLimit'] as const) {
    if (!isNonNegativeInteger(adapter[option]) || adapter[option] === 0) {
      fail(option, 'a positive integer', adapter[option])
    }
  }
  if (adapter.defaultLimit > adapter.maxLimit) {
    fail('defaultLimit', `at most maxLimit (${adapter.maxLimit})`, adapter.defaultLimit)
  }
  for (const method of ['toRequest', 'getItems', 'getNextPageParam'] as const) {
    if (typeof adapter[method] !== 'function') fail(method, 'a function', adapter[method])
  }
  if (adapter.kind === 'offset' && typeof adapter.pageParamAt !== 'function') {
    fail('pageParamAt', 'a function: an offset adapter reaches page N directly', adapter.pageParamAt)
  }
  for (const method of [
    'getPreviousPageParam',
    'getTotal',
    'pageParamAt',
    'sortParams',
    'withListParams',
  ] as const) {
    if (adapter[method] !== undefined && typeof adapter[method] !== 'function') {
      fail(method, 'a function or absent', adapter[method])
    }
  }
}
