import { CursorLoopError, InvalidOptionError } from '../core/errors'
import { isNonNegativeInteger } from '../core/readField'
import { clampLimit } from '../core/resolveLimit'
import type { PaginationAdapter } from '../core/types'

/** Replaced by the application's bundler: production builds drop the development-only checks here. */
declare const process: { env: { NODE_ENV?: string } }

type PageParamFn<TResponse, TParam> = (
  page: TResponse,
  allPages: TResponse[],
  pageParam: TParam,
  allPageParams: TParam[],
) => TParam | undefined

const guarded = new WeakSet<object>()
/** Adapters made by `checkedAdapter`, and what hand-written adapters were turned into. */
const checked = new WeakSet<object>()
const checkedVersions = new WeakMap<object, object>()

/**
 * Checks a hand-written adapter and gives it pagewise's guarantees: `toRequest` never sends a limit above
 * `maxLimit`, and `getNextPageParam` / `getPreviousPageParam` throw `CursorLoopError` instead of returning a
 * param the list has already requested (a `null` param is read as "no more pages").
 *
 * @example
 * const gitlab = defineAdapter({
 *   id: 'gitlab.keyset',
 *   kind: 'cursor',
 *   initialPageParam: null as string | null,
 *   defaultLimit: 20,
 *   maxLimit: 100,
 *   toRequest: (cursor, limit) => ({ query: { per_page: String(limit), ...(cursor ? { cursor } : {}) } }),
 *   getItems: (response: { items: Project[]; next: string | null }) => response.items,
 *   getNextPageParam: (lastPage) => lastPage.next ?? undefined,
 * })
 */
export function defineAdapter<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
): PaginationAdapter<TResponse, TItem, TParam> {
  return checkedAdapter(adapter, 'defineAdapter')
}

/**
 * `defineAdapter` for pagewise's own factories: `owner` (such as `'closeOffset'`) is the name errors give, so a
 * user reads the function they called. Methods are bound to `adapter`, so class-based adapters keep `this`.
 */
export function checkedAdapter<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  owner: string,
): PaginationAdapter<TResponse, TItem, TParam> {
  assertAdapterShape(adapter, owner)
  const { maxLimit } = adapter
  const bind = <TFn extends (...args: never[]) => unknown>(fn: TFn): TFn =>
    guarded.has(fn) ? fn : (fn.bind(adapter) as TFn)
  const toRequest = bind(adapter.toRequest)
  const defined: PaginationAdapter<TResponse, TItem, TParam> = {
    ...adapter,
    id: adapter.id,
    kind: adapter.kind,
    initialPageParam: adapter.initialPageParam,
    defaultLimit: adapter.defaultLimit,
    maxLimit,
    toRequest: (pageParam, limit) => toRequest(pageParam, clampLimit(limit, maxLimit)),
    getItems: bind(adapter.getItems),
    getNextPageParam: guardAgainstLoops(adapter.id, bind(adapter.getNextPageParam)),
  }
  if (adapter.getPreviousPageParam) {
    defined.getPreviousPageParam = guardAgainstLoops(adapter.id, bind(adapter.getPreviousPageParam))
  }
  if (adapter.getTotal) defined.getTotal = bind(adapter.getTotal)
  if (adapter.pageParamAt) defined.pageParamAt = bind(adapter.pageParamAt)
  checked.add(defined)
  return defined
}

/**
 * `adapter` with pagewise's guarantees: as it is when a pagewise factory or `defineAdapter` made it, else checked
 * once (`owner`, such as `'usePaginatedList'`, names the caller in errors) and remembered for the next render.
 */
export function ensureCheckedAdapter<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  owner: string,
): PaginationAdapter<TResponse, TItem, TParam> {
  if (checked.has(adapter)) return adapter
  const known = checkedVersions.get(adapter) as PaginationAdapter<TResponse, TItem, TParam> | undefined
  if (known) return known
  const defined = checkedAdapter(adapter, owner)
  checkedVersions.set(adapter, defined)
  return defined
}

/** Wraps a page-param function so that it never returns a param already in `allPageParams`. */
function guardAgainstLoops<TResponse, TParam>(
  adapterId: string,
  pageParamFn: PageParamFn<TResponse, TParam>,
): PageParamFn<TResponse, TParam> {
  if (guarded.has(pageParamFn)) return pageParamFn
  const guard: PageParamFn<TResponse, TParam> = (page, allPages, pageParam, allPageParams) => {
    const next = pageParamFn(page, allPages, pageParam, allPageParams)
    if (next === undefined || next === null) return undefined
    if (containsPageParam(allPageParams, next)) throw new CursorLoopError(adapterId, 'repeated-param', next)
    return next
  }
  guarded.add(guard)
  return guard
}

/** The JSON of each object page param, computed once: the loop guard compares every new param with all before it. */
const paramKeys = new WeakMap<object, string>()

function paramKey(param: object): string {
  let key = paramKeys.get(param)
  if (key === undefined) {
    key = JSON.stringify(param)
    paramKeys.set(param, key)
  }
  return key
}

/** Whether `params` holds `param`; objects compare by their JSON, so `{ skip: 0 }` equals another `{ skip: 0 }`. */
export function containsPageParam(params: readonly unknown[], param: unknown): boolean {
  if (typeof param !== 'object' || param === null) return params.includes(param)
  const key = paramKey(param)
  return params.some(
    (candidate) => typeof candidate === 'object' && candidate !== null && paramKey(candidate) === key,
  )
}

function assertAdapterShape(adapter: PaginationAdapter<unknown, unknown, unknown>, factory: string): void {
  if (process.env.NODE_ENV === 'production') return
  const owner = typeof adapter?.id === 'string' && adapter.id ? `${factory}(${adapter.id})` : factory
  if (typeof adapter !== 'object' || adapter === null) {
    throw new InvalidOptionError(owner, 'adapter', 'an object', adapter)
  }
  if (typeof adapter.id !== 'string' || adapter.id.trim() === '') {
    throw new InvalidOptionError(owner, 'id', 'a non-empty string', adapter.id)
  }
  if (adapter.response !== undefined && adapter.response !== 'body' && adapter.response !== 'full') {
    throw new InvalidOptionError(owner, 'response', '"body", "full" or absent', adapter.response)
  }
  if (adapter.kind !== 'offset' && adapter.kind !== 'cursor') {
    throw new InvalidOptionError(owner, 'kind', '"offset" or "cursor"', adapter.kind)
  }
  for (const option of ['maxLimit', 'defaultLimit'] as const) {
    if (!isNonNegativeInteger(adapter[option]) || adapter[option] === 0) {
      throw new InvalidOptionError(owner, option, 'a positive integer', adapter[option])
    }
  }
  if (adapter.defaultLimit > adapter.maxLimit) {
    throw new InvalidOptionError(
      owner,
      'defaultLimit',
      `at most maxLimit (${adapter.maxLimit})`,
      adapter.defaultLimit,
    )
  }
  for (const method of ['toRequest', 'getItems', 'getNextPageParam'] as const) {
    if (typeof adapter[method] !== 'function')
      throw new InvalidOptionError(owner, method, 'a function', adapter[method])
  }
  for (const method of ['getPreviousPageParam', 'getTotal', 'pageParamAt'] as const) {
    if (adapter[method] !== undefined && typeof adapter[method] !== 'function') {
      throw new InvalidOptionError(owner, method, 'a function or absent', adapter[method])
    }
  }
}
