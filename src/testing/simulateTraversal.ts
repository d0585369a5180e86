import { resolveLimit } from '../core/resolveLimit'
import type { PageRequest, PaginationAdapter } from '../core/types'
import { walkPages } from '../core/walkPages'
import type { ConformanceProperty } from './conformanceProperties'
import type { ConformanceScenario } from './conformanceScenario'
import { describeParam } from './describeParam'
import { PageParamSet } from './pageParamSet'
import { SimulatedList } from './simulatedList'
import { SimulatedServerFault } from './SimulatedServerFault'
import type { MalformedPage, RequestedPage, SimulatedPage, SimulatedServer } from './simulatedServer'

/** One request the simulated server received. */
export interface ServedRequest {
  /** 1-based. */
  number: number
  /** The page param the adapter asked for. */
  pageParam: unknown
  /** What the request carried: its JSON body when it has one, else its query. */
  sent: Record<string, unknown>
  /** Records inserted at the head of the list just before this request. */
  insertedBefore: number
  /** The page the server answered with; `undefined` when it refused the request. */
  page: SimulatedPage | undefined
  /** The name of the malformed answer sent instead of the page, if one was. */
  malformed: string | undefined
}

/** A page the traversal handed out, after the adapter read it. */
export interface HandedOutPage<TItem> {
  /** The request it answered (1-based). */
  number: number
  /** Its records as the adapter's `getItems` read them. */
  items: TItem[]
  /** The raw answer. */
  response: unknown
}

/** How a traversal ended. */
export type TraversalEnd =
  | { kind: 'completed' }
  /** The server refused a request and stopped the traversal. */
  | { kind: 'violation'; property: ConformanceProperty; detail: string }
  /** The adapter (or the walk) threw. */
  | { kind: 'adapter-error'; error: unknown }

/** Everything a traversal did, for the properties to check and for the counter-example to show. */
export interface Traversal<TItem> {
  scenario: ConformanceScenario
  /** The page size pagewise requests: the scenario's, clamped to `maxLimit`. */
  limit: number
  requests: ServedRequest[]
  pages: HandedOutPage<TItem>[]
  end: TraversalEnd
  list: SimulatedList
  /** The malformed answer of the run and the request it answered, once sent. */
  malformed: { name: string; expect: MalformedPage<unknown>['expect']; request: number } | undefined
}

/** What a traversal needs besides the adapter and the server. */
export interface TraversalSettings {
  /** Requests allowed past ceil(records / limit). */
  extraRequests: number
  /** For malformed runs: the malformed answer, sent from request `at` (0-based) on, where it applies. */
  malformed?: { page: MalformedPage<unknown>; at: number }
}

/** Stops a traversal from inside the simulated server: the adapter broke a property with its last request. */
class ServerStop extends Error {
  constructor(
    readonly property: ConformanceProperty,
    readonly detail: string,
  ) {
    super(detail)
  }
}

/**
 * Walks the adapter over a simulated list with `walkPages`, the traversal engine behind pagewise's own loops. The
 * simulated server answers each request from the list as it is at that moment (after the scenario's inserts), and
 * stops the walk as soon as a request breaks a request-level property, so that a broken adapter never loops.
 */
