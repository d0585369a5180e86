// @vitest-environment jsdom
import { createRef } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { closeOffset, createFetcher, InvalidOptionError, usePagedList } from '../../index'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../mock'
import type { CloseOpportunity } from '../../mock'
import { setupMockServer } from '../../../test/mockServer'
import { createTestClient } from '../../../test/renderWithClient'
import { fakePagedList } from '../../../test/fakePagedList'
import { Pager } from './Pager'
import type { PagerProps } from './pagerTypes'

const { serve } = setupMockServer()
afterEach(cleanup)

const fetchOpportunities = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })('/opportunity/')
const adapter = closeOffset<CloseOpportunity>({ resource: 'opportunity' })

function Opportunities(pager: Partial<PagerProps>) {
  const list = usePagedList({
    queryKey: ['close', 'opportunities'],
    adapter,
    fetchPage: fetchOpportunities,
    pageSize: 50,
  })
  return <Pager list={list} aria-label="Opportunities pages" {...pager} />
}

function renderOpportunities(pager: Partial<PagerProps> = {}) {
  serve(createCloseMock({ leads: 100, opportunities: 1234, events: 0 }))
  render(
    <QueryClientProvider client={createTestClient()}>
      <Opportunities {...pager} />
    </QueryClientProvider>,
  )
  return () => screen.getByRole('navigation', { name: 'Opportunities pages' })
}

const currentPage = (nav: HTMLElement) => nav.querySelector('[aria-current="page"]')?.textContent
const pageNumbers = (nav: HTMLElement) =>
  within(nav)
    .getAllByRole('button', { name: /page \d/i })
    .map((button) => button.textContent)

describe('<Pager> labels and locale', () => {
  it('formats every number for the locale and uses the labels given, English for the rest', async () => {
    const nav = renderOpportunities({
      locale: 'de-DE',
      labels: {
        nextPage: 'Nächste Seite',
        lastPage: 'Letzte Seite',
        goToPage: ({ page }) => `Gehe zu Seite ${page}`,
        currentPage: ({ page }) => `Seite ${page}`,
        pageChanged: ({ page, pageCount }) => `Seite ${page} von ${pageCount}`,
        range: ({ start, end, total }) => `${start}–${end} von ${total ?? 'vielen'}`,
        pageSize: 'Pro Seite',
      },
      pageSizeOptions: [25, 50],
    })
    await waitFor(() => expect(within(nav()).getByText('1–50 von 1.234')).toBeTruthy())
    expect(within(nav()).getByRole('button', { name: 'Gehe zu Seite 2' })).toBeTruthy()
    expect(within(nav()).getByRole('button', { name: 'Seite 1' }).getAttribute('aria-current')).toBe('page')
    expect(within(nav()).getByRole('combobox', { name: 'Pro Seite' })).toBeTruthy()
    // Not given: English.
    expect(within(nav()).getByRole('button', { name: 'Previous page' })).toBeTruthy()

    fireEvent.click(within(nav()).getByRole('button', { name: 'Letzte Seite' }))
    await waitFor(() => expect(within(nav()).getByText('1.201–1.234 von 1.234')).toBeTruthy())
    await waitFor(() => expect(within(nav()).getByRole('status').textContent).toBe('Seite 25 von 25'))
  })

  it('formats page numbers too (de-DE page 1.000)', () => {
    render(
      <Pager
        list={fakePagedList({ pageIndex: 999, pageCount: 2000, total: 100_000, canGoToPage: () => true })}
        locale="de-DE"
        aria-label="Pages"
      />,
    )
    expect(pageNumbers(screen.getByRole('navigation'))).toEqual(['1', '999', '1.000', '1.001', '2.000'])
    expect(screen.getByText('49.951–50.000 of 100.000')).toBeTruthy()
  })
})

