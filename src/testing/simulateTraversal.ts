import type { PageRequest, PaginationAdapter } from '../core/types'
import { SimulatedList, describeParam, paramKey } from './conformanceScenario'
import type { ConformanceProperty, ConformanceScenario } from './conformanceScenario'
import { SimulatedServerFault } from './simulatedServer'
import type {
  MalformedPage,
  RequestedPage,
  SimulatedPage,
  SimulatedRecord,
  SimulatedServer,
} from './simulatedServer'

/** One request of a counter-example. */
export interface CounterExampleRequest {
  /** 1-based. */
  number: number
  /** The page param the adapter asked for. */
  pageParam: unknown
  /** What the request carried: its JSON body when it has one, else its query. */
  sent: Record<string, unknown>
  /** Records inserted at the head of the list just before this request. */
  insertedBefore: number
  /** Ids of the records the server answered with (`undefined` when it refused the request). */
  received: string[] | undefined
  /** Whether the answer said more records follow (`undefined` when the server refused the request). */
  hasMore: boolean | undefined
  /** The malformed answer sent instead of the page, if one was. */
  malformed: string | undefined
}

/** Thrown inside a run when a traversal breaks a property; carries what the counter-example shows. */
export class PropertyFailure extends Error {
  constructor(
    readonly property: ConformanceProperty,
    readonly detail: string,
    readonly traversal: Traversal<unknown>,
  ) {
    super(`${property}: ${detail}`)
    this.name = 'PropertyFailure'
  }
}

/** One request the simulated server received. */
export interface ServedRequest extends Pick<
  CounterExampleRequest,
  'number' | 'pageParam' | 'sent' | 'insertedBefore' | 'malformed'
> {
  /** The page the server answered with; `undefined` when it refused the request. */
  page: SimulatedPage | undefined
  /**
   * Records at the head of its page that an earlier keyset window already served: the records on the edge value a
   * new window starts with. Always 0 on servers without keyset windows.
   */
  refetched: number
}

/** Everything a traversal did, for the properties to check and for the counter-example to show. */
export interface Traversal<TItem> {
  scenario: ConformanceScenario
  /** The page size pagewise requests: the scenario's, clamped to `maxLimit`. */
  limit: number
  requests: ServedRequest[]
  /** The pages handed out: the request each answered (1-based), the raw answer and what `getItems` read. */
  pages: { number: number; response: unknown; items: TItem[] }[]
  end:
    | { kind: 'completed' }
    /** The server refused a request and stopped the traversal. */
    | { kind: 'violation'; property: ConformanceProperty; detail: string }
    /** The adapter threw. */
    | { kind: 'adapter-error'; error: unknown }
  list: SimulatedList
  /** The malformed answer of the run and the request it answered, once sent. */
  malformed: { name: string; expect: MalformedPage<unknown>['expect']; request: number } | undefined
  /** Keyset windows started after the first request (0 on servers without keyset windows). */
  windows: number
  /** Records served again at the start of those windows (the sum of the requests' `refetched`). */
  refetched: number
}

/**
 * Walks the adapter over a simulated list as TanStack Query reads it: `getNextPageParam` with every page so far,
 * and a `null` or `undefined` next param ends the list. No loop guard sits in between, so the kit also catches
 * adapters that would loop in a raw `useInfiniteQuery`. The simulated server answers each request from the list as
 * it is at that moment (after the scenario's inserts), and stops the walk as soon as a request breaks a
 * request-level property, so a broken adapter never loops.
 */
