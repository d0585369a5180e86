// @vitest-environment jsdom
/**
 * Lists that start mid-way: `maxPages` dropping pages at one end and loading them back at the other (offsets compute
 * the previous page, forward-only cursors keep theirs), `firstItemIndex`, and `loadWindow` / `windowAt`, on the mock
 * Close API.
 */
import { act, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  HttpError,
  InvalidOptionError,
  closeEventsCursor,
  pipedriveCursor,
  closeOffset,
  createFetcher,
  usePaginatedList,
} from '../../src'
import type { ListWindow, PaginatedList } from '../../src'
import {
  CLOSE_MOCK_BASE_URL,
  PIPEDRIVE_MOCK_BASE_URL,
  createCloseMock,
  createPipedriveMock,
} from '../../src/mock'
import { setupMockServer } from '../mockServer'
import { renderWithClient } from '../renderWithClient'

const { serve } = setupMockServer()
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const pipedrive = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })

type Record = { id: string }
type AnyList = PaginatedList<unknown, Record, unknown>

/** The query of each request to `path`, in order. */
const requests = (
  mock: { requests: readonly { path: string; query: { [name: string]: string } }[] },
  path: string,
) => mock.requests.filter((request) => request.path.endsWith(path)).map((request) => request.query)

function leads(options: { maxPages?: number; enabled?: boolean; retry?: boolean } = {}) {
  const mock = serve(createCloseMock({ seed: 5, leads: 200 }))
  const view = renderWithClient(() =>
    usePaginatedList({
      queryKey: ['close', 'leads'],
      adapter: closeOffset<Record>(),
      fetchPage: close('/lead/'),
      pageSize: 10,
      ...options,
    }),
  )
  const ids = (from: number, to: number) => mock.dataset.leads.slice(from, to).map((lead) => lead.id)
  return { mock, ...view, list: () => view.result.current as AnyList, ids }
}

async function step(list: () => AnyList, move: 'fetchNextPage' | 'fetchPreviousPage', times = 1) {
  for (let at = 0; at < times; at++) await act(() => list()[move]())
  await waitFor(() => expect(list().isFetching).toBe(false))
}

describe('maxPages on an offset list', () => {
  it('drops pages in front as it goes on, says where it starts, and loads them back going back', async () => {
    const { list, ids, mock } = leads({ maxPages: 3 })
    await waitFor(() => expect(list().isSuccess).toBe(true))
    await step(list, 'fetchNextPage', 4)
    expect(list().firstItemIndex).toBe(20)
    expect(list().items.map((lead) => lead.id)).toEqual(ids(20, 50))
    expect(list().hasPreviousPage).toBe(true)
    expect(list().window).toEqual({ pageParams: [20, 30, 40], firstItemIndex: 20 })
    await step(list, 'fetchPreviousPage', 2)
    expect(list().firstItemIndex).toBe(0)
    expect(list().items.map((lead) => lead.id)).toEqual(ids(0, 30))
    expect(list().hasPreviousPage).toBe(false)
    expect(requests(mock, '/lead/').map((query) => query._skip)).toEqual([
      '0',
      '10',
      '20',
      '30',
      '40',
      '10',
      '0',
    ])
  })
})

describe('maxPages on a forward-only cursor list (Pipedrive v2)', () => {
  it('keeps the cursors of the pages it dropped, and pages back through them to the same records', async () => {
    const mock = serve(createPipedriveMock({ seed: 2, deals: 120 }))
    const view = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['pipedrive', 'deals'],
        adapter: pipedriveCursor<{ id: number }>(),
        fetchPage: pipedrive('/v2/deals'),
        pageSize: 20,
        maxPages: 2,
      }),
    )
    const list = () => view.result.current as PaginatedList<unknown, { id: number }, unknown>
    const dealIds = () => list().items.map((deal) => deal.id)
    await waitFor(() => expect(list().isSuccess).toBe(true))
    const top = dealIds()
    expect(list().hasPreviousPage).toBe(false)
    for (let at = 0; at < 3; at++) await act(() => list().fetchNextPage())
    await waitFor(() => expect(list().isFetching).toBe(false))
    expect(list().firstItemIndex).toBe(40)
    expect(list().hasPreviousPage).toBe(true)
    const cursors = requests(mock, '/v2/deals').map((query) => query.cursor)
    expect(cursors).toEqual([undefined, expect.any(String), expect.any(String), expect.any(String)])
    expect(list().window).toEqual({
      pageParams: cursors.slice(2),
      firstItemIndex: 40,
      before: [null, cursors[1]],
    })
    await act(() => list().fetchPreviousPage())
    await waitFor(() => expect(list().isFetching).toBe(false))
    // The first page, whose param TanStack Query reads as none, is loaded apart: asked for twice, fetched once.
    await act(() => Promise.all([list().fetchPreviousPage(), list().fetchPreviousPage()]))
    await waitFor(() => expect(list().firstItemIndex).toBe(0))
    expect(list().hasPreviousPage).toBe(false)
    expect(dealIds().slice(0, 20)).toEqual(top)
    // Back through the cursors it kept: the second page's, then the first page (no cursor).
    expect(
      requests(mock, '/v2/deals')
        .map((query) => query.cursor)
        .slice(4),
    ).toEqual([cursors[1], undefined])
  })
})

