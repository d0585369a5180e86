import { PagewiseError } from '../core/errors'
import type { ConformanceProperty } from './conformanceProperties'
import type { HasMoreRule } from './conformanceScenario'

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
  declare readonly adapterId: string
  /** The property broken, such as `'exactly-once'`. */
  readonly property: ConformanceProperty
  /** What went wrong, in one sentence. */
  readonly reason: string
  /** The shrunk failing run. */
  readonly counterExample: CounterExample
  /** Seed of the run: pass it to `verifyAdapter` to get the same counter-example again. */
  readonly seed: number

  constructor(
    message: string,
    details: {
      adapterId: string
      property: ConformanceProperty
      reason: string
      counterExample: CounterExample
      seed: number
    },
  ) {
    super(message, details.adapterId)
    this.property = details.property
    this.reason = details.reason
    this.counterExample = details.counterExample
    this.seed = details.seed
  }
}
