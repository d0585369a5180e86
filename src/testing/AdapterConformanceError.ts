import { PagewiseError } from '../core/errors'
import { conformanceProperties, describeIds, describeParam } from './conformanceScenario'
import type { ConformanceProperty, HasMoreRule } from './conformanceScenario'
import type { CounterExampleRequest, Traversal } from './simulateTraversal'

/** The smallest run fast-check found that breaks the property: the list, the page size and every request. */
export interface CounterExample {
  /** Records in the list when the traversal started. */
  records: number
  /** Page size the traversal asked for. */
  pageSize: number
  /** Page size pagewise requested: `pageSize` clamped to `maxLimit`. */
  limit: number
  /** Most records the server put on a page, when it capped pages below the limit. */
  serverPageCap: number | undefined
  /** When the server said more records follow. */
  hasMoreRule: HasMoreRule
  /** Records inserted at the head of the list while it was paged. */
  inserted: number
  /** The malformed answer the run sent, if any. */
  malformed: string | undefined
  /** The page params requested, in order. */
  pageParams: unknown[]
  /** Every request, in order. */
  requests: CounterExampleRequest[]
}

/**
 * Thrown by `verifyAdapter` when an adapter breaks a conformance property. The message says which property, why,
 * and shows the shrunk counter-example: list size, page size and every request with its page param.
 *
 * @example
 * try {
 *   await verifyAdapter(myAdapter, { server: myServer })
 * } catch (error) {
 *   if (error instanceof AdapterConformanceError) console.error(error.property, error.counterExample.pageParams)
 *   throw error
 * }
 */
export class AdapterConformanceError extends PagewiseError {
  override readonly name: string = 'AdapterConformanceError'
  declare readonly adapterId: string
  /** The property broken, such as `'exactly-once'`. */
  readonly property: ConformanceProperty
  /** What went wrong, in one sentence. */
  readonly reason: string
  /** The shrunk failing run. */
  readonly counterExample: CounterExample
  /** Seed of the run: pass it to `verifyAdapter` to get the same counter-example again. */
  readonly seed: number

  constructor(message: string, details: Failure) {
    super(message, details.adapterId)
    this.property = details.property
    this.reason = details.reason
    this.counterExample = details.counterExample
    this.seed = details.seed
  }
}

type Failure = Pick<AdapterConformanceError, 'adapterId' | 'property' | 'reason' | 'counterExample' | 'seed'>

/** The counter-example of a failed run, as data. */
export function toCounterExample(traversal: Traversal<unknown>): CounterExample {
  const { scenario, limit } = traversal
  const requests = traversal.requests.map((request): CounterExampleRequest => ({
    number: request.number,
    pageParam: request.pageParam,
    sent: request.sent,
    insertedBefore: request.insertedBefore,
    received: request.page?.records.map((record) => record.id),
    hasMore: request.page?.hasMore,
    malformed: request.malformed,
  }))
  const cap = scenario.kind === 'traversal' ? scenario.serverPageCap : undefined
  return {
    records: scenario.records,
    pageSize: scenario.pageSize,
    limit,
    serverPageCap: cap !== undefined && cap < limit ? cap : undefined,
    hasMoreRule: scenario.kind === 'traversal' ? scenario.hasMoreRule : 'exact',
    inserted: traversal.list.inserted,
    malformed: traversal.malformed?.name,
    pageParams: requests.map((request) => request.pageParam),
    requests,
  }
}

/** The message of an `AdapterConformanceError`: the property, the reason, the counter-example and how to replay it. */
export function describeCounterExample(
  failure: Failure & { serverName: string; runs: number; shrinks: number },
): string {
  const { counterExample: example } = failure
  const clamped = example.pageSize > example.limit ? ` (clamped to maxLimit)` : ''
  const rule =
    example.hasMoreRule === 'exact'
      ? 'says "more" exactly when records follow'
      : 'says "more" whenever a page comes back full'
  const cap =
    example.serverPageCap === undefined ? '' : `; serves at most ${example.serverPageCap} records per page`
  const drift =
    example.inserted === 0
      ? 'no drift'
      : `${plural(example.inserted, 'record')} inserted at the head while paging`
  const lines = [
    `[pagewise/testing] ${failure.adapterId} broke "${failure.property}": ${conformanceProperties[failure.property]}.`,
    `  ${failure.reason}`,
    '',
    `Counter-example (found on run ${failure.runs}, shrunk ${failure.shrinks} times; seed ${failure.seed}):`,
    `  server: ${failure.serverName}, which ${rule}${cap}`,
    `  list: ${plural(example.records, 'record')}; pageSize ${example.pageSize} → limit ${example.limit}${clamped}; ${drift}`,
  ]
  if (example.malformed !== undefined) lines.push(`  malformed answer: ${example.malformed}`)
  lines.push(`  page params requested: ${abbreviate(example.pageParams.map(describeParam), 20).join(', ')}`)
  lines.push('  requests:')
  // The first 8 requests and the last 3 of a long run.
  for (const line of abbreviate(example.requests.map(describeRequest), 12)) lines.push(`    ${line}`)
  lines.push(`Replay it: verifyAdapter(adapter, { ...sameOptions, seed: ${failure.seed} })`)
  return lines.join('\n')
}

function describeRequest(request: CounterExampleRequest): string {
  const inserted = request.insertedBefore > 0 ? ` (after ${request.insertedBefore} inserted at the head)` : ''
  const sent = `#${request.number} page param ${describeParam(request.pageParam)}${inserted}: sent ${describeParam(request.sent)}`
  if (request.received === undefined) return `${sent} → refused`
  const answer = `${describeIds(request.received)}; ${request.hasMore ? 'more follow' : 'end of list'}`
  if (request.malformed !== undefined)
    return `${sent} → malformed answer (${request.malformed}) instead of ${answer}`
  return `${sent} → ${answer}`
}

/** At most `max` entries: the first ones, `… n more …`, and the last three. */
function abbreviate(entries: string[], max: number): string[] {
  if (entries.length <= max) return entries
  const head = max - 4
  return [...entries.slice(0, head), `… ${entries.length - head - 3} more …`, ...entries.slice(-3)]
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
