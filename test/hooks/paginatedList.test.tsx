// @vitest-environment jsdom
/**
 * usePaginatedList through createFetcher and the mock Close and Pipedrive APIs: what a component receives while it
 * pages through every built-in adapter, and when the server misbehaves.
 */
import { Suspense, createElement } from 'react'
import { http, HttpResponse } from 'msw'
import { QueryClientProvider, dehydrate, hydrate, useInfiniteQuery } from '@tanstack/react-query'
import { act, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  CursorLoopError,
  HttpError,
  MalformedResponseError,
  PagewiseError,
  closeEventsCursor,
  closeOffset,
  closeSearchCursor,
  createFetcher,
  cursorAdapter,
  paginatedListOptions,
  pipedriveCursor,
  pipedriveOffset,
  usePaginatedList,
  useSuspensePaginatedList,
} from '../../src'
import type { CloseListResponse, FetchPage, ListPage, PaginatedList, PageRequest } from '../../src'
import {
  CLOSE_MOCK_BASE_URL,
  PIPEDRIVE_MOCK_BASE_URL,
  createCloseMock,
  createPipedriveMock,
} from '../../src/mock'
import { setupMockServer } from '../mockServer'
import { createTestClient, renderWithClient } from '../renderWithClient'

const { server, serve } = setupMockServer()
const closeApi = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const pipedriveApi = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })

type Id = { id: string }
type NumericId = { id: number }
type AnyList = PaginatedList<unknown, { id: string | number }, unknown>

afterEach(() => {
  vi.useRealTimers()
})

/** Fetches pages until the list says there are no more (or a fetch fails). */
async function loadAll(list: () => AnyList): Promise<void> {
  await waitFor(() => expect(list().isPending).toBe(false))
  while (list().hasNextPage && !list().isError) {
    await act(() => list().fetchNextPage())
    await waitFor(() => expect(list().isFetching).toBe(false))
  }
}

const requestsTo = (mock: { requests: readonly { path: string }[] }, path: string) =>
  mock.requests.filter((request) => request.path.endsWith(path))