export function simulateTraversal<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  server: SimulatedServer<TResponse>,
  scenario: ConformanceScenario,
  settings: {
    /** Requests allowed past ceil(records / limit). */
    extraRequests: number
    /** For malformed runs: the malformed answer, sent from request `at` (0-based) on, where it applies. */
    malformed?: { page: MalformedPage<unknown>; at: number }
  },
): Traversal<TItem> {
  const limit = Math.min(scenario.pageSize, adapter.maxLimit)
  const list = new SimulatedList(scenario.records)
  const traversal: Traversal<TItem> = {
    scenario,
    limit,
    requests: [],
    pages: [],
    end: { kind: 'completed' },
    list,
    malformed: undefined,
    windows: 0,
    refetched: 0,
  }
  const stop = (property: ConformanceProperty, detail: string): never => {
    throw new PropertyFailure(property, detail, traversal)
  }
  const cap = scenario.kind === 'traversal' ? (scenario.serverPageCap ?? Infinity) : Infinity
  const pageLength = Math.min(limit, cap)
  const fullPageRule = scenario.kind === 'traversal' && scenario.hasMoreRule === 'full-page'
  const reportsTotal =
    server.reportsTotal === true ||
    (server.reportsTotal === 'sometimes' && scenario.kind === 'traversal' && scenario.reportTotal)
  const askedFirstBy = new Map<unknown, number>()
  let endedAt: number | undefined
  let insertBursts = 0
  // The keyset window of the last request (`name` undefined: no filter). Positions are kept less the records
  // inserted so far, which do not move when more are inserted at the head.
  let window: { name: string | undefined; start: number; refetchedEnd: number } | undefined
  let lastServed: SimulatedRecord | undefined

  /** The simulated server: answers one request, or stops the traversal when the request breaks a property. */
  const answer = (request: PageRequest<unknown>): TResponse => {
    const number = traversal.requests.length + 1
    const insertedBefore =
      scenario.kind === 'traversal' && number > 1 ? (scenario.inserts[number - 2] ?? 0) : 0
    list.insertAtHead(insertedBefore)
    const served: ServedRequest = {
      number,
      pageParam: request.pageParam,
      sent: request.body ?? request.query,
      insertedBefore,
      page: undefined,
      malformed: undefined,
      refetched: 0,
    }
    traversal.requests.push(served)
    const param = describeParam(request.pageParam)

    if (endedAt !== undefined) {
      stop(
        'stops-at-end',
        `request #${number} asked for page param ${param} after the answer to request #${endedAt} said the list had ended`,
      )
    }
    const firstRequest = askedFirstBy.get(paramKey(request.pageParam))
    if (firstRequest !== undefined) {
      stop(
        'distinct-page-params',
        `request #${number} asked for page param ${param}, already requested by request #${firstRequest}`,
      )
    }
    askedFirstBy.set(paramKey(request.pageParam), number)
    if (insertedBefore > 0) insertBursts++
    // Without an end signal, every burst of inserts can turn a last page into a short page in the middle.
    const shortPagesFromDrift = server.announcesEnd === false ? insertBursts : 0
    // Records a keyset window fetches again (the edge value it starts with) are records to page once more.
    const budget =
      Math.ceil((scenario.records + list.inserted + traversal.refetched) / pageLength) +
      settings.extraRequests +
      shortPagesFromDrift
    if (number > budget) {
      const drift = shortPagesFromDrift > 0 ? ` + ${shortPagesFromDrift} bursts of inserts` : ''
      const again =
        traversal.refetched > 0
          ? ` + ${traversal.refetched} fetched again at the start of ${traversal.windows} keyset windows`
          : ''
      stop(
        'request-count',
        `the traversal did not end within ${budget} requests ` +
          `(ceil(${scenario.records + list.inserted}${again} / ${pageLength}) + ${settings.extraRequests}${drift})`,
      )
    }
    const requested = readRequest(server, request, number, stop)
    if (requested.limit !== limit) {
      const clamped = scenario.pageSize > limit ? `, clamped to maxLimit ${adapter.maxLimit}` : ''
      stop(
        'well-formed-requests',
        `request #${number} asked for ${requested.limit} records; expected ${limit} (page size ${scenario.pageSize}${clamped})`,
      )
    }
    const keyset = 'offset' in requested ? requested.window : undefined
    const windowStart =
      keyset === undefined
        ? 0
        : serverCall(server, `window.includes (${keyset.name})`, () =>
            list.firstKept((record) => keyset.includes(record)),
          )
    const position = windowStart + positionOf(requested, list, number, stop)
    if (window === undefined || window.name !== keyset?.name) {
      // A new window: it must start below the one before it, and may start with records that one served.
      const start = windowStart - list.inserted
      if (window !== undefined && start <= window.start) {
        stop(
          'request-count',
          `request #${number} starts ${keyset === undefined ? 'a window without a filter' : `the keyset window ${describeParam(keyset.name)}`} at ` +
            `record ${windowStart + 1}, not below the start of the window before it (record ` +
            `${window.start + list.inserted + 1}): the traversal would go round`,
        )
      }
      const servedEnd = lastServed === undefined ? 0 : list.positionOf(lastServed.id) + 1
      const refetched = Math.max(0, servedEnd - windowStart)
      if (window !== undefined) traversal.windows++
      traversal.refetched += refetched
      window = { name: keyset?.name, start, refetchedEnd: start + refetched }
    }
    const records = list.slice(position, Math.min(requested.limit, cap))
    if (window.refetchedEnd > window.start) {
      served.refetched = Math.max(0, Math.min(records.length, window.refetchedEnd + list.inserted - position))
    }
    const last = records.at(-1)
    lastServed = last ?? lastServed
    const hasMore = fullPageRule
      ? records.length > 0 && records.length === Math.min(requested.limit, cap)
      : position + records.length < list.size
    const page: SimulatedPage = {
      records,
      offset: position,
      limit: requested.limit,
      hasMore,
      nextOffset: position + records.length,
      nextCursor: hasMore && last !== undefined ? list.cursorAfter(last) : null,
      cursor: 'cursor' in requested ? requested.cursor : null,
      total: reportsTotal ? list.size : undefined,
      request,
    }
    if (keyset !== undefined) page.window = { name: keyset.name, start: windowStart }
    served.page = page
    const response = serverCall(server, 'respond', () => server.respond(page))
    const malformed = settings.malformed
    if (
      malformed !== undefined &&
      traversal.malformed === undefined &&
      number > malformed.at &&
      serverCall(server, `appliesTo (${malformed.page.name})`, () => malformed.page.appliesTo?.(page) ?? true)
    ) {
      served.malformed = malformed.page.name
      traversal.malformed = { name: malformed.page.name, expect: malformed.page.expect, request: number }
      // The client never saw this page's end signal, so a request after it is not a request past the end.
      return serverCall(server, `corrupt (${malformed.page.name})`, () =>
        malformed.page.corrupt(response, page),
      ) as TResponse
    }
    // A server that does not announce the end lets the adapter find it with an empty page.
    if (!hasMore && (server.announcesEnd !== false || records.length === 0)) endedAt = number
    return response
  }

  const signal = new AbortController().signal
  const responses: TResponse[] = []
  const pageParams: TParam[] = []
  let pageParam: TParam | undefined = adapter.initialPageParam
  try {
    while (pageParam !== undefined) {
      const { query, body, url } = adapter.toRequest(pageParam, limit)
      const request: PageRequest<TParam> = { pageParam, limit, query, signal }
      if (body !== undefined) request.body = body
      if (url !== undefined) request.url = url
      // An adapter that reads headers asks for the full response, as pagewise's requests do.
      if (adapter.response === 'full') request.response = 'full'
      const response = answer(request)
      responses.push(response)
      pageParams.push(pageParam)
      const items = adapter.getItems(response)
      const next = adapter.getNextPageParam(response, responses, pageParam, pageParams)
      traversal.pages.push({ number: responses.length, items, response })
      pageParam = next ?? undefined
    }
  } catch (error) {
    if (error instanceof SimulatedServerFault) throw error
    traversal.end =
      error instanceof PropertyFailure
        ? { kind: 'violation', property: error.property, detail: error.detail }
        : { kind: 'adapter-error', error }
  }
  return traversal
}

