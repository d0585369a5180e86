/**
 * The kit must catch broken adapters. Each adapter here is a raw object (no `defineAdapter` loop guard), so the kit
 * alone has to notice, and each failure must say which property broke and show a small counter-example.
 */
import { describe, expect, it } from 'vitest'
import { closeEventsCursor, closeOffset } from '../adapters/close'
import type { CloseEventsResponse, CloseListResponse } from '../adapters/close'
import type { CursorParam } from '../adapters/cursorAdapter'
import { defineAdapter } from '../adapters/defineAdapter'
import { CursorLoopError, MalformedResponseError, PagewiseError } from '../core/errors'
import type { PaginationAdapter } from '../core/types'
import { closeEventsServer, closeOffsetServer } from '../../test/adapterServers/closeServers'
import { AdapterConformanceError } from './AdapterConformanceError'
import type { ConformanceProperty } from './conformanceScenario'
import type { SimulatedRecord } from './simulatedServer'
import { verifyAdapter } from './verifyAdapter'
import type { AdapterReport, VerifyAdapterOptions } from './verifyAdapter'

type ListPage = CloseListResponse<SimulatedRecord>
type OffsetAdapter = PaginationAdapter<ListPage, SimulatedRecord, number>
type EventsPage = CloseEventsResponse<SimulatedRecord>

/** A hand-written Close offset adapter, correct unless a test overrides a part of it. */
function offsetAdapter(overrides: Partial<OffsetAdapter> = {}): OffsetAdapter {
  return {
    id: 'broken.offset',
    kind: 'offset',
    initialPageParam: 0,
    defaultLimit: 100,
    maxLimit: 200,
    toRequest: (skip, limit) => ({ query: { _skip: String(skip), _limit: String(limit) } }),
    getItems: (page) => {
      if (!Array.isArray(page?.data))
        throw new MalformedResponseError('broken.offset', 'data', 'an array', page)
      return page.data
    },
    getNextPageParam: (page, _pages, skip) => {
      if (typeof page.has_more !== 'boolean') {
        throw new MalformedResponseError('broken.offset', 'has_more', 'a boolean', page.has_more)
      }
      if (!page.has_more) return undefined
      if (page.data.length === 0) throw new CursorLoopError('broken.offset', 'no-progress', skip)
      return skip + page.data.length
    },
    ...overrides,
  }
}

/** The `AdapterConformanceError` that `verifyAdapter` rejects with; fails the test when it resolves. */
async function failure(
  adapter: PaginationAdapter<ListPage, SimulatedRecord, number>,
  options: Partial<VerifyAdapterOptions<ListPage, SimulatedRecord>> = {},
): Promise<AdapterConformanceError> {
  const settings = { server: closeOffsetServer(), numRuns: 100, seed: 1, ...options }
  return rejectionOf(verifyAdapter(adapter, settings))
}

async function rejectionOf(verifying: Promise<AdapterReport>): Promise<AdapterConformanceError> {
  const error = await verifying.then(
    () => undefined,
    (rejection: unknown) => rejection,
  )
  expect(error).toBeInstanceOf(AdapterConformanceError)
  expect(error).toBeInstanceOf(PagewiseError)
  return error as AdapterConformanceError
}

function expectBroke(error: AdapterConformanceError, ...properties: ConformanceProperty[]): void {
  expect(properties).toContain(error.property)
  expect(error.message).toContain(`broken.offset broke "${error.property}"`)
  expect(error.message).toContain(error.reason)
}

