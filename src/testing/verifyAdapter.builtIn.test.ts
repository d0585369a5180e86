/**
 * The conformance kit over every built-in adapter and over adapters built from specs: each one conforms, and every
 * property and every malformed answer of its server was actually exercised.
 */
import { describe, expect, it } from 'vitest'
import { closeEventsCursor, closeOffset, closeSearchCursor } from '../adapters/close'
import { cursorAdapter } from '../adapters/cursorAdapter'
import { offsetAdapter } from '../adapters/offsetAdapter'
import { pipedriveCursor, pipedriveOffset } from '../adapters/pipedrive'
import type { AnyPaginationAdapter } from '../core/types'
import { closeEventsServer, closeOffsetServer, closeSearchServer } from './closeServers'
import type { ConformanceProperty } from './conformanceProperties'
import { cursorServer } from './cursorServer'
import { offsetServer } from './offsetServer'
import { pipedriveCursorServer, pipedriveOffsetServer } from './pipedriveServers'
import type { SimulatedServer } from './simulatedServer'
import { verifyAdapter } from './verifyAdapter'
import {
  EVERY_ADAPTER_PROPERTIES,
  expectEveryMalformedPageSent,
  expectExercised,
  runsOf,
} from '../../test/conformanceReport'

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