describe('full traversal, every built-in adapter', () => {
  const N = 1000
  const closeWith = (records: 'leads' | 'events') => {
    const mock = serve(createCloseMock({ seed: 7, [records]: N }))
    return { mock, expected: mock.dataset[records].map((record) => record.id) }
  }
  const pipedriveWith = (records: 'notes' | 'deals') => {
    const mock = serve(createPipedriveMock({ seed: 7, [records]: N }))
    return { mock, expected: mock.dataset[records].map((record) => record.id) as Array<string | number> }
  }
  const leadSearch = { body: { query: { type: 'object_type', object_type: 'lead' } } }
  const cases = [
    {
      name: 'closeOffset on /lead/',
      pageSize: 200,
      setup: () => ({
        ...closeWith('leads'),
        path: '/lead/',
        options: { adapter: closeOffset<Id>(), fetchPage: closeApi('/lead/') },
      }),
    },
    {
      name: 'closeEventsCursor on /event/',
      pageSize: 50,
      setup: () => ({
        ...closeWith('events'),
        path: '/event/',
        options: { adapter: closeEventsCursor<Id>(), fetchPage: closeApi('/event/') },
      }),
    },
    {
      name: 'closeSearchCursor on POST /data/search/',
      pageSize: 200,
      setup: () => ({
        ...closeWith('leads'),
        path: '/data/search/',
        options: { adapter: closeSearchCursor<Id>(), fetchPage: closeApi('/data/search/', leadSearch) },
      }),
    },
    {
      name: 'pipedriveOffset on /v1/notes',
      pageSize: 250,
      setup: () => ({
        ...pipedriveWith('notes'),
        path: '/v1/notes',
        options: { adapter: pipedriveOffset<NumericId>(), fetchPage: pipedriveApi('/v1/notes') },
      }),
    },
    {
      name: 'pipedriveCursor on /v2/deals',
      pageSize: 250,
      setup: () => ({
        ...pipedriveWith('deals'),
        path: '/v2/deals',
        options: { adapter: pipedriveCursor<NumericId>(), fetchPage: pipedriveApi('/v2/deals') },
      }),
    },
  ]

  it.each(cases)('$name: every record once, in order, one request per page', async ({ setup, pageSize }) => {
    const { mock, expected, path, options } = setup()
    const { result } = renderWithClient(() =>
      usePaginatedList({ queryKey: ['traversal'], pageSize, ...options } as never),
    )
    const list = () => result.current as AnyList
    await loadAll(list)
    expect(list().error).toBeNull()
    expect(list().items.map((item) => item.id)).toEqual(expected)
    expect(list().hasNextPage).toBe(false)
    expect(requestsTo(mock, path)).toHaveLength(Math.ceil(N / pageSize))
  })

  it.each(cases)(
    '$name: a page over the maximum size is clamped, and the API never answers 400',
    async ({ setup }) => {
      const { mock, options } = setup()
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const { result } = renderWithClient(() =>
        usePaginatedList({
          queryKey: ['clamped'],
          pageSize: options.adapter.maxLimit + 1,
          ...options,
        } as never),
      )
      const list = () => result.current as AnyList
      await waitFor(() => expect(list().isSuccess).toBe(true))
      expect(list().pageSize).toBe(options.adapter.maxLimit)
      expect(list().items).toHaveLength(options.adapter.maxLimit)
      expect(mock.requests.map((request) => request.status)).toEqual([200])
    },
  )

  it.each(cases)(
    '$name: a malformed third page keeps two pages, and retry() resumes there',
    async ({ setup }) => {
      const { mock, expected, options } = setup()
      mock.setFaults({ malformedOnRequest: 3 })
      const pageSize = 20
      const { result } = renderWithClient(() =>
        usePaginatedList({ queryKey: ['malformed-each'], pageSize, ...options } as never),
      )
      const list = () => result.current as AnyList
      await loadAll(list)
      expect(list().error).toBeInstanceOf(MalformedResponseError)
      expect(list().error).toMatchObject({ adapterId: options.adapter.id })
      expect(list().items.map((item) => item.id)).toEqual(expected.slice(0, 2 * pageSize))
      await act(() => list().retry())
      await waitFor(() => expect(list().items).toHaveLength(3 * pageSize))
      expect(list().error).toBeNull()
      expect(list().items.map((item) => item.id)).toEqual(expected.slice(0, 3 * pageSize))
      expect(mock.requests).toHaveLength(4)
    },
  )

  it('reports the total when the API does, and undefined when it does not', async () => {
    serve(createCloseMock({ opportunities: 120 }))
    serve(createPipedriveMock({ deals: 10 }))
    const { result } = renderWithClient(() => ({
      opportunities: usePaginatedList({
        queryKey: ['opportunities'],
        adapter: closeOffset<Id>(),
        fetchPage: closeApi('/opportunity/'),
        pageSize: 50,
      }),
      deals: usePaginatedList({
        queryKey: ['deals'],
        adapter: pipedriveCursor<NumericId>(),
        fetchPage: pipedriveApi('/v2/deals'),
      }),
    }))
    await waitFor(() => expect(result.current.opportunities.items).toHaveLength(50))
    await waitFor(() => expect(result.current.deals.items).toHaveLength(10))
    expect(result.current.opportunities.total).toBe(120)
    expect(result.current.deals.total).toBeUndefined()
  })
})

describe('one read per page', () => {
  it('reads each page once, when it arrives, however often the list renders', async () => {
    serve(createCloseMock({ leads: 250, opportunities: 250 }))
    const base = closeOffset<Id>({ resource: 'opportunity' })
    const reads = { getItems: 0, getNextPageParam: 0, getTotal: 0 }
    const adapter: typeof base = {
      ...base,
      getItems: (response) => (reads.getItems++, base.getItems(response)),
      getNextPageParam: (...args) => (reads.getNextPageParam++, base.getNextPageParam(...args)),
      getTotal: (response) => (reads.getTotal++, base.getTotal!(response)),
    }
    const { result, rerender } = renderWithClient(() =>
      usePaginatedList({ queryKey: ['reads'], adapter, fetchPage: closeApi('/opportunity/') }),
    )
    await loadAll(() => result.current as AnyList)
    for (let render = 0; render < 5; render++) rerender()
    expect(result.current.items).toHaveLength(250)
    expect(result.current.total).toBe(250)
    // Three pages, each read once: records, continuation, total.
    expect(reads).toEqual({ getItems: 3, getNextPageParam: 3, getTotal: 3 })
  })
})

