// @vitest-environment jsdom
/**
 * `listCache` with the hooks on the Close mock: one edit reaches every list a dashboard shows (two infinite lists of
 * different sorts and filters, and a pager), survives a page fetch in flight, and an optimistic update that fails is
 * taken back through `useMutation`.
 */
import { act, waitFor } from '@testing-library/react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { closeOffset, createFetcher, listCache, usePagedList, usePaginatedList } from '../../src'
import type { CloseListResponse, FetchPage, PageRequest } from '../../src'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../src/mock'
import type { CloseLead } from '../../src/mock'
import { setupMockServer } from '../mockServer'
import { renderWithClient } from '../renderWithClient'

const { serve } = setupMockServer()
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const leadsPage = close('/lead/') as FetchPage<CloseListResponse<CloseLead>, number>
const adapter = closeOffset<CloseLead>()

/** Three views of one prefix: newest first, by name, and a pager of qualified leads. */
function useDashboard() {
  const newest = usePaginatedList({ queryKey: ['leads'], adapter, fetchPage: leadsPage, pageSize: 20 })
  const byName = usePaginatedList({
    queryKey: ['leads'],
    adapter,
    fetchPage: leadsPage,
    // One page of every lead, so that the lead edited below is on it wherever the sort puts it.
    pageSize: 200,
    sort: { column: 'display_name', direction: 'ascending' },
  })
  const paged = usePagedList({ queryKey: ['leads'], adapter, fetchPage: leadsPage, pageSize: 10 })
  return { newest, byName, paged }
}

describe('listCache with the hooks', () => {
  it('an edit reaches three caches of one prefix, and undo restores each byte for byte', async () => {
    serve(createCloseMock({ seed: 7, leads: 200, events: 0 }))
    const { result, client } = renderWithClient(useDashboard)
    await waitFor(() => {
      expect(result.current.newest.items).toHaveLength(20)
      expect(result.current.byName.items).toHaveLength(200)
      expect(result.current.paged.items).toHaveLength(10)
    })
    // The newest lead: first in the newest list and on the pager's first page, somewhere in the sorted list.
    const target = result.current.newest.items[0]!
    const snapshot = () =>
      JSON.stringify(
        client
          .getQueryCache()
          .findAll({ queryKey: ['leads'] })
          .map((q) => q.state.data),
      )
    const before = snapshot()
    let undo = () => undefined as void
    act(() => {
      undo = listCache<CloseLead>(client, ['leads']).updateItem(target.id, (lead) => ({
        ...lead,
        display_name: 'Renamed Inc.',
      }))
    })
    const named = (items: CloseLead[]) => items.find((lead) => lead.id === target.id)?.display_name
    await waitFor(() => expect(named(result.current.newest.items)).toBe('Renamed Inc.'))
    expect(named(result.current.byName.items)).toBe('Renamed Inc.')
    expect(named(result.current.paged.items)).toBe('Renamed Inc.')
    const reached = client
      .getQueryCache()
      .findAll({ queryKey: ['leads'] })
      .filter((query) => JSON.stringify(query.state.data).includes('Renamed Inc.'))
    expect(reached.map((query) => query.queryKey.slice(1))).toEqual([
      [{ adapter: 'close.offset', pageSize: 20 }],
      [{ adapter: 'close.offset', pageSize: 200, sort: { column: 'display_name', direction: 'ascending' } }],
      [{ adapter: 'close.offset', pageSize: 10 }, { page: 0 }],
    ])
    act(() => undo())
    expect(snapshot()).toBe(before)
    await waitFor(() => expect(named(result.current.newest.items)).toBe(target.display_name))
  })

  it('an edit made while the next page is in flight is still there when the page lands', async () => {
    serve(createCloseMock({ seed: 7, leads: 200, events: 0 }))
    let release = () => undefined as void
    const held = new Promise<void>((resolve) => (release = resolve))
    const fetchPage = async (request: PageRequest<number>) => {
      if (request.pageParam > 0) await held
      return leadsPage(request)
    }
    const { result, client } = renderWithClient(() =>
      usePaginatedList({ queryKey: ['leads'], adapter, fetchPage, pageSize: 20 }),
    )
    await waitFor(() => expect(result.current.items).toHaveLength(20))
    const first = result.current.items[0]!
    act(() => void result.current.fetchNextPage())
    await waitFor(() => expect(result.current.isFetchingNextPage).toBe(true))
    act(() => {
      listCache<CloseLead>(client, ['leads']).updateItem(first.id, (lead) => ({
        ...lead,
        status_label: 'Customer',
      }))
    })
    release()
    await waitFor(() => expect(result.current.items).toHaveLength(40))
    expect(result.current.items[0]!.status_label).toBe('Customer')
  })

  it('useMutation: optimistic in onMutate, taken back by undo when the request fails', async () => {
    serve(createCloseMock({ seed: 7, leads: 50, events: 0 }))
    const shown: string[] = []
    let answer = () => undefined as void
    const answered = new Promise<void>((resolve) => (answer = resolve))
    const { result } = renderWithClient(() => {
      const leads = usePaginatedList({ queryKey: ['leads'], adapter, fetchPage: leadsPage, pageSize: 20 })
      const fourth = leads.items[3]?.status_label
      if (fourth && fourth !== shown.at(-1)) shown.push(fourth)
      const leadsCache = listCache<CloseLead>(useQueryClient(), ['leads'])
      const markWon = useMutation({
        mutationFn: async (_id: string) => {
          await answered
          throw new Error('409 Conflict')
        },
        onMutate: (id) => leadsCache.updateItem(id, (lead) => ({ ...lead, status_label: 'Customer' })),
        onError: (_error, _id, undo) => undo?.(),
      })
      return { leads, markWon }
    })
    await waitFor(() => expect(result.current.leads.items).toHaveLength(20))
    const { id, status_label } = result.current.leads.items[3]!
    act(() => result.current.markWon.mutate(id))
    await waitFor(() => expect(result.current.leads.items[3]!.status_label).toBe('Customer'))
    answer()
    await waitFor(() => expect(result.current.markWon.isError).toBe(true))
    await waitFor(() => expect(result.current.leads.items[3]!.status_label).toBe(status_label))
    // What the user saw of that row: its status, then Customer at once, then its status again.
    expect(shown).toEqual([status_label, 'Customer', status_label])
  })
})
