// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { closeOffset, createFetcher, InvalidOptionError, usePagedList, usePagination } from '../index'
import type { PaginationList, UsePaginationOptions } from '../index'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../mock'
import type { CloseOpportunity } from '../mock'
import { setupMockServer } from '../../test/mockServer'
import { createTestClient } from '../../test/renderWithClient'
import { fakePagedList } from '../../test/fakePagedList'

const { serve } = setupMockServer()
afterEach(cleanup)

const fetchOpportunities = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })('/opportunity/')
const adapter = closeOffset<CloseOpportunity>({ resource: 'opportunity' })

/** A pager of one's own on the headless model: plain buttons with the model's words. */
function OwnPager(options: UsePaginationOptions) {
  const list = usePagedList({
    queryKey: ['close', 'opportunities'],
    adapter,
    fetchPage: fetchOpportunities,
    pageSize: 50,
  })
  const pagination = usePagination(list, options)
  return (
    <nav aria-label="Own pager" data-state={pagination.state}>
      <span>{pagination.range ? `${pagination.range.start}-${pagination.range.end}` : 'none'}</span>
      {pagination.items.map((item) =>
        item.type === 'ellipsis' ? (
          <span key={item.key}>…</span>
        ) : (
          <button
            key={item.key}
            type="button"
            aria-current={item.type === 'page' && item.selected ? 'page' : undefined}
            disabled={item.disabled}
            onClick={item.onSelect}
          >
            {item.type === 'page' ? `p${item.pageNumber}` : item.type}
          </button>
        ),
      )}
    </nav>
  )
}

const labels = () => screen.getAllByRole('button').map((button) => button.textContent)

describe('usePagination', () => {
  it('gives the model to render a pager of your own, with onSelect on every control', async () => {
    serve(createCloseMock({ leads: 100, opportunities: 1234, events: 0 }))
    render(
      <QueryClientProvider client={createTestClient()}>
        <OwnPager siblingCount={1} boundaryCount={1} />
      </QueryClientProvider>,
    )
    await waitFor(() => expect(screen.getByText('1-50')).toBeTruthy())
    expect(labels()).toEqual(['first', 'previous', 'p1', 'p2', 'p3', 'p4', 'p5', 'p25', 'next', 'last'])

    fireEvent.click(screen.getByRole('button', { name: 'p4' }))
    await waitFor(() => expect(screen.getByText('151-200')).toBeTruthy())
    expect(labels()).toEqual(['first', 'previous', 'p1', 'p2', 'p3', 'p4', 'p5', 'p25', 'next', 'last'])
    fireEvent.click(screen.getByRole('button', { name: 'p5' }))
    await waitFor(() => expect(screen.getByText('201-250')).toBeTruthy())
    expect(labels()).toEqual(['first', 'previous', 'p1', 'p4', 'p5', 'p6', 'p25', 'next', 'last'])
    expect(screen.getByRole('button', { name: 'p5' }).getAttribute('aria-current')).toBe('page')

    fireEvent.click(screen.getByRole('button', { name: 'last' }))
    await waitFor(() => expect(screen.getByText('1201-1234')).toBeTruthy())
    expect(screen.getByRole('button', { name: 'next' }).hasAttribute('disabled')).toBe(true)
  })

  it('onSelect of a disabled control does nothing', () => {
    const goToPage = vi.fn()
    const list = oneFullPage(goToPage)
    const { result } = renderHook(() => usePagination(list))
    for (const item of result.current.items) if (item.type !== 'ellipsis') item.onSelect()
    expect(goToPage).not.toHaveBeenCalledWith(1)
    expect(goToPage).not.toHaveBeenCalledWith(-1)
    // The current page may be selected: goToPage ignores the page shown.
    expect(goToPage.mock.calls.every(([index]) => index === 0)).toBe(true)
  })

  it('throws InvalidOptionError naming usePagination and the option', () => {
    const list = oneFullPage(() => {})
    expect(() => renderHook(() => usePagination(list, { siblingCount: -1 }))).toThrow(InvalidOptionError)
    expect(() => renderHook(() => usePagination(list, { boundaryCount: 0.5 }))).toThrow(
      /^\[pagewise\] usePagination: option "boundaryCount"/,
    )
  })
})

/** A list of three records on its only page. */
function oneFullPage(goToPage: (index: number) => void): PaginationList {
  return fakePagedList({
    items: [1, 2, 3],
    pageSize: 3,
    pageCount: 1,
    total: 3,
    hasNextPage: false,
    goToPage,
    canGoToPage: (index) => index === 0,
    adapter: { id: 'test', maxLimit: 10 },
  })
}
