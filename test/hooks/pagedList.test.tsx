// @vitest-environment jsdom
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { act, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import {
  closeOffset,
  createFetcher,
  HttpError,
  pipedriveCursor,
  pipedriveOffset,
  usePagedList,
} from '../../src'
import {
  CLOSE_MOCK_BASE_URL,
  createCloseMock,
  createPipedriveMock,
  PIPEDRIVE_MOCK_BASE_URL,
} from '../../src/mock'
import type { PagedListOptions } from '../../src'
import type { CloseLead, MockRequestRecord, PipedriveDeal, PipedriveNote } from '../../src/mock'
import { setupMockServer } from '../mockServer'
import { renderWithClient } from '../renderWithClient'

const { server, serve } = setupMockServer()

const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const pipedrive = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })
const LEADS_URL = `${CLOSE_MOCK_BASE_URL}/api/v1/lead/`
const DEALS_URL = `${PIPEDRIVE_MOCK_BASE_URL}/api/v2/deals`

// Close reports `total_results` on leads only with a `query` filter; an empty one matches every lead.
const fetchLeads = close('/lead/', { query: { query: '' } })
const fetchNotes = pipedrive('/v1/notes')
const fetchDeals = pipedrive('/v2/deals')

/** The pager options a test varies; the list itself (key, adapter, fetchPage) is fixed per describe block. */
type PagerOptions = Pick<
  PagedListOptions<unknown, unknown, unknown>,
  'page' | 'defaultPage' | 'onPageChange' | 'onPageSizeChange' | 'pageSize'
>

const ids = (items: readonly { id: string | number }[]) => items.map((item) => item.id)

/** The `_skip` of every leads request the Close mock served, in order. */
const leadSkips = (requests: readonly MockRequestRecord[]) =>
  requests.filter((r) => r.path === '/api/v1/lead/').map((r) => Number(r.query._skip))

/** The requests the Pipedrive mock served on `/api/v2/deals`. */
const dealRequests = (requests: readonly MockRequestRecord[]) =>
  requests.filter((r) => r.path === '/api/v2/deals')

/** Holds the leads requests whose `_skip` is `skip` until `release()` (other requests pass straight through). */
function holdLeadsPage(skip: number): () => void {
  let release = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  server.use(
    http.get(LEADS_URL, async ({ request }) => {
      // Returning nothing hands the request on to the mock's own handler.
      if (new URL(request.url).searchParams.get('_skip') === String(skip)) await gate
    }),
  )
  return release
}

function leadsMock(leads: number) {
  const mock = serve(createCloseMock({ leads }))
  const page = (index: number, size: number) =>
    ids(mock.dataset.leads.slice(index * size, (index + 1) * size))
  return { mock, page }
}

function dealsMock(deals: number) {
  const mock = serve(createPipedriveMock({ deals, persons: 20, notes: 0, leads: 0 }))
  // The v2 list is served in id order (sort_by=id, asc by default).
  const sorted = [...mock.dataset.deals].sort((a, b) => a.id - b.id)
  const page = (index: number, size: number) => ids(sorted.slice(index * size, (index + 1) * size))
  return { mock, page }
}

