import type { PipedriveCursorResponse, PipedriveOffsetResponse } from '../../src/adapters/pipedrive'
import { CursorLoopError } from '../../src/core/errors'
import { commonMalformedPages, cursorServer, offsetServer } from '../../src/testing'
import type { SimulatedServer } from '../../src/testing'
import type { SimulatedItem } from './serverParts'

type OffsetAnswer = PipedriveOffsetResponse<SimulatedItem>
type Pagination = OffsetAnswer['additional_data']['pagination']

/** The answer with its pagination block changed. */
const withPagination = (response: OffsetAnswer, pagination: Record<string, unknown>) => ({
  ...response,
  additional_data: { pagination: { ...response.additional_data.pagination, ...pagination } },
})

/**
 * Simulates a Pipedrive v1 offset endpoint (`/api/v1/notes`, …): `start` / `limit`, answered with
 * `additional_data.pagination.{ more_items_in_collection, next_start }` and `data: null` on an empty page.
 * For `pipedriveOffset()`.
 *
 * @example
 * await verifyAdapter(pipedriveOffset(), { server: pipedriveOffsetServer() })
 */
export function pipedriveOffsetServer(): SimulatedServer<OffsetAnswer> {
  return offsetServer<OffsetAnswer>({
    name: 'Pipedrive v1 offset list',
    offsetParam: 'start',
    limitParam: 'limit',
    respond: (page) => {
      const pagination: Pagination = {
        start: page.offset,
        limit: page.limit,
        more_items_in_collection: page.hasMore,
      }
      if (page.hasMore) pagination.next_start = page.nextOffset
      return {
        success: true,
        data: page.records.length > 0 ? page.records : null,
        additional_data: { pagination },
      }
    },
    malformed: [
      ...commonMalformedPages,
      { name: '"data" is missing', corrupt: ({ data: _data, ...rest }) => rest },
      {
        name: '"more_items_in_collection" is the string "true"',
        corrupt: (response) => withPagination(response, { more_items_in_collection: 'true' }),
      },
      {
        name: '"next_start" is missing while more items are announced',
        appliesTo: (page) => page.hasMore,
        corrupt: (response) => withPagination(response, { next_start: undefined }),
      },
      {
        name: '"next_start" does not advance past "start"',
        appliesTo: (page) => page.hasMore,
        corrupt: (response, page) => withPagination(response, { next_start: page.offset }),
        expect: CursorLoopError,
      },
      {
        name: 'more items announced after an empty page',
        corrupt: (response, page) => ({
          ...withPagination(response, { more_items_in_collection: true, next_start: page.offset }),
          data: null,
        }),
        expect: CursorLoopError,
      },
    ],
  })
}

/**
 * Simulates a Pipedrive cursor endpoint (all of API v2, v1 `/tasks`, …): `cursor` / `limit`, answered with
 * `additional_data.next_cursor`. For `pipedriveCursor()`.
 *
 * @example
 * await verifyAdapter(pipedriveCursor(), { server: pipedriveCursorServer() })
 */
export function pipedriveCursorServer(): SimulatedServer<PipedriveCursorResponse<SimulatedItem>> {
  return cursorServer<PipedriveCursorResponse<SimulatedItem>>({
    name: 'Pipedrive cursor list',
    cursorParam: 'cursor',
    limitParam: 'limit',
    respond: (page) => ({
      success: true,
      data: page.records,
      additional_data: { next_cursor: page.nextCursor },
    }),
    malformed: [
      ...commonMalformedPages,
      // An answer without additional_data is a last page (optional in Pipedrive's v2 OpenAPI); one without
      // next_cursor in it is not.
      {
        name: '"additional_data" has no "next_cursor"',
        corrupt: (response) => ({ ...response, additional_data: {} }),
      },
      {
        name: '"next_cursor" is a number',
        corrupt: (response) => ({ ...response, additional_data: { next_cursor: 100 } }),
      },
      {
        name: '"next_cursor" repeats the cursor of the request',
        appliesTo: (page) => page.cursor !== null,
        corrupt: (response, page) => ({ ...response, additional_data: { next_cursor: page.cursor } }),
        expect: CursorLoopError,
      },
    ],
  })
}
