/**
 * The conformance kit over `closeKeysetOffset({ keyset, maxSkip })`: small `maxSkip` values, so that every run crosses
 * keyset windows, over records that share a `date_created` at window edges. The adapter conforms with `__lt` and
 * `__lte`; keyset adapters that lose tied records, skip past `max_skip` or restart a window too high are rejected.
 */
import { describe, expect, it } from 'vitest'
import type { CloseListResponse } from '../../src/adapters/close'
import { closeKeysetOffset } from '../../src/adapters/closeKeyset'
import type { CloseKeyset } from '../../src/adapters/closeKeyset'
import { InvalidOptionError } from '../../src/core/errors'
import type { PageRequest } from '../../src/core/types'
import { AdapterConformanceError, verifyAdapter } from '../../src/testing'
import type { AdapterReport, SimulatedPage, SimulatedRecord } from '../../src/testing'
import { closeKeysetServer } from './closeServers'
import { expectEveryMalformedPageSent, runsOf } from '../conformanceReport'

const RUNS = 50
const SEED = 7

type Param = 'date_created__lt' | 'date_created__lte'
const keyset = (param: Param, inclusive?: boolean): CloseKeyset => ({
  field: 'date_created',
  param,
  ...(inclusive === undefined ? {} : { inclusive }),
})

async function rejection(verifying: Promise<AdapterReport>): Promise<AdapterConformanceError> {
  const error = await verifying.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AdapterConformanceError)
  return error as AdapterConformanceError
}

describe('verifyAdapter over closeKeysetOffset({ keyset, maxSkip })', () => {
  // Lists up to `maxRecords` long: with these maxSkip values every long enough run crosses several windows.
  it.each([
    { param: 'date_created__lt', maxSkip: 1, maxRecords: 600 },
    { param: 'date_created__lt', maxSkip: 7, maxRecords: 600 },
    { param: 'date_created__lt', maxSkip: 300, maxRecords: 2000 },
    { param: 'date_created__lte', maxSkip: 1, maxRecords: 600 },
    { param: 'date_created__lte', maxSkip: 50, maxRecords: 1000 },
    { param: 'date_created__lte', maxSkip: 250, maxRecords: 2000 },
  ] as const)('$param, maxSkip $maxSkip: conforms across windows', async ({ param, maxSkip, maxRecords }) => {
    const server = closeKeysetServer({ maxSkip, param })
    const report = await verifyAdapter(closeKeysetOffset({ keyset: keyset(param), maxSkip }), {
      server,
      numRuns: RUNS,
      seed: SEED,
      maxRecords,
    })

    expect(report).toMatchObject({ adapterId: 'close.offsetKeyset', server: server.name, runs: 2 * RUNS })
    // Many windows per verification, each starting with the records on the edge value fetched again.
    expect(report.windows).toBeGreaterThan(2 * RUNS)
    expect(report.refetched).toBeGreaterThanOrEqual(report.windows)
    // Runs of up to min(4, maxSkip) records share a date: past maxSkip 1, some windows start inside a tie.
    if (maxSkip > 1) expect(report.refetched).toBeGreaterThan(report.windows)
    else expect(report.refetched).toBe(report.windows)
    for (const property of ['exactly-once', 'request-count', 'distinct-page-params'] as const) {
      expect(runsOf(report, property), property).toBe(RUNS)
    }
    expect(runsOf(report, 'total')).toBeGreaterThan(0)
    expect(runsOf(report, 'malformed-pages')).toBe(RUNS)
    expect(report.malformedPages.length).toBe(server.malformed?.length)
    expectEveryMalformedPageSent(report)
  })
})

describe('verifyAdapter rejects broken keyset adapters', () => {
  it('one that filters `__lt` the edge value itself: the records sharing it past the window are lost', async () => {
    const error = await rejection(
      verifyAdapter(closeKeysetOffset({ keyset: keyset('date_created__lt', true), maxSkip: 7 }), {
        server: closeKeysetServer({ maxSkip: 7 }),
        numRuns: RUNS,
        seed: SEED,
        maxRecords: 600,
        malformed: false,
      }),
    )
    expect(error.property).toBe('exactly-once')
    expect(error.reason).toMatch(
      /^rec-\d+ \(record \d+ of \d+\) was never received; \d+ of \d+ records lost$/,
    )
    expect(error.message).toContain('"date_created__lt":"2024-06-01T')
  })

  it('one that ignores max_skip: the request Close refuses with 400', async () => {
    const error = await rejection(
      verifyAdapter(closeKeysetOffset({ keyset: keyset('date_created__lt'), maxSkip: 250_000 }), {
        server: closeKeysetServer({ maxSkip: 100 }),
        numRuns: RUNS,
        seed: SEED,
        maxRecords: 600,
        malformed: false,
      }),
    )
    expect(error.property).toBe('well-formed-requests')
    expect(error.reason).toMatch(
      /could not read request #\d+: "_skip" is 101, past max_skip 100 \(Close answers 400\)/,
    )
  })

  it('one that restarts each window a value too high (`__lte` the value above the edge): it goes round', async () => {
    const error = await rejection(
      verifyAdapter(closeKeysetOffset({ keyset: keyset('date_created__lte', false), maxSkip: 3 }), {
        server: closeKeysetServer({ maxSkip: 3, param: 'date_created__lte' }),
        numRuns: RUNS,
        seed: SEED,
        maxRecords: 600,
        malformed: false,
      }),
    )
    expect(error.property).toBe('request-count')
    expect(error.reason).toMatch(/starts the keyset window .* not below the start of the window before it/)
  })
})