describe('usePagedList with an offset adapter and a known total (closeOffset, leads)', () => {
  const leadsList = (extra: PagerOptions = {}) => ({
    queryKey: ['close', 'leads'],
    adapter: closeOffset<CloseLead>(),
    fetchPage: fetchLeads,
    pageSize: 20,
    ...extra,
  })

  it('shows the first page with the total and pageCount = ceil(total / pageSize)', async () => {
    const { page } = leadsMock(130)
    const { result } = renderWithClient(() => usePagedList(leadsList()))
    expect(result.current.status).toBe('pending')
    expect(result.current.items).toEqual([])
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(ids(result.current.items)).toEqual(page(0, 20))
    expect(result.current).toMatchObject({
      pageIndex: 0,
      pageSize: 20,
      total: 130,
      pageCount: 7,
      firstItemIndex: 0,
      hasPreviousPage: false,
      hasNextPage: true,
      isPlaceholderData: false,
      isError: false,
      error: null,
      kind: 'offset',
    })
  })

  it('goToPage(n) fetches page n directly with a single request', async () => {
    const { mock, page } = leadsMock(130)
    const { result, client } = renderWithClient(() => usePagedList(leadsList()))
    await waitFor(() => expect(result.current.status).toBe('success'))
    await waitFor(() => expect(client.isFetching()).toBe(0))

    act(() => result.current.goToPage(4))
    expect(result.current.pageIndex).toBe(4)
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(4, 20)))
    expect(result.current.isPlaceholderData).toBe(false)
    expect(result.current.firstItemIndex).toBe(80)
    expect(result.current.hasPreviousPage).toBe(true)
    expect(result.current.hasNextPage).toBe(true)

    const skips = leadSkips(mock.requests)
    expect(skips.filter((skip) => skip === 80)).toHaveLength(1)
    // No walk through the pages in between.
    expect(skips).not.toContain(40)
    expect(skips).not.toContain(60)
    const jump = mock.requests.find((r) => r.query._skip === '80')
    expect(jump).toMatchObject({ method: 'GET', status: 200, query: { _skip: '80', _limit: '20' } })
  })

  it('canGoToPage is true within pageCount and false beyond it, for negative and non-integer pages', async () => {
    const { mock } = leadsMock(130)
    const { result, client } = renderWithClient(() => usePagedList(leadsList()))
    await waitFor(() => expect(result.current.pageCount).toBe(7))
    for (let index = 0; index < 7; index += 1) expect(result.current.canGoToPage(index)).toBe(true)
    for (const index of [7, 8, 99, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(result.current.canGoToPage(index)).toBe(false)
    }
    await waitFor(() => expect(client.isFetching()).toBe(0))
    const before = mock.requests.length

    // goToPage ignores pages it cannot reach: nothing changes, nothing is requested.
    act(() => result.current.goToPage(7))
    act(() => result.current.goToPage(-1))
    act(() => result.current.goToPage(2.5))
    expect(result.current.pageIndex).toBe(0)
    expect(mock.requests).toHaveLength(before)
  })

  it('keeps the previous page on screen, as placeholder data, while the next page loads', async () => {
    const { page } = leadsMock(130)
    const { result, client } = renderWithClient(() => usePagedList(leadsList()))
    await waitFor(() => expect(result.current.status).toBe('success'))
    await waitFor(() => expect(client.isFetching()).toBe(0))

    const release = holdLeadsPage(40)
    act(() => result.current.goToPage(2))
    await waitFor(() => expect(result.current.isFetching).toBe(true))
    expect(result.current.pageIndex).toBe(2)
    expect(result.current.isPlaceholderData).toBe(true)
    expect(result.current.status).toBe('success')
    expect(ids(result.current.items)).toEqual(page(0, 20))

    release()
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false))
    expect(ids(result.current.items)).toEqual(page(2, 20))
    expect(result.current.pageIndex).toBe(2)
  })

  it('prefetches the next page once the current one has landed, and shows it at once on Next', async () => {
    const { mock, page } = leadsMock(130)
    const { result, client } = renderWithClient(() => usePagedList(leadsList()))
    await waitFor(() => expect(result.current.status).toBe('success'))
    await waitFor(() => expect(leadSkips(mock.requests)).toEqual([0, 20]))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    expect(result.current.pageIndex).toBe(0)
    // Prefetching does not count as loading the page shown.
    expect(result.current.isFetching).toBe(false)

    act(() => result.current.nextPage())
    expect(result.current.pageIndex).toBe(1)
    expect(result.current.isPlaceholderData).toBe(false)
    expect(ids(result.current.items)).toEqual(page(1, 20))
    // ...and the page after it is prefetched in turn.
    await waitFor(() => expect(leadSkips(mock.requests)).toContain(40))
  })

  it('follows a controlled `page` and asks for changes through onPageChange', async () => {
    const { page } = leadsMock(130)
    const onPageChange = vi.fn()
    const { result, rerender } = renderWithClient(
      (props: { page: number }) => usePagedList(leadsList({ page: props.page, onPageChange })),
      { initialProps: { page: 0 } },
    )
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(0, 20)))

    act(() => result.current.nextPage())
    expect(onPageChange).toHaveBeenCalledTimes(1)
    expect(onPageChange).toHaveBeenLastCalledWith(1)
    // Controlled: the page moves only when the prop does.
    expect(result.current.pageIndex).toBe(0)

    rerender({ page: 1 })
    expect(result.current.pageIndex).toBe(1)
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(1, 20)))

    // A new prop (say, from the URL) moves the pager without calling onPageChange.
    rerender({ page: 5 })
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(5, 20)))
    expect(result.current.pageIndex).toBe(5)
    expect(onPageChange).toHaveBeenCalledTimes(1)

    act(() => result.current.previousPage())
    expect(onPageChange).toHaveBeenLastCalledWith(4)
  })

  it('moves a page past the end (controlled page 99 of 3) to the last page through onPageChange', async () => {
    const { mock, page } = leadsMock(60)
    const onPageChange = vi.fn()
    const { result } = renderWithClient(() => {
      const [current, setCurrent] = useState(99)
      return usePagedList(
        leadsList({
          page: current,
          onPageChange: (next) => {
            onPageChange(next)
            setCurrent(next)
          },
        }),
      )
    })
    await waitFor(() => expect(result.current.pageIndex).toBe(2))
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(2, 20)))
    expect(onPageChange).toHaveBeenCalledTimes(1)
    expect(onPageChange).toHaveBeenCalledWith(2)
    expect(result.current).toMatchObject({
      pageCount: 3,
      total: 60,
      hasNextPage: false,
      isPlaceholderData: false,
    })
    expect(leadSkips(mock.requests)).toContain(1980)
  })

  it('setPageSize keeps the first visible record on screen (page 3 at 20 → page 1 at 50)', async () => {
    const { mock, page } = leadsMock(130)
    const onPageChange = vi.fn()
    const onPageSizeChange = vi.fn()
    const { result } = renderWithClient(() =>
      usePagedList(leadsList({ defaultPage: 3, onPageChange, onPageSizeChange })),
    )
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(3, 20)))
    expect(result.current.firstItemIndex).toBe(60)
    const firstVisible = result.current.items[0]?.id

    act(() => result.current.setPageSize(50))
    expect(onPageSizeChange).toHaveBeenCalledTimes(1)
    expect(onPageSizeChange).toHaveBeenCalledWith(50)
    expect(onPageChange).toHaveBeenCalledWith(1)
    expect(result.current.pageIndex).toBe(1)
    expect(result.current.pageSize).toBe(50)

    await waitFor(() => expect(ids(result.current.items)).toEqual(page(1, 50)))
    expect(ids(result.current.items)).toContain(firstVisible)
    expect(result.current).toMatchObject({ pageCount: 3, firstItemIndex: 50, isPlaceholderData: false })
    expect(mock.requests.some((r) => r.query._skip === '50' && r.query._limit === '50')).toBe(true)

    // The same size again changes nothing.
    act(() => result.current.setPageSize(50))
    expect(onPageSizeChange).toHaveBeenCalledTimes(1)
  })

  it('clamps a pageSize above maxLimit with exactly one warning naming the adapter and both numbers', async () => {
    const { mock, page } = leadsMock(230)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { result, rerender } = renderWithClient(() => usePagedList(leadsList({ pageSize: 500 })))
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(result.current.pageSize).toBe(200)
    expect(result.current.pageCount).toBe(2)
    expect(ids(result.current.items)).toEqual(page(0, 200))
    expect(mock.requests[0]?.query._limit).toBe('200')

    rerender({})
    await waitFor(() => expect(result.current.isFetching).toBe(false))
    expect(warn).toHaveBeenCalledTimes(1)
    const message = String(warn.mock.calls[0]?.[0])
    expect(message).toContain('close.offset')
    expect(message).toContain('500')
    expect(message).toContain('200')
  })
})

