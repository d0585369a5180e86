/**
 * The conformance kit over every built-in adapter and over adapters built from specs: each one conforms, and every
 * property and every malformed answer of its server was actually exercised.
 */
import { describe, expect, it } from 'vitest'
import { closeEventsCursor, closeOffset, closeSearchCursor } from '../../src/adapters/close'
import { cursorAdapter } from '../../src/adapters/cursorAdapter'
import { offsetAdapter } from '../../src/adapters/offsetAdapter'
import { pipedriveCursor, pipedriveOffset } from '../../src/adapters/pipedrive'
import type { AnyPaginationAdapter } from '../../src/core/types'
import { closeEventsServer, closeOffsetServer, closeSearchServer } from './closeServers'
import { cursorServer, offsetServer, verifyAdapter } from '../../src/testing'
import type { ConformanceProperty, SimulatedPage, SimulatedServer } from '../../src/testing'
import { pipedriveCursorServer, pipedriveOffsetServer } from './pipedriveServers'
import {
  EVERY_ADAPTER_PROPERTIES,
  expectEveryMalformedPageSent,
  expectExercised,
  runsOf,
  simulatedRequest as request,
} from '../conformanceReport'

/** Enough runs to matter: each run walks a list of up to 5,000 records, and a failure is shrunk and reported. */
const RUNS = 100

interface Case {
  name: string
  adapter: AnyPaginationAdapter
  server: SimulatedServer<unknown>
  /** Properties that must have been checked on at least one run. */
  exercised: readonly ConformanceProperty[]
}

const always = EVERY_ADAPTER_PROPERTIES
const offset: readonly ConformanceProperty[] = [...always, 'no-loss-under-drift', 'random-access']

const cases: Case[] = [
  {
    name: 'closeOffset',
    adapter: closeOffset(),
    server: closeOffsetServer(),
    exercised: [...offset, 'total'],
  },
  { name: 'closeEventsCursor', adapter: closeEventsCursor(), server: closeEventsServer(), exercised: always },
  { name: 'closeSearchCursor', adapter: closeSearchCursor(), server: closeSearchServer(), exercised: always },
  { name: 'pipedriveOffset', adapter: pipedriveOffset(), server: pipedriveOffsetServer(), exercised: offset },
  { name: 'pipedriveCursor', adapter: pipedriveCursor(), server: pipedriveCursorServer(), exercised: always },
  {
    name: 'offsetAdapter: page numbers and a total, no "more" flag',
    adapter: offsetAdapter({
      id: 'helpdesk.tickets',
      items: 'results',
      total: 'count',
      offsetParam: 'page',
      limitParam: 'per_page',
      unit: 'page',
      maxLimit: 100,
    }),
    server: offsetServer({
      name: 'Helpdesk tickets',
      offsetParam: 'page',
      limitParam: 'per_page',
      unit: 'page',
      reportsTotal: true,
      // With page numbers the adapter cannot tell a short last page from the total (the page size is not in the
      // answer): it asks for one more page, answered empty, as for an API that does not announce the end.
      announcesEnd: false,
      respond: (page) => ({ results: page.records, count: page.total ?? null }),
    }),
    exercised: [...offset, 'total'],
  },
  {
    name: 'offsetAdapter: params in a JSON body, the list ends with an empty page',
    adapter: offsetAdapter({ id: 'acme.search', items: 'hits', placement: 'body', maxLimit: 250 }),
    server: offsetServer({
      name: 'Acme search',
      placement: 'body',
      announcesEnd: false,
      respond: (page) => ({ hits: page.records }),
    }),
    exercised: offset,
  },
  {
    name: 'cursorAdapter: a cursor and a "more" flag',
    adapter: cursorAdapter({
      id: 'acme.events',
      items: 'events',
      nextCursor: 'next_page_token',
      hasMore: 'has_more',
      cursorParam: 'page_token',
      limitParam: 'page_size',
      maxLimit: 1000,
    }),
    server: cursorServer({
      name: 'Acme events',
      cursorParam: 'page_token',
      limitParam: 'page_size',
      respond: (page) => ({ events: page.records, next_page_token: page.nextCursor, has_more: page.hasMore }),
    }),
    exercised: always,
  },
]

