/**
 * The adapter contract: how one pagination style maps onto TanStack Query's infinite queries.
 *
 * Generic parameters are always `TResponse, TItem, TParam`, in that order.
 */

/** `'offset'`: page N can be requested directly. `'cursor'`: pages can only be reached one after another. */
export type AdapterKind = 'offset' | 'cursor'

/** Everything `fetchPage` needs to request one page. Built by pagewise from the adapter's `toRequest`. */
export interface PageRequest<TParam> {
  /** The page param TanStack Query asked for (an offset, a cursor, …). */
  pageParam: TParam
  /** Page size, already clamped to the adapter's `maxLimit`. */
  limit: number
  /** Query-string parameters for this page, e.g. `{ _skip: '200', _limit: '100' }`. */
  query: Record<string, string>
  /** JSON body for POST search endpoints, e.g. `{ cursor: 'abc', _limit: 100 }`. Absent for GET endpoints. */
  body?: Record<string, unknown>
  /** Aborts the request when the query is cancelled or its key changes. Pass it on to `fetch`. */
  signal: AbortSignal
}

/** The part of a request an adapter computes: where the page param and the limit go. */
export interface AdapterRequest {
  /** Query-string parameters. */
  query: Record<string, string>
  /** JSON body, for adapters whose endpoint is a POST search. */
  body?: Record<string, unknown>
}

/** Loads one page. Yours, or made by `createFetcher`. */
export type FetchPage<TResponse, TParam> = (request: PageRequest<TParam>) => Promise<TResponse>

/**
 * Maps one pagination style onto TanStack Query's `getNextPageParam`.
 *
 * Adapters are plain objects with no React in them, so one can also be spread into a raw `useInfiniteQuery` call.
 */
export interface PaginationAdapter<TResponse, TItem, TParam> {
  /** Stable identifier such as `'close.offset'`; part of the query key and of every error message. */
  id: string
  /** Whether page N can be requested directly (`'offset'`) or only in sequence (`'cursor'`). */
  kind: AdapterKind
  /** The page param of the first page. */
  initialPageParam: TParam
  /** Page size used when the caller does not choose one. */
  defaultLimit: number
  /** Largest page size the API accepts. Larger requests are clamped to it. */
  maxLimit: number
  /** Puts the page param and the limit where the API expects them. Clamps `limit` to `maxLimit`. */
  toRequest(pageParam: TParam, limit: number): AdapterRequest
  /** The records of one page. Throws `MalformedResponseError` when the response is not shaped as expected. */
  getItems(response: TResponse): TItem[]
  /**
   * TanStack Query's `getNextPageParam`: the param of the page after `lastPage`, or `undefined` at the end.
   * Throws `MalformedResponseError` on a malformed page and `CursorLoopError` rather than returning a param it
   * returned before.
   */
  getNextPageParam(
    lastPage: TResponse,
    allPages: TResponse[],
    lastPageParam: TParam,
    allPageParams: TParam[],
  ): TParam | undefined
  /** TanStack Query's `getPreviousPageParam`, for APIs that can page backwards. */
  getPreviousPageParam?(
    firstPage: TResponse,
    allPages: TResponse[],
    firstPageParam: TParam,
    allPageParams: TParam[],
  ): TParam | undefined
  /** Total number of records, when the API reports it. */
  getTotal?(response: TResponse): number | undefined
  /** The param of page `pageIndex` (0-based) for random access. Offset adapters only. */
  pageParamAt?(pageIndex: number, limit: number): TParam
}

/** Any adapter, whatever its type parameters. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPaginationAdapter = PaginationAdapter<any, any, any>

/** The response type of an adapter. */
export type AdapterResponse<TAdapter> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  TAdapter extends PaginationAdapter<infer TResponse, any, any> ? TResponse : never

/** The item type of an adapter. */
export type AdapterItem<TAdapter> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  TAdapter extends PaginationAdapter<any, infer TItem, any> ? TItem : never

/** The page param type of an adapter. */
export type AdapterParam<TAdapter> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  TAdapter extends PaginationAdapter<any, any, infer TParam> ? TParam : never
