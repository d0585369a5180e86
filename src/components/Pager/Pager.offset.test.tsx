// @vitest-environment jsdom
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { closeOffset, createFetcher, usePagedList } from '../../index'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../mock'
import type { CloseOpportunity } from '../../mock'
import { setupMockServer } from '../../../test/mockServer'
import { createTestClient } from '../../../test/renderWithClient'
import { Pager } from './Pager'
import type { PagerProps } from './pagerTypes'

const { server, serve } = setupMockServer()
afterEach(cleanup)

const OPPORTUNITIES_URL = `${CLOSE_MOCK_BASE_URL}/api/v1/opportunity/`
const fetchOpportunities = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })('/opportunity/')
const adapter = closeOffset<CloseOpportunity>({ resource: 'opportunity' }) // maxLimit 250, always a total

interface DemoProps extends Partial<PagerProps> {
  pageSize?: number
  page?: number
  onPageChange?: (page: number) => void
  retry?: boolean
}

/** Close opportunities, 50 a page, their ids listed above the pager. */
function Opportunities({ pageSize = 50, page, onPageChange, retry = false, ...pager }: DemoProps) {
  const list = usePagedList({
    queryKey: ['close', 'opportunities'],
    adapter,
    fetchPage: fetchOpportunities,
    pageSize,
    page,
    onPageChange,
    retry,
  })
  return (
    <>
      <ul aria-label="Opportunities">
        {list.items.map((opportunity) => (
          <li key={opportunity.id}>{opportunity.id}</li>
        ))}
      </ul>
      <Pager list={list} aria-label="Opportunities pages" {...pager} />
    </>
  )
}

function setup(ui = <Opportunities />, count = 1234) {
  const mock = serve(createCloseMock({ leads: 100, opportunities: count, events: 0 }))
  const ids = (index: number, size = 50) =>
    mock.dataset.opportunities.slice(index * size, (index + 1) * size).map((o) => o.id)
  const client = createTestClient()
  const view = render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>)
  const nav = () => screen.getByRole('navigation', { name: 'Opportunities pages' })
  const button = (name: string) => within(nav()).getByRole('button', { name })
  return { mock, ids, client, view, nav, button }
}

const rows = () =>
  within(screen.getByRole('list', { name: 'Opportunities' }))
    .queryAllByRole('listitem')
    .map((row) => row.textContent)
const pageNumbers = (nav: HTMLElement) =>
  within(nav)
    .getAllByRole('button', { name: /page \d/i })
    .map((button) => button.textContent)

/** Holds the opportunity requests whose `_skip` is `skip` until `release()`. */
function holdPage(skip: number): () => void {
  let release = () => {}
  const gate = new Promise<void>((resolve) => (release = resolve))
  server.use(
    http.get(OPPORTUNITIES_URL, async ({ request }) => {
      if (new URL(request.url).searchParams.get('_skip') === String(skip)) await gate
    }),
  )
  return release
}

