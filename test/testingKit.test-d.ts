import { describe, expectTypeOf, it } from 'vitest'
import { closeEventsCursor, closeOffset, offsetAdapter, pipedriveCursor } from '../src'
import type { CloseEventsResponse, CloseListResponse } from '../src'
import { commonMalformedPages, cursorServer, offsetServer, verifyAdapter } from '../src/testing'
import type {
  AdapterConformanceError,
  AdapterReport,
  ConformanceProperty,
  CounterExample,
  SimulatedPage,
  SimulatedRecord,
  SimulatedServer,
} from '../src/testing'

/** A Close list as a server built with `offsetServer` answers it. */
const closeListServer = offsetServer<CloseListResponse<SimulatedRecord>>({
  name: 'Close list',
  offsetParam: '_skip',
  limitParam: '_limit',
  respond: (page) => ({ data: page.records, has_more: page.hasMore }),
})

describe('pagewise/testing types', () => {
  it('verifies an adapter with a server built from offsetServer or cursorServer', () => {
    expectTypeOf(closeListServer).toEqualTypeOf<SimulatedServer<CloseListResponse<SimulatedRecord>>>()
    expectTypeOf(verifyAdapter(closeOffset<SimulatedRecord>(), { server: closeListServer })).toEqualTypeOf<
      Promise<AdapterReport>
    >()
    const dealsServer = cursorServer({
      name: 'Pipedrive deals',
      respond: (page) => ({
        success: true,
        data: page.records,
        additional_data: { next_cursor: page.nextCursor },
      }),
    })
    expectTypeOf(
      verifyAdapter(pipedriveCursor<SimulatedRecord>(), { server: dealsServer, numRuns: 50 }),
    ).toEqualTypeOf<Promise<AdapterReport>>()
  })

  it("refuses a server whose answers do not fit the adapter's response type", () => {
    const eventsServer = cursorServer<CloseEventsResponse<SimulatedRecord>>({
      name: 'Close events',
      cursorParam: '_cursor',
      limitParam: '_limit',
      respond: (page) => ({ data: page.records, cursor_next: page.nextCursor, cursor_previous: null }),
    })
    // @ts-expect-error: a Close events server answers without `has_more`
    void verifyAdapter(closeOffset<SimulatedRecord>(), { server: eventsServer })
    // @ts-expect-error: a Close list server answers without `cursor_next`
    void verifyAdapter(closeEventsCursor<SimulatedRecord>(), { server: closeListServer })
    void verifyAdapter(closeEventsCursor<SimulatedRecord>(), { server: eventsServer })
  })

  it('types getItemId with the adapter item and the server from its respond', () => {
    const tickets = offsetAdapter<{ results: { key: string }[] }, { key: string }>({
      id: 't',
      items: 'results',
    })
    const server = offsetServer({
      name: 'Tickets',
      respond: (page) => {
        expectTypeOf(page).toEqualTypeOf<SimulatedPage>()
        return { results: page.records.map((record) => ({ key: record.id })) }
      },
    })
    void verifyAdapter(tickets, {
      server,
      getItemId: (item) => {
        expectTypeOf(item).toEqualTypeOf<{ key: string }>()
        return item.key
      },
    })
  })

  it('takes malformed answers built from the typed answer, beside the common ones', () => {
    const tickets = offsetAdapter({ id: 'helpdesk.tickets', items: 'results', total: 'count', unit: 'page' })
    void verifyAdapter(tickets, {
      server: offsetServer({
        name: 'Helpdesk tickets',
        unit: 'page',
        reportsTotal: true,
        respond: (page) => ({ results: page.records, count: page.total }),
        malformed: [
          ...commonMalformedPages,
          {
            name: '"results" is null',
            corrupt: (answer) => {
              expectTypeOf(answer.count).toEqualTypeOf<number | undefined>()
              return { ...answer, results: null }
            },
          },
        ],
      }),
    })
  })

  it('exposes the property and the counter-example on the error', () => {
    expectTypeOf<AdapterConformanceError['property']>().toEqualTypeOf<ConformanceProperty>()
    expectTypeOf<AdapterConformanceError['counterExample']>().toEqualTypeOf<CounterExample>()
    expectTypeOf<CounterExample['pageParams']>().toEqualTypeOf<unknown[]>()
  })
})
