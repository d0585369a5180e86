// @vitest-environment jsdom
/**
 * Live lists: `refreshHead()`, `newItemCount`, `showNewItems()` and `refreshHeadInterval` on the mock Close and
 * Pipedrive APIs, where new records arrive on top while the user has pages loaded.
 */
import { focusManager, timeoutManager } from '@tanstack/react-query'
import type { ManagedTimerId } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { act, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  HttpError,
  MalformedResponseError,
  closeEventsCursor,
  closeOffset,
  createFetcher,
  pipedriveCursor,
  usePaginatedList,
} from '../../src'
import type { PaginatedList } from '../../src'
import {
  CLOSE_MOCK_BASE_URL,
  PIPEDRIVE_MOCK_BASE_URL,
  createCloseMock,
  createPipedriveMock,
} from '../../src/mock'
import { setupMockServer } from '../mockServer'
import { renderWithClient } from '../renderWithClient'

const { server, serve } = setupMockServer()
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const pipedrive = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })

type Lead = { id: string; display_name: string }
type AnyList = PaginatedList<unknown, { id: string | number }, unknown>

/**
 * TanStack Query's intervals (`refetchInterval`, the head's polling) on a clock the test moves with `advance(ms)`; its
 * timeouts stay real. Set before any client exists, as TanStack Query asks: the file's tests are the only users.
 */
const intervals = new Map<number, { callback: () => void; delay: number; due: number }>()
let clock = 0
let nextInterval = 1
timeoutManager.setTimeoutProvider<ManagedTimerId>({
  setTimeout: (callback, delay) => setTimeout(callback, delay),
  clearTimeout: (id) => clearTimeout(id as Parameters<typeof clearTimeout>[0]),
  setInterval: (callback, delay) => {
    const id = nextInterval++
    intervals.set(id, { callback, delay, due: clock + delay })
    return id
  },
  clearInterval: (id) => void intervals.delete(id as number),
})

/** Moves the intervals' clock by `ms`, running each interval as often as it falls due on the way. */
function advance(ms: number): void {
  const end = clock + ms
  for (;;) {
    const [id, next] = [...intervals].sort((a, b) => a[1].due - b[1].due)[0] ?? []
    if (id === undefined || !next || next.due > end) break
    clock = next.due
    next.due += next.delay
    next.callback()
  }
  clock = end
}

afterEach(() => {
  intervals.clear()
  focusManager.setFocused(undefined)
})

/** The `_skip` of each request to the lead list, in order. */
const skips = (mock: {
  requests: readonly { method: string; path: string; query: Record<string, string> }[]
}) =>
  mock.requests
    .filter((request) => request.method === 'GET' && request.path.endsWith('/lead/'))
    .map((request) => request.query._skip)

async function loadPages(list: () => AnyList, pages: number): Promise<void> {
  await waitFor(() => expect(list().isSuccess).toBe(true))
  for (let page = 1; page < pages; page++) {
    await act(() => list().fetchNextPage())
  }
  await waitFor(() => expect(list().isFetching).toBe(false))
}

/** Creates leads the way an app would, newest last: the mock puts each on top of its list. */
async function createLeads(...names: string[]): Promise<void> {
  for (const name of names) await close.send('/lead/', { method: 'POST', body: { name } })
}

function closeLeads(
  options: { refreshHeadInterval?: number; retry?: boolean; refetchOnWindowFocus?: boolean } = {},
) {
  const mock = serve(createCloseMock({ seed: 3, leads: 100 }))
  const view = renderWithClient(() =>
    usePaginatedList({
      queryKey: ['close', 'leads'],
      adapter: closeOffset<Lead>(),
      fetchPage: close('/lead/'),
      pageSize: 10,
      ...options,
    }),
  )
  return { mock, ...view, list: () => view.result.current }
}