export async function simulateTraversal<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  server: SimulatedServer<TResponse>,
  scenario: ConformanceScenario,
  settings: TraversalSettings,
): Promise<Traversal<TItem>> {
  const { limit } = resolveLimit(adapter, scenario.pageSize)
  const list = new SimulatedList(scenario.records)
  const traversal: Traversal<TItem> = {
    scenario,
    limit,
    requests: [],
    pages: [],
    end: { kind: 'completed' },
    list,
    malformed: undefined,
  }
  const cap = scenario.kind === 'traversal' ? (scenario.serverPageCap ?? Infinity) : Infinity
  const pageLength = Math.min(limit, cap)
  const fullPageRule = scenario.kind === 'traversal' && scenario.hasMoreRule === 'full-page'
  const reportsTotal =
    server.reportsTotal === true ||
    (server.reportsTotal === 'sometimes' && scenario.kind === 'traversal' && scenario.reportTotal)
  const requestedParams = new PageParamSet()
  let endedAt: number | undefined
  let insertBursts = 0

  const fetchPage = async (request: PageRequest<TParam>): Promise<TResponse> => {
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
    }
    traversal.requests.push(served)
    const param = describeParam(request.pageParam)

    if (endedAt !== undefined) {
      throw new ServerStop(
        'stops-at-end',
        `request #${number} asked for page param ${param} after the answer to request #${endedAt} said the list had ended`,
      )
    }
    const firstRequest = requestedParams.add(request.pageParam, number)
    if (firstRequest !== undefined) {
      throw new ServerStop(
        'distinct-page-params',
        `request #${number} asked for page param ${param}, already requested by request #${firstRequest}`,
      )
    }
    if (insertedBefore > 0) insertBursts++
    // Without an end signal, every burst of inserts can turn a last page into a short page in the middle.
    const shortPagesFromDrift = server.announcesEnd === false ? insertBursts : 0
    const budget =
      Math.ceil((scenario.records + list.inserted) / pageLength) +
      settings.extraRequests +
      shortPagesFromDrift
    if (number > budget) {
      const drift = shortPagesFromDrift > 0 ? ` + ${shortPagesFromDrift} bursts of inserts` : ''
      throw new ServerStop(
        'request-count',
        `the traversal did not end within ${budget} requests ` +
          `(ceil(${scenario.records + list.inserted} / ${pageLength}) + ${settings.extraRequests}${drift})`,
      )
    }
    const requested = readRequest(server, request as PageRequest<unknown>, number)
    if (requested.limit !== limit) {
      const clamped = scenario.pageSize > limit ? `, clamped to maxLimit ${adapter.maxLimit}` : ''
      throw new ServerStop(
        'well-formed-requests',
        `request #${number} asked for ${requested.limit} records; expected ${limit} (page size ${scenario.pageSize}${clamped})`,
      )
    }
    const position = positionOf(requested, list, number)
    const records = list.slice(position, Math.min(requested.limit, cap))
    const hasMore = fullPageRule
      ? records.length > 0 && records.length === Math.min(requested.limit, cap)
      : position + records.length < list.size
    const last = records[records.length - 1]
    const page: SimulatedPage = {
      records,
      offset: position,
      limit: requested.limit,
      hasMore,
      nextOffset: position + records.length,
      nextCursor: hasMore && last !== undefined ? list.cursorAfter(last) : null,
      cursor: 'cursor' in requested ? requested.cursor : null,
      total: reportsTotal ? list.size : undefined,
      request: request as PageRequest<unknown>,
    }
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

  try {
    for await (const walked of walkPages(asTanStackReadsIt(adapter), fetchPage, { limit })) {
      traversal.pages.push({ number: walked.pageIndex + 1, items: walked.items, response: walked.response })
    }
  } catch (error) {
    if (error instanceof SimulatedServerFault) throw error
    traversal.end =
      error instanceof ServerStop
        ? { kind: 'violation', property: error.property, detail: error.detail }
        : { kind: 'adapter-error', error }
  }
  return traversal
}

/**
 * The adapter as TanStack Query reads it, with nothing else added: a `null` next page param ends the list, as
 * `hasNextPage = getNextPageParam(…) != null` says. Methods are called on the adapter itself, so `this` holds.
 */
function asTanStackReadsIt<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
): PaginationAdapter<TResponse, TItem, TParam> {
  return {
    id: adapter.id,
    kind: adapter.kind,
    initialPageParam: adapter.initialPageParam,
    defaultLimit: adapter.defaultLimit,
    maxLimit: adapter.maxLimit,
    toRequest: (pageParam, limit) => adapter.toRequest(pageParam, limit),
    getItems: (response) => adapter.getItems(response),
    getNextPageParam: (lastPage, allPages, lastPageParam, allPageParams) =>
      adapter.getNextPageParam(lastPage, allPages, lastPageParam, allPageParams) ?? undefined,
  }
}

/** Runs a part of the simulated server; what it throws is the server's fault, not the adapter's. */
function serverCall<T>(server: SimulatedServer<unknown>, what: string, call: () => T): T {
  try {
    return call()
  } catch (error) {
    throw new SimulatedServerFault(server.name, what, error)
  }
}

/** The server's reading of a request; a request it cannot read stops the traversal. */
function readRequest(
  server: SimulatedServer<unknown>,
  request: PageRequest<unknown>,
  number: number,
): RequestedPage {
  let requested: RequestedPage
  try {
    requested = server.readRequest(request)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ServerStop('well-formed-requests', `the server could not read request #${number}: ${reason}`)
  }
  if (!Number.isSafeInteger(requested.limit) || requested.limit < 1) {
    throw new ServerStop(
      'well-formed-requests',
      `the server read a page size of ${String(requested.limit)} from request #${number}`,
    )
  }
  return requested
}

/** Where the requested page starts in the list as it is now. */
function positionOf(requested: RequestedPage, list: SimulatedList, number: number): number {
  if ('offset' in requested) {
    if (!Number.isSafeInteger(requested.offset) || requested.offset < 0) {
      throw new ServerStop(
        'well-formed-requests',
        `the server read the offset ${String(requested.offset)} from request #${number}`,
      )
    }
    return requested.offset
  }
  if (requested.cursor === null) return 0
  const position = list.positionAfter(requested.cursor)
  if (position === undefined) {
    throw new ServerStop(
      'well-formed-requests',
      `request #${number} sent the cursor ${JSON.stringify(requested.cursor)}, which the server never issued`,
    )
  }
  return position
}
