import { HttpResponse } from 'msw'
import { decodeCloseCursor, encodeCloseCursor } from './closeCursor'
import { closeError } from './closeResponses'
import type { CloseLogEvent } from './closeTypes'
import { anyBeyond, compareValues, selectPage } from './keyset'
import type { Position } from './keyset'
import { integerParam, MockBadRequest } from './params'
import type { MockCall } from './requestRecord'

/** How the Close event log behaves. */
export interface CloseEventsSpec {
  /** The live events (any order; answers are sorted newest first). */
  records: () => readonly CloseLogEvent[]
  /** Largest and default `_limit`. */
  maxLimit: number
}

/** Query parameters that filter the log by equality. Send them again with every cursor, as with Close. */
export const CLOSE_EVENT_FILTERS = ['object_type', 'object_id', 'lead_id', 'action', 'user_id'] as const

type Key = { date_updated: string; id: string }

/** Newest first by `date_updated`, then by id (descending) for equal times. */
const newestFirst = (a: Key, b: Key): number =>
  compareValues(b.date_updated, a.date_updated) || compareValues(b.id, a.id)

const positionOf =
  (key: Key): Position<CloseLogEvent> =>
  (record) =>
    newestFirst(record, key)

const cursorTo = (dir: 'next' | 'prev', event: CloseLogEvent): string =>
  encodeCloseCursor('event', { dir, d: event.date_updated, id: event.id })

function readCursor(raw: string): { dir: 'next' | 'prev'; key: Key } {
  const p = decodeCloseCursor('event', raw)
  if (
    p === undefined ||
    (p.dir !== 'next' && p.dir !== 'prev') ||
    typeof p.d !== 'string' ||
    typeof p.id !== 'string'
  ) {
    throw new MockBadRequest(
      'Invalid _cursor. Use the cursor_next or cursor_previous value of a previous answer.',
    )
  }
  return { dir: p.dir, key: { date_updated: p.d, id: p.id } }
}

/**
 * Answers `GET /api/v1/event/` with `{ data, cursor_next, cursor_previous }`. Cursors are opaque keyset positions
 * (`date_updated`, `id`): `cursor_next` walks to older events and is `null` at the end, `cursor_previous` walks to
 * newer ones and is `null` when there are none. `_skip` is refused, as by Close.
 */
export function closeEventsAnswer(spec: CloseEventsSpec): (call: MockCall) => Response {
  return ({ query }) => {
    try {
      if (query._skip !== undefined) {
        throw new MockBadRequest(
          '_skip is not supported for events. Page with _cursor and cursor_next instead.',
        )
      }
      const limit = integerParam(
        query,
        '_limit',
        spec.maxLimit,
        1,
        (name, raw) => `Invalid value for ${name}: "${raw}".`,
      )
      if (limit > spec.maxLimit) {
        throw new MockBadRequest(
          `The limit you set is larger than the maximum limit for this resource (max_limit = ${spec.maxLimit}).`,
        )
      }
      const cursor =
        query._cursor === undefined || query._cursor === '' ? undefined : readCursor(query._cursor)
      const filters = CLOSE_EVENT_FILTERS.filter((name) => query[name] !== undefined)
      const accept = (event: CloseLogEvent): boolean => filters.every((name) => event[name] === query[name])
      const records = spec.records()
      const direction = cursor?.dir === 'prev' ? 'before' : 'after'
      const page = selectPage(records, {
        compare: newestFirst,
        limit,
        accept,
        position: cursor === undefined ? undefined : positionOf(cursor.key),
        direction,
      })
      const first = page.items[0]
      const last = page.items[page.items.length - 1]
      const olderExist =
        last !== undefined &&
        (direction === 'after' ? page.hasMore : anyBeyond(records, positionOf(last), 'after', accept))
      const newerExist =
        first !== undefined &&
        (direction === 'before' ? page.hasMore : anyBeyond(records, positionOf(first), 'before', accept))
      return HttpResponse.json({
        data: page.items,
        cursor_next: olderExist ? cursorTo('next', last) : null,
        cursor_previous: newerExist ? cursorTo('prev', first) : null,
      })
    } catch (error) {
      if (error instanceof MockBadRequest) return closeError(400, error.message)
      throw error
    }
  }
}
