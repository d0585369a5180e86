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
  /**
   * A full URL to load instead of the endpoint's own: the `rel="next"` link of a `Link` header. Relative URLs are
   * relative to the endpoint. `createFetcher` loads it only on its `baseUrl`'s origin, so an API cannot send your
   * credentials elsewhere. Absent for adapters that build requests from `query` and `body`.
   */
  url?: string
  /**
   * `'full'` when the adapter reads response headers (see `PaginationAdapter.response`): `fetchPage` must then
   * resolve to `{ body, headers, status }` (a `FullResponse`), as `createFetcher` does. Absent otherwise: the body.
   */
  response?: ResponseShape
}

/** What `fetchPage` resolves to: `'body'`, the parsed JSON (the default); `'full'`, a `FullResponse`. */
export type ResponseShape = 'body' | 'full'

/**
 * A page with its HTTP status and headers, for adapters that paginate through headers (`Link`). `createFetcher`
 * returns it when the request says `response: 'full'`; a `fetchPage` of your own builds it from `fetch`'s answer.
 *
 * @example
 * const res = await fetch(url, { signal: request.signal })
 * return { body: await res.json(), headers: res.headers, status: res.status, url: res.url }
 */
export interface FullResponse<TBody = unknown> {
  /** The parsed JSON body (`null` for an empty body). */
  body: TBody
  /** The response headers. */
  headers: Headers
  /** The HTTP status (2xx: errors are thrown, not returned). */
  status: number
  /**
   * The URL the page was loaded from (`createFetcher` sets it). Relative links in the answer are resolved against
   * it, as RFC 8288 asks; without it they are resolved against the endpoint.
   */
  url?: string
}

/** The part of a request an adapter computes: where the page param and the limit go. */
export interface AdapterRequest {
  /** Query-string parameters. */
  query: Record<string, string>
  /** JSON body, for adapters whose endpoint is a POST search. */
  body?: Record<string, unknown>
  /** A full URL to load instead of the endpoint's own, such as a `Link` header's `rel="next"` (see `PageRequest.url`). */
  url?: string
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
  /**
   * `'full'` for an adapter that reads headers or the status (`Link` pagination): every request then carries
   * `response: 'full'` and `fetchPage` resolves to a `FullResponse` (`{ body, headers, status }`), which is what
   * `TResponse` is. Default `'body'`: `fetchPage` resolves to the parsed body, as before.
   */
  response?: ResponseShape
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
  /** Total number of records, when the API reports it. `pageParam` is the param the page was requested with. */
  getTotal?(response: TResponse, pageParam?: TParam): number | undefined
  /** The param of page `pageIndex` (0-based) for random access. Offset adapters only. */
  pageParamAt?(pageIndex: number, limit: number): TParam
  /**
   * The params that ask the API for `sort`, in its own syntax: `{ _order_by: '-date_created' }` for Close lists,
   * `{ sort_by: 'add_time', sort_direction: 'desc' }` for Pipedrive v2. They go with every page of a sorted list, where
   * its filter goes (see `withListParams`). Absent when the API cannot sort: a list given a `sort` is then refused in
   * development with `InvalidOptionError` naming the adapter, before any request, as every option error is.
   */
  sortParams?(sort: SortDescriptor): Record<string, unknown>
  /**
   * Adds a list's filter and sort params to a page's request. Absent: into the JSON body when the request has one,
   * else into the query string (numbers and booleans as text, arrays comma-separated); the page's own params win.
   * A request with a `url` (a page the API pointed to) gets none: that URL already carries them.
   */
  withListParams?(request: AdapterRequest, params: Record<string, unknown>): AdapterRequest
}

/** How a list is sorted: one column and a direction (React Aria's `SortDescriptor`). */
export interface SortDescriptor {
  /** The field to sort by, as the API names it: `'date_created'`, `'add_time'`. */
  column: string
  /** Smallest or oldest first (`'ascending'`), or largest or newest first (`'descending'`). */
  direction: 'ascending' | 'descending'
}

/** One filter value: sent as text in a query string (arrays comma-separated), as it is in a JSON body. */
export type ListFilterValue = string | number | boolean | readonly string[] | undefined

/**
 * Provider params that narrow a list, such as `{ status_id: 'stat_1', query: 'acme' }`: part of the query key and of
 * every page's request. `undefined` entries are left out, so a cleared filter and no filter are the same list.
 */
export type ListFilter = Readonly<Record<string, ListFilterValue>>

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