describe('verifyAdapter over the built-in adapters', () => {
  it.each(cases)('$name conforms', async ({ adapter, server, exercised }) => {
    const report = await verifyAdapter(adapter, { server, numRuns: RUNS })

    expect(report).toMatchObject({ adapterId: adapter.id, server: server.name, runs: 2 * RUNS })
    expect(report.requests).toBeGreaterThan(RUNS)
    expect(report.records).toBeGreaterThan(0)
    expectExercised(report, exercised)
    // Traversal runs check the request properties every time.
    expect(runsOf(report, 'request-count')).toBe(RUNS)
    // Offset adapters page a drifting list by default; cursor adapters do not.
    expect(report.inserted > 0).toBe(adapter.kind === 'offset')
    // Each malformed answer of the server was sent, and refused, at least once.
    expect(report.malformedPages.length).toBe(server.malformed?.length)
    expectEveryMalformedPageSent(report)
  })

  it('cursor adapters also hold with records inserted at the head (keyset cursors do not shift)', async () => {
    const report = await verifyAdapter(pipedriveCursor(), {
      server: pipedriveCursorServer(),
      numRuns: 50,
      drift: true,
    })
    expect(report.inserted).toBeGreaterThan(0)
    expect(runsOf(report, 'no-loss-under-drift')).toBeGreaterThan(0)
  })
})

const page = (overrides: Partial<SimulatedPage> = {}): SimulatedPage => ({
  records: [{ id: 'rec-0' }, { id: 'rec-1' }],
  offset: 0,
  limit: 2,
  hasMore: true,
  nextOffset: 2,
  nextCursor: 'after:rec-1',
  cursor: null,
  total: undefined,
  request: request({}),
  ...overrides,
})

describe('the built-in servers answer in their API’s shape', () => {
  it('Close offset: total_results only when the run reports a total', () => {
    expect(closeOffsetServer().respond(page())).toEqual({ data: page().records, has_more: true })
    expect(closeOffsetServer().respond(page({ total: 9, hasMore: false }))).toEqual({
      data: page().records,
      has_more: false,
      total_results: 9,
    })
    expect(closeOffsetServer().reportsTotal).toBe('sometimes')
  })

  it('Close events and search: the next cursor, null at the end', () => {
    expect(closeEventsServer().respond(page())).toEqual({
      data: page().records,
      cursor_next: 'after:rec-1',
      cursor_previous: null,
    })
    expect(closeSearchServer().respond(page({ hasMore: false, nextCursor: null }))).toEqual({
      data: page().records,
      cursor: null,
    })
    expect(closeSearchServer().readRequest(request({}, { cursor: 'after:rec-1', _limit: 2 }))).toEqual({
      cursor: 'after:rec-1',
      limit: 2,
    })
  })

  it('Pipedrive offset: data null on an empty page, next_start only while more follow', () => {
    expect(pipedriveOffsetServer().respond(page({ offset: 4, nextOffset: 6 }))).toEqual({
      success: true,
      data: page().records,
      additional_data: {
        pagination: { start: 4, limit: 2, more_items_in_collection: true, next_start: 6 },
      },
    })
    expect(pipedriveOffsetServer().respond(page({ records: [], hasMore: false }))).toEqual({
      success: true,
      data: null,
      additional_data: { pagination: { start: 0, limit: 2, more_items_in_collection: false } },
    })
  })

  it('Pipedrive cursor: additional_data.next_cursor', () => {
    expect(pipedriveCursorServer().respond(page())).toEqual({
      success: true,
      data: page().records,
      additional_data: { next_cursor: 'after:rec-1' },
    })
  })
})
