import fc from 'fast-check'
import type { SimulatedRecord } from './simulatedServer'

/** When the simulated server says "more records follow". */
export type HasMoreRule =
  /** Exactly when records follow this page: a server that looks ahead. */
  | 'exact'
  /** Whenever the page came back full: a list whose length is a multiple of the page size ends with an empty page. */
  | 'full-page'

/** One generated run of the traversal properties: a list, a page size and how the server behaves. */
export interface TraversalScenario {
  kind: 'traversal'
  /** Records in the list when the traversal starts. */
  records: number
  /** Page size the traversal asks for; may exceed the adapter's `maxLimit`. */
  pageSize: number
  /** Most records the server puts on a page, whatever the request asks; `undefined` for no cap. */
  serverPageCap: number | undefined
  hasMoreRule: HasMoreRule
  /** Whether the answers report the list's total, on servers that report it only sometimes. */
  reportTotal: boolean
  /** Records inserted at the head of the list before the 2nd, 3rd, … request. */
  inserts: number[]
}

/** One generated run of the malformed-page property. */
export interface MalformedScenario {
  kind: 'malformed'
  records: number
  pageSize: number
  /** 0-based request from which on the malformed page is sent (taken modulo the number of pages). */
  at: number
}

export type ConformanceScenario = TraversalScenario | MalformedScenario

/** What the scenarios of one `verifyAdapter` call range over. */
export interface ScenarioSettings {
  maxRecords: number
  maxLimit: number
  drift: boolean
  shortPages: boolean
}

/** Page sizes go this far past `maxLimit`, to see that requests are clamped. */
const OVER_MAX_LIMIT = 50

/** Traversal runs: dataset sizes 0…maxRecords, page sizes 1…maxLimit + 50, short pages, both end rules, drift. */
export function traversalScenarios(settings: ScenarioSettings): fc.Arbitrary<TraversalScenario> {
  return fc.record({
    kind: fc.constant('traversal' as const),
    records: fc.integer({ min: 0, max: settings.maxRecords }),
    pageSize: fc.integer({ min: 1, max: settings.maxLimit + OVER_MAX_LIMIT }),
    serverPageCap: settings.shortPages
      ? fc.option(fc.integer({ min: 1, max: settings.maxLimit }), { nil: undefined, freq: 2 })
      : fc.constant(undefined),
    hasMoreRule: fc.constantFrom<HasMoreRule>('exact', 'full-page'),
    reportTotal: fc.boolean(),
    // Up to 100 records inserted before each of up to 30 requests.
    inserts: settings.drift ? fc.array(fc.nat({ max: 100 }), { maxLength: 30 }) : fc.constant([]),
  })
}

/** Malformed-page runs: a list, a page size, and the request from which on to send the malformed answer. */
export function malformedScenarios(settings: ScenarioSettings): fc.Arbitrary<MalformedScenario> {
  return fc.record({
    kind: fc.constant('malformed' as const),
    records: fc.integer({ min: 0, max: settings.maxRecords }),
    pageSize: fc.integer({ min: 1, max: settings.maxLimit + OVER_MAX_LIMIT }),
    at: fc.nat(),
  })
}

const INITIAL = 'rec-'
const INSERTED = 'new-'
const CURSOR = 'after:'

/**
 * The list of a run: `size` records present from the start (`rec-0` first), and records inserted at its head while
 * it is paged (newest first, as a list sorted by creation date grows). Inserting costs nothing per record already
 * there, so a 5,000-record list can drift between every request. Cursors are keyset cursors, "after record X":
 * the list issues them and remembers which ones it issued.
 */
export class SimulatedList {
  /** The records present from the start, in list order. */
  readonly initial: readonly SimulatedRecord[]
  /** Inserted records, oldest first: the last one is at the head of the list. */
  readonly #inserted: SimulatedRecord[] = []
  readonly #issued = new Set<string>()

  constructor(size: number) {
    this.initial = Array.from({ length: size }, (_, index) => ({ id: `${INITIAL}${index}` }))
  }

  get size(): number {
    return this.#inserted.length + this.initial.length
  }

  /** Number of records inserted so far. */
  get inserted(): number {
    return this.#inserted.length
  }

  insertAtHead(count: number): void {
    for (let index = 0; index < count; index++)
      this.#inserted.push({ id: `${INSERTED}${this.#inserted.length}` })
  }