describe('<Pager> variants and options', () => {
  it('compact: Previous and Next with words, and "Page 1 of 25" between them; nothing else', async () => {
    const nav = renderOpportunities({ variant: 'compact', pageSizeOptions: [25, 50] })
    await waitFor(() => expect(currentPage(nav())).toBe('Page 1 of 25'))
    expect(nav().dataset.variant).toBe('compact')
    const buttons = within(nav()).getAllByRole('button')
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual(['Previous page', 'Next page'])
    expect(buttons.map((button) => button.textContent)).toEqual(['‹Previous', 'Next›'])
    expect(within(nav()).queryByRole('combobox')).toBeNull()
    expect(within(nav()).queryByRole('textbox')).toBeNull()
    expect(within(nav()).queryByText(/of 1,234/)).toBeNull()
    expect(nav().querySelectorAll('[aria-current]')).toHaveLength(1)

    fireEvent.click(within(nav()).getByRole('button', { name: 'Next page' }))
    await waitFor(() => expect(currentPage(nav())).toBe('Page 2 of 25'))
  })

  it('compact without a total: "Page 3"', () => {
    render(
      <Pager
        list={fakePagedList({ pageIndex: 2, pageCount: undefined, total: undefined, kind: 'cursor' })}
        variant="compact"
        aria-label="Pages"
      />,
    )
    expect(currentPage(screen.getByRole('navigation'))).toBe('Page 3')
  })

  it('siblingCount and boundaryCount shape the numbered pages', () => {
    const { rerender } = render(<Pager list={fakePagedList({ pageIndex: 12 })} aria-label="Pages" />)
    expect(pageNumbers(screen.getByRole('navigation'))).toEqual(['1', '12', '13', '14', '25'])
    rerender(
      <Pager list={fakePagedList({ pageIndex: 12 })} siblingCount={2} boundaryCount={2} aria-label="Pages" />,
    )
    expect(pageNumbers(screen.getByRole('navigation'))).toEqual([
      '1',
      '2',
      '11',
      '12',
      '13',
      '14',
      '15',
      '24',
      '25',
    ])
    rerender(
      <Pager list={fakePagedList({ pageIndex: 12 })} siblingCount={0} boundaryCount={0} aria-label="Pages" />,
    )
    expect(pageNumbers(screen.getByRole('navigation'))).toEqual(['13'])
  })

  it('showJumpToPage={false} leaves the jump field out', () => {
    render(<Pager list={fakePagedList()} showJumpToPage={false} aria-label="Pages" />)
    expect(screen.queryByRole('textbox')).toBeNull()
  })

  it('passes className, style, id, data-* and the ref to the <nav>, beside its own class and state', () => {
    const ref = createRef<HTMLElement>()
    render(
      <Pager
        ref={ref}
        list={fakePagedList({ isFetching: true, isPlaceholderData: true })}
        className="deals-pager"
        style={{ marginTop: 12 }}
        id="deals-pager"
        data-testid="pager"
        aria-label="Deals pages"
      />,
    )
    const nav = screen.getByRole('navigation', { name: 'Deals pages' })
    expect(ref.current).toBe(nav)
    expect(nav.className).toBe('pw-pager deals-pager')
    expect(nav.style.marginTop).toBe('12px')
    expect(nav.id).toBe('deals-pager')
    expect(nav.dataset.testid).toBe('pager')
    expect(nav.dataset.state).toBe('loading')
    expect(nav.getAttribute('aria-busy')).toBe('true')
  })

  it('is named by aria-labelledby, and warns once in development when it has no name', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(
      <>
        <h2 id="deals-heading">Deals</h2>
        <Pager list={fakePagedList()} aria-labelledby="deals-heading" />
      </>,
    )
    expect(screen.getByRole('navigation', { name: 'Deals' })).toBeTruthy()
    expect(warn).not.toHaveBeenCalled()
    cleanup()

    const { rerender } = render(<Pager list={fakePagedList()} />)
    rerender(<Pager list={fakePagedList({ pageIndex: 1 })} />)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/<Pager>.*aria-label/)
  })
})

describe('<Pager> invalid props', () => {
  const cases: [string, Partial<PagerProps>, RegExp][] = [
    ['siblingCount', { siblingCount: -1 }, /"siblingCount" must be a whole number >= 0/],
    ['boundaryCount', { boundaryCount: 1.5 }, /"boundaryCount" must be a whole number >= 0/],
    ['pageSizeOptions', { pageSizeOptions: [] }, /"pageSizeOptions" must be a non-empty array/],
    [
      'pageSizeOptions',
      { pageSizeOptions: [25, 0] },
      /"pageSizeOptions" must be whole numbers >= 1, received 0/,
    ],
    ['pageSizeOptions', { pageSizeOptions: [25, 2.5] }, /"pageSizeOptions"/],
    ['variant', { variant: 'tiny' as never }, /"variant" must be "full" or "compact"/],
    ['list', { list: {} as never }, /"list" must be the result of usePagedList/],
  ]
  it.each(cases)('throws InvalidOptionError naming <Pager> and %s', (option, props, message) => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let thrown: unknown
    try {
      render(<Pager list={fakePagedList()} aria-label="Pages" {...props} />)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InvalidOptionError)
    expect((thrown as InvalidOptionError).option).toBe(option)
    expect((thrown as Error).message).toMatch(/^\[pagewise\] <Pager>: option /)
    expect((thrown as Error).message).toMatch(message)
  })
})
