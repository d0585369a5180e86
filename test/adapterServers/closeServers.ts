import type { CloseEventsResponse, CloseListResponse, CloseSearchResponse } from '../../src/adapters/close'
import { CursorLoopError, InvalidOptionError } from '../../src/core/errors'
import { isNonNegativeInteger } from '../../src/core/readField'
import { commonMalformedPages, cursorServer, offsetServer } from '../../src/testing'
import type { MalformedPage, SimulatedPage, SimulatedRecord, SimulatedServer } from '../../src/testing'
import { readIntegerParam } from '../../src/testing/simulatedServer'
import { repeatsCursor, withLastRecord } from './serverParts'
import type { SimulatedItem } from './serverParts'

type ListAnswer = CloseListResponse<SimulatedItem>

/** The malformed answers of a Close list endpoint (`{ data, has_more }`), shared by the offset and keyset servers. */
const closeListMalformedPages: readonly MalformedPage<ListAnswer>[] = [
  ...commonMalformedPages,
  { name: '"data" is missing', corrupt: ({ data: _data, ...rest }) => rest },
  { name: '"has_more" is the string "yes"', corrupt: (response) => ({ ...response, has_more: 'yes' }) },
  {
    name: '"has_more" is true on an empty page',
    corrupt: () => ({ data: [], has_more: true }),
    expect: CursorLoopError,
  },
]

/**
 * Simulates a Close list endpoint (`/lead/`, `/opportunity/`, …): `_skip` / `_limit`, answered with
 * `{ data, has_more }` and, on some runs, `total_results`. For `closeOffset()`.
 *
 * @example
 * await verifyAdapter(closeOffset(), { server: closeOffsetServer() })
 */