describe('closeKeysetServer', () => {
  const request = (query: Record<string, string>): PageRequest<unknown> => ({
    pageParam: undefined,
    limit: Number(query._limit),
    query,
    signal: new AbortController().signal,
  })
  const record = (id: string): SimulatedRecord => ({ id })
  const page = (records: SimulatedRecord[], overrides: Partial<SimulatedPage> = {}): SimulatedPage => ({
    records,
    offset: 0,
    limit: records.length,
    hasMore: true,
    nextOffset: records.length,
    nextCursor: null,
    cursor: null,
    total: undefined,
    request: request({ _skip: '0', _limit: String(records.length) }),
    ...overrides,
  })
  const datesOf = (response: CloseListResponse<{ id: string; date_created: string }>) =>
    response.data.map((item) => item.date_created)

  it('dates records newest first, with runs of equal dates, and inserted records above them', () => {
    const server = closeKeysetServer({ maxSkip: 100 })
    const ids = ['new-1', 'new-0', ...Array.from({ length: 25 }, (_, index) => `rec-${index}`)]
    const dates = datesOf(server.respond(page(ids.map(record))))
    expect([...dates].sort().reverse()).toEqual(dates)
    expect(dates.every((date) => new Date(date).toISOString() === date)).toBe(true)
    // One cycle of runs: 1, 3, 1, 2, 4, 1, 1, 2, 3, 1, 4, 2 records per date.
    expect(new Set(dates.slice(2)).size).toBe(12)
    expect(dates[3]).toBe(dates[5])
    expect(dates[2]).not.toBe(dates[3])
  })

  it('caps the runs of equal dates at maxSkip', () => {
    const ids = Array.from({ length: 25 }, (_, index) => record(`rec-${index}`))
    expect(new Set(datesOf(closeKeysetServer({ maxSkip: 1 }).respond(page(ids)))).size).toBe(25)
    expect(new Set(datesOf(closeKeysetServer({ maxSkip: 2 }).respond(page(ids)))).size).toBe(16)
  })

  it('reads _skip, _limit and the date filter; refuses a _skip past max_skip, the other filter, a bad date', () => {
    const server = closeKeysetServer({ maxSkip: 100, param: 'date_created__lte' })
    expect(server.readRequest(request({ _skip: '100', _limit: '50' }))).toEqual({ offset: 100, limit: 50 })
    const date = '2024-06-01T11:59:59.000Z'
    const windowed = server.readRequest(request({ _skip: '0', _limit: '50', date_created__lte: date }))
    expect(windowed).toMatchObject({ offset: 0, limit: 50, window: { name: `date_created__lte=${date}` } })
    const includes = 'window' in windowed ? windowed.window?.includes : undefined
    expect([record('rec-0'), record('rec-1'), record('rec-4')].map((item) => includes?.(item))).toEqual([
      false,
      true,
      true,
    ])
    expect(() => server.readRequest(request({ _skip: '101', _limit: '50' }))).toThrow(
      '"_skip" is 101, past max_skip 100 (Close answers 400)',
    )
    expect(() => server.readRequest(request({ _skip: '0', _limit: '50', date_created__lt: date }))).toThrow(
      'this server filters with "date_created__lte"',
    )
    expect(() =>
      server.readRequest(request({ _skip: '0', _limit: '50', date_created__lte: 'yesterday' })),
    ).toThrow('"date_created__lte" is "yesterday", not an ISO 8601 date')
  })

  it('reports total_results within the window', () => {
    const server = closeKeysetServer({ maxSkip: 10 })
    const response = server.respond(
      page([record('rec-40')], { offset: 40, total: 100, window: { name: 'date_created__lt=…', start: 38 } }),
    )
    expect(response.total_results).toBe(62)
  })

  it('refuses options it cannot honour', () => {
    expect(() => closeKeysetServer({ maxSkip: 0 })).toThrow(InvalidOptionError)
    expect(() => closeKeysetServer({ maxSkip: 1.5 })).toThrow(InvalidOptionError)
    // @ts-expect-error: only Close's two date filters
    expect(() => closeKeysetServer({ maxSkip: 10, param: 'date_created__gt' })).toThrow(InvalidOptionError)
  })
})
