import fc from 'fast-check'

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
  /** When the server says more records follow. */
  hasMoreRule: HasMoreRule
  /** Whether the answers report the list's total, on servers that report it only sometimes. */
  reportTotal: boolean
  /** Records inserted at the head of the list before the 2nd, 3rd, … request. */
  inserts: number[]
}

/** One generated run of the malformed-page property. */
export interface MalformedScenario {
  kind: 'malformed'
  /** Records in the list. */
  records: number
  /** Page size the traversal asks for. */
  pageSize: number
  /** 0-based request from which on the malformed page is sent (taken modulo the number of pages). */
  at: number
}

/** A generated run. */
export type ConformanceScenario = TraversalScenario | MalformedScenario

/** What the scenarios of one `verifyAdapter` call range over. */
export interface ScenarioSettings {
  maxRecords: number
  maxLimit: number
  drift: boolean
  shortPages: boolean
}

/** Page sizes past `maxLimit`, to see that requests are clamped. */
const OVER_MAX_LIMIT = 50
/** Most records inserted before one request, and most requests preceded by inserts. */
const MAX_INSERT = 100
const MAX_INSERT_STEPS = 30

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
    inserts: settings.drift
      ? fc.array(fc.nat({ max: MAX_INSERT }), { maxLength: MAX_INSERT_STEPS })
      : fc.constant([]),
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