describe('an adapter spread into a raw useInfiniteQuery', () => {
  it("pages with TanStack Query alone: its getNextPageParam has TanStack's signature", async () => {
    serve(createCloseMock({ leads: 250 }))
    const adapter = closeOffset<Id>()
    const fetchLeads = closeApi('/lead/')
    const { result } = renderWithClient(() =>
      useInfiniteQuery({
        ...adapter,
        queryKey: ['raw', 'leads'],
        queryFn: ({ pageParam, signal }) =>
          fetchLeads<CloseListResponse<Id>>({
            pageParam,
            limit: 100,
            signal,
            ...adapter.toRequest(pageParam, 100),
          }),
      }),
    )
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(1))
    while (result.current.hasNextPage) await act(() => result.current.fetchNextPage())
    const leads = result.current.data?.pages.flatMap((page) => adapter.getItems(page)) ?? []
    expect(leads).toHaveLength(250)
    expect(result.current.data?.pageParams).toEqual([0, 100, 200])
  })
})

describe('items', () => {
  it('drops the copies an offset API serves when records are inserted while paging, losing none', async () => {
    const mock = serve(createCloseMock({ leads: 500, faults: { drift: { insertEvery: 1, count: 3 } } }))
    const original = mock.dataset.leads.map((lead) => lead.id)
    const served: string[] = []
    const fetchLeads = closeApi('/lead/')
    const fetchPage = async (request: PageRequest<number>) => {
      const page = await fetchLeads<{ data: Id[]; has_more: boolean }>(request)
      served.push(...page.data.map((lead) => lead.id))
      return page
    }
    const { result } = renderWithClient(() =>
      usePaginatedList({ queryKey: ['drift'], adapter: closeOffset<Id>(), fetchPage }),
    )
    await loadAll(() => result.current as AnyList)
    const ids = result.current.items.map((lead) => lead.id)
    expect(served.length).toBeGreaterThan(new Set(served).size) // the API did serve duplicates
    expect(new Set(ids).size).toBe(ids.length)
    expect(original.every((id) => ids.includes(id))).toBe(true)
  })

  it('keeps the same items array across renders that do not change the pages', async () => {
    serve(createCloseMock({ leads: 300 }))
    const { result, rerender } = renderWithClient(() =>
      usePaginatedList({ queryKey: ['stable'], adapter: closeOffset<Id>(), fetchPage: closeApi('/lead/') }),
    )
    await waitFor(() => expect(result.current.items).toHaveLength(100))
    const first = result.current.items
    rerender()
    expect(result.current.items).toBe(first)
    await act(() => result.current.fetchNextPage())
    // TanStack Query tells observers in a timer of its own: wait for the render with the second page.
    await waitFor(() => expect(result.current.items).toHaveLength(200))
    expect(result.current.items).not.toBe(first)
    expect(result.current.items.slice(0, 100)).toEqual(first)
  })

  it('uses getItemId to de-duplicate', async () => {
    const mock = serve(createPipedriveMock({ deals: 30 }))
    const { result } = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['by-stage'],
        adapter: pipedriveCursor<{ id: number; stage_id: number }>(),
        fetchPage: pipedriveApi('/v2/deals'),
        getItemId: (deal) => deal.stage_id,
      }),
    )
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    const stages = new Set(mock.dataset.deals.map((deal) => deal.stage_id))
    expect(result.current.items.map((deal) => deal.stage_id)).toEqual([...stages])
  })
})