describe('verifyAdapter rejects broken offset adapters', () => {
  it('the hand-written adapter they are made from conforms', async () => {
    const report = await verifyAdapter(offsetAdapter(), { server: closeOffsetServer(), numRuns: 50 })
    expect(report.runs).toBe(100)
  })

  it('one that never advances: the same page param twice', async () => {
    const error = await failure(
      offsetAdapter({ getNextPageParam: (page, _pages, skip) => (page.has_more ? skip : undefined) }),
    )
    expectBroke(error, 'distinct-page-params')
    expect(error.reason).toBe('request #2 asked for page param 0, already requested by request #1')
    expect(error.counterExample).toMatchObject({ records: 2, pageSize: 1, limit: 1, pageParams: [0, 0] })
  })

  it('one that skips a page: the records of the skipped page are reported lost', async () => {
    const error = await failure(
      offsetAdapter({
        getNextPageParam: (page, _pages, skip) => (page.has_more ? skip + 2 * page.data.length : undefined),
      }),
    )
    expectBroke(error, 'exactly-once')
    expect(error.reason).toBe('rec-1 (record 2 of 2) was never received; 1 of 2 records lost')
    expect(error.counterExample).toMatchObject({ records: 2, pageSize: 1, pageParams: [0, 2], inserted: 0 })
    expect(error.message).toContain('list: 2 records; pageSize 1 → limit 1; no drift')
    expect(error.message).toContain('page params requested: 0, 2')
    expect(error.message).toContain(
      '#1 page param 0: sent {"_skip":"0","_limit":"1"} → 1 record: rec-0; more follow',
    )
    expect(error.message).toContain(
      '#2 page param 2: sent {"_skip":"2","_limit":"1"} → no records; end of list',
    )
    expect(error.message).toContain(`seed: ${error.seed}`)
  })

  it('one whose next offset is one too far: a record lost', async () => {
    const error = await failure(
      offsetAdapter({
        getNextPageParam: (page, _pages, skip) => (page.has_more ? skip + page.data.length + 1 : undefined),
      }),
    )
    expectBroke(error, 'exactly-once')
    expect(error.reason).toMatch(/^rec-\d+ \(record \d+ of \d+\) was never received/)
  })

  it('one whose next offset is one short: a record received twice, or the same offset again', async () => {
    const error = await failure(
      offsetAdapter({
        getNextPageParam: (page, _pages, skip) => (page.has_more ? skip + page.data.length - 1 : undefined),
      }),
    )
    expectBroke(error, 'exactly-once', 'distinct-page-params')
    expect(error.reason).toMatch(/was received twice|already requested/)
  })

  it('one that ignores has_more and reads on until an empty page: a request after the end', async () => {
    const error = await failure(
      offsetAdapter({
        getNextPageParam: (page, _pages, skip) =>
          page.data.length > 0 ? skip + page.data.length : undefined,
      }),
    )
    expectBroke(error, 'stops-at-end')
    expect(error.reason).toBe(
      'request #2 asked for page param 1 after the answer to request #1 said the list had ended',
    )
    expect(error.counterExample.requests[0]).toMatchObject({ received: ['rec-0'], hasMore: false })
  })

  it('one that takes a short page for the end of the list: the records after it are lost', async () => {
    let limit = 0
    const error = await failure(
      offsetAdapter({
        toRequest: (skip, requested) => {
          limit = requested
          return { query: { _skip: String(skip), _limit: String(requested) } }
        },
        getNextPageParam: (page, _pages, skip) =>
          !page.has_more || page.data.length < limit ? undefined : skip + limit,
      }),
    )
    expectBroke(error, 'exactly-once', 'no-loss-under-drift')
    expect(error.reason).toContain('was never received')
    // Only a server that puts fewer records on a page than asked for, while more follow, can show it.
    expect(error.counterExample.serverPageCap).toBeLessThan(error.counterExample.limit)
    expect(error.message).toContain(`serves at most ${error.counterExample.serverPageCap} record`)
  })

  it('one wrapped in defineAdapter that never advances: its CursorLoopError fails a well-formed list', async () => {
    const error = await failure(
      defineAdapter(
        offsetAdapter({
          getNextPageParam: (page, _pages, skip) => (page.has_more ? skip : undefined),
          // defineAdapter asks an offset adapter for random access.
          pageParamAt: (index, limit) => index * limit,
        }),
      ),
    )
    expectBroke(error, 'valid-pages-read')
    expect(error.reason).toMatch(
      /^the adapter threw CursorLoopError \(.*the API returned the page param 0 \(a number\) a second time.*\) reading the answer to request #1 of a well-formed list\.$/,
    )
  })

  it('one that sends the wrong page size', async () => {
    const error = await failure(
      offsetAdapter({ toRequest: (skip) => ({ query: { _skip: String(skip), _limit: '100' } }) }),
    )
    expectBroke(error, 'well-formed-requests')
    expect(error.reason).toBe('request #1 asked for 100 records; expected 1 (page size 1)')
  })

  it('one that forgets the offset parameter', async () => {
    const error = await failure(
      offsetAdapter({ toRequest: (_skip, limit) => ({ query: { _limit: String(limit) } }) }),
    )
    expectBroke(error, 'well-formed-requests')
    expect(error.reason).toBe('the server could not read request #1: the query has no "_skip"')
  })

  it('one whose getItems drops a record', async () => {
    const error = await failure(offsetAdapter({ getItems: (page) => page.data.slice(1) }))
    expectBroke(error, 'page-items')
    expect(error.reason).toBe('the answer to request #1 held 1 record: rec-0; getItems returned no records')
  })

  it('one whose getTotal counts the page instead of reading total_results', async () => {
    const error = await failure(offsetAdapter({ getTotal: (page) => page.data.length }))
    expectBroke(error, 'total')
    expect(error.reason).toMatch(/^the answer to request #1 reported a total of \d+; getTotal returned \d+/)
  })

  it('one whose pageParamAt is off by one', async () => {
    const error = await failure(offsetAdapter({ pageParamAt: (index, limit) => index * limit + 1 }))
    expectBroke(error, 'random-access')
    expect(error.reason).toBe(
      'pageParamAt(0, 1) returned 1, but the traversal reached page 0 (request #1) with 0',
    )
  })
})

describe('verifyAdapter rejects adapters that mishandle malformed pages', () => {
  it('one that accepts anything', async () => {
    const error = await failure(
      offsetAdapter({
        getItems: (page) => (Array.isArray(page?.data) ? page.data : []),
        getNextPageParam: (page, _pages, skip) =>
          page?.has_more === true ? skip + page.data.length : undefined,
      }),
    )
    expectBroke(error, 'malformed-pages')
    expect(error.reason).toMatch(
      /^the adapter accepted the malformed answer to request #1 \(.+\) without an error/,
    )
    expect(error.counterExample.malformed).toBeDefined()
    expect(error.message).toContain(`malformed answer: ${error.counterExample.malformed}`)
  })

  it('one that crashes with a TypeError instead of a typed error', async () => {
    const error = await failure(offsetAdapter({ getItems: (page) => page.data.slice() }))
    expectBroke(error, 'malformed-pages')
    expect(error.reason).toMatch(
      /^the adapter threw TypeError \(.+\) on the malformed answer to request #1 \(.+\); expected a MalformedResponseError$/,
    )
  })

  it('one whose typed error names another adapter', async () => {
    const error = await failure(
      offsetAdapter({
        getItems: (page) => {
          if (!Array.isArray(page?.data)) throw new MalformedResponseError('leads', 'data', 'an array', page)
          return page.data
        },
      }),
    )
    expectBroke(error, 'malformed-pages')
    expect(error.reason).toMatch(/names the adapter "leads", not "broken.offset"$/)
  })
})

describe('verifyAdapter rejects broken cursor adapters', () => {
  const events = closeEventsCursor<SimulatedRecord>()

  it('one that never sends the cursor: the first page comes back and its cursor repeats', async () => {
    const adapter: PaginationAdapter<EventsPage, SimulatedRecord, CursorParam> = {
      ...events,
      id: 'broken.events',
      toRequest: (_cursor, limit) => ({ query: { _limit: String(limit) } }),
      getNextPageParam: (page) => page.cursor_next ?? undefined,
    }
    const error = await rejectionOf(
      verifyAdapter(adapter, { server: closeEventsServer(), numRuns: 100, seed: 3 }),
    )
    expect(error).toMatchObject({ property: 'distinct-page-params' })
    expect(error.reason).toBe(
      'request #3 asked for page param "after:rec-0", already requested by request #2',
    )
  })

  it('one that reads the wrong cursor field: the list stops after its first page', async () => {
    const adapter: PaginationAdapter<EventsPage, SimulatedRecord, CursorParam> = {
      ...events,
      id: 'broken.events',
      getNextPageParam: (page) => page.cursor_previous ?? undefined,
    }
    const error = await rejectionOf(
      verifyAdapter(adapter, { server: closeEventsServer(), numRuns: 100, seed: 3 }),
    )
    expect(error).toMatchObject({ property: 'exactly-once' })
    expect(error.reason).toBe('rec-1 (record 2 of 2) was never received; 1 of 2 records lost')
  })
})

describe('verifyAdapter reads adapters as TanStack Query does', () => {
  it('accepts a raw cursor adapter that ends the list with null', async () => {
    const events = closeEventsCursor<SimulatedRecord>()
    const raw: PaginationAdapter<EventsPage, SimulatedRecord, CursorParam> = {
      ...events,
      getNextPageParam: (page) => page.cursor_next,
    }
    const report = await verifyAdapter(raw, { server: closeEventsServer(), numRuns: 30, malformed: false })
    expect(report.runs).toBe(30)
  })
})

describe('counter-examples', () => {
  it('abbreviate long request lists, keeping the first and the last requests', async () => {
    // Skips a page only deep in the list, so the smallest counter-example still takes many requests.
    const error = await failure(
      offsetAdapter({
        getNextPageParam: (page, _pages, skip) =>
          page.has_more ? skip + page.data.length * (skip >= 20 ? 2 : 1) : undefined,
      }),
      { drift: false },
    )
    expectBroke(error, 'exactly-once')
    expect(error.counterExample).toMatchObject({ records: 22, pageSize: 1 })
    expect(error.counterExample.pageParams).toEqual([...Array.from({ length: 21 }, (_, skip) => skip), 22])
    expect(error.message).toContain(
      'page params requested: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, … 3 more …, 19, 20, 22\n',
    )
    expect(error.message).toContain('#8 page param 7')
    expect(error.message).toContain('… 11 more …')
    expect(error.message).not.toContain('#9 page param 8')
    expect(error.message).toContain('#22 page param 22')
  })

  it('replay with the seed they print', async () => {
    const adapter = closeOffset<SimulatedRecord>()
    const broken: OffsetAdapter = { ...adapter, getItems: (page) => adapter.getItems(page).slice(0, 3) }
    const first = await failure(broken, { seed: 11 })
    const again = await failure(broken, { seed: first.seed })
    expect(again.message).toBe(first.message)
  })
})
