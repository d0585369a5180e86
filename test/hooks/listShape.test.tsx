// @vitest-environment jsdom
/**
 * Sort and filter on the list hooks: what reaches the API, what the cache holds, and what a component shows while a
 * new sort or filter loads, fails, or is abandoned for another one.
 */
import { Suspense, useState } from 'react'
import type { ReactNode } from 'react'
import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import {
  HttpError,
  InvalidOptionError,
  closeEventsCursor,
  closeOffset,
  fetchAll,
  usePagedList,
  usePaginatedList,
  useSuspensePaginatedList,
} from '../../src'
import type { CloseListResponse, ListFilter, PageRequest, SortDescriptor } from '../../src'
import { createTestClient, renderWithClient } from '../renderWithClient'

interface Lead {
  id: string
  name: string
  status: 'won' | 'lost'
}

const LEADS: Lead[] = Array.from({ length: 60 }, (_, index) => ({
  id: `lead_${index + 1}`,
  name: `Lead ${String(index + 1).padStart(2, '0')}`,
  status: index % 3 === 0 ? 'won' : 'lost',
}))

interface Gate {
  release: () => void
  fail: (error: Error) => void
}

/**
 * A Close-like lead list: `_skip` / `_limit`, `_order_by=name` or `-name`, and a `status` filter. A request whose
 * `status` has a gate waits for the test to release (or fail) it; every request is logged with its abort signal.
 */
function fakeClose() {
  const requests: PageRequest<number>[] = []
  const gates = new Map<string, Promise<void>>()
  const hold = (status: string): Gate => {
    let gate!: Gate
    gates.set(
      status,
      new Promise<void>((resolve, reject) => {
        gate = { release: resolve, fail: reject }
      }),
    )
    return gate
  }
  const fetchPage = async (request: PageRequest<number>): Promise<CloseListResponse<Lead>> => {
    requests.push(request)
    const { status, _order_by: order, _skip: skip, _limit: limit } = request.query
    const gate = status === undefined ? undefined : gates.get(status)
    if (gate) await gate
    request.signal.throwIfAborted()
    let leads = LEADS.filter((lead) => status === undefined || lead.status === status)
    if (order === 'name' || order === '-name') {
      leads = [...leads].sort((a, b) => a.name.localeCompare(b.name) * (order === '-name' ? -1 : 1))
    }
    const start = Number(skip)
    return { data: leads.slice(start, start + Number(limit)), has_more: start + Number(limit) < leads.length }
  }
  return { requests, hold, fetchPage }
}

const descendingByName: SortDescriptor = { column: 'name', direction: 'descending' }
const ids = (leads: readonly Lead[]) => leads.map((lead) => lead.id)
const statusOf = (leads: readonly Lead[]) => [...new Set(leads.map((lead) => lead.status))]

/** The options of the lead list the tests render: ten leads a page, with the given sort and filter. */
function leadsOptions(
  api: ReturnType<typeof fakeClose>,
  shape: { sort?: SortDescriptor; filter?: ListFilter },
) {
  return {
    queryKey: ['close', 'leads'],
    adapter: closeOffset<Lead>(),
    fetchPage: api.fetchPage,
    pageSize: 10,
    ...shape,
  }
}

function renderList(
  api: ReturnType<typeof fakeClose>,
  initial: { sort?: SortDescriptor; filter?: ListFilter },
) {
  return renderWithClient(
    (shape: { sort?: SortDescriptor; filter?: ListFilter }) => usePaginatedList(leadsOptions(api, shape)),
    { initialProps: initial, strict: true },
  )
}