describe('usePagedList with an offset adapter and no total (pipedriveOffset, notes)', () => {
  it('reaches only the next page, and ends where the API says', async () => {
    const mock = serve(createPipedriveMock({ deals: 30, persons: 20, notes: 50, leads: 0 }))
    const page = (index: number) => ids(mock.dataset.notes.slice(index * 20, (index + 1) * 20))
    const { result, client } = renderWithClient(() =>
      usePagedList({
        queryKey: ['pipedrive', 'notes'],
        adapter: pipedriveOffset<PipedriveNote>(),
        fetchPage: fetchNotes,
        pageSize: 20,
      }),
    )
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(ids(result.current.items)).toEqual(page(0))
    expect(result.current).toMatchObject({ pageCount: undefined, total: undefined, hasNextPage: true })
    expect(result.current.canGoToPage(0)).toBe(true)
    expect(result.current.canGoToPage(1)).toBe(true)
    expect(result.current.canGoToPage(2)).toBe(false)
    expect(result.current.canGoToPage(-1)).toBe(false)

    // Page 2 is unknown territory from page 0: goToPage ignores it.
    act(() => result.current.goToPage(2))
    expect(result.current.pageIndex).toBe(0)

    await waitFor(() => expect(client.isFetching()).toBe(0))
    act(() => result.current.nextPage())
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(1)))
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false))
    expect(result.current.pageIndex).toBe(1)
    expect(result.current.hasNextPage).toBe(true)
    expect(result.current.canGoToPage(2)).toBe(true)
    expect(result.current.canGoToPage(3)).toBe(false)

    await waitFor(() => expect(client.isFetching()).toBe(0))
    act(() => result.current.nextPage())
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(2)))
    await waitFor(() => expect(result.current.isFetching).toBe(false))
    expect(result.current.items).toHaveLength(10)
    expect(result.current).toMatchObject({ pageIndex: 2, hasNextPage: false, pageCount: undefined })
    expect(result.current.canGoToPage(3)).toBe(false)

    // Next on the last page does nothing, and nothing past the end is requested.
    act(() => result.current.nextPage())
    expect(result.current.pageIndex).toBe(2)
    await waitFor(() => expect(client.isFetching()).toBe(0))
    const starts = mock.requests.filter((r) => r.path === '/api/v1/notes').map((r) => r.query.start)
    expect(starts).not.toContain('60')
  })
})

