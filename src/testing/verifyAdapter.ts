import fc from 'fast-check'
import { InvalidOptionError } from '../core/errors'
import { defaultItemId } from '../core/itemFlattener'
import type { GetItemId } from '../core/itemFlattener'
import { isNonNegativeInteger } from '../core/readField'
import type { PaginationAdapter } from '../core/types'
import { AdapterConformanceError, describeCounterExample, toCounterExample } from './AdapterConformanceError'
import { checkMalformedTraversal, checkTraversal } from './conformanceProperties'
import type { CheckContext } from './conformanceProperties'
import { conformanceProperties, malformedScenarios, traversalScenarios } from './conformanceScenario'
import type { ConformanceProperty, ConformanceScenario } from './conformanceScenario'
import type { SimulatedServer } from './simulatedServer'
import { PropertyFailure, simulateTraversal } from './simulateTraversal'
import type { Traversal } from './simulateTraversal'

/** Options of `verifyAdapter`. */
export interface VerifyAdapterOptions<TResponse, TItem> {
  /** How the simulated API reads requests and shapes answers: an `offsetServer(…)`, a `cursorServer(…)` or your own. */
  server: SimulatedServer<TResponse>
  /**
   * Generated runs of the traversal properties, and again of the malformed-page property (shared out among the
   * server's malformed answers, at least one run each).
   * @default 100
   */
  numRuns?: number
  /** Seed of the generator. The error of a failed run gives its seed, to replay it. @default random */
  seed?: number
  /** Largest generated list. @default 5000 */
  maxRecords?: number
  /**
   * Insert records at the head of the list between requests, as new records do in a list sorted newest first.
   * @default true for offset adapters, false for cursor adapters
   */
  drift?: boolean
  /**
   * Requests allowed past ceil(records / page size). One is the least any correct adapter needs: an empty list
   * still takes one request, and a server that says "more" whenever a page is full ends a list whose length is a
   * multiple of the page size with an empty page. On a server with keyset windows, the records each window fetches
   * again (those on its edge value) count as records to page once more: the bound is
   * ceil((records + inserted + fetched again) / page size) + extraRequests.
   * @default 1
   */
  extraRequests?: number
  /** Check that malformed answers give typed errors (with the server's `malformed` pages). @default true */
  malformed?: boolean
  /** The simulated record's id (`'rec-12'`) of an item, for adapters whose `getItems` reshapes records. @default item.id */
  getItemId?: (item: TItem) => unknown
}

/** How often a property was checked. */
export interface PropertyReport {
  /** The property, such as `'exactly-once'`. */
  name: ConformanceProperty
  /** What it promises. */
  description: string
  /** Runs that checked it. */
  runs: number
}

/** What `verifyAdapter` checked, when every property held. */
export interface AdapterReport {
  /** The adapter's `id`. */
  adapterId: string
  /** The simulated server's name. */
  server: string
  /** Seed of the runs. */
  seed: number
  /** Generated runs, traversal and malformed-page runs together. */
  runs: number
  /** Requests the simulated server answered. */
  requests: number
  /** Records it served. */
  records: number
  /** Records inserted at the head of lists while they were paged. */
  inserted: number
  /** Keyset windows started past the first; 0 on servers without keyset windows (`RequestedPage.window`). */
  windows: number
  /** Records served again at the start of those windows: the records on the edge value, fetched twice. */
  refetched: number
  /** Wall-clock time of the whole verification, in milliseconds. */
  durationMs: number
  /** Every property, with the number of runs that checked it. */
  properties: PropertyReport[]
  /** Each malformed answer of the server, with the number of runs that sent it and saw it refused. */
  malformedPages: { name: string; runs: number }[]
}

/**
 * Drives an adapter against a simulated API with generated lists (0 to 5,000 records), page sizes (1 to
 * `maxLimit` + 50), short pages, both ways of announcing the end, records inserted at the head between requests, and
 * malformed answers, checking the adapter contract on every run. Resolves with a report; rejects with an
 * `AdapterConformanceError` that names the broken property and shows the shrunk counter-example.
 *
 * Needs `fast-check` (an optional peer dependency) installed.
 *
 * @example
 * import { cursorAdapter } from 'pagewise'
 * import { cursorServer, verifyAdapter } from 'pagewise/testing'
 *
 * test('the events adapter conforms', async () => {
 *   const events = cursorAdapter({ id: 'acme.events', items: 'events', nextCursor: 'next_page_token' })
 *   const server = cursorServer({
 *     name: 'Acme events',
 *     respond: (page) => ({ events: page.records, next_page_token: page.nextCursor }),
 *   })
 *   const report = await verifyAdapter(events, { server })
 *   expect(report.runs).toBe(200)
 * })
 */
