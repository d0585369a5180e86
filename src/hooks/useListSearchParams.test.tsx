// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import {
  closeOffset,
  createFetcher,
  InvalidOptionError,
  Pager,
  pipedriveCursor,
  usePagedList,
} from '../index'
import type { PageSearchParamOptions } from '../index'
import { CLOSE_MOCK_BASE_URL, createCloseMock, createPipedriveMock, PIPEDRIVE_MOCK_BASE_URL } from '../mock'
import type { CloseOpportunity, PipedriveDeal } from '../mock'
import { setupMockServer } from '../../test/mockServer'
import { createTestClient } from '../../test/renderWithClient'
import { useListSearchParams, usePageSearchParam } from './useListSearchParams'

const { serve } = setupMockServer()
beforeEach(() => window.history.replaceState(null, '', '/deals'))
afterEach(cleanup)

const fetchOpportunities = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })('/opportunity/')
const fetchDeals = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })('/v2/deals')
const opportunities = closeOffset<CloseOpportunity>({ resource: 'opportunity' })
const deals = pipedriveCursor<PipedriveDeal>()

/** Close opportunities (offset, 1,234 records, 50 a page), page in the URL. */
function Opportunities(options: PageSearchParamOptions) {
  const list = usePagedList({
    queryKey: ['close', 'opportunities'],
    adapter: opportunities,
    fetchPage: fetchOpportunities,
    pageSize: 50,
    ...usePageSearchParam(options),
  })
  return <Rows ids={list.items.map((item) => item.id)} pager={<Pager list={list} aria-label="Pages" />} />
}

/** Pipedrive v2 deals (a forward-only cursor, 50 a page), page in the URL. */
function Deals() {
  const list = usePagedList({
    queryKey: ['pipedrive', 'deals'],
    adapter: deals,
    fetchPage: fetchDeals,
    pageSize: 50,
    ...usePageSearchParam(),
  })
  return (
    <Rows ids={list.items.map((item) => String(item.id))} pager={<Pager list={list} aria-label="Pages" />} />
  )
}

function Rows({ ids, pager }: { ids: string[]; pager: React.ReactNode }) {
  return (
    <>
      <ul aria-label="Records">
        {ids.map((id) => (
          <li key={id}>{id}</li>
        ))}
      </ul>
      {pager}
    </>
  )
}

const rows = () =>
  within(screen.getByRole('list', { name: 'Records' }))
    .queryAllByRole('listitem')
    .map((row) => row.textContent)
/** The current page's name: "Page 3" (the numbered button's accessible name, or the text between Previous and Next). */
const currentPage = () => {
  const current = screen.getByRole('navigation').querySelector('[aria-current="page"]')
  return current?.getAttribute('aria-label') ?? current?.textContent
}
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }))

function renderOpportunities(options: PageSearchParamOptions = {}) {
  const mock = serve(createCloseMock({ leads: 100, opportunities: 1234, events: 0 }))
  const ids = (index: number) =>
    mock.dataset.opportunities.slice(index * 50, (index + 1) * 50).map((o) => o.id)
  render(
    <QueryClientProvider client={createTestClient()}>
      <Opportunities {...options} />
    </QueryClientProvider>,
  )
  return ids
}

describe('usePageSearchParam', () => {
  it('offset list: opens the page in the URL, pushes each move, and follows Back and Forward', async () => {
    window.history.replaceState(null, '', '/deals?sort=name&page=3')
    const ids = renderOpportunities()
    await waitFor(() => expect(rows()).toEqual(ids(2)))
    expect(currentPage()).toBe('Page 3')
    const entries = window.history.length

    press('Next page')
    expect(window.location.search).toBe('?sort=name&page=4')
    expect(window.history.length).toBe(entries + 1)
    await waitFor(() => expect(rows()).toEqual(ids(3)))

    act(() => window.history.back())
    await waitFor(() => expect(rows()).toEqual(ids(2)))
    expect(window.location.search).toBe('?sort=name&page=3')
    expect(currentPage()).toBe('Page 3')
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Page 3 of 25'))

    act(() => window.history.forward())
    await waitFor(() => expect(rows()).toEqual(ids(3)))
    expect(window.location.search).toBe('?sort=name&page=4')

    // Page 1 is the URL without the parameter; other parameters stay.
    press('First page')
    expect(window.location.search).toBe('?sort=name')
    await waitFor(() => expect(rows()).toEqual(ids(0)))
  })

  it('cursor list: walks forward to the page in the URL, and Back returns through the cursor history', async () => {
    const mock = serve(createPipedriveMock({ deals: 240, persons: 20, notes: 0, leads: 0 }))
    const sorted = [...mock.dataset.deals].sort((a, b) => a.id - b.id).map((deal) => String(deal.id))
    const ids = (index: number) => sorted.slice(index * 50, (index + 1) * 50)
    window.history.replaceState(null, '', '/deals?page=3')
    render(
      <QueryClientProvider client={createTestClient()}>
        <Deals />
      </QueryClientProvider>,
    )
    await waitFor(() => expect(rows()).toEqual(ids(2)))
    expect(currentPage()).toBe('Page 3')

    press('Previous page')
    expect(window.location.search).toBe('?page=2')
    expect(rows()).toEqual(ids(1))
    act(() => window.history.back())
    await waitFor(() => expect(rows()).toEqual(ids(2)))
    expect(currentPage()).toBe('Page 3')
    act(() => window.history.forward())
    await waitFor(() => expect(rows()).toEqual(ids(1)))
  })

  it('a page past the end is moved to the last page by replacing the entry, so Back does not bounce', async () => {
    window.history.replaceState(null, '', '/deals?page=99')
    const entries = window.history.length
    const ids = renderOpportunities()
    await waitFor(() => expect(rows()).toEqual(ids(24)))
    expect(window.location.search).toBe('?page=25')
    expect(window.history.length).toBe(entries)
  })

  it("history: 'replace' rewrites the entry; name picks the parameter", async () => {
    const ids = renderOpportunities({ name: 'p', history: 'replace' })
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    const entries = window.history.length
    press('Go to page 2')
    expect(window.location.search).toBe('?p=2')
    expect(window.history.length).toBe(entries)
    await waitFor(() => expect(rows()).toEqual(ids(1)))
  })

  it('reads a missing or malformed parameter as the first page', () => {
    for (const search of ['', '?page=', '?page=0', '?page=-2', '?page=1.5', '?page=abc', '?page=1e3']) {
      window.history.replaceState(null, '', `/deals${search}`)
      const { result, unmount } = renderHook(() => usePageSearchParam())
      expect(result.current.page).toBe(0)
      unmount()
    }
    window.history.replaceState(null, '', '/deals?page=%207%20')
    expect(renderHook(() => usePageSearchParam()).result.current.page).toBe(6)
  })

  it('throws InvalidOptionError for an empty name or an unknown history mode', () => {
    expect(() => renderHook(() => usePageSearchParam({ name: '' }))).toThrow(InvalidOptionError)
    expect(() => renderHook(() => usePageSearchParam({ history: 'pop' as never }))).toThrow(/"history"/)
  })
})