describe('usePagedList with a forward-only cursor (pipedriveCursor, /v2/deals)', () => {
  const dealsList = (extra: PagerOptions = {}) => ({
    queryKey: ['pipedrive', 'deals'],
    adapter: pipedriveCursor<PipedriveDeal>(),
    fetchPage: fetchDeals,
    pageSize: 10,
    ...extra,
  })

  it('pages forwards, backwards and forwards again without refetching a visited cursor', async () => {
    const { mock, page } = dealsMock(100)
    const { result, client } = renderWithClient(() => usePagedList(dealsList()))
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(0, 10)))
    expect(result.current).toMatchObject({
      kind: 'cursor',
      pageCount: undefined,
      hasPreviousPage: false,
    })
    // Page 0, then page 1 prefetched.
    await waitFor(() => expect(dealRequests(mock.requests)).toHaveLength(2))
    await waitFor(() => expect(client.isFetching()).toBe(0))

    for (const index of [1, 2, 3]) {
      act(() => result.current.nextPage())
      await waitFor(() => expect(ids(result.current.items)).toEqual(page(index, 10)))
      expect(result.current.pageIndex).toBe(index)
      expect(result.current.hasPreviousPage).toBe(true)
      // Each step prefetches the page after the one shown.
      await waitFor(() => expect(dealRequests(mock.requests)).toHaveLength(index + 2))
      await waitFor(() => expect(client.isFetching()).toBe(0))
      expect(result.current.isPlaceholderData).toBe(false)
    }
    // Pages 0–3 and the prefetched page 4.
    expect(dealRequests(mock.requests)).toHaveLength(5)

    for (const index of [2, 1]) {
      act(() => result.current.previousPage())
      // Straight from the cursor history: no loading state.
      expect(result.current.pageIndex).toBe(index)
      expect(result.current.isPlaceholderData).toBe(false)
      expect(result.current.isFetching).toBe(false)
      expect(ids(result.current.items)).toEqual(page(index, 10))
    }
    expect(result.current.hasPreviousPage).toBe(true)
    for (const index of [2, 3, 4]) {
      act(() => result.current.nextPage())
      expect(result.current.pageIndex).toBe(index)
      expect(result.current.isPlaceholderData).toBe(false)
      expect(ids(result.current.items)).toEqual(page(index, 10))
    }
    // Page 4 was the prefetched one; showing it prefetches page 5, the only new request.
    await waitFor(() => expect(dealRequests(mock.requests)).toHaveLength(6))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    const requests = dealRequests(mock.requests)
    expect(requests).toHaveLength(6)
    const cursors = requests.map((r) => r.query.cursor ?? '(first)')
    expect(new Set(cursors).size).toBe(cursors.length)
    expect(requests.every((r) => r.status === 200 && r.query.limit === '10')).toBe(true)
  })

  it('canGoToPage allows the pages loaded so far and the one after them only', async () => {
    const { mock, page } = dealsMock(100)
    const { result, client } = renderWithClient(() => usePagedList(dealsList()))
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(0, 10)))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    act(() => result.current.nextPage())
    act(() => result.current.nextPage())
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(2, 10)))
    await waitFor(() => expect(dealRequests(mock.requests)).toHaveLength(4))
    await waitFor(() => expect(client.isFetching()).toBe(0))

    // Visited: 0, 1, 2. Loaded ahead: 3 (the prefetch), whose cursor leads to page 4.
    for (const index of [0, 1, 2, 3, 4]) expect(result.current.canGoToPage(index)).toBe(true)
    for (const index of [5, 6, 9, -1, 0.5, Number.NaN]) expect(result.current.canGoToPage(index)).toBe(false)
    act(() => result.current.goToPage(7))
    expect(result.current.pageIndex).toBe(2)

    act(() => result.current.goToPage(0))
    expect(result.current.pageIndex).toBe(0)
    expect(ids(result.current.items)).toEqual(page(0, 10))
    expect(result.current.hasPreviousPage).toBe(false)
    expect(dealRequests(mock.requests)).toHaveLength(4)
  })

  it('setPageSize starts again from page 0', async () => {
    const { mock, page } = dealsMock(100)
    const onPageChange = vi.fn()
    const onPageSizeChange = vi.fn()
    const { result, client } = renderWithClient(() =>
      usePagedList(dealsList({ onPageChange, onPageSizeChange })),
    )
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(0, 10)))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    act(() => result.current.nextPage())
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(1, 10)))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    act(() => result.current.nextPage())
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(2, 10)))
    expect(onPageChange).toHaveBeenLastCalledWith(2)

    act(() => result.current.setPageSize(25))
    expect(onPageSizeChange).toHaveBeenCalledWith(25)
    expect(onPageChange).toHaveBeenLastCalledWith(0)
    expect(result.current.pageIndex).toBe(0)
    expect(result.current.pageSize).toBe(25)
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(0, 25)))
    expect(result.current).toMatchObject({ hasPreviousPage: false, hasNextPage: true, firstItemIndex: 0 })
    const first = dealRequests(mock.requests).find((r) => r.query.limit === '25')
    expect(first?.query.cursor).toBeUndefined()
  })

  it('walks forward to a controlled page 3 on mount and shows its records', async () => {
    const { mock, page } = dealsMock(100)
    const onPageChange = vi.fn()
    const { result, client } = renderWithClient(() => usePagedList(dealsList({ page: 3, onPageChange })))
    expect(result.current.pageIndex).toBe(3)
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(3, 10)))
    expect(result.current).toMatchObject({
      pageIndex: 3,
      isPlaceholderData: false,
      status: 'success',
      hasPreviousPage: true,
      hasNextPage: true,
      firstItemIndex: 30,
    })
    expect(onPageChange).not.toHaveBeenCalled()
    await waitFor(() => expect(client.isFetching()).toBe(0))
    // Pages 0–3 walked once each, and page 4 prefetched.
    const cursors = dealRequests(mock.requests).map((r) => r.query.cursor ?? '(first)')
    expect(cursors).toHaveLength(5)
    expect(new Set(cursors).size).toBe(5)

    act(() => result.current.previousPage())
    expect(onPageChange).toHaveBeenCalledWith(2)
  })
  it('moves a page past the end of a cursor list to its last page once the walk reaches the end', async () => {
    const { mock, page } = dealsMock(25)
    const onPageChange = vi.fn()
    const { result } = renderWithClient(() => {
      const [current, setCurrent] = useState(99)
      return usePagedList(
        dealsList({
          page: current,
          onPageChange: (next) => {
            onPageChange(next)
            setCurrent(next)
          },
        }),
      )
    })
    await waitFor(() => expect(result.current.pageIndex).toBe(2))
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(2, 10)))
    expect(onPageChange).toHaveBeenCalledTimes(1)
    expect(onPageChange).toHaveBeenCalledWith(2)
    expect(result.current.items).toHaveLength(5)
    expect(result.current).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
      isPlaceholderData: false,
    })
    expect(result.current.canGoToPage(2)).toBe(true)
    expect(result.current.canGoToPage(3)).toBe(false)
    // Three pages, each requested once.
    expect(dealRequests(mock.requests)).toHaveLength(3)
  })
})