describe('<Pager> with an offset API that reports a total (Close opportunities)', () => {
  it('shows First, Previous, pages with an ellipsis, Next, Last, a jump field and "1–50 of 1,234"', async () => {
    const { ids, nav, button } = setup()
    expect(within(nav()).getByText('Loading…')).toBeTruthy()
    await waitFor(() => expect(within(nav()).getByText('1–50 of 1,234')).toBeTruthy())
    expect(rows()).toEqual(ids(0))
    expect(nav().dataset.mode).toBe('numbered')
    expect(pageNumbers(nav())).toEqual(['1', '2', '3', '4', '5', '25'])
    expect(button('Page 1').getAttribute('aria-current')).toBe('page')
    expect(button('Go to page 25')).toBeTruthy()
    for (const name of ['First page', 'Previous page'])
      expect(button(name).hasAttribute('disabled')).toBe(true)
    for (const name of ['Next page', 'Last page', 'Go to page 2']) {
      expect(button(name).hasAttribute('disabled')).toBe(false)
    }
    // The ellipsis is decoration: hidden from assistive technology.
    expect(within(nav()).getByText('…').closest('li')?.getAttribute('aria-hidden')).toBe('true')
    expect(within(nav()).getByRole('textbox', { name: 'Jump to page' })).toBeTruthy()
    // Glyphs show; accessible names are words.
    expect(button('Next page').textContent).toBe('›')
  })

  it('"Go to page 5" opens page 5: its rows, aria-current, the range, and "Page 5 of 25" announced', async () => {
    const { ids, nav, button } = setup()
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    expect(within(nav()).getByRole('status').textContent).toBe('')

    fireEvent.click(button('Go to page 5'))
    await waitFor(() => expect(rows()).toEqual(ids(4)))
    expect(button('Page 5').getAttribute('aria-current')).toBe('page')
    expect(within(nav()).queryByRole('button', { name: 'Go to page 5' })).toBeNull()
    expect(pageNumbers(nav())).toEqual(['1', '4', '5', '6', '25'])
    expect(within(nav()).getByText('201–250 of 1,234')).toBeTruthy()
    await waitFor(() => expect(within(nav()).getByRole('status').textContent).toBe('Page 5 of 25'))
  })

  it('Last page and First page; the buttons that cannot act are disabled at each end', async () => {
    const { ids, nav, button } = setup()
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    fireEvent.click(button('Last page'))
    await waitFor(() => expect(rows()).toEqual(ids(24)))
    expect(within(nav()).getByText('1,201–1,234 of 1,234')).toBeTruthy()
    expect(rows()).toHaveLength(34)
    for (const name of ['Next page', 'Last page']) expect(button(name).hasAttribute('disabled')).toBe(true)
    for (const name of ['First page', 'Previous page'])
      expect(button(name).hasAttribute('disabled')).toBe(false)
    // A disabled button does nothing.
    fireEvent.click(button('Next page'))
    expect(button('Page 25').getAttribute('aria-current')).toBe('page')

    fireEvent.click(button('First page'))
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    expect(button('Page 1').getAttribute('aria-current')).toBe('page')
  })

  it('keeps focus on a button that becomes unable to act: aria-disabled instead of disabled', async () => {
    const { ids, nav, button } = setup()
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    const last = button('Last page')
    act(() => last.focus())
    fireEvent.click(last)
    await waitFor(() => expect(rows()).toEqual(ids(24)))
    expect(last.getAttribute('aria-disabled')).toBe('true')
    expect(last.hasAttribute('disabled')).toBe(false)
    expect(last.hasAttribute('data-disabled')).toBe(true)
    expect(document.activeElement).toBe(last)
    // Pressing it again does nothing; once focus leaves, it is plainly disabled.
    fireEvent.click(last)
    expect(button('Page 25').getAttribute('aria-current')).toBe('page')
    act(() => button('Previous page').focus())
    expect(last.hasAttribute('disabled')).toBe(true)
    expect(last.hasAttribute('aria-disabled')).toBe(false)
    expect(nav().contains(document.activeElement)).toBe(true)
  })

  it('jump to page: a valid number opens the page; one outside the list says which pages exist', async () => {
    const { ids, nav, button } = setup()
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    const field = within(nav()).getByRole('textbox', { name: 'Jump to page' })

    fireEvent.change(field, { target: { value: '99' } })
    fireEvent.click(button('Go'))
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(within(nav()).getByRole('alert').textContent).toBe('Enter a page from 1 to 25')
    expect(button('Page 1').getAttribute('aria-current')).toBe('page')

    fireEvent.change(field, { target: { value: '12' } })
    expect(field.hasAttribute('aria-invalid')).toBe(false)
    fireEvent.submit(field)
    await waitFor(() => expect(rows()).toEqual(ids(11)))
    expect(button('Page 12').getAttribute('aria-current')).toBe('page')
    expect((field as HTMLInputElement).value).toBe('')
  })

  it('is busy while the next page loads: the rows shown stay, then the new page replaces them', async () => {
    const { ids, nav, button, client } = setup()
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    expect(nav().dataset.state).toBe('idle')
    expect(nav().hasAttribute('aria-busy')).toBe(false)

    const release = holdPage(150)
    fireEvent.click(button('Go to page 4'))
    await waitFor(() => expect(nav().getAttribute('aria-busy')).toBe('true'))
    expect(nav().dataset.state).toBe('loading')
    expect(rows()).toEqual(ids(0))
    expect(button('Page 4').getAttribute('aria-current')).toBe('page')
    expect(within(nav()).getByText('151–200 of 1,234')).toBeTruthy()
    // Nothing is announced until the page has landed.
    expect(within(nav()).getByRole('status').textContent).toBe('')

    release()
    await waitFor(() => expect(rows()).toEqual(ids(3)))
    await waitFor(() => expect(nav().dataset.state).toBe('idle'))
    expect(nav().hasAttribute('aria-busy')).toBe(false)
    // Written once the frame showing the page is painted.
    await waitFor(() => expect(within(nav()).getByRole('status').textContent).toBe('Page 4 of 25'))
  })

  it('page-size menu: sizes above the adapter maxLimit are left out; a new size keeps the first row on screen', async () => {
    const { ids, nav } = setup(<Opportunities pageSizeOptions={[25, 50, 100, 500, 1000]} />)
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    const select = within(nav()).getByRole('combobox', { name: 'Per page' }) as HTMLSelectElement
    expect([...select.options].map((option) => option.textContent)).toEqual(['25', '50', '100'])
    expect(select.value).toBe('50')
    fireEvent.click(within(nav()).getByRole('button', { name: 'Go to page 3' }))
    await waitFor(() => expect(rows()).toEqual(ids(2)))

    fireEvent.change(select, { target: { value: '100' } })
    // Record 101 (first on page 3 at 50) is on page 2 at 100.
    await waitFor(() => expect(rows()).toEqual(ids(1, 100)))
    expect(select.value).toBe('100')
    expect(within(nav()).getByText('101–200 of 1,234')).toBeTruthy()
    expect(within(nav()).getByRole('button', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page')
    expect(within(nav()).getByRole('button', { name: 'Go to page 13' })).toBeTruthy()
  })

  it('adds the page size in use to the menu when it is not among the options', async () => {
    const { ids, nav } = setup(<Opportunities pageSize={40} pageSizeOptions={[25, 100]} />)
    await waitFor(() => expect(rows()).toEqual(ids(0, 40)))
    const select = within(nav()).getByRole('combobox', { name: 'Per page' }) as HTMLSelectElement
    expect([...select.options].map((option) => option.value)).toEqual(['25', '40', '100'])
    expect(select.value).toBe('40')
  })

  it('follows a controlled page and asks for changes through onPageChange', async () => {
    const onPageChange = vi.fn()
    function Controlled() {
      const [page, setPage] = useState(6)
      return (
        <Opportunities
          page={page}
          onPageChange={(next) => {
            onPageChange(next)
            setPage(next)
          }}
        />
      )
    }
    const { ids, button } = setup(<Controlled />)
    await waitFor(() => expect(rows()).toEqual(ids(6)))
    expect(button('Page 7').getAttribute('aria-current')).toBe('page')
    fireEvent.click(button('Next page'))
    expect(onPageChange).toHaveBeenLastCalledWith(7)
    await waitFor(() => expect(rows()).toEqual(ids(7)))
    expect(button('Page 8').getAttribute('aria-current')).toBe('page')
  })

  it('a controlled page that does not move stays put: the pager only asks', async () => {
    const onPageChange = vi.fn()
    const { ids, button } = setup(<Opportunities page={2} onPageChange={onPageChange} />)
    await waitFor(() => expect(rows()).toEqual(ids(2)))
    fireEvent.click(button('Go to page 5'))
    expect(onPageChange).toHaveBeenCalledWith(4)
    expect(button('Page 3').getAttribute('aria-current')).toBe('page')
    expect(rows()).toEqual(ids(2))
  })

  it('error: says why the page failed, offers Retry, and keeps focus in the pager when Retry works', async () => {
    const { ids, nav, button, client } = setup()
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    let failures = 0
    server.use(
      http.get(OPPORTUNITIES_URL, ({ request }) => {
        if (new URL(request.url).searchParams.get('_skip') !== '500' || failures > 0) return undefined
        failures += 1
        return HttpResponse.json({ error: 'Service unavailable' }, { status: 503 })
      }),
    )
    const field = within(nav()).getByRole('textbox', { name: 'Jump to page' })
    fireEvent.change(field, { target: { value: '11' } })
    fireEvent.submit(field)
    const alert = await within(nav()).findByRole('alert')
    expect(within(alert).getByText('Page 11 could not be loaded: HTTP 503: Service unavailable')).toBeTruthy()
    expect(nav().dataset.state).toBe('error')
    expect(nav().hasAttribute('aria-busy')).toBe(false)

    const retry = within(alert).getByRole('button', { name: 'Retry' })
    act(() => retry.focus())
    fireEvent.click(retry)
    await waitFor(() => expect(rows()).toEqual(ids(10)))
    expect(within(nav()).queryByRole('alert')).toBeNull()
    expect(nav().dataset.state).toBe('idle')
    await waitFor(() => expect(document.activeElement).toBe(button('Page 11')))
  })
})
