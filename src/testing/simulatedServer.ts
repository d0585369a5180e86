import type { ParamPlacement } from '../adapters/fieldSpec'
import type { PageRequest } from '../core/types'

/**
 * The building blocks of a simulated server: what `verifyAdapter` generates (a list of records, the page a request
 * asked for) and what you describe (how a request names its page, how the API shapes an answer).
 */

/** One record of the simulated list. */
export interface SimulatedRecord {
  /**
   * Unique and stable: `'rec-0'`, `'rec-1'`, … for the records present from the start, in list order;
   * `'new-0'`, `'new-1'`, … for records inserted at the head of the list while it is being paged.
   */
  id: string
}

/**
 * The item type of the built-in simulated servers' responses. At run time every item is a `SimulatedRecord`; the
 * type is left open so that an adapter typed for your own records (`closeOffset<Lead>()`) is verified as it is.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SimulatedItem = any

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
 * How a simulated API reads requests and shapes its answers. `verifyAdapter` owns the list and decides each page;
 * the server only translates. Build one with `offsetServer` or `cursorServer`, or use a ready-made one such as
 * `closeOffsetServer()`.
 */
export interface SimulatedServer<TResponse> {
  /** Name shown in reports and errors, such as `'Close offset list'`. */
  name: string
  /** Reads which page a request asks for. Throw an `Error` saying what is wrong when the request is malformed. */
  readRequest(request: PageRequest<unknown>): RequestedPage
  /** Puts a page into the API's response shape. */
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
export interface ServerSpec<TResponse> {
  /** Name shown in reports and errors, such as `'Acme events'`. */
  name: string
  /** Whether the params arrive in the query string or a JSON body. @default 'query' */
  placement?: ParamPlacement
  /** Puts a page into the API's response shape (`page.nextCursor` is the cursor a cursor API sends back). */
  respond(page: SimulatedPage): TResponse
  /** Whether the API reports the total: on every answer (`true`) or on half of the runs (`'sometimes'`). @default false */
  reportsTotal?: boolean | 'sometimes'
  /** Whether the server may serve short pages mid-list (a server-side cap). @default true */
  shortPages?: boolean
  /** Whether answers tell the client that the list has ended; `false` when only an empty page does. @default true */
  announcesEnd?: boolean
  /** Malformed answers to inject. @default commonMalformedPages (an HTML page, an empty object) */
  malformed?: readonly MalformedPage<NoInfer<TResponse>>[]
}