describe('page size', () => {
  it('clamps a pageSize over the maximum, with one development warning naming the adapter and both numbers', async () => {
    const mock = serve(createCloseMock({ leads: 600 }))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { result } = renderWithClient(() => ({
      a: usePaginatedList({
        queryKey: ['a'],
        adapter: closeOffset<Id>(),
        fetchPage: closeApi('/lead/'),
        pageSize: 500,
      }),
      b: usePaginatedList({
        queryKey: ['b'],
        adapter: closeOffset<Id>(),
        fetchPage: closeApi('/lead/'),
        pageSize: 500,
      }),
    }))
    await waitFor(() => expect(result.current.a.items).toHaveLength(200))
    expect(result.current.a.pageSize).toBe(200)
    expect(mock.requests.map((request) => request.query._limit)).toEqual(['200', '200'])
    expect(mock.requests.every((request) => request.status === 200)).toBe(true)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]?.[0]).toMatch(/close\.offset.*500|500.*close\.offset/)
    expect(warn.mock.calls[0]?.[0]).toContain('200')
  })

  it('puts the adapter id and page size in the query key, after the caller key', async () => {
    serve(createCloseMock({ leads: 10 }))
    const { result } = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Id>(),
        fetchPage: closeApi('/lead/'),
        pageSize: 25,
      }),
    )
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    const options = paginatedListOptions({
      queryKey: ['close', 'leads'],
      adapter: closeOffset<Id>(),
      fetchPage: closeApi('/lead/'),
      pageSize: 25,
    })
    expect(options.queryKey).toEqual(['close', 'leads', { adapter: 'close.offset', pageSize: 25 }])
  })
})

