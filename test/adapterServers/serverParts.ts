import { CursorLoopError } from '../../src/core/errors'
import type { MalformedPage } from '../../src/testing'

/**
 * The item type of these servers' answers. At run time every item is a `SimulatedRecord`; the type is left open so
 * that an adapter typed for other records (`closeOffset<Lead>()`) is verified as it is.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SimulatedItem = any

/** A malformed answer whose `field` hands back the cursor the request carried: a loop. */
export function repeatsCursor<TResponse>(field: string): MalformedPage<TResponse> {
  return {
    name: `"${field}" repeats the cursor of the request`,
    appliesTo: (page) => page.cursor !== null,
    corrupt: (response, page) => ({ ...response, [field]: page.cursor }),
    expect: CursorLoopError,
  }
}

/** `corrupt` for an answer `{ data }` whose last record `change` alters (the record the next request names). */
export function withLastRecord(change: (record: Record<string, unknown>) => unknown) {
  return <TResponse extends { data: SimulatedItem[] }>(response: TResponse): TResponse => ({
    ...response,
    data: response.data.map((record, index) =>
      index === response.data.length - 1 ? change(record) : record,
    ),
  })
}
