import type { HubspotPage } from '../../src/adapters/hubspot'
import type { ParamPlacement } from '../../src/adapters/fieldSpec'
import { CursorLoopError } from '../../src/core/errors'
import { commonMalformedPages, cursorServer } from '../../src/testing'
import type { MalformedPage, SimulatedPage, SimulatedServer } from '../../src/testing'
import type { SimulatedItem } from './serverParts'

type HubspotAnswer = HubspotPage<SimulatedItem>

const LIST_PATH = '/crm/v3/objects/contacts'

/** The answer with `paging.next` changed. */
const withNext = (response: HubspotAnswer, next: unknown) => ({ ...response, paging: { next } })

const hubspotMalformedPages: readonly MalformedPage<HubspotAnswer>[] = [
  ...commonMalformedPages,
  { name: '"results" is missing', corrupt: ({ results: _results, ...rest }) => rest },
  { name: '"results" is an object', corrupt: (response) => ({ ...response, results: { contacts: [] } }) },
  {
    name: '"paging.next.after" is a number',
    appliesTo: (page) => page.hasMore,
    corrupt: (response) => withNext(response, { ...response.paging?.next, after: 10 }),
  },
  {
    name: '"paging.next.after" is an empty string',
    appliesTo: (page) => page.hasMore,
    corrupt: (response) => withNext(response, { ...response.paging?.next, after: '' }),
  },
  {
    name: '"paging.next" has a link but no "after"',
    appliesTo: (page) => page.hasMore,
    corrupt: (response) => withNext(response, { link: response.paging?.next?.link }),
  },
  {
    name: '"paging.next.after" repeats the cursor of the request',
    appliesTo: (page) => page.cursor !== null,
    corrupt: (response, page) => withNext(response, { after: page.cursor }),
    expect: CursorLoopError,
  },
]

/** A HubSpot simulated server: `cursorServer` that also refuses a `limit` above the endpoint's maximum. */
function hubspotCursorServer(
  name: string,
  placement: ParamPlacement,
  maxLimit: number,
  respond: (page: SimulatedPage) => HubspotAnswer,
  malformed: readonly MalformedPage<HubspotAnswer>[],
): SimulatedServer<HubspotAnswer> {
  const server = cursorServer<HubspotAnswer>({
    name,
    cursorParam: 'after',
    limitParam: 'limit',
    placement,
    reportsTotal: placement === 'body',
    respond,
    malformed,
  })
  const readRequest = server.readRequest
  return {
    ...server,
    readRequest: (request) => {
      const requested = readRequest(request)
      if (requested.limit > maxLimit) {
        throw new Error(
          `"limit" is ${requested.limit}, above HubSpot's maximum of ${maxLimit} (HubSpot answers 400)`,
        )
      }
      return requested
    },
  }
}

/**
 * Simulates a HubSpot CRM v3 object list (`GET /crm/v3/objects/contacts`) for `hubspotAdapter()`: `limit` (at most
 * 100) and `after` in the query, answered with `{ results, paging: { next: { after, link } } }`, without `paging` on
 * the last page.
 *
 * @example
 * await verifyAdapter(hubspotAdapter(), { server: hubspotServer() })
 */
export function hubspotServer(): SimulatedServer<HubspotAnswer> {
  return hubspotCursorServer(
    'HubSpot CRM object list',
    'query',
    100,
    (page) => {
      const answer: HubspotAnswer = { results: page.records }
      if (page.nextCursor !== null) {
        const link = `https://api.hubapi.com${LIST_PATH}?after=${encodeURIComponent(page.nextCursor)}`
        answer.paging = { next: { after: page.nextCursor, link } }
      }
      return answer
    },
    hubspotMalformedPages,
  )
}

/**
 * Simulates a HubSpot CRM v3 search (`POST /crm/v3/objects/contacts/search`) for
 * `hubspotAdapter({ placement: 'body' })`: `limit` (at most 200) and `after` in the JSON body, answered with
 * `{ total, results, paging: { next: { after } } }`.
 *
 * @example
 * await verifyAdapter(hubspotAdapter({ placement: 'body' }), { server: hubspotSearchServer() })
 */
export function hubspotSearchServer(): SimulatedServer<HubspotAnswer> {
  return hubspotCursorServer(
    'HubSpot CRM search',
    'body',
    200,
    (page) => {
      const answer: HubspotAnswer = { total: page.total ?? 0, results: page.records }
      if (page.nextCursor !== null) answer.paging = { next: { after: page.nextCursor } }
      return answer
    },
    // A malformed `total` is not here: walking a list reads no total (the adapter's unit tests cover it).
    hubspotMalformedPages.filter((page) => !page.name.includes('link')),
  )
}
