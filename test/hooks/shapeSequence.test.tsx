// @vitest-environment jsdom
/**
 * "Sort, sort back, filter, clear filter" on each provider's mock, through usePaginatedList and createFetcher: the
 * requests each step sends, and what the component rendered meanwhile (never an empty list once it had rows).
 */
import { waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { closeOffset, createFetcher, pipedriveCursor, usePaginatedList } from '../../src'
import type { ListFilter, PaginationAdapter, SortDescriptor } from '../../src'
import {
  CLOSE_MOCK_BASE_URL,
  createCloseMock,
  createPipedriveMock,
  PIPEDRIVE_MOCK_BASE_URL,
} from '../../src/mock'
import type { MockApi } from '../../src/mock'
import { setupMockServer } from '../mockServer'
import { renderWithClient } from '../renderWithClient'

const { serve } = setupMockServer()

interface Shape {
  sort?: SortDescriptor
  filter?: ListFilter
}

const providers = [
  {
    name: 'Close leads (closeOffset)',
    mock: () => createCloseMock({ seed: 3, leads: 400, events: 0 }),
    path: '/lead/',
    adapter: closeOffset() as PaginationAdapter<unknown, { id: string }, unknown>,
    fetchPage: createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })('/lead/'),
    sort: { column: 'display_name', direction: 'ascending' } as SortDescriptor,
    filter: { query: 'status:"Qualified"' },
  },
  {
    name: 'Pipedrive deals (pipedriveCursor)',
    mock: () => createPipedriveMock({ seed: 3, deals: 400 }),
    path: '/v2/deals',
    adapter: pipedriveCursor() as PaginationAdapter<unknown, { id: string }, unknown>,
    fetchPage: createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })('/v2/deals'),
    sort: { column: 'add_time', direction: 'descending' } as SortDescriptor,
    filter: { status: 'won' },
  },
]

describe('sort, sort back, filter, clear filter', () => {
  it.each(providers)(
    '$name: one request per step, for page 1 of the list shown; no render without rows',
    async (provider) => {
      const mock = serve(provider.mock() as MockApi<unknown>)
      const seen: { blank: boolean; standIn: boolean }[] = []
      const { result, rerender } = renderWithClient(
        (shape: Shape) => {
          const list = usePaginatedList({
            queryKey: ['sequence'],
            adapter: provider.adapter,
            fetchPage: provider.fetchPage,
            pageSize: 50,
            ...shape,
          })
          if (list.status !== 'pending')
            seen.push({ blank: list.items.length === 0, standIn: list.isPlaceholderData })
          return list
        },
        { initialProps: {} as Shape, strict: true },
      )
      const settle = () =>
        waitFor(() => {
          expect(result.current.isFetching).toBe(false)
          expect(result.current.isPlaceholderData).toBe(false)
        })
      const requests = () =>
        mock.requests
          .filter((request) => request.path.endsWith(provider.path))
          .map((request) => request.query)
      await settle()

      const steps: [string, Shape][] = [
        ['sort', { sort: provider.sort }],
        ['sort back', {}],
        ['filter', { filter: provider.filter }],
        ['clear filter', {}],
      ]
      const log: string[] = []
      for (const [step, shape] of steps) {
        const before = requests().length
        const rendersBefore = seen.length
        rerender(shape)
        await settle()
        const sent = requests().slice(before)
        const renders = seen.slice(rendersBefore)
        log.push(
          `${step}: ${sent.map((query) => new URLSearchParams(query).toString()).join(' | ')}` +
            ` (renders with the previous rows: ${renders.filter((render) => render.standIn).length}, without rows: ${renders.filter((render) => render.blank).length})`,
        )
        expect(sent).toHaveLength(1)
        expect(renders.some((render) => render.blank)).toBe(false)
      }
      console.log(`${provider.name}\n  ${log.join('\n  ')}`)
    },
  )
})