describe('usePaginatedList with sort and filter', () => {
  it('sends them with every page and keys the cache by them', async () => {
    const api = fakeClose()
    const { result, client } = renderList(api, { sort: descendingByName, filter: { status: 'won' } })
    await waitFor(() => expect(result.current.status).toBe('success'))
    await act(() => result.current.fetchNextPage())
    await waitFor(() => expect(result.current.items).toHaveLength(20))
    expect(api.requests.map((request) => request.query)).toEqual([
      { _order_by: '-name', status: 'won', _skip: '0', _limit: '10' },
      { _order_by: '-name', status: 'won', _skip: '10', _limit: '10' },
    ])
    expect(statusOf(result.current.items)).toEqual(['won'])
    expect(result.current.items[0]!.name).toBe('Lead 58')
    expect(client.getQueryCache().getAll()[0]!.queryKey).toEqual([
      'close',
      'leads',
      {
        adapter: 'close.offset',
        pageSize: 10,
        sort: { column: 'name', direction: 'descending' },
        filter: { status: 'won' },
      },
    ])
  })

  it('treats a cleared filter and no filter as one list: no second request', async () => {
    const api = fakeClose()
    const { result, rerender } = renderList(api, { filter: { status: undefined } })
    await waitFor(() => expect(result.current.status).toBe('success'))
    const first = result.current.listKey
    rerender({})
    expect(result.current.listKey).toBe(first)
    expect(result.current.items).toHaveLength(10)
    expect(api.requests).toHaveLength(1)
  })

  it('keeps the previous rows on screen, marked, until the new filter’s first page lands', async () => {
    const api = fakeClose()
    const { result, rerender } = renderList(api, { filter: { status: 'lost' } })
    await waitFor(() => expect(result.current.status).toBe('success'))
    const lost = ids(result.current.items)
    const lostKey = result.current.listKey
    const won = api.hold('won')

    rerender({ filter: { status: 'won' } })
    expect(result.current).toMatchObject({
      status: 'success',
      isPlaceholderData: true,
      isFetching: true,
      hasNextPage: false,
      listKey: lostKey,
    })
    expect(ids(result.current.items)).toEqual(lost)

    act(() => won.release())
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false))
    expect(statusOf(result.current.items)).toEqual(['won'])
    expect(result.current.listKey).not.toBe(lostKey)
  })

  it('keeps the previous rows, with the error, when the new filter fails; retry loads the new filter', async () => {
    const api = fakeClose()
    const { result, rerender } = renderList(api, { filter: { status: 'lost' } })
    await waitFor(() => expect(result.current.status).toBe('success'))
    const lost = ids(result.current.items)
    const won = api.hold('won')
    rerender({ filter: { status: 'won' } })
    act(() =>
      won.fail(
        new HttpError({
          status: 400,
          statusText: 'Bad Request',
          body: { error: 'Unknown status "won".' },
          url: 'https://api.close.com/api/v1/lead/',
          method: 'GET',
        }),
      ),
    )
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.isPlaceholderData).toBe(true)
    expect(ids(result.current.items)).toEqual(lost)
    expect(result.current.error?.message).toContain('Unknown status "won".')

    api.hold('won').release()
    await act(() => result.current.retry())
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(result.current.isPlaceholderData).toBe(false)
    expect(statusOf(result.current.items)).toEqual(['won'])
  })

  it('never shows the answer of a filter abandoned for another: it is aborted and dropped', async () => {
    const api = fakeClose()
    const { result, rerender } = renderList(api, {})
    await waitFor(() => expect(result.current.status).toBe('success'))
    const won = api.hold('won')
    rerender({ filter: { status: 'won' } })
    await waitFor(() => expect(api.requests).toHaveLength(2))
    rerender({ filter: { status: 'lost' } })
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false))
    expect(statusOf(result.current.items)).toEqual(['lost'])

    act(() => won.release())
    await waitFor(() => expect(api.requests[1]!.signal.aborted).toBe(true))
    // Another turn of the event loop: had the abandoned answer been kept, it would have rendered by now.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(statusOf(result.current.items)).toEqual(['lost'])
  })

  it('shows a filter seen before from the cache at once, and refetches its first page only', async () => {
    const api = fakeClose()
    const { result, rerender } = renderList(api, { filter: { status: 'lost' } })
    await waitFor(() => expect(result.current.status).toBe('success'))
    await act(() => result.current.fetchNextPage())
    await act(() => result.current.fetchNextPage())
    await waitFor(() => expect(result.current.items).toHaveLength(30))
    const lostFirstPage = ids(result.current.items).slice(0, 10)

    rerender({ filter: { status: 'won' } })
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false))
    const before = api.requests.length

    rerender({ filter: { status: 'lost' } })
    expect(result.current.isPlaceholderData).toBe(false)
    expect(ids(result.current.items).slice(0, 10)).toEqual(lostFirstPage)
    await waitFor(() => expect(result.current.isFetching).toBe(false))
    expect(api.requests.slice(before).map((request) => request.query._skip)).toEqual(['0'])
    expect(ids(result.current.items)).toEqual(lostFirstPage)
    expect(result.current.hasNextPage).toBe(true)
  })

  it('useSuspensePaginatedList, too, refetches only the first page of a filter it goes back to', async () => {
    const api = fakeClose()
    const client = createTestClient()
    const { result, rerender } = renderHook(
      (shape: { filter?: ListFilter }) => useSuspensePaginatedList(leadsOptions(api, shape)),
      {
        initialProps: { filter: { status: 'lost' } } as { filter?: ListFilter },
        wrapper: ({ children }: { children: ReactNode }) => (
          <QueryClientProvider client={client}>
            <Suspense fallback={null}>{children}</Suspense>
          </QueryClientProvider>
        ),
      },
    )
    await waitFor(() => expect(result.current?.items).toHaveLength(10))
    await act(() => result.current.fetchNextPage())
    await act(() => result.current.fetchNextPage())
    await waitFor(() => expect(result.current.items).toHaveLength(30))

    rerender({ filter: { status: 'won' } })
    await waitFor(() => expect(statusOf(result.current.items)).toEqual(['won']))
    // Suspense keeps data fresh for at least a second: invalidated, the list left behind is stale at once.
    await act(() => client.invalidateQueries({ queryKey: ['close', 'leads'], refetchType: 'none' }))
    const before = api.requests.length

    rerender({ filter: { status: 'lost' } })
    await waitFor(() => expect(result.current.isFetching).toBe(false))
    expect(api.requests.slice(before).map((request) => request.query._skip)).toEqual(['0'])
    expect(result.current.items).toHaveLength(10)
    expect(statusOf(result.current.items)).toEqual(['lost'])
  })

  it('keeps every page of a fresh list it goes back to, and refetches the first page of an invalidated one', async () => {
    const api = fakeClose()
    const { result, rerender, client } = renderWithClient(
      (shape: { filter?: ListFilter }) =>
        usePaginatedList({ ...leadsOptions(api, shape), staleTime: 60_000 }),
      { initialProps: { filter: { status: 'lost' } } as { filter?: ListFilter } },
    )
    await waitFor(() => expect(result.current.status).toBe('success'))
    await act(() => result.current.fetchNextPage())
    await waitFor(() => expect(result.current.items).toHaveLength(20))
    rerender({ filter: { status: 'won' } })
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false))
    const before = api.requests.length
    rerender({ filter: { status: 'lost' } })
    await waitFor(() => expect(result.current.items).toHaveLength(20))
    expect(api.requests).toHaveLength(before)

    rerender({ filter: { status: 'won' } })
    await act(() => client.invalidateQueries({ queryKey: ['close', 'leads'], refetchType: 'none' }))
    rerender({ filter: { status: 'lost' } })
    await waitFor(() => expect(result.current.isFetching).toBe(false))
    expect(api.requests.slice(before).map((request) => request.query)).toEqual([
      { status: 'lost', _skip: '0', _limit: '10' },
    ])
    expect(result.current.items).toHaveLength(10)
  })

  it('refuses a sort on an adapter whose API cannot sort, before any request', () => {
    const fetchPage = vi.fn()
    const render = () =>
      renderWithClient(() =>
        usePaginatedList({
          queryKey: ['close', 'events'],
          adapter: closeEventsCursor(),
          fetchPage,
          sort: descendingByName,
        }),
      )
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(render).toThrow(InvalidOptionError)
    expect(render).toThrow('close.eventsCursor: option "sort" must be absent')
    expect(fetchPage).not.toHaveBeenCalled()
  })
})

