import type { ParamPlacement } from '../adapters/fieldSpec'
import type { PageRequest } from '../core/types'

/** One record of the simulated list. */
export interface SimulatedRecord {
  /**
   * Unique and stable: `'rec-0'`, `'rec-1'`, … for the records present from the start, in list order;
   * `'new-0'`, `'new-1'`, … for records inserted at the head of the list while it is being paged.
   */
  id: string
}

/** Where a request asks the simulated server to start, as `SimulatedServer.readRequest` reads it. */
export type RequestedPage =
  | {
      /** Records to skip from the head of the list, or from the head of `window` (an offset server). */
      offset: number
      /** Number of records asked for. */
      limit: number
      /** The keyset filter the request carried, if any: the offset then counts from its first record. */
      window?: KeysetWindow
    }
  | {
      /** A cursor the server issued before, or `null` for the first page (a cursor server). */
      cursor: string | null
      /** Number of records asked for. */
      limit: number
    }

/**
 * A keyset filter on an offset request, such as Close's `date_created__lt=…`: only the records it keeps are listed,
 * and the request's offset counts from the first of them. The list is ordered newest first, so a filter "below a
 * date" keeps a tail of it.
 */
export interface KeysetWindow {
  /** The filter as the request sent it, such as `'date_created__lt=2024-05-31T23:59:58.000Z'`: names the window. */
  name: string
  /** Whether the filter keeps `record`. The records it keeps must be a tail of the list. */
  includes(record: SimulatedRecord): boolean
}

/** One page as the simulated server decided to answer it, before `respond` puts it into the API's shape. */
export interface SimulatedPage {
  /** The records of this page, in list order. */
  records: SimulatedRecord[]
  /** Position of the first record in the list when the request came in. */
  offset: number
  /** Page size read from the request. */
  limit: number
  /** Whether the server tells the client that more records follow. */
  hasMore: boolean
  /** Position right after this page: `offset + records.length` (Pipedrive's `next_start`). */
  nextOffset: number
  /** Cursor of the next page; `null` when `hasMore` is false. */
  nextCursor: string | null
  /** The cursor the request carried (cursor servers); `null` on the first page and on offset servers. */
  cursor: string | null
  /**
   * Number of records in the whole list when the request came in, when the server reports totals (`reportsTotal`).
   * A server with keyset windows reports `total - window.start`, the records its filter keeps; the adapter's
   * `getTotal` must give back the whole list's.
   */
  total: number | undefined
  /**
   * The keyset window the request asked for (`RequestedPage.window`), with `start`, the position of its first record
   * in the whole list; `undefined` when the request had no filter.
   */
  window?: { name: string; start: number }
  /** The request being answered. */
  request: PageRequest<unknown>
}

/** A constructor of errors, such as `MalformedResponseError`, for `instanceof` checks. */
export type ErrorClass = abstract new (...args: never[]) => Error

/** A malformed answer the server sends on one page of a run, to see that the adapter refuses it with a typed error. */
export interface MalformedPage<TResponse> {
  /** What is wrong with it, in a few words, such as `'has_more is the string "yes"'`. Shown in reports. */
  name: string
  /** The malformed response, built from the well-formed answer to the same request. */
  corrupt(response: TResponse, page: SimulatedPage): unknown
  /** Whether this page can be corrupted this way (a repeated cursor needs a cursor in the request). @default always */
  appliesTo?(page: SimulatedPage): boolean
  /** The error the adapter must throw when it reads the page. @default MalformedResponseError */
  expect?: ErrorClass
}

/**
 * How a simulated API reads requests and shapes its answers. `verifyAdapter` generates the list and decides each
 * page; the server only reads which page a request names and puts the page into the API's shape. Build one with
 * `offsetServer` or `cursorServer`, or write the object yourself for an API they do not fit.
 */
