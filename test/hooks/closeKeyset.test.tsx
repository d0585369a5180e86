// @vitest-environment jsdom
/**
 * usePaginatedList over closeKeysetOffset and the Close mock with a small max_skip: the list a component
 * shows goes past the deepest `_skip` Close accepts, every record once, and its total stays the whole list's.
 */
import { act, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFetcher, usePaginatedList } from '../../src'
import { closeKeysetOffset } from '../../src/adapters/closeKeyset'
import type { PaginatedList } from '../../src'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../src/mock'
import { setupMockServer } from '../mockServer'
import { renderWithClient } from '../renderWithClient'

const { serve } = setupMockServer()
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const keyset = { field: 'date_created', param: 'date_created__lt' }

type Id = { id: string }

/** Fetches pages until the list says there are no more (or a fetch fails); returns the totals seen on the way. */
async function loadAll(list: () => PaginatedList<unknown, Id, unknown>): Promise<Array<number | undefined>> {
  await waitFor(() => expect(list().isPending).toBe(false))
  const totals = [list().total]
  while (list().hasNextPage && !list().isError) {
    await act(() => list().fetchNextPage())
    await waitFor(() => expect(list().isFetching).toBe(false))
    totals.push(list().total)
  }
  return totals
}

describe('usePaginatedList with closeKeysetOffset', () => {
  it('shows all 3,000 leads past max_skip = 1000, each once, in order, without a 400', async () => {
    const mock = serve(createCloseMock({ leads: 3000, maxSkip: 1000 }))
    const { result } = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['close', 'leads', 'keyset'],
        adapter: closeKeysetOffset<Id>({ maxSkip: 1000, keyset }),
        fetchPage: close('/lead/'),
        pageSize: 200,
      }),
    )
    await loadAll(() => result.current as PaginatedList<unknown, Id, unknown>)
    expect(result.current.error).toBeNull()
    expect(result.current.hasNextPage).toBe(false)
    expect(result.current.items.map((lead) => lead.id)).toEqual(mock.dataset.leads.map((lead) => lead.id))
    expect(mock.requests.every((request) => request.status === 200)).toBe(true)
    expect(mock.requests).toHaveLength(16)
    expect(new Set(mock.requests.map((request) => request.query.date_created__lt)).size).toBe(3)
  })

  it('keeps the total of Close opportunities right in every window', async () => {
    const mock = serve(createCloseMock({ leads: 500, opportunities: 1200, maxSkip: 500 }))
    const { result } = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['close', 'opportunities', 'keyset'],
        adapter: closeKeysetOffset<Id>({ resource: 'opportunity', maxSkip: 500, keyset }),
        fetchPage: close('/opportunity/'),
        pageSize: 250,
      }),
    )
    const totals = await loadAll(() => result.current as PaginatedList<unknown, Id, unknown>)
    expect(result.current.items).toHaveLength(1200)
    expect(new Set(result.current.items.map((item) => item.id)).size).toBe(1200)
    expect(totals.every((total) => total === 1200)).toBe(true)
    expect(
      mock.requests.filter((request) => request.query.date_created__lt !== undefined).length,
    ).toBeGreaterThan(0)
  })
})