describe('usePagedList errors', () => {
  it('offset: a 503 on the page navigated to is an HttpError, and retry() shows the page', async () => {
    const { page } = leadsMock(130)
    let failures = 0
    server.use(
      http.get(LEADS_URL, ({ request }) => {
        if (new URL(request.url).searchParams.get('_skip') !== '60' || failures > 0) return undefined
        failures += 1
        return HttpResponse.json({ error: 'x' }, { status: 503 })
      }),
    )
    const { result, client } = renderWithClient(() =>
      usePagedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<CloseLead>(),
        fetchPage: fetchLeads,
        pageSize: 20,
        retry: false,
      }),
    )
    await waitFor(() => expect(result.current.status).toBe('success'))
    await waitFor(() => expect(client.isFetching()).toBe(0))

    act(() => result.current.goToPage(3))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(failures).toBe(1)
    expect(result.current.pageIndex).toBe(3)
    expect(result.current.isError).toBe(true)
    expect(result.current.error).toBeInstanceOf(HttpError)
    expect((result.current.error as HttpError).status).toBe(503)

    await act(() => result.current.retry())
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(ids(result.current.items)).toEqual(page(3, 20))
    expect(result.current).toMatchObject({
      pageIndex: 3,
      error: null,
      isError: false,
      isPlaceholderData: false,
    })
  })

  it('cursor: a 503 on the page navigated to is an HttpError, and retry() shows the page', async () => {
    const { page } = dealsMock(100)
    // The third request is the prefetch of page 2, the fourth the fetch when the user moves to it.
    let count = 0
    server.use(
      http.get(DEALS_URL, () => {
        count += 1
        return count === 3 || count === 4 ? HttpResponse.json({ error: 'x' }, { status: 503 }) : undefined
      }),
    )
    const { result, client } = renderWithClient(() =>
      usePagedList({
        queryKey: ['pipedrive', 'deals'],
        adapter: pipedriveCursor<PipedriveDeal>(),
        fetchPage: fetchDeals,
        pageSize: 10,
        retry: false,
      }),
    )
    await waitFor(() => expect(ids(result.current.items)).toEqual(page(0, 10)))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    act(() => result.current.nextPage())
    await waitFor(() => expect(count).toBe(3))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    // The failed prefetch does not touch the page shown.
    expect(ids(result.current.items)).toEqual(page(1, 10))
    expect(result.current.status).toBe('success')

    act(() => result.current.nextPage())
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(count).toBe(4)
    expect(result.current.pageIndex).toBe(2)
    expect(result.current.error).toBeInstanceOf(HttpError)
    expect((result.current.error as HttpError).status).toBe(503)

    await act(() => result.current.retry())
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(ids(result.current.items)).toEqual(page(2, 10))
    expect(result.current).toMatchObject({ pageIndex: 2, error: null, isPlaceholderData: false })
  })
})