export interface SimulatedServer<TResponse> {
  /** Name shown in reports and errors, such as `'Acme events'`. */
  name: string
  /** Reads which page a request asks for. Throw an `Error` saying what is wrong when the request is malformed. */
  readRequest(request: PageRequest<unknown>): RequestedPage
  /** Puts a page into the API's response shape (`page.nextCursor` is the cursor a cursor API sends back). */
  respond(page: SimulatedPage): TResponse
  /**
   * Whether the API reports the list's total: `true` on every answer, `'sometimes'` on half of the runs (Close
   * reports `total_results` on some lists only). `page.total` is set on those answers, and the adapter's `getTotal`
   * must read it back.
   * @default false
   */
  reportsTotal?: boolean | 'sometimes'
  /**
   * Whether the server may put fewer records on a page than asked for while more follow (a server-side cap). Runs
   * then cap pages at random. Page-number APIs cannot: page n starts at (n - 1) × limit.
   * @default true
   */
  shortPages?: boolean
  /**
   * Whether answers tell the client that the list has ended (`has_more: false`, a `null` cursor, a total). When
   * they do not, an adapter can only learn it from an empty page, so one request past the end is allowed.
   * @default true
   */
  announcesEnd?: boolean
  /** Malformed answers to inject, one per run, on a random page. @default none */
  malformed?: readonly MalformedPage<TResponse>[]
}

/** What `offsetServer` and `cursorServer` specs share: the API's name and how it shapes and reports pages. */
export interface ServerSpec<TResponse> extends Pick<
  SimulatedServer<TResponse>,
  'name' | 'respond' | 'reportsTotal' | 'shortPages' | 'announcesEnd'
> {
  /** Whether the params arrive in the query string or a JSON body. @default 'query' */
  placement?: ParamPlacement
  /** Malformed answers to inject. @default commonMalformedPages (an HTML page, an empty object) */
  malformed?: readonly MalformedPage<NoInfer<TResponse>>[]
  /** Name of the page-size parameter. @default 'limit' */
  limitParam?: string
}

/** Describes a simulated offset- or page-number-paginated API for `offsetServer`. */
export interface OffsetServerSpec<TResponse> extends ServerSpec<TResponse> {
  /** Name of the offset (or page number) parameter. @default 'offset' */
  offsetParam?: string
  /** `'item'`: the param counts records. `'page'`: it counts pages, starting at `firstPage`. @default 'item' */
  unit?: 'item' | 'page'
  /** With `unit: 'page'`, the number of the first page. @default 1 */
  firstPage?: number
  /** Whether the server may serve short pages mid-list (a server-side cap). @default true, false with `unit: 'page'` */
  shortPages?: boolean
}

/** Describes a simulated cursor-paginated API for `cursorServer`. */
export interface CursorServerSpec<TResponse> extends ServerSpec<TResponse> {
  /** Name of the cursor parameter; absent or `null` asks for the first page. @default 'cursor' */
  cursorParam?: string
}

/**
 * Malformed answers any JSON API can give, whatever its shape: an HTML page where JSON was expected (a fetcher
 * that returns the body as text) and an empty object. `offsetServer` and `cursorServer` use them by default.
 *
 * @example
 * offsetServer({
 *   name: 'Helpdesk tickets',
 *   respond: (page) => ({ results: page.records }),
 *   malformed: [...commonMalformedPages, { name: '"results" is null', corrupt: (answer) => ({ ...answer, results: null }) }],
 * })
 */
export const commonMalformedPages: readonly MalformedPage<unknown>[] = [
  {
    name: 'an HTML maintenance page instead of JSON',
    // What a proxy or a load balancer answers in place of the API during an outage.
    corrupt: () =>
      '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head>' +
      '<body><h1>Down for maintenance</h1></body></html>',
  },
  { name: 'an empty JSON object', corrupt: () => ({}) },
]

/**
 * A simulated offset API: reads the offset and the page size from each request and answers with `respond`.
 *
 * @example
 * const ticketsServer = offsetServer({
 *   name: 'Helpdesk tickets',
 *   offsetParam: 'page',
 *   limitParam: 'per_page',
 *   unit: 'page',
 *   respond: (page) => ({ results: page.records, count: page.total ?? null }),
 * })
 */
