// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { createFetcher, pipedriveCursor, usePagedList } from '../../index'
import { createPipedriveMock, PIPEDRIVE_MOCK_BASE_URL } from '../../mock'
import type { PipedriveDeal } from '../../mock'
import { setupMockServer } from '../../../test/mockServer'
import { createTestClient } from '../../../test/renderWithClient'
import { Pager } from './Pager'
import type { PagerProps } from './pagerTypes'

const { server, serve } = setupMockServer()
afterEach(cleanup)

const DEALS_URL = `${PIPEDRIVE_MOCK_BASE_URL}/api/v2/deals`
const fetchDeals = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })('/v2/deals')
const adapter = pipedriveCursor<PipedriveDeal>()

/** Pipedrive v2 deals (a forward-only cursor), 50 a page, their ids listed above the pager. */
function Deals(pager: Partial<PagerProps>) {
  const list = usePagedList({
    queryKey: ['pipedrive', 'deals'],
    adapter,
    fetchPage: fetchDeals,
    pageSize: 50,
    retry: false,
  })
  return (
    <>
      <ul aria-label="Deals">
        {list.items.map((deal) => (
          <li key={deal.id}>{deal.id}</li>
        ))}
      </ul>
      <Pager list={list} aria-label="Deals pages" {...pager} />
    </>
  )
}

function setup(ui = <Deals />, deals = 240) {
  const mock = serve(createPipedriveMock({ deals, persons: 20, notes: 0, leads: 0 }))
  const sorted = [...mock.dataset.deals].sort((a, b) => a.id - b.id).map((deal) => String(deal.id))
  const ids = (index: number, size = 50) => sorted.slice(index * size, (index + 1) * size)
  const client = createTestClient()
  render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>)
  const nav = () => screen.getByRole('navigation', { name: 'Deals pages' })
  const button = (name: string) => within(nav()).getByRole('button', { name })
  const dealRequests = () => mock.requests.filter((request) => request.path === '/api/v2/deals')
  return { mock, ids, client, nav, button, dealRequests }
}

const rows = () =>
  within(screen.getByRole('list', { name: 'Deals' }))
    .queryAllByRole('listitem')
    .map((row) => row.textContent)
const currentPage = (nav: HTMLElement) => nav.querySelector('[aria-current="page"]')?.textContent

/** Holds the deal requests after the first `passed` until `release()`. */
function holdAfter(passed: number): () => void {
  let release = () => {}
  const gate = new Promise<void>((resolve) => (release = resolve))
  let seen = 0
  server.use(
    http.get(DEALS_URL, async () => {
      seen += 1
      if (seen > passed) await gate
    }),
  )
  return release
}