describe('refreshHead on an offset list (Close leads, newest first)', () => {
  it('keeps 3 new leads waiting, moves nothing, and puts them on top when shown', async () => {
    const { mock, list } = closeLeads()
    await loadPages(list, 3)
    const before = list().items
    expect(before).toHaveLength(30)
    await createLeads('Acme 1', 'Acme 2', 'Acme 3')
    const NEW = ['Acme 3', 'Acme 2', 'Acme 1']

    await act(() => list().refreshHead())

    await waitFor(() => expect(list().newItemCount).toBe(3))
    // Nothing under the user's eyes moved: the very same records, in the same places.
    expect(list().items).toHaveLength(30)
    list().items.forEach((item, index) => expect(item).toBe(before[index]))
    // One request for the head; no loaded page was fetched again.
    expect(skips(mock)).toEqual(['0', '10', '20', '0'])

    await act(() => list().showNewItems())

    await waitFor(() =>
      expect(
        list()
          .items.slice(0, 3)
          .map((lead) => lead.display_name),
      ).toEqual(NEW),
    )
    expect(list().newItemCount).toBe(0)
    expect(list().items.slice(3)).toEqual(before)
    // The next page, at _skip=30, begins with the 3 records the new ones pushed down: each is shown once.
    await act(() => list().fetchNextPage())
    const ids = list().items.map((lead) => lead.id)
    expect(ids).toHaveLength(40)
    expect(ids).toEqual(mock.dataset.leads.slice(0, 40).map((lead) => lead.id))
  })

  it('updates a changed lead where it is, and keeps every unchanged record the same object', async () => {
    const { list } = closeLeads()
    await loadPages(list, 2)
    const before = list().items
    const changed = before[4]!
    await close.send(`/lead/${changed.id}/`, { method: 'PUT', body: { name: 'Renamed Inc.' } })

    await act(() => list().refreshHead())

    await waitFor(() =>
      expect(list().items[4]).toMatchObject({ id: changed.id, display_name: 'Renamed Inc.' }),
    )
    expect(list().newItemCount).toBe(0)
    list().items.forEach((item, index) => index !== 4 && expect(item).toBe(before[index]))
  })

  it('writes nothing when the head has not changed: the same items array', async () => {
    const { list } = closeLeads()
    await loadPages(list, 2)
    const before = list().items
    await act(() => list().refreshHead())
    expect(list().items).toBe(before)
    expect(list().newItemCount).toBe(0)
  })

  it('keeps leads found earlier waiting when a page of newer ones pushes them off the first page', async () => {
    const { list } = closeLeads()
    await loadPages(list, 1)
    await createLeads('First')
    await act(() => list().refreshHead())
    await waitFor(() => expect(list().newItemCount).toBe(1))
    await createLeads(...Array.from({ length: 10 }, (_, index) => `Later ${index}`))
    await act(() => list().refreshHead())
    await waitFor(() => expect(list().newItemCount).toBe(11))
    await act(() => list().showNewItems())
    const later = Array.from({ length: 10 }, (_, index) => `Later ${9 - index}`)
    await waitFor(() =>
      expect(
        list()
          .items.slice(0, 11)
          .map((lead) => lead.display_name),
      ).toEqual([...later, 'First']),
    )
    expect(list().newItemCount).toBe(0)
  })

  it('waits for a page fetch in flight, so that the page landing does not undo the refresh', async () => {
    const { mock, list } = closeLeads()
    await loadPages(list, 1)
    const renamed = list().items[2]!
    await close.send(`/lead/${renamed.id}/`, { method: 'PUT', body: { name: 'Renamed Inc.' } })
    await createLeads('During')
    // The next page waits at the door until the test opens it; then the mock answers it.
    let open!: () => void
    const door = new Promise<void>((resolve) => (open = resolve))
    server.use(
      http.get(`${CLOSE_MOCK_BASE_URL}/api/v1/lead/`, async ({ request }) => {
        if (new URL(request.url).searchParams.get('_skip') === '10') await door
      }),
    )
    let refreshed!: Promise<void>
    act(() => {
      void list().fetchNextPage()
      refreshed = list().refreshHead()
    })
    await waitFor(() => expect(list().isFetchingNextPage).toBe(true))
    // Time for a head request to reach the mock, were it sent beside the page (it must not be).
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)))
    open()
    await act(() => refreshed)
    // The head went out once the page had landed, and its update was not undone by the page landing.
    expect(skips(mock)).toEqual(['0', '10', '0'])
    await waitFor(() =>
      expect(list().items[2]).toMatchObject({ id: renamed.id, display_name: 'Renamed Inc.' }),
    )
    // The page at _skip=10 began with the lead the new one pushed off the first page: shown once.
    expect(list().items).toHaveLength(19)
    await waitFor(() => expect(list().newItemCount).toBe(1))
    await act(() => list().showNewItems())
    await waitFor(() => expect(list().items[0]!.display_name).toBe('During'))
    expect(list().items).toHaveLength(20)
  })

  it('holds the next page back while a head refresh is in flight: one request at a time', async () => {
    const { mock, list } = closeLeads()
    await loadPages(list, 1)
    let open!: () => void
    const door = new Promise<void>((resolve) => (open = resolve))
    let heads = 0
    server.use(
      http.get(`${CLOSE_MOCK_BASE_URL}/api/v1/lead/`, async ({ request }) => {
        if (new URL(request.url).searchParams.get('_skip') !== '0') return
        heads++
        await door
      }),
    )
    let refreshed!: Promise<void>
    act(() => {
      refreshed = list().refreshHead()
    })
    await waitFor(() => expect(heads).toBe(1))
    let paged!: Promise<unknown>
    act(() => {
      paged = list().fetchNextPage()
    })
    // Time for the page request to reach the mock, were it sent beside the head (it must not be).
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)))
    expect(skips(mock)).toEqual(['0'])
    open()
    await act(() => Promise.all([refreshed, paged]))
    expect(skips(mock)).toEqual(['0', '0', '10'])
    await waitFor(() => expect(list().items).toHaveLength(20))
  })

  it('rejects with the typed error and keeps every loaded record when the head fails', async () => {
    const { list } = closeLeads()
    await loadPages(list, 2)
    const before = list().items
    server.use(
      http.get(
        `${CLOSE_MOCK_BASE_URL}/api/v1/lead/`,
        () => HttpResponse.json({ error: 'down' }, { status: 503 }),
        {
          once: true,
        },
      ),
    )
    let failure: unknown
    await act(() =>
      list()
        .refreshHead()
        .catch((error: unknown) => void (failure = error)),
    )
    expect(failure).toBeInstanceOf(HttpError)
    expect(failure).toMatchObject({ status: 503 })
    expect(list().items).toBe(before)
    expect(list().status).toBe('success')

    server.use(
      http.get(`${CLOSE_MOCK_BASE_URL}/api/v1/lead/`, () => HttpResponse.json({ data: 'nope' }), {
        once: true,
      }),
    )
    await act(() =>
      list()
        .refreshHead()
        .catch((error: unknown) => void (failure = error)),
    )
    expect(failure).toBeInstanceOf(MalformedResponseError)
    expect(String((failure as Error).message)).toMatch(/close\.offset/)
    expect(String((failure as Error).message)).toMatch(/data/)
    expect(list().items).toBe(before)
  })

  it('starts a new sort with no waiting leads', async () => {
    const mock = serve(createCloseMock({ seed: 3, leads: 50 }))
    const view = renderWithClient(
      ({ descending }: { descending: boolean }) =>
        usePaginatedList({
          queryKey: ['close', 'leads'],
          adapter: closeOffset<Lead>(),
          fetchPage: close('/lead/'),
          pageSize: 10,
          sort: { column: 'date_created', direction: descending ? 'descending' : 'ascending' },
        }),
      { initialProps: { descending: true } },
    )
    const list = () => view.result.current
    await loadPages(list, 1)
    await createLeads('New')
    await act(() => list().refreshHead())
    await waitFor(() => expect(list().newItemCount).toBe(1))
    view.rerender({ descending: false })
    await waitFor(() => expect(list().isPlaceholderData).toBe(false))
    expect(list().newItemCount).toBe(0)
    expect(mock.requests.length).toBeGreaterThan(0)
  })
})

