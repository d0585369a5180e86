import type { CounterExample, CounterExampleRequest } from './AdapterConformanceError'
import { conformanceProperties } from './conformanceProperties'
import type { ConformanceProperty } from './conformanceProperties'
import { describeIds } from './describeIds'
import { describeParam } from './describeParam'
import type { Traversal } from './simulateTraversal'

/** Requests shown in full at the start and at the end of a long counter-example. */
const HEAD = 8
const TAIL = 3

/** The counter-example of a failed run, as data. */
export function toCounterExample(traversal: Traversal<unknown>): CounterExample {
  const { scenario } = traversal
  const requests = traversal.requests.map((request): CounterExampleRequest => ({
    number: request.number,
    pageParam: request.pageParam,
    sent: request.sent,
    insertedBefore: request.insertedBefore,
    received: request.page?.records.map((record) => record.id),
    hasMore: request.page?.hasMore,
    malformed: request.malformed,
  }))
  return {
    records: scenario.records,
    pageSize: scenario.pageSize,
    limit: traversal.limit,
    serverPageCap:
      scenario.kind === 'traversal' &&
      scenario.serverPageCap !== undefined &&
      scenario.serverPageCap < traversal.limit
        ? scenario.serverPageCap
        : undefined,
    hasMoreRule: scenario.kind === 'traversal' ? scenario.hasMoreRule : 'exact',
    inserted: traversal.list.inserted,
    malformed: traversal.malformed?.name,
    pageParams: requests.map((request) => request.pageParam),
    requests,
  }
}

/** What `verifyAdapter`'s error says: the property, the reason, the counter-example and how to replay it. */
export interface FailureDescription {
  adapterId: string
  serverName: string
  property: ConformanceProperty
  reason: string
  counterExample: CounterExample
  seed: number
  runs: number
  shrinks: number
}

/** The message of an `AdapterConformanceError`, readable by a human. */
export function describeCounterExample(failure: FailureDescription): string {
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
  for (const line of abbreviate(example.requests.map(describeRequest), HEAD + TAIL + 1, TAIL)) {
    lines.push(`    ${line}`)
  }
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

/** At most `max` entries: the first ones, `… n more …`, and the last `tail` ones. */
function abbreviate(entries: string[], max: number, tail = 3): string[] {
  if (entries.length <= max) return entries
  const head = max - tail - 1
  return [
    ...entries.slice(0, head),
    `… ${entries.length - head - tail} more …`,
    ...entries.slice(entries.length - tail),
  ]
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