describe('useListSearchParams', () => {
  const byCreated = { column: 'date_created', direction: 'descending' } as const

  it('reads page, sort, filters and search from the URL', () => {
    window.history.replaceState(
      null,
      '',
      '/leads?page=3&sort=-date_created&status_id=stat_won&q=acme&other=1',
    )
    const { result } = renderHook(() => useListSearchParams({ filters: ['status_id', 'user_id'] }))
    expect(result.current).toMatchObject({
      page: 2,
      sort: byCreated,
      filter: { status_id: 'stat_won', user_id: undefined },
      search: 'acme',
    })
    window.history.replaceState(null, '', '/leads?sort=name')
    const ascending = renderHook(() => useListSearchParams()).result.current.sort
    expect(ascending).toEqual({ column: 'name', direction: 'ascending' })
  })

  it('writes a new sort, filter or search and goes back to the first page; other params stay', () => {
    window.history.replaceState(null, '', '/leads?page=4&keep=yes')
    const { result } = renderHook(() => useListSearchParams({ filters: ['status_id'] }))
    act(() => result.current.onSortChange(byCreated))
    expect(window.location.search).toBe('?keep=yes&sort=-date_created')
    expect(result.current).toMatchObject({ page: 0, sort: byCreated })

    act(() => result.current.onPageChange(2))
    act(() => result.current.onFilterChange({ status_id: 'stat_lost' }))
    expect(window.location.search).toBe('?keep=yes&sort=-date_created&status_id=stat_lost')
    expect(result.current.filter).toEqual({ status_id: 'stat_lost' })

    act(() => result.current.onPageChange(1))
    act(() => result.current.onSearchChange('  acme '))
    expect(window.location.search).toBe('?keep=yes&sort=-date_created&status_id=stat_lost&q=acme')
    act(() => result.current.onFilterChange({ status_id: '' }))
    act(() => result.current.onSearchChange(''))
    expect(window.location.search).toBe('?keep=yes&sort=-date_created')
  })

  it('writing what the URL already says changes nothing, not even the page', () => {
    window.history.replaceState(null, '', '/leads?page=3&q=acme&status_id=won')
    const { result } = renderHook(() => useListSearchParams({ filters: ['status_id'] }))
    act(() => result.current.onSearchChange('acme'))
    act(() => result.current.onFilterChange({ status_id: 'won' }))
    act(() => result.current.onSortChange(undefined))
    expect(window.location.search).toBe('?page=3&q=acme&status_id=won')
    expect(result.current.page).toBe(2)
  })

  it('keeps the default sort out of the URL', () => {
    const { result } = renderHook(() => useListSearchParams({ defaultSort: byCreated }))
    expect(result.current.sort).toEqual(byCreated)
    act(() => result.current.onSortChange({ column: 'date_created', direction: 'ascending' }))
    expect(window.location.search).toBe('?sort=date_created')
    act(() => result.current.onSortChange(byCreated))
    expect(window.location.search).toBe('')
  })

  it('pushes what the user does (Back restores the view before), and replaces search text', () => {
    const { result } = renderHook(() => useListSearchParams({ filters: ['status_id'] }))
    const entries = window.history.length
    const button = document.createElement('button')
    document.body.append(button)
    const click = (action: () => void) => {
      button.onclick = () => action()
      act(() => button.click())
    }
    click(() => result.current.onSortChange(byCreated))
    click(() => result.current.onFilterChange({ status_id: 'stat_won' }))
    expect(window.history.length).toBe(entries + 2)
    click(() => result.current.onSearchChange('ac'))
    click(() => result.current.onSearchChange('acme'))
    expect(window.history.length).toBe(entries + 2)
    expect(window.location.search).toBe('?sort=-date_created&status_id=stat_won&q=acme')

    // Back: what popstate brings is read again.
    act(() => {
      window.history.replaceState(null, '', '/deals?sort=-date_created')
      window.dispatchEvent(new PopStateEvent('popstate'))
    })
    expect(result.current).toMatchObject({ sort: byCreated, filter: { status_id: undefined }, search: '' })
    button.remove()
  })

  it('throws InvalidOptionError for empty names or filters', () => {
    expect(() => renderHook(() => useListSearchParams({ names: { sort: '' } }))).toThrow(/"names.sort"/)
    expect(() => renderHook(() => useListSearchParams({ filters: [''] }))).toThrow(InvalidOptionError)
  })
})