describe('<Pager> with a forward-only cursor API (Pipedrive v2 deals)', () => {
  it('shows Previous, "Page 1", Next and "1–50 of many": no Last, no page numbers, no jump field', async () => {
    const { ids, nav, button } = setup()
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    expect(nav().dataset.mode).toBe('previous-next')
    expect(within(nav()).getByText('1–50 of many')).toBeTruthy()
    expect(currentPage(nav())).toBe('Page 1')
    expect(button('Previous page').hasAttribute('disabled')).toBe(true)
    expect(button('First page').hasAttribute('disabled')).toBe(true)
    expect(button('Next page').hasAttribute('disabled')).toBe(false)
    expect(within(nav()).queryByRole('button', { name: 'Last page' })).toBeNull()
    expect(within(nav()).queryByRole('button', { name: /^Go to page/ })).toBeNull()
    expect(within(nav()).queryByRole('textbox')).toBeNull()
  })

  it('pages forward, then back with Previous from the cursor history, without a request', async () => {
    const { ids, nav, button, client, dealRequests } = setup()
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    for (const index of [1, 2]) {
      await waitFor(() => expect(client.isFetching()).toBe(0))
      fireEvent.click(button('Next page'))
      await waitFor(() => expect(rows()).toEqual(ids(index)))
      expect(currentPage(nav())).toBe(`Page ${index + 1}`)
    }
    expect(within(nav()).getByText('101–150 of many')).toBeTruthy()
    await waitFor(() => expect(within(nav()).getByRole('status').textContent).toBe('Page 3'))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    const requests = dealRequests().length

    fireEvent.click(button('Previous page'))
    expect(rows()).toEqual(ids(1))
    expect(currentPage(nav())).toBe('Page 2')
    expect(nav().dataset.state).toBe('idle')
    await waitFor(() => expect(within(nav()).getByRole('status').textContent).toBe('Page 2'))
    fireEvent.click(button('First page'))
    expect(rows()).toEqual(ids(0))
    expect(button('Previous page').hasAttribute('disabled')).toBe(true)
    expect(dealRequests()).toHaveLength(requests)
  })

  it('at the end of the list: Next is disabled and the range tells the total', async () => {
    const { ids, nav, button, client } = setup(<Deals />, 120)
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    for (const index of [1, 2]) {
      await waitFor(() => expect(client.isFetching()).toBe(0))
      fireEvent.click(button('Next page'))
      await waitFor(() => expect(rows()).toEqual(ids(index)))
    }
    await waitFor(() => expect(within(nav()).getByText('101–120 of 120')).toBeTruthy())
    expect(rows()).toHaveLength(20)
    expect(button('Next page').hasAttribute('disabled')).toBe(true)
  })

  it('while a page not fetched yet loads: busy, rows stay, Next cannot act but keeps focus', async () => {
    const { ids, nav, button, dealRequests } = setup()
    // Page 1 comes; the prefetch of page 2 is held, so Next must wait for it.
    const release = holdAfter(1)
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    await waitFor(() => expect(dealRequests().length).toBeGreaterThanOrEqual(1))
    const next = button('Next page')
    act(() => next.focus())
    fireEvent.click(next)
    await waitFor(() => expect(nav().getAttribute('aria-busy')).toBe('true'))
    expect(nav().dataset.state).toBe('loading')
    expect(rows()).toEqual(ids(0))
    expect(currentPage(nav())).toBe('Page 2')
    expect(within(nav()).getByText('51–100 of many')).toBeTruthy()
    // Next cannot go further until page 2 has landed, and focus stays on it.
    expect(next.getAttribute('aria-disabled')).toBe('true')
    expect(next.hasAttribute('disabled')).toBe(false)
    expect(document.activeElement).toBe(next)
    expect(button('Previous page').hasAttribute('disabled')).toBe(false)

    release()
    await waitFor(() => expect(rows()).toEqual(ids(1)))
    await waitFor(() => expect(nav().dataset.state).toBe('idle'))
    expect(nav().hasAttribute('aria-busy')).toBe(false)
    await waitFor(() => expect(next.hasAttribute('aria-disabled')).toBe(false))
    expect(document.activeElement).toBe(next)
    await waitFor(() => expect(within(nav()).getByRole('status').textContent).toBe('Page 2'))
  })

  it('error: a 503 on the next page shows the reason and Retry, which loads it', async () => {
    const { ids, nav, button, client } = setup()
    // Requests 1–2 are page 1 and the prefetch of page 2; the prefetch of page 3 and its fetch fail.
    let count = 0
    server.use(
      http.get(DEALS_URL, () => {
        count += 1
        return count === 3 || count === 4 ? HttpResponse.json({ error: 'down' }, { status: 503 }) : undefined
      }),
    )
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    fireEvent.click(button('Next page'))
    await waitFor(() => expect(count).toBe(3))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    fireEvent.click(button('Next page'))
    const alert = await within(nav()).findByRole('alert')
    expect(alert.textContent).toMatch(/^Page 3 could not be loaded: HTTP 503: /)
    expect(nav().dataset.state).toBe('error')
    expect(currentPage(nav())).toBe('Page 3')

    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(rows()).toEqual(ids(2)))
    expect(within(nav()).queryByRole('alert')).toBeNull()
    expect(nav().dataset.state).not.toBe('error')
  })

  it('a new page size starts again from page 1', async () => {
    const { ids, nav, button, client } = setup(<Deals pageSizeOptions={[25, 50, 100]} />)
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    fireEvent.click(button('Next page'))
    await waitFor(() => expect(rows()).toEqual(ids(1)))
    fireEvent.change(within(nav()).getByRole('combobox', { name: 'Per page' }), { target: { value: '25' } })
    await waitFor(() => expect(rows()).toEqual(ids(0, 25)))
    expect(currentPage(nav())).toBe('Page 1')
    expect(within(nav()).getByText('1–25 of many')).toBeTruthy()
  })
})
