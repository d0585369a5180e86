import type { StripeListResponse } from '../../src/adapters/startingAfter'
import { CursorLoopError } from '../../src/core/errors'
import { commonMalformedPages } from '../../src/testing'
import type { MalformedPage, SimulatedServer } from '../../src/testing'
import { readIntegerParam } from '../../src/testing/simulatedServer'
import { withLastRecord } from './serverParts'
import type { SimulatedItem } from './serverParts'

type StripeAnswer = StripeListResponse<SimulatedItem>

/** Stripe's largest `limit`. */
const STRIPE_MAX_LIMIT = 100

/** A page whose last id the adapter reads: records, and more after them. */
const continues = (page: { hasMore: boolean; records: unknown[] }) => page.hasMore && page.records.length > 0

const stripeMalformedPages: readonly MalformedPage<StripeAnswer>[] = [
  ...commonMalformedPages,
  { name: '"data" is missing', corrupt: ({ data: _data, ...rest }) => rest },
  { name: '"has_more" is the string "true"', corrupt: (response) => ({ ...response, has_more: 'true' }) },
  {
    name: 'the last record has no "id" while more follow',
    appliesTo: continues,
    corrupt: withLastRecord(({ id: _id, ...rest }) => rest),
  },
  {
    name: 'the last record\'s "id" is a number while more follow',
    appliesTo: continues,
    corrupt: withLastRecord((record) => ({ ...record, id: 42 })),
  },
  {
    name: '"has_more" is true on an empty page',
    corrupt: (response) => ({ ...response, data: [], has_more: true }),
    expect: CursorLoopError,
  },
  {
    // A server that ignores starting_after and ends the page on the record it was asked to start after.
    name: 'the page ends with the record "starting_after" named',
    appliesTo: (page) => page.request.query.starting_after !== undefined,
    corrupt: (response, page) => ({
      ...response,
      has_more: true,
      data: [...response.data, { id: page.request.query.starting_after }],
    }),
    expect: CursorLoopError,
  },
]

/**
 * Simulates a Stripe list endpoint (`GET /v1/customers`, …) for `startingAfterAdapter()`: reads `limit` (1–100) and
 * `starting_after`, answers `{ object: 'list', url, has_more, data }`. Stripe's cursor is not a token it issues but
 * the id of the last record the client received; the server refuses any other id, `ending_before` (a traversal only
 * pages forwards) and both at once.
 *
 * The kit's cursors are opaque strings its list issues with each page (`page.nextCursor`). This server maps the id of
 * each page's last record to the cursor issued with that page, and reads `starting_after=<id>` back through that map:
 * records inserted at the head never shift a page, as with Stripe.
 *
 * @example
 * await verifyAdapter(startingAfterAdapter(), { server: stripeListServer() })
 */
export function stripeListServer(): SimulatedServer<StripeAnswer> {
  /** Kit cursor of the page after each record that ended a page with `has_more: true`, for the current run. */
  let cursorAfter = new Map<string, string>()
  return {
    name: 'Stripe list (starting_after)',
    readRequest: (request) => {
      const { query } = request
      const limit = readIntegerParam(request, 'query', 'limit', 1)
      if (limit > STRIPE_MAX_LIMIT) {
        throw new Error(
          `"limit" is ${limit}, above Stripe's maximum of ${STRIPE_MAX_LIMIT} (Stripe answers 400)`,
        )
      }
      if (query.ending_before !== undefined) {
        throw new Error(
          query.starting_after === undefined
            ? '"ending_before" on a forward traversal: the next page is starting_after the last record'
            : 'both "starting_after" and "ending_before" (Stripe answers 400: only one of them)',
        )
      }
      const id = query.starting_after
      if (id === undefined) {
        // Every run starts at the head of its list: forget the previous run's ids.
        cursorAfter = new Map()
        return { cursor: null, limit }
      }
      const cursor = cursorAfter.get(id)
      if (cursor === undefined) {
        throw new Error(
          `"starting_after" is ${JSON.stringify(id)}, not the id of the last record of a page answered with has_more: true`,
        )
      }
      return { cursor, limit }
    },
    respond: (page) => {
      const last = page.records[page.records.length - 1]
      if (last !== undefined && page.nextCursor !== null) cursorAfter.set(last.id, page.nextCursor)
      return { object: 'list', url: '/v1/customers', has_more: page.hasMore, data: page.records }
    },
    malformed: stripeMalformedPages,
  }
}