describe('usePagedList with sort and filter', () => {
  it('goes back to the first page on a new filter, at once for the request, then for the caller', async () => {
    const api = fakeClose()
    const onPageChange = vi.fn()
    const { result, rerender } = renderWithClient(
      (props: { filter?: ListFilter }) => {
        // A caller that keeps the page in its own state, as one reading it from the URL does.
        const [page, setPage] = useState(2)
        const list = usePagedList({
          queryKey: ['close', 'leads', 'paged'],
          adapter: closeOffset<Lead>(),
          fetchPage: api.fetchPage,
          pageSize: 10,
          page,
          onPageChange: (next) => {
            onPageChange(next)
            setPage(next)
          },
          filter: props.filter,
        })
        return { list, page }
      },
      { initialProps: {} as { filter?: ListFilter } },
    )
    await waitFor(() => expect(result.current.list.status).toBe('success'))
    expect(api.requests[0]!.query._skip).toBe('20')

    rerender({ filter: { status: 'won' } })
    expect(onPageChange).toHaveBeenCalledWith(0)
    expect(result.current).toMatchObject({ page: 0, list: { pageIndex: 0 } })
    await waitFor(() => expect(result.current.list.isPlaceholderData).toBe(false))
    await waitFor(() => expect(result.current.list.isFetching).toBe(false))
    const wonRequests = api.requests.filter((request) => request.query.status === 'won')
    // Page 1, and page 2 fetched ahead: never page 3 of the new filter.
    expect(wonRequests.map((request) => request.query._skip)).toEqual(['0', '10'])
    expect(statusOf(result.current.list.items)).toEqual(['won'])
  })

  it('keeps the page shown, with the error, when the new sort fails', async () => {
    const api = fakeClose()
    const { result, rerender } = renderWithClient(
      (props: { filter?: ListFilter }) =>
        usePagedList({
          queryKey: ['close', 'leads', 'paged'],
          adapter: closeOffset<Lead>(),
          fetchPage: api.fetchPage,
          pageSize: 10,
          filter: props.filter,
        }),
      { initialProps: {} as { filter?: ListFilter } },
    )
    await waitFor(() => expect(result.current.status).toBe('success'))
    const shown = ids(result.current.items)
    const won = api.hold('won')
    rerender({ filter: { status: 'won' } })
    expect(ids(result.current.items)).toEqual(shown)
    act(() =>
      won.fail(
        new HttpError({ status: 400, statusText: 'Bad Request', body: null, url: '/lead/', method: 'GET' }),
      ),
    )
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.isPlaceholderData).toBe(true)
    expect(ids(result.current.items)).toEqual(shown)
  })
})

describe('fetchAll with sort and filter', () => {
  it('sends them with every page', async () => {
    const api = fakeClose()
    const leads = await fetchAll({
      adapter: closeOffset<Lead>(),
      fetchPage: api.fetchPage,
      pageSize: 15,
      sort: descendingByName,
      filter: { status: 'won' },
    })
    expect(leads).toHaveLength(20)
    expect(statusOf(leads)).toEqual(['won'])
    expect(leads[0]!.name).toBe('Lead 58')
    expect(api.requests.every((request) => request.query._order_by === '-name')).toBe(true)
  })
})