export async function verifyAdapter<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  options: VerifyAdapterOptions<NoInfer<TResponse>, NoInfer<TItem>>,
): Promise<AdapterReport> {
  const started = performance.now()
  const settings = readOptions(adapter, options)
  const { server, numRuns, seed, extraRequests } = settings
  const context: CheckContext<TItem> = { adapter, server, getItemId: settings.getItemId }
  const run = { numRuns, seed, fcSeed: seed, adapterId: adapter.id, serverName: server.name }
  const report: AdapterReport = {
    adapterId: adapter.id,
    server: server.name,
    seed,
    runs: 0,
    requests: 0,
    records: 0,
    inserted: 0,
    windows: 0,
    refetched: 0,
    durationMs: 0,
    properties: Object.entries(conformanceProperties).map(([name, description]) => ({
      name: name as ConformanceProperty,
      description,
      runs: 0,
    })),
    malformedPages: (server.malformed ?? []).map((page) => ({ name: page.name, runs: 0 })),
  }
  const tally = (traversal: Traversal<unknown>, checked: readonly ConformanceProperty[]) => {
    report.runs++
    report.requests += traversal.requests.length
    for (const request of traversal.requests) report.records += request.page?.records.length ?? 0
    report.inserted += traversal.list.inserted
    report.windows += traversal.windows
    report.refetched += traversal.refetched
    for (const property of report.properties) if (checked.includes(property.name)) property.runs++
  }

  check(
    fc.property(traversalScenarios(settings), (scenario) => {
      const traversal = simulateTraversal(adapter, server, scenario, { extraRequests })
      tally(traversal, checkTraversal(context, traversal))
    }),
    run,
  )

  // The malformed-page runs are shared out among the server's malformed answers, so that each one is sent.
  const malformedPages = settings.malformed ? (server.malformed ?? []) : []
  const count = malformedPages.length
  for (const [index, page] of malformedPages.entries()) {
    const runs = Math.max(1, Math.floor((numRuns + count - 1 - index) / count))
    const property = fc.property(malformedScenarios(settings), (scenario) => {
      const pages = Math.max(1, Math.ceil(scenario.records / Math.min(scenario.pageSize, adapter.maxLimit)))
      const malformed = { page, at: scenario.at % pages }
      const traversal = simulateTraversal(adapter, server, scenario, { extraRequests, malformed })
      // A run whose list ended before a page the answer applies to does not count: fast-check draws another.
      fc.pre(checkMalformedTraversal(context, traversal))
      tally(traversal, ['malformed-pages'])
      const sent = report.malformedPages[index]
      if (sent) sent.runs++
    })
    check(property, { ...run, numRuns: runs, fcSeed: seed + 1 + index, malformed: page.name })
  }

  report.durationMs = Math.round(performance.now() - started)
  return report
}

function readOptions<TResponse, TItem>(
  adapter: PaginationAdapter<TResponse, TItem, unknown>,
  options: VerifyAdapterOptions<TResponse, TItem>,
) {
  const invalid = (option: string, expected: string, received: unknown) =>
    new InvalidOptionError('verifyAdapter', option, expected, received)
  if (typeof adapter !== 'object' || adapter === null) throw invalid('adapter', 'an adapter object', adapter)
  if (!isNonNegativeInteger(adapter.maxLimit) || adapter.maxLimit === 0) {
    throw invalid('adapter.maxLimit', 'a positive integer', adapter.maxLimit)
  }
  const server = options?.server
  if (typeof server?.readRequest !== 'function' || typeof server.respond !== 'function') {
    throw invalid('server', 'a simulated server such as offsetServer({ … })', server)
  }
  const positive = (option: 'numRuns' | 'extraRequests', value: number) => {
    if (!isNonNegativeInteger(value) || value === 0) throw invalid(option, 'a positive integer', value)
    return value
  }
  const maxRecords = options.maxRecords ?? 5000
  if (!isNonNegativeInteger(maxRecords)) throw invalid('maxRecords', 'a non-negative integer', maxRecords)
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff)
  if (!Number.isSafeInteger(seed)) throw invalid('seed', 'an integer', seed)
  return {
    server,
    numRuns: positive('numRuns', options.numRuns ?? 100),
    seed,
    extraRequests: positive('extraRequests', options.extraRequests ?? 1),
    maxRecords,
    maxLimit: adapter.maxLimit,
    drift: options.drift ?? adapter.kind === 'offset',
    shortPages: server.shortPages ?? true,
    malformed: options.malformed ?? true,
    getItemId: (options.getItemId as GetItemId<TItem> | undefined) ?? defaultItemId,
  }
}

/** Runs one property; on failure throws the `AdapterConformanceError` of its shrunk counter-example. */
function check(
  property: fc.IProperty<[ConformanceScenario]>,
  run: {
    numRuns: number
    /** The verification's seed, to replay it all; `fcSeed` is this property's. */
    seed: number
    fcSeed: number
    adapterId: string
    serverName: string
    /** The malformed answer these runs send. */
    malformed?: string
  },
): void {
  const { adapterId, serverName, seed } = run
  const details = fc.check(property, { numRuns: run.numRuns, seed: run.fcSeed })
  if (!details.failed) return
  const failure = details.errorInstance
  if (!(failure instanceof PropertyFailure)) {
    if (failure instanceof Error) throw failure
    // No error: fast-check gave up because no run could send the malformed answer.
    throw new Error(
      `[pagewise/testing] ${adapterId}: the malformed answer ${JSON.stringify(run.malformed)} of ` +
        `${JSON.stringify(serverName)} applied to no page of ${details.numSkips} generated lists; check its appliesTo.`,
    )
  }
  const counterExample = toCounterExample(failure.traversal)
  const broken = { adapterId, property: failure.property, reason: failure.detail, counterExample, seed }
  const message = describeCounterExample({
    ...broken,
    serverName,
    runs: details.numRuns,
    shrinks: details.numShrinks,
  })
  throw new AdapterConformanceError(message, broken)
}