describe('loadWindow', () => {
  it('loads the window from its params, one request per page, never from the first page', async () => {
    const { list, ids, mock } = leads({ enabled: false })
    const window: ListWindow<number> = { pageParams: [120, 130], firstItemIndex: 120 }
    await act(() => list().loadWindow(window))
    expect(list().firstItemIndex).toBe(120)
    expect(list().items.map((lead) => lead.id)).toEqual(ids(120, 140))
    expect(list().window).toEqual(window)
    expect(requests(mock, '/lead/').map((query) => query._skip)).toEqual(['120', '130'])
    // Held already: nothing is fetched.
    await act(() => list().loadWindow(window))
    expect(requests(mock, '/lead/')).toHaveLength(2)
  })

  it('replaces the pages shown, which stay until the window lands, and pages back from it', async () => {
    const { list, ids, mock } = leads()
    await waitFor(() => expect(list().isSuccess).toBe(true))
    const loading = act(() => list().loadWindow({ pageParams: [150], firstItemIndex: 150 }))
    expect(list().items.map((lead) => lead.id)).toEqual(ids(0, 10))
    await loading
    expect(list().items.map((lead) => lead.id)).toEqual(ids(150, 160))
    await step(list, 'fetchPreviousPage')
    expect(list().firstItemIndex).toBe(140)
    expect(list().items.map((lead) => lead.id)).toEqual(ids(140, 160))
    expect(requests(mock, '/lead/').map((query) => query._skip)).toEqual(['0', '150', '140'])
  })

  it('refuses a value that is not a window, naming the field', async () => {
    const { list } = leads({ enabled: false })
    await expect(list().loadWindow({ pageParams: [], firstItemIndex: 0 })).rejects.toThrow(InvalidOptionError)
    await expect(list().loadWindow({ pageParams: [10], firstItemIndex: -1 })).rejects.toThrow(
      /usePaginatedList\(close\.offset\)\.loadWindow: option "firstItemIndex" must be a non-negative integer/,
    )
  })

  it('rejects with the fetch error and keeps the records shown', async () => {
    const { list, ids, mock } = leads({ retry: false })
    await waitFor(() => expect(list().isSuccess).toBe(true))
    mock.setFaults({ failureRate: 1 })
    await act(() =>
      expect(list().loadWindow({ pageParams: [50], firstItemIndex: 50 })).rejects.toBeInstanceOf(HttpError),
    )
    expect(list().items.map((lead) => lead.id)).toEqual(ids(0, 10))
    expect(list().firstItemIndex).toBe(0)
    expect(list().isError).toBe(true)
  })
})

describe('windowAt', () => {
  it('gives the one page that holds a record, for lists that reach any page', () => {
    const { list } = leads({ enabled: false })
    expect(list().windowAt(1234)).toEqual({ pageParams: [1230], firstItemIndex: 1230 })
    expect(list().windowAt(0)).toEqual({ pageParams: [0], firstItemIndex: 0 })
  })

  it('gives nothing for cursor lists, which only page in turn', () => {
    serve(createCloseMock({ seed: 5, leads: 10 }))
    const view = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['close', 'events'],
        adapter: closeEventsCursor<Record>(),
        fetchPage: close('/event/'),
        enabled: false,
      }),
    )
    expect(view.result.current.windowAt(100)).toBeUndefined()
  })
})