describe('refreshHead on cursor lists', () => {
  it('Close events: new events wait, then go on top; the next cursor page goes on where it was', async () => {
    const mock = serve(createCloseMock({ seed: 5, events: 60 }))
    const view = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['close', 'events'],
        adapter: closeEventsCursor<{ id: string }>(),
        fetchPage: close('/event/'),
        pageSize: 10,
      }),
    )
    const list = () => view.result.current
    await loadPages(list, 2)
    const before = list().items
    mock.setFaults({ drift: { insertEvery: 1, count: 2 } })
    await act(() => list().refreshHead())
    mock.setFaults({ drift: null })
    await waitFor(() => expect(list().newItemCount).toBe(2))
    expect(list().items).toBe(before)
    await act(() => list().showNewItems())
    await waitFor(() => expect(list().items).toHaveLength(22))
    await act(() => list().fetchNextPage())
    const ids = list().items.map((event) => event.id)
    expect(ids).toHaveLength(32)
    expect(ids.slice(2, 22)).toEqual(before.map((event) => event.id))
    expect(new Set(ids).size).toBe(32)
  })

  it('Pipedrive v2 deals: new deals by id on top', async () => {
    const mock = serve(createPipedriveMock({ seed: 2, deals: 40 }))
    const view = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['pipedrive', 'deals'],
        adapter: pipedriveCursor<{ id: number }>(),
        fetchPage: pipedrive('/v2/deals'),
        pageSize: 10,
        sort: { column: 'add_time', direction: 'descending' },
      }),
    )
    const list = () => view.result.current
    await loadPages(list, 2)
    const created = await pipedrive.send<{ data: { id: number } }>('/v2/deals', {
      method: 'POST',
      body: { title: 'Fresh deal' },
    })
    await act(() => list().refreshHead())
    await waitFor(() => expect(list().newItemCount).toBe(1))
    await act(() => list().showNewItems())
    await waitFor(() => expect(list().items[0]).toMatchObject({ id: created.data.id, title: 'Fresh deal' }))
    expect(mock.requests.filter((request) => request.method === 'GET')).toHaveLength(3)
    expect(list().items).toHaveLength(21)
  })
})