/** Runs a part of the simulated server; what it throws is the server's fault, not the adapter's. */
function serverCall<T>(server: SimulatedServer<unknown>, what: string, call: () => T): T {
  try {
    return call()
  } catch (error) {
    throw new SimulatedServerFault(server.name, what, error)
  }
}

type Stop = (property: ConformanceProperty, detail: string) => never

/** The server's reading of a request; a request it cannot read stops the traversal. */
function readRequest(
  server: SimulatedServer<unknown>,
  request: PageRequest<unknown>,
  number: number,
  stop: Stop,
): RequestedPage {
  let requested: RequestedPage
  try {
    requested = server.readRequest(request)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return stop('well-formed-requests', `the server could not read request #${number}: ${reason}`)
  }
  if (!Number.isSafeInteger(requested.limit) || requested.limit < 1) {
    stop(
      'well-formed-requests',
      `the server read a page size of ${String(requested.limit)} from request #${number}`,
    )
  }
  return requested
}

/** Where the requested page starts in the list as it is now. */
function positionOf(requested: RequestedPage, list: SimulatedList, number: number, stop: Stop): number {
  if ('offset' in requested) {
    if (!Number.isSafeInteger(requested.offset) || requested.offset < 0) {
      stop(
        'well-formed-requests',
        `the server read the offset ${String(requested.offset)} from request #${number}`,
      )
    }
    return requested.offset
  }
  if (requested.cursor === null) return 0
  const position = list.positionAfter(requested.cursor)
  if (position === undefined) {
    stop(
      'well-formed-requests',
      `request #${number} sent the cursor ${JSON.stringify(requested.cursor)}, which the server never issued`,
    )
  }
  return position as number
}