describe('failures keep the loaded pages and resume at the page that failed', () => {
  const failOnce = (status: number, headers: Record<string, string> = {}) => {
    let failed = false
    server.use(
      http.get(`${CLOSE_MOCK_BASE_URL}/api/v1/lead/`, ({ request }) => {
        if (failed || new URL(request.url).searchParams.get('_skip') !== '200') return undefined
        failed = true
        return HttpResponse.json({ error: 'Service unavailable' }, { status, headers })
      }),
    )
  }

  it('a 503 on page 3: two pages stay, error is set, fetchNextPage asks for page 3 again', async () => {
    const mock = serve(createCloseMock({ leads: 500 }))
    failOnce(503)
    const { result } = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['5xx'],
        adapter: closeOffset<Id>(),
        fetchPage: closeApi('/lead/'),
        retry: false,
      }),
    )
    await waitFor(() => expect(result.current.items).toHaveLength(100))
    await act(() => result.current.fetchNextPage())
    await act(() => result.current.fetchNextPage())
    expect(result.current.status).toBe('error')
    expect(result.current.error).toBeInstanceOf(HttpError)
    expect((result.current.error as HttpError).status).toBe(503)
    expect(result.current.items.map((lead) => lead.id)).toEqual(
      mock.dataset.leads.slice(0, 200).map((l) => l.id),
    )
    await act(() => result.current.retry())
    expect(result.current.status).toBe('success')
    expect(result.current.items).toHaveLength(300)
    // Served requests only (the 503 came from the override): pages 1, 2, then 3 — never page 1 again.
    expect(mock.requests.map((request) => request.query._skip)).toEqual(['0', '100', '200'])
  })

  it('retries a 5xx by default after 1 s of backoff, without the user doing anything', async () => {
    serve(createCloseMock({ leads: 500 }))
    failOnce(502)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { result } = renderWithClient(() =>
      usePaginatedList({ queryKey: ['backoff'], adapter: closeOffset<Id>(), fetchPage: closeApi('/lead/') }),
    )
    await vi.advanceTimersByTimeAsync(50)
    expect(result.current.items).toHaveLength(100)
    void act(() => void result.current.fetchNextPage())
    await vi.advanceTimersByTimeAsync(50)
    void act(() => void result.current.fetchNextPage())
    await vi.advanceTimersByTimeAsync(50)
    expect(result.current.query.failureCount).toBe(1)
    expect(result.current.items).toHaveLength(200)
    await vi.advanceTimersByTimeAsync(1000)
    await act(async () => undefined)
    expect(result.current.items).toHaveLength(300)
    expect(result.current.error).toBeNull()
  })

  it("waits for a 429's Retry-After before asking again", async () => {
    let now = 0
    const mock = serve(
      createCloseMock({ leads: 500, now: () => now, faults: { rateLimit: { requests: 2, windowMs: 5000 } } }),
    )
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { result } = renderWithClient(() =>
      usePaginatedList({ queryKey: ['429'], adapter: closeOffset<Id>(), fetchPage: closeApi('/lead/') }),
    )
    await vi.advanceTimersByTimeAsync(10)
    void act(() => void result.current.fetchNextPage())
    await vi.advanceTimersByTimeAsync(10)
    expect(result.current.items).toHaveLength(200)
    now = 1000
    void act(() => void result.current.fetchNextPage())
    await vi.advanceTimersByTimeAsync(10)
    const limited = mock.requests.at(-1)
    expect(limited?.status).toBe(429)
    expect(result.current.items).toHaveLength(200)
    // Retry-After is 4 s (the window opened at 0 and lasts 5 s): nothing is sent before then.
    await vi.advanceTimersByTimeAsync(3900)
    expect(mock.requests).toHaveLength(3)
    now = 5000
    await vi.advanceTimersByTimeAsync(200)
    await act(async () => undefined)
    expect(mock.requests).toHaveLength(4)
    expect(mock.requests.at(-1)).toMatchObject({ status: 200, query: { _skip: '200' } })
    expect(result.current.items).toHaveLength(300)
  })

  it('never retries other 4xx', async () => {
    serve(createCloseMock({ leads: 10 }))
    let calls = 0
    server.use(
      http.get(`${CLOSE_MOCK_BASE_URL}/api/v1/lead/`, () => {
        calls += 1
        return HttpResponse.json({ error: 'Not found' }, { status: 404 })
      }),
    )
    const { result } = renderWithClient(() =>
      usePaginatedList({ queryKey: ['404'], adapter: closeOffset<Id>(), fetchPage: closeApi('/lead/') }),
    )
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(calls).toBe(1)
    expect((result.current.error as HttpError).status).toBe(404)
  })

  it('a malformed page is refused with a typed error naming the adapter and field; loaded pages stay', async () => {
    const mock = serve(createCloseMock({ leads: 500, faults: { malformedOnRequest: 3 } }))
    const { result } = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['malformed'],
        adapter: closeOffset<Id>(),
        fetchPage: closeApi('/lead/'),
      }),
    )
    await waitFor(() => expect(result.current.items).toHaveLength(100))
    await act(() => result.current.fetchNextPage())
    await act(() => result.current.fetchNextPage())
    expect(result.current.error).toBeInstanceOf(MalformedResponseError)
    expect(result.current.error).toMatchObject({ adapterId: 'close.offset', field: 'has_more' })
    expect(result.current.items).toHaveLength(200)
    expect(result.current.query.data?.pages).toHaveLength(2)
    await act(() => result.current.retry())
    expect(result.current.items).toHaveLength(300)
    expect(mock.requests.map((request) => request.query._skip)).toEqual(['0', '100', '200', '200'])
  })

  it('a repeated cursor stops the list with CursorLoopError instead of looping; every loaded record stays', async () => {
    type Page = { items: Id[]; next: string | null }
    const adapter = cursorAdapter<Page, Id>({
      id: 'test.cursor',
      items: 'items',
      nextCursor: 'next',
      cursorParam: 'cursor',
      limitParam: 'limit',
      defaultLimit: 2,
      maxLimit: 10,
    })
    const cursors: Record<string, Page> = {
      start: { items: [{ id: 'a' }, { id: 'b' }], next: 'c1' },
      c1: { items: [{ id: 'c' }, { id: 'd' }], next: 'c2' },
      c2: { items: [{ id: 'e' }, { id: 'f' }], next: 'c1' },
    }
    const fetchPage = vi.fn(
      async (request: PageRequest<string | null>) => cursors[request.pageParam ?? 'start']!,
    )
    const { result } = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['loop'],
        adapter,
        fetchPage: fetchPage as FetchPage<Page, string | null>,
      }),
    )
    await loadAll(() => result.current as AnyList)
    expect(result.current.error).toBeInstanceOf(CursorLoopError)
    expect(result.current.error).toMatchObject({ adapterId: 'test.cursor', reason: 'repeated-param' })
    // Page c2 is read like any other: its records are real; only its way on points back at c1.
    expect(result.current.items.map((item) => item.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    expect(result.current.hasNextPage).toBe(false)
    expect(result.current.status).toBe('error')
    expect(fetchPage.mock.calls.map(([request]) => request.pageParam)).toEqual([null, 'c1', 'c2'])
  })
})

