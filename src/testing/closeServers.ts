import type { CloseEventsResponse, CloseListResponse, CloseSearchResponse } from '../adapters/close'
import { CursorLoopError } from '../core/errors'
import { commonMalformedPages } from './commonMalformedPages'
import { cursorServer } from './cursorServer'
import { offsetServer } from './offsetServer'
import type { MalformedPage, SimulatedItem, SimulatedServer } from './simulatedServer'

/** A cursor that asks for the page the request came from: a server handing back the cursor it was sent. */
/** The malformed answers of a Close list endpoint (`{ data, has_more }`), shared by the offset and keyset servers. */
export const closeListMalformedPages: readonly MalformedPage<CloseListResponse<SimulatedItem>>[] = [
  ...commonMalformedPages,
  { name: '"data" is missing', corrupt: ({ data: _data, ...rest }) => rest },
  { name: '"has_more" is the string "yes"', corrupt: (response) => ({ ...response, has_more: 'yes' }) },
  {
    name: '"has_more" is true on an empty page',
    corrupt: () => ({ data: [], has_more: true }),
    expect: CursorLoopError,
  },
]

const repeatsCursor = <TResponse>(field: string): MalformedPage<TResponse> => ({
  name: `"${field}" repeats the cursor of the request`,
  appliesTo: (page) => page.cursor !== null,
  corrupt: (response, page) => ({ ...response, [field]: page.cursor }),
  expect: CursorLoopError,
})

/**
 * Simulates a Close list endpoint (`/lead/`, `/opportunity/`, …): `_skip` / `_limit`, answered with
 * `{ data, has_more }` and, on some runs, `total_results`. For `closeOffset()`.
 *
 * @example
 * await verifyAdapter(closeOffset(), { server: closeOffsetServer() })
 */
export function closeOffsetServer(): SimulatedServer<CloseListResponse<SimulatedItem>> {
  return offsetServer<CloseListResponse<SimulatedItem>>({
    name: 'Close offset list',
    offsetParam: '_skip',
    limitParam: '_limit',
    reportsTotal: 'sometimes',
    respond: (page) => ({
      data: page.records,
      has_more: page.hasMore,
      ...(page.total === undefined ? {} : { total_results: page.total }),
    }),
    malformed: closeListMalformedPages,
  })
}

/**
 * Simulates Close's event log (`GET /event/`): `_cursor` / `_limit`, answered with
 * `{ data, cursor_next, cursor_previous }`. For `closeEventsCursor()`.
 *
 * @example
 * await verifyAdapter(closeEventsCursor(), { server: closeEventsServer() })
 */
export function closeEventsServer(): SimulatedServer<CloseEventsResponse<SimulatedItem>> {
  return cursorServer<CloseEventsResponse<SimulatedItem>>({
    name: 'Close event log',
    cursorParam: '_cursor',
    limitParam: '_limit',
    respond: (page) => ({ data: page.records, cursor_next: page.nextCursor, cursor_previous: null }),
    malformed: [
      ...commonMalformedPages,
      { name: '"data" is missing', corrupt: ({ data: _data, ...rest }) => rest },
      { name: '"cursor_next" is a number', corrupt: (response) => ({ ...response, cursor_next: 50 }) },
      repeatsCursor('cursor_next'),
    ],
  })
}

/**
 * Simulates Close's Advanced Filtering search (`POST /data/search/`): `cursor` and `_limit` in the JSON body,
 * answered with `{ data, cursor }`. For `closeSearchCursor()`.
 *
 * @example
 * await verifyAdapter(closeSearchCursor(), { server: closeSearchServer() })
 */
export function closeSearchServer(): SimulatedServer<CloseSearchResponse<SimulatedItem>> {
  return cursorServer<CloseSearchResponse<SimulatedItem>>({
    name: 'Close search',
    cursorParam: 'cursor',
    limitParam: '_limit',
    placement: 'body',
    respond: (page) => ({ data: page.records, cursor: page.nextCursor }),
    malformed: [
      ...commonMalformedPages,
      { name: '"data" is an object', corrupt: (response) => ({ ...response, data: { leads: [] } }) },
      { name: '"cursor" is a number', corrupt: (response) => ({ ...response, cursor: 1 }) },
      repeatsCursor('cursor'),
    ],
  })
}