describe('refreshHeadInterval', () => {
  it('polls the head, pauses in a hidden tab, and backs off after a failure', async () => {
    // The list's own refetch on focus (TanStack Query's, every loaded page) would blur what the head does.
    const { mock, list, ...view } = closeLeads({ refreshHeadInterval: 1000, refetchOnWindowFocus: false })
    await loadPages(list, 2)
    await createLeads('Polled')
    const heads = () => skips(mock).filter((skip) => skip === '0').length
    expect(heads()).toBe(1)

    await act(() => advance(1000))
    await waitFor(() => expect(list().newItemCount).toBe(1))
    expect(heads()).toBe(2)

    // A hidden tab: the interval passes, and no request goes out.
    act(() => focusManager.setFocused(false))
    await act(() => advance(3000))
    expect(heads()).toBe(2)
    act(() => focusManager.setFocused(true))
    await act(() => advance(1000))
    await waitFor(() => expect(heads()).toBe(3))

    // A 429 saying to wait 10 s: no poll for 10 s, then polling goes on.
    let limited = 0
    server.use(
      http.get(
        `${CLOSE_MOCK_BASE_URL}/api/v1/lead/`,
        () => {
          limited++
          return HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': '10' } })
        },
        { once: true },
      ),
    )
    const requestsBefore = mock.requests.length
    await act(() => advance(1000))
    await waitFor(() => expect(limited).toBe(1))
    // The failure has reached the head's query (so its next poll is set from it): a sync point, not an assertion.
    await waitFor(() =>
      expect(view.client.getQueryCache().findAll({ queryKey: ['pagewise:head'] })[0]?.state.status).toBe(
        'error',
      ),
    )
    await act(() => advance(9000))
    expect(mock.requests.length).toBe(requestsBefore)
    await act(() => advance(1500))
    await waitFor(() => expect(mock.requests.length).toBe(requestsBefore + 1))
    expect(list().items).toHaveLength(20)
    expect(list().status).toBe('success')
  })

  it('does not poll while the list shows an error', async () => {
    const { mock, list } = closeLeads({ refreshHeadInterval: 1000, retry: false })
    await loadPages(list, 1)
    server.use(
      http.get(`${CLOSE_MOCK_BASE_URL}/api/v1/lead/`, () => HttpResponse.json({}, { status: 500 }), {
        once: true,
      }),
    )
    await act(() => list().fetchNextPage())
    await waitFor(() => expect(list().isError).toBe(true))
    const logged = mock.requests.length
    await act(() => advance(5000))
    expect(mock.requests.length).toBe(logged)
    expect(list().items).toHaveLength(10)
  })
})