  /** Up to `count` records from `position` on. */
  slice(position: number, count: number): SimulatedRecord[] {
    const records: SimulatedRecord[] = []
    for (let at = position; at < Math.min(position + count, this.size); at++) records.push(this.#at(at))
    return records
  }

  /** The cursor of the page after `record`. */
  cursorAfter(record: SimulatedRecord): string {
    const cursor = `${CURSOR}${record.id}`
    this.#issued.add(cursor)
    return cursor
  }

  /** Position of the first record after the one `cursor` names; `undefined` for a cursor this list never issued. */
  positionAfter(cursor: string): number | undefined {
    return this.#issued.has(cursor) ? this.positionOf(cursor.slice(CURSOR.length)) + 1 : undefined
  }

  /** Position now of the record with this id (one of this list's). */
  positionOf(id: string): number {
    const index = Number(id.slice(id.indexOf('-') + 1))
    // Inserted records sit above the initial ones, newest first.
    return id.startsWith(INITIAL) ? this.#inserted.length + index : this.#inserted.length - 1 - index
  }

  /**
   * Position of the first record `keeps` keeps, or `size` when it keeps none, for a filter that keeps a tail of the
   * list (a keyset window). Binary search: a 5,000-record list takes a dozen calls.
   */
  firstKept(keeps: (record: SimulatedRecord) => boolean): number {
    let low = 0
    let high = this.size
    while (low < high) {
      const middle = (low + high) >>> 1
      if (keeps(this.#at(middle))) high = middle
      else low = middle + 1
    }
    return low
  }

  #at(position: number): SimulatedRecord {
    const inserted = this.#inserted.length
    if (position < inserted) return this.#inserted[inserted - 1 - position] as SimulatedRecord
    return this.initial[position - inserted] as SimulatedRecord
  }
}

/** The properties `verifyAdapter` checks, by name. */
export type ConformanceProperty =
  | 'valid-pages-read'
  | 'well-formed-requests'
  | 'request-count'
  | 'distinct-page-params'
  | 'stops-at-end'
  | 'page-items'
  | 'exactly-once'
  | 'no-loss-under-drift'
  | 'random-access'
  | 'total'
  | 'malformed-pages'

/**
 * What each property promises, in one sentence: the wording of reports and errors.
 *
 * @example
 * conformanceProperties['exactly-once'] // 'without drift, every record is received exactly once and in order'
 */
export const conformanceProperties: Readonly<Record<ConformanceProperty, string>> = {
  'valid-pages-read': 'a well-formed list is read to its end without an error',
  'well-formed-requests':
    'every request names its page in a way the server understands and asks for min(pageSize, maxLimit) records',
  'request-count':
    'the traversal ends within ceil(records / page size) + extraRequests requests (records a keyset window fetches ' +
    'again count once more)',
  'distinct-page-params': 'no page param is requested twice',
  'stops-at-end': 'no request follows the answer that says the list has ended',
  'page-items': "getItems returns exactly the page's records, in order",
  'exactly-once': 'without drift, every record is received exactly once and in order',
  'no-loss-under-drift':
    'with records inserted at the head while paging, every record present throughout is received, and the ' +
    'de-duplicated items hold each record once, in order',
  'random-access': 'pageParamAt(i, limit) is the param the traversal used for page i (offset adapters)',
  total: 'getTotal reads the total the server reports',
  'malformed-pages':
    'a malformed page is refused with the expected typed error, naming the adapter, before it is handed out',
}

/** A page param compared as pagewise's loop guard compares them: primitives by value, objects by their JSON. */
export function paramKey(param: unknown): unknown {
  return typeof param === 'object' && param !== null ? `json:${JSON.stringify(param)}` : param
}

/** A page param or a request parameter as it reads in a report: `0`, `"after:rec-99"`, `null`, `{"page":2}`. */
export function describeParam(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'bigint') return `${value}n`
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Ids for a report: all of them when few, else the first and the last: `rec-0, rec-1, … rec-99 (100 records)`. */
export function describeIds(ids: readonly unknown[]): string {
  if (ids.length === 0) return 'no records'
  const shown = ids.length <= 6 ? ids.map(String) : [...ids.slice(0, 3).map(String), '…', String(ids.at(-1))]
  return `${ids.length === 1 ? '1 record' : `${ids.length} records`}: ${shown.join(', ')}`
}
