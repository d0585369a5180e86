// @vitest-environment jsdom
/**
 * Fault injection through the whole stack: answers pagewise must refuse (a malformed page, a cursor served twice) and
 * a page size over the API's maximum. Each case counts the requests and checks what the user sees.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { closeEventsCursor, InfiniteTable, usePaginatedList } from '../../src'
import { CLOSE_MOCK_BASE_URL } from '../../src/mock'
import { stubLayout } from '../jsdomLayout'
import { setupMockServer } from '../mockServer'
import { closeApi, elapse, renderLeadsTable } from './leadsTable'

const { server, serve } = setupMockServer()

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }))
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('fault injection: bad pages', () => {
  test('a malformed page: a typed error naming the field, no retry, loaded rows kept; Retry loads it', async () => {
    const table = renderLeadsTable(serve, { height: 1200, mock: { faults: { malformedOnRequest: 3 } } })
    await elapse(2_000)
    expect(table.skips()).toEqual(['0', '5', '10']) // the third answer was malformed: nothing after it
    expect(table.rowIds()).toHaveLength(10)
    expect(table.statusRow()?.text).toBe(
      'Could not load leads: close.offset: expected "has_more" to be a boolean, received "yes" (a string).Retry',
    )
    expect(await table.announcement()).toMatch(/^Could not load leads: close\.offset: expected "has_more"/)

    fireEvent.click(table.retryButton())
    await elapse(2_000)
    expect(table.skips().slice(0, 4)).toEqual(['0', '5', '10', '10'])
    expect(table.state()).toBe('complete')
    console.log(`[faults] malformed page: 1 request refused, 0 retries, 1 request after Retry`)
  })

  test('a cursor served twice: a CursorLoopError instead of an endless loop; the first page stays', async () => {
    stubLayout(40)
    const eventsUrl = `${CLOSE_MOCK_BASE_URL}/api/v1/event/`
    const cursors: (string | null)[] = []
    server.use(
      http.get(eventsUrl, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('_cursor')
        cursors.push(cursor)
        const from = cursors.length * 10
        const data = Array.from({ length: 10 }, (_, index) => ({
          id: `ev_${from + index}`,
          action: 'created',
        }))
        // A broken server: the same next cursor on every page.
        return HttpResponse.json({ data, cursor_next: 'cursor_A', cursor_previous: null })
      }),
    )
    function Events() {
      const events = usePaginatedList({
        queryKey: ['events'],
        adapter: closeEventsCursor<{ id: string; action: string }>(),
        fetchPage: closeApi('/event/'),
      })
      return (
        <InfiniteTable
          list={events}
          columns={[{ id: 'id', header: 'Event', cell: (event) => event.id }]}
          aria-label="Events"
          itemName={{ one: 'event', other: 'events' }}
          height={1200}
        />
      )
    }
    const client = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } })
    render(
      <QueryClientProvider client={client}>
        <Events />
      </QueryClientProvider>,
    )
    await elapse(5_000)
    expect(cursors).toEqual([null, 'cursor_A'])
    expect(screen.getAllByRole('row')).toHaveLength(1 + 10 + 1) // header, the first page, the error row
    const error = screen.getByRole('button', { name: 'Retry' }).closest('[role="row"]')!
    expect(error.textContent).toMatch(
      /^Could not load events: close\.eventsCursor: the API returned the page param "cursor_A" \(a string\) a second time; stopping instead of looping forever\.Retry$/,
    )
    console.log(`[faults] repeated cursor: ${cursors.length} requests, then stopped`)
  })

  test('a page size over the maximum is clamped: no 400, one development warning naming both numbers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const table = renderLeadsTable(serve, { pageSize: 1_000, height: 400, mock: { leads: 500 } })
    await elapse(500)
    // The first page and the page ahead (the table keeps one page ahead), each clamped to Close's maximum.
    expect(table.mock.requests.map((request) => [request.query._limit, request.status])).toEqual([
      ['200', 200],
      ['200', 200],
    ])
    expect(table.rowIds().length).toBeGreaterThan(0)
    expect(table.state()).toBe('idle')
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/1000.*200|200.*1000/)
    await act(async () => undefined)
  })
})