describe('pages that bypassed the query function', () => {
  it('a cached page set with setQueryData in another shape reports a typed error instead of crashing', async () => {
    serve(createCloseMock({ leads: 10 }))
    const client = createTestClient()
    const options = { queryKey: ['seeded'], adapter: closeOffset<Id>(), fetchPage: closeApi('/lead/') }
    // The raw Close answer, as a cache written by hand (or by an older version) would hold it.
    client.setQueryData(paginatedListOptions(options).queryKey, {
      pages: [{ data: [{ id: 'lead_1' }], has_more: true } as unknown as ListPage<Id, number>],
      pageParams: [0],
    })
    const { result } = renderWithClient(() => usePaginatedList({ ...options, staleTime: Infinity }), {
      client,
    })
    expect(result.current.status).toBe('error')
    expect(result.current.error).toBeInstanceOf(PagewiseError)
    expect(result.current.error?.message).toMatch(/no `items` array/)
    expect(result.current.hasNextPage).toBe(false)
  })

  it('a cached page whose next param was requested before stops the list with CursorLoopError', async () => {
    const mock = serve(createCloseMock({ leads: 10 }))
    const client = createTestClient()
    const options = { queryKey: ['seeded-loop'], adapter: closeOffset<Id>(), fetchPage: closeApi('/lead/') }
    client.setQueryData(paginatedListOptions(options).queryKey, {
      pages: [
        { items: [{ id: 'lead_1' }], nextPageParam: 1 },
        { items: [{ id: 'lead_2' }], nextPageParam: 0 },
      ],
      pageParams: [0, 1],
    })
    const { result } = renderWithClient(() => usePaginatedList({ ...options, staleTime: Infinity }), {
      client,
    })
    expect(result.current.items.map((lead) => lead.id)).toEqual(['lead_1', 'lead_2'])
    expect(result.current.error).toBeInstanceOf(CursorLoopError)
    expect(result.current.error).toMatchObject({ adapterId: 'close.offset', pageParam: 0 })
    expect(result.current.hasNextPage).toBe(false)
    await act(() => result.current.fetchNextPage())
    expect(mock.requests).toHaveLength(0)
  })
})

describe('query keys, StrictMode and refetches', () => {
  it('a new key aborts the request of the old one, and never shows its records', async () => {
    // Long enough that the lead request is still in flight when waitFor (polling every 50 ms) sees it on a busy machine.
    serve(
      createCloseMock({ leads: 300, opportunities: 300, faults: { latency: { fixedMs: 500, jitterMs: 0 } } }),
    )
    const signals: Array<{ path: string; signal: AbortSignal }> = []
    const spied =
      (path: string): FetchPage<unknown, number> =>
      (request) => {
        signals.push({ path, signal: request.signal })
        return closeApi(path)(request)
      }
    const seen: Array<{ key: string; ids: string[] }> = []
    const { result, rerender } = renderWithClient(
      ({ resource }: { resource: 'lead' | 'opportunity' }) => {
        const list = usePaginatedList({
          queryKey: [resource],
          adapter: closeOffset<Id>(),
          fetchPage: spied(`/${resource}/`) as FetchPage<never, number>,
        })
        seen.push({ key: resource, ids: list.items.map((item) => item.id) })
        return list
      },
      { initialProps: { resource: 'lead' } },
    )
    await waitFor(() => expect(signals).toHaveLength(1))
    rerender({ resource: 'opportunity' })
    await waitFor(() => expect(result.current.items).toHaveLength(100))
    expect(signals[0]).toMatchObject({ path: '/lead/' })
    expect(signals[0]?.signal.aborted).toBe(true)
    expect(signals.at(-1)?.signal.aborted).toBe(false)
    const leaked = seen.filter(
      (render) => render.key === 'opportunity' && render.ids.some((id) => id.startsWith('lead_')),
    )
    expect(leaked).toEqual([])
  })

  it('StrictMode: one request for the first page', async () => {
    const mock = serve(createCloseMock({ leads: 300 }))
    const { result } = renderWithClient(
      () =>
        usePaginatedList({ queryKey: ['strict'], adapter: closeOffset<Id>(), fetchPage: closeApi('/lead/') }),
      { strict: true },
    )
    await waitFor(() => expect(result.current.items).toHaveLength(100))
    await act(() => result.current.fetchNextPage())
    expect(result.current.items).toHaveLength(200)
    expect(mock.requests.map((request) => request.query._skip)).toEqual(['0', '100'])
  })

  it("refetchMode 'first-page' refetches only the first page and drops the rest", async () => {
    const mock = serve(createCloseMock({ leads: 500 }))
    const { result } = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['first-page'],
        adapter: closeOffset<Id>(),
        fetchPage: closeApi('/lead/'),
        refetchMode: 'first-page',
      }),
    )
    await waitFor(() => expect(result.current.items).toHaveLength(100))
    await act(() => result.current.fetchNextPage())
    await act(() => result.current.fetchNextPage())
    expect(result.current.items).toHaveLength(300)
    const before = mock.requests.length
    await act(() => result.current.refetch())
    expect(mock.requests.slice(before).map((request) => request.query._skip)).toEqual(['0'])
    expect(result.current.items).toHaveLength(100)
    expect(result.current.hasNextPage).toBe(true)
    await act(() => result.current.fetchNextPage())
    expect(mock.requests.slice(before).map((request) => request.query._skip)).toEqual(['0', '100'])
    expect(result.current.items).toHaveLength(200)
  })

  it("refetchMode 'all' (the default) refetches every loaded page, in order", async () => {
    const mock = serve(createCloseMock({ leads: 500 }))
    const { result } = renderWithClient(() =>
      usePaginatedList({ queryKey: ['all'], adapter: closeOffset<Id>(), fetchPage: closeApi('/lead/') }),
    )
    await waitFor(() => expect(result.current.items).toHaveLength(100))
    await act(() => result.current.fetchNextPage())
    const before = mock.requests.length
    await act(() => result.current.refetch())
    expect(mock.requests.slice(before).map((request) => request.query._skip)).toEqual(['0', '100'])
    expect(result.current.items).toHaveLength(200)
  })
})