export function offsetServer<TResponse>(spec: OffsetServerSpec<TResponse>): SimulatedServer<TResponse> {
  const { placement = 'query', unit = 'item', offsetParam = 'offset', limitParam = 'limit' } = spec
  const firstPage = unit === 'page' ? (spec.firstPage ?? 1) : 0
  return fromSpec(spec, spec.shortPages ?? unit === 'item', (request) => {
    const limit = readIntegerParam(request, placement, limitParam, 1)
    const param = readIntegerParam(request, placement, offsetParam, firstPage)
    return { offset: unit === 'page' ? (param - firstPage) * limit : param, limit }
  })
}

/**
 * A simulated cursor API: reads the cursor and the page size from each request and answers with `respond`. Its
 * cursors are keyset cursors ("after record X"), so records inserted at the head never shift a page; a cursor it
 * never issued is a malformed request.
 *
 * @example
 * const eventsServer = cursorServer({
 *   name: 'Acme events',
 *   cursorParam: 'page_token',
 *   limitParam: 'page_size',
 *   respond: (page) => ({ events: page.records, next_page_token: page.nextCursor }),
 * })
 */
export function cursorServer<TResponse>(spec: CursorServerSpec<TResponse>): SimulatedServer<TResponse> {
  const { placement = 'query', cursorParam = 'cursor', limitParam = 'limit' } = spec
  return fromSpec(spec, spec.shortPages ?? true, (request) => {
    const limit = readIntegerParam(request, placement, limitParam, 1)
    const cursor = readRequestParam(request, placement, cursorParam) ?? null
    if (cursor !== null && typeof cursor !== 'string') {
      throw new Error(`"${cursorParam}" is ${JSON.stringify(cursor)}, not a string`)
    }
    return { cursor, limit }
  })
}

function fromSpec<TResponse>(
  spec: ServerSpec<TResponse>,
  shortPages: boolean,
  readRequest: SimulatedServer<TResponse>['readRequest'],
): SimulatedServer<TResponse> {
  return {
    name: spec.name,
    readRequest,
    respond: (page) => spec.respond(page),
    reportsTotal: spec.reportsTotal ?? false,
    shortPages,
    announcesEnd: spec.announcesEnd ?? true,
    malformed: spec.malformed ?? commonMalformedPages,
  }
}

/** A request parameter as the simulated server finds it: `undefined` when it is absent. */
export function readRequestParam(
  request: PageRequest<unknown>,
  placement: ParamPlacement,
  name: string,
): unknown {
  if (placement === 'query') return request.query[name]
  if (request.body === undefined) throw new Error(`the request has no JSON body (expected "${name}" in it)`)
  return request.body[name]
}

/**
 * A non-negative integer parameter (an offset, a page number, a page size): a number in a JSON body, digits in a
 * query string. Anything else is a malformed request, reported with the parameter's name.
 */
export function readIntegerParam(
  request: PageRequest<unknown>,
  placement: ParamPlacement,
  name: string,
  minimum: number,
): number {
  const value = readRequestParam(request, placement, name)
  if (value === undefined) {
    throw new Error(`${placement === 'query' ? 'the query' : 'the JSON body'} has no "${name}"`)
  }
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(number) || number < minimum) {
    throw new Error(`"${name}" is ${JSON.stringify(value)}, not an integer of at least ${minimum}`)
  }
  return number
}

/**
 * A simulated server threw (in `respond`, `corrupt` or `appliesTo`; a throw in `readRequest` means "malformed
 * request" and is the adapter's fault). `verifyAdapter` rejects with it: the server needs fixing, not the adapter.
 *
 * @example
 * await expect(verifyAdapter(adapter, { server })).rejects.not.toThrow(SimulatedServerFault)
 */
export class SimulatedServerFault extends Error {
  constructor(serverName: string, what: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(
      `[pagewise/testing] the simulated server ${JSON.stringify(serverName)} threw in ${what}: ${reason}`,
      {
        cause,
      },
    )
    this.name = 'SimulatedServerFault'
  }
}