export function closeOffsetServer(): SimulatedServer<ListAnswer> {
  return offsetServer<ListAnswer>({
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

/** Options of `closeKeysetServer`. */
export interface CloseKeysetServerOptions {
  /**
   * Largest `_skip` the server accepts, as Close's `max_skip`: a request past it is refused (Close answers 400).
   * Give the adapter the same `maxSkip`. At least 1: a window then holds at least `maxSkip` + 1 records, and records
   * share a `date_created` in runs of up to min(4, `maxSkip`), so that every window holds more than one value (a
   * window of one value cannot be left by a date filter; the adapter rightly stops with `OffsetLimitError`).
   */
  maxSkip: number
  /**
   * The filter the server reads: `'date_created__lt'` keeps records strictly older than its value,
   * `'date_created__lte'` also those equal to it.
   * @default 'date_created__lt'
   */
  param?: 'date_created__lt' | 'date_created__lte'
}

/** `date_created` of `rec-0`, the newest record present from the start. */
const NEWEST_INITIAL = Date.UTC(2024, 5, 1, 12, 0, 0)
const SECOND = 1000
/** Lengths of the runs of records sharing a date, repeated down the list (each capped at the server's largest run). */
const RUNS = [1, 3, 1, 2, 4, 1, 1, 2, 3, 1, 4, 2]
const MAX_RUN = 4
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/**
 * Simulates a Close list endpoint paged past `max_skip` with keyset windows, for
 * `closeKeysetOffset({ keyset, maxSkip })`: reads `_skip`, `_limit` and `date_created__lt` (or `__lte`), refuses a
 * `_skip` past `maxSkip`, and answers `{ data, has_more }` (with `total_results`, counted within the filter, on some
 * runs). Records carry a `date_created` (ISO 8601), newest first, with runs of records sharing one, so that window
 * edges fall inside ties.
 *
 * @example
 * const keyset = { field: 'date_created', param: 'date_created__lt' } as const
 * await verifyAdapter(closeKeysetOffset({ keyset, maxSkip: 200 }), { server: closeKeysetServer({ maxSkip: 200 }) })
 */
export function closeKeysetServer(options: CloseKeysetServerOptions): SimulatedServer<ListAnswer> {
  const { maxSkip, param = 'date_created__lt' } = readOptions(options)
  const inclusive = param === 'date_created__lte'
  const other = inclusive ? 'date_created__lt' : 'date_created__lte'
  const timeOf = recordTimes(Math.min(MAX_RUN, maxSkip))
  const dateOf = (record: SimulatedRecord) => new Date(timeOf(record)).toISOString()
  /** `_skip` of a page: its position within its window. */
  const skipOf = (page: SimulatedPage) => page.offset - (page.window?.start ?? 0)
  /** A page after which the adapter starts a new window, reading every `date_created` of the window. */
  const endsWindow = (page: SimulatedPage) =>
    page.hasMore && page.records.length > 0 && skipOf(page) + page.records.length > maxSkip
  const malformed: MalformedPage<ListAnswer>[] = [
    ...closeListMalformedPages,
    {
      name: '"date_created" is missing on the last record before a new window',
      appliesTo: endsWindow,
      corrupt: withLastRecord(({ date_created: _date, ...rest }) => rest),
    },
    {
      name: '"date_created" of the last record before a new window is newer than the record before it',
      appliesTo: (page) => endsWindow(page) && page.records.length > 1,
      corrupt: withLastRecord((record) => ({ ...record, date_created: '2999-01-01T00:00:00.000Z' })),
    },
  ]

  return {
    name: `Close keyset list (${param}, max_skip ${maxSkip})`,
    readRequest: (request) => {
      const limit = readIntegerParam(request, 'query', '_limit', 1)
      const skip = readIntegerParam(request, 'query', '_skip', 0)
      if (skip > maxSkip) {
        throw new Error(`"_skip" is ${skip}, past max_skip ${maxSkip} (Close answers 400)`)
      }
      if (request.query[other] !== undefined) {
        throw new Error(`the query has "${other}"; this server filters with "${param}"`)
      }
      const value = request.query[param]
      if (value === undefined) return { offset: skip, limit }
      const bound = typeof value === 'string' && ISO_DATE.test(value) ? Date.parse(value) : NaN
      if (Number.isNaN(bound)) throw new Error(`"${param}" is ${JSON.stringify(value)}, not an ISO 8601 date`)
      return {
        offset: skip,
        limit,
        window: {
          name: `${param}=${value}`,
          includes: inclusive ? (record) => timeOf(record) <= bound : (record) => timeOf(record) < bound,
        },
      }
    },
    respond: (page) => ({
      data: page.records.map((record) => ({ ...record, date_created: dateOf(record) })),
      has_more: page.hasMore,
      // Close counts total_results within the filter; the adapter adds the records above the window.
      ...(page.total === undefined ? {} : { total_results: page.total - (page.window?.start ?? 0) }),
    }),
    reportsTotal: 'sometimes',
    malformed,
  }
}

function readOptions(options: CloseKeysetServerOptions): CloseKeysetServerOptions {
  const invalid = (option: string, expected: string, received: unknown) =>
    new InvalidOptionError('closeKeysetServer', option, expected, received)
  if (typeof options !== 'object' || options === null) throw invalid('options', '{ maxSkip }', options)
  if (!isNonNegativeInteger(options.maxSkip) || options.maxSkip === 0) {
    throw invalid(
      'maxSkip',
      'a positive integer (a window of one record per page cannot be left by a date filter)',
      options.maxSkip,
    )
  }
  if (
    options.param !== undefined &&
    options.param !== 'date_created__lt' &&
    options.param !== 'date_created__lte'
  ) {
    throw invalid('param', "'date_created__lt' or 'date_created__lte'", options.param)
  }
  return options
}

/**
 * The creation time of each record, in milliseconds, newest first: `rec-0` at `NEWEST_INITIAL`, each run of
 * records one second below the run before it; inserted records above it, `new-0` first, in runs too.
 */
function recordTimes(maxRun: number): (record: SimulatedRecord) => number {
  const runs = RUNS.map((length) => Math.min(length, maxRun))
  // The run of each position within one cycle of `runs`.
  const runAt = runs.flatMap((length, run) => Array.from({ length }, () => run))
  const runOf = (index: number) =>
    Math.floor(index / runAt.length) * runs.length + (runAt[index % runAt.length] as number)
  return (record) => {
    const index = Number(record.id.slice(record.id.indexOf('-') + 1))
    if (record.id.startsWith('new-')) return NEWEST_INITIAL + (1 + runOf(index)) * SECOND
    return NEWEST_INITIAL - runOf(index) * SECOND
  }
}