describe('paginatedListOptions and Suspense', () => {
  const options = () => ({
    queryKey: ['prefetched'],
    adapter: closeOffset<Id>(),
    fetchPage: closeApi('/lead/'),
    pageSize: 50,
  })

  it('prefetchInfiniteQuery fills the cache the hook reads, with no further request', async () => {
    const mock = serve(createCloseMock({ leads: 200 }))
    const client = createTestClient()
    await client.prefetchInfiniteQuery(paginatedListOptions(options()))
    expect(mock.requests).toHaveLength(1)
    const { result } = renderWithClient(() => usePaginatedList({ ...options(), staleTime: Infinity }), {
      client,
    })
    expect(result.current.isPending).toBe(false)
    expect(result.current.items).toHaveLength(50)
    expect(mock.requests).toHaveLength(1)
    const cached = client.getQueryData(paginatedListOptions(options()).queryKey)
    expect(cached?.pages[0]?.items).toHaveLength(50)
    expect(cached?.pages[0]).toMatchObject({ nextPageParam: 50 })
  })

  it('survives dehydrate / hydrate (server rendering)', async () => {
    serve(createCloseMock({ leads: 200 }))
    const server = createTestClient()
    await server.prefetchInfiniteQuery(paginatedListOptions(options()))
    const json = JSON.stringify(dehydrate(server))
    // Each record is stored once: the cache keeps what the adapter read, not the answer beside it.
    const firstId = server.getQueryData(paginatedListOptions(options()).queryKey)?.pages[0]?.items[0]?.id
    expect(json.split(`"id":"${firstId}"`)).toHaveLength(2)
    const state = JSON.parse(json)
    const browser = createTestClient()
    hydrate(browser, state)
    const { result } = renderWithClient(() => usePaginatedList({ ...options(), staleTime: Infinity }), {
      client: browser,
    })
    expect(result.current.items).toHaveLength(50)
    await act(() => result.current.fetchNextPage())
    expect(result.current.items).toHaveLength(100)
  })

  it('useSuspensePaginatedList suspends until the first page is there', async () => {
    serve(createCloseMock({ leads: 200 }))
    const client = createTestClient()
    function Leads() {
      const leads = useSuspensePaginatedList(options())
      return createElement('p', null, `${leads.items.length} leads`)
    }
    render(
      createElement(
        QueryClientProvider,
        { client },
        createElement(Suspense, { fallback: createElement('p', null, 'Loading…') }, createElement(Leads)),
      ),
    )
    expect(screen.getByText('Loading…')).toBeTruthy()
    expect(await screen.findByText('50 leads')).toBeTruthy()
  })
})
