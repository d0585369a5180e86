import { CursorLoopError } from '../core/errors'
import { assertAdapterShape, containsPageParam } from '../core/listPage'
import { clampLimit } from '../core/listPage'
import type { PaginationAdapter } from '../core/types'

type PageParamFn<TResponse, TParam> = (
  page: TResponse,
  allPages: TResponse[],
  pageParam: TParam,
  allPageParams: TParam[],
) => TParam | undefined

/**
 * Checks a hand-written adapter and gives it pagewise's guarantees, for a raw `useInfiniteQuery` as much as for the
 * hooks: `toRequest` never sends a limit above `maxLimit`, and `getNextPageParam` / `getPreviousPageParam` throw
 * `CursorLoopError` instead of returning a param the list has already requested (a `null` param is read as "no more
 * pages"). pagewise's hooks take an adapter as it is too; they check the same things on their own path.
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
 * user reads the function they called. Methods are called on `adapter`, so class-based adapters keep `this`.
 */
export function checkedAdapter<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  owner: string,
): PaginationAdapter<TResponse, TItem, TParam> {
  assertAdapterShape(adapter, owner)
  const { id, maxLimit, getPreviousPageParam, getTotal, pageParamAt } = adapter
  const defined: PaginationAdapter<TResponse, TItem, TParam> = {
    ...adapter,
    toRequest: (pageParam, limit) => adapter.toRequest(pageParam, clampLimit(limit, maxLimit)),
    getItems: (response) => adapter.getItems(response),
    getNextPageParam: refuseLoops(id, adapter.getNextPageParam.bind(adapter)),
  }
  if (getPreviousPageParam) defined.getPreviousPageParam = refuseLoops(id, getPreviousPageParam.bind(adapter))
  if (getTotal) defined.getTotal = getTotal.bind(adapter)
  if (pageParamAt) defined.pageParamAt = pageParamAt.bind(adapter)
  return defined
}

/** Wraps a page-param function so that it never returns a param already in `allPageParams`. */
function refuseLoops<TResponse, TParam>(
  adapterId: string,
  pageParamFn: PageParamFn<TResponse, TParam>,
): PageParamFn<TResponse, TParam> {
  return (page, allPages, pageParam, allPageParams) => {
    const next = pageParamFn(page, allPages, pageParam, allPageParams)
    if (next === undefined || next === null) return undefined
    if (containsPageParam(allPageParams, next)) throw new CursorLoopError(adapterId, 'repeated-param', next)
    return next
  }
}
