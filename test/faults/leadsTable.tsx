import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { vi } from 'vitest'
import { closeOffset, createFetcher, InfiniteTable, usePaginatedList } from '../../src'
import type { EndpointDefaults, InfiniteTableColumn } from '../../src'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../src/mock'
import type { CloseMockOptions } from '../../src/mock'
import { stubLayout } from '../jsdomLayout'
import type { setupMockServer } from '../mockServer'

export const closeApi = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
export const LEADS_URL = `${CLOSE_MOCK_BASE_URL}/api/v1/lead/`

interface Lead {
  id: string
  display_name: string
}

const columns: InfiniteTableColumn<Lead>[] = [
  { id: 'name', header: 'Lead', cell: (lead) => lead.display_name },
  { id: 'id', header: 'Id', cell: (lead) => lead.id },
]

export interface LeadsTableOptions {
  mock?: CloseMockOptions
  pageSize?: number
  /** Height of the table: 1,200 px shows 29 rows of 40 px, so small pages keep loading until it is full. */
  height?: number
  strict?: boolean
  /** Query client defaults; pagewise's own retry policy applies unless `retry` is set here. */
  queries?: Record<string, unknown>
}

/**
 * The whole stack a user runs: the mock Close API (through MSW), `createFetcher`, `closeOffset`, `usePaginatedList`
 * and `<InfiniteTable>`, in jsdom with browser-like sizes. Returns the mock and what the user sees.
 */
export function renderLeadsTable(
  serve: ReturnType<typeof setupMockServer>['serve'],
  {
    mock: mockOptions = {},
    pageSize = 5,
    height = 1200,
    strict = false,
    queries = {},
  }: LeadsTableOptions = {},
) {
  stubLayout(40)
  const mock = serve(createCloseMock({ seed: 5, leads: 40, ...mockOptions }))
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity, ...queries } } })

  function Leads({ queryKey, endpoint }: { queryKey: string[]; endpoint?: EndpointDefaults }) {
    const list = usePaginatedList({
      queryKey,
      adapter: closeOffset<Lead>(),
      fetchPage: closeApi('/lead/', endpoint),
      pageSize,
    })
    return (
      <InfiniteTable
        list={list}
        columns={columns}
        aria-label="Leads"
        itemName={{ one: 'lead', other: 'leads' }}
        height={height}
      />
    )
  }
  const ui = (queryKey: string[], endpoint?: EndpointDefaults) => {
    const tree = (
      <QueryClientProvider client={client}>
        <Leads queryKey={queryKey} endpoint={endpoint} />
      </QueryClientProvider>
    )
    return strict ? <StrictMode>{tree}</StrictMode> : tree
  }
  const view = render(ui(['leads']))

  return {
    mock,
    client,
    /** Shows another list (a new query key, optionally other endpoint defaults) in the same table. */
    showList: (queryKey: string[], endpoint?: EndpointDefaults) => view.rerender(ui(queryKey, endpoint)),
    unmount: view.unmount,
    /** The ids in the rendered rows, in order. */
    rowIds: () =>
      [...document.querySelectorAll('.pw-infinite-table__row [data-column="id"]')].map(
        (cell) => cell.textContent,
      ),
    /** The status row after the records: its kind and its text. */
    statusRow: () => {
      const row = document.querySelector<HTMLElement>('.pw-infinite-table__status-row')
      return row ? { kind: row.dataset.state, text: row.textContent ?? '' } : null
    },
    /** The table's `data-state`: loading, loading-more, error, empty, complete or idle. */
    state: () => document.querySelector<HTMLElement>('.pw-infinite-table')?.dataset.state,
    /** What the live region says, once the sentence it writes after the next paint is written (timers are fake). */
    announcement: async () => {
      await act(async () => {
        await new Promise((resolve) => requestAnimationFrame(resolve))
        await vi.advanceTimersByTimeAsync(0)
      })
      return document.querySelector('.pw-live-region')?.textContent ?? ''
    },
    /** The `_skip` of every request the mock served, in order. */
    skips: () => mock.requests.map((request) => request.query._skip),
    retryButton: () => screen.getByRole('button', { name: 'Retry' }),
  }
}

/** Lets fake time pass in small steps, so that React, MSW and TanStack's timers all run. */
export async function elapse(ms: number, step = 50): Promise<void> {
  for (let passed = 0; passed < ms; passed += step) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(Math.min(step, ms - passed))
    })
  }
}
