import { describe, expectTypeOf, it } from 'vitest'
import { closeEventsCursor, closeOffset, offsetAdapter, pipedriveCursor } from '../src'
import {
  commonMalformedPages,
  closeEventsServer,
  closeOffsetServer,
  offsetServer,
  pipedriveCursorServer,
  verifyAdapter,
} from '../src/testing'
import type {
  AdapterConformanceError,
  AdapterReport,
  ConformanceProperty,
  CounterExample,
  SimulatedPage,
} from '../src/testing'

type Lead = { id: string; display_name: string }

describe('pagewise/testing types', () => {
  it('verifies an adapter typed for your own records with a built-in server', () => {
    expectTypeOf(verifyAdapter(closeOffset<Lead>(), { server: closeOffsetServer() })).toEqualTypeOf<
      Promise<AdapterReport>
    >()
    expectTypeOf(
      verifyAdapter(pipedriveCursor(), { server: pipedriveCursorServer(), numRuns: 50 }),
    ).toEqualTypeOf<Promise<AdapterReport>>()
  })

  it("refuses a server whose answers do not fit the adapter's response type", () => {
    // @ts-expect-error: a Pipedrive cursor server answers without `has_more`
    void verifyAdapter(closeOffset<Lead>(), { server: pipedriveCursorServer() })
    // @ts-expect-error: a Close list server answers without `cursor_next`
    void verifyAdapter(closeEventsCursor(), { server: closeOffsetServer() })
    void verifyAdapter(closeEventsCursor(), { server: closeEventsServer() })
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
