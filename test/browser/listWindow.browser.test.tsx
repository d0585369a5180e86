import type { CSSProperties } from 'react'
import { afterEach, describe, expect, test } from 'vitest'
import { persistQueryClient } from '@tanstack/react-query-persist-client'
import { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister'
import '../../src/styles.css'
import { closeOffset, createFetcher, usePaginatedList } from '../../src'
import type { PaginatedList } from '../../src'
import { InfiniteTable } from '../../src/components/InfiniteTable'
import type { InfiniteTableColumn, ListPosition } from '../../src/components/InfiniteTable'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../src/mock'
import { axeViolations } from './axe'
import { inPageFetch } from './inPageFetch'
import { createBrowserClient, nextFrames, renderInBrowser, waitUntil } from './renderInBrowser'
import { MILLION_ROWS_BASE, answerMillionRows, millionRowsAdapter } from '../../stories/support/millionRows'
import type { MillionLead } from '../../stories/support/millionRows'

/** A Close opportunity: its list carries `total_results`, so the table knows the whole list's length. */
interface Lead {
  id: string
  lead_name: string
}

const ROW = 40
const PAGE = 50
const MAX_PAGES = 4

afterEach(() => sessionStorage.clear())

/**
 * A table of mock Close opportunities (offset, with a total) that keeps at most `MAX_PAGES` pages of 50; the test gets the list
 * and the `_skip` of every request.
 */
function boundedLeads(opportunities = 2_000) {
  const mock = createCloseMock({ seed: 8, leads: 50, opportunities })
  const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`, fetch: inPageFetch(mock.handlers) })
  const columns: InfiniteTableColumn<Lead>[] = [
    { id: 'name', header: 'Lead', cell: (lead) => lead.lead_name, width: 280 },
    { id: 'id', header: 'Id', cell: (lead) => lead.id },
  ]
  const handle: { list: PaginatedList<unknown, Lead, number> | null; positions: ListPosition[] } = {
    list: null,
    positions: [],
  }
  function Leads({ initialPosition }: { initialPosition?: ListPosition }) {
    const list = usePaginatedList({
      queryKey: ['bounded-leads'],
      adapter: closeOffset<Lead>(),
      fetchPage: close('/opportunity/'),
      pageSize: PAGE,
      maxPages: MAX_PAGES,
    })
    handle.list = list
    return (
      <InfiniteTable
        list={list}
        columns={columns}
        aria-label="Leads"
        itemName={{ one: 'lead', other: 'leads' }}
        height={440}
        rowHeight={ROW}
        initialPosition={initialPosition}
        onPositionChange={(position) => handle.positions.push(position)}
      />
    )
  }
  const skips = () =>
    mock.requests
      .filter((request) => request.path.endsWith('/opportunity/'))
      .map((request) => Number(request.query._skip))
  return { mock, handle, Leads, skips }
}

/** The record rows in view: lead id → [aria-rowindex, top in px from the viewport's top]. */
function rowsInView(grid: HTMLElement): Map<string, [number, number]> {
  const head = grid.querySelector('.pw-infinite-table__head')!.getBoundingClientRect()
  const view = grid.getBoundingClientRect()
  const rows = new Map<string, [number, number]>()
  for (const row of grid.querySelectorAll<HTMLElement>('.pw-infinite-table__row')) {
    const box = row.getBoundingClientRect()
    if (box.bottom > head.bottom && box.top < view.bottom) {
      rows.set(row.querySelector('[data-column="id"]')!.textContent!, [Number(row.ariaRowIndex), box.top])
    }
  }
  return rows
}

/** Scrolls to `offset`, then waits until the rows in view are records and nothing is loading. */
async function scrollTo(grid: HTMLElement, list: () => PaginatedList<unknown, Lead, number>, offset: number) {
  grid.scrollTop = offset
  await waitUntil(() => {
    expect(grid.querySelector('[data-state="placeholder"]')).toBeNull()
    expect(list().isFetching).toBe(false)
    expect(rowsInView(grid).size).toBeGreaterThanOrEqual(10)
  })
  await nextFrames(2)
}

/** Each record row in view sits at its lead's index in the whole list. */
function expectRowsAtTheirIndex(grid: HTMLElement, leads: readonly { id: string }[]) {
  for (const [id, [rowIndex]] of rowsInView(grid)) expect(leads[rowIndex - 2]?.id).toBe(id)
}

describe('<InfiniteTable> over a list with maxPages, in Chromium', () => {
  test('scrolled down and back, at most maxPages pages are held; rows keep their index and their place', async () => {
    const { mock, handle, Leads, skips } = boundedLeads()
    const { container } = renderInBrowser(<Leads />)
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!
    const list = () => handle.list!
    await waitUntil(() => expect(list().items).toHaveLength(PAGE * 2))
    // The scrollbar is the whole list's: 2,000 rows, the status row and the header.
    expect(grid.scrollHeight).toBe((2_000 + 2) * ROW)
    expect(grid.getAttribute('aria-rowcount')).toBe('2001')

    for (let offset = 0; offset <= 600 * ROW; offset += 300) await scrollTo(grid, list, offset)
    expect(list().items.length).toBeLessThanOrEqual(MAX_PAGES * PAGE)
    expect(list().firstItemIndex).toBeGreaterThan(300)
    expectRowsAtTheirIndex(grid, mock.dataset.opportunities)
    // Every page loaded once, in order: no jump, no reload.
    expect(skips()).toEqual(Array.from({ length: skips().length }, (_, at) => at * PAGE))

    // Back up: the pages dropped load back, and a page landing above the view moves no row in view.
    const requested = skips().length
    while (list().firstItemIndex > 0) {
      const before = rowsInView(grid)
      const first = list().firstItemIndex
      await scrollTo(grid, list, Math.max(0, (first - 5) * ROW))
      expect(list().firstItemIndex).toBeLessThan(first)
      const held = rowsInView(grid)
      for (const [id, place] of before) if (held.has(id)) expect(held.get(id)).toEqual(place)
      expect(list().items.length).toBeLessThanOrEqual(MAX_PAGES * PAGE)
    }
    await scrollTo(grid, list, 0)
    expectRowsAtTheirIndex(grid, mock.dataset.opportunities)
    expect(list().firstItemIndex).toBe(0)
    // Going back, the pages came back one by one, downwards from where the list was.
    const back = skips().slice(requested)
    expect(back).toEqual([...back].sort((a, b) => b - a))
    expect(await axeViolations(container)).toEqual([])
  })

  test('dragged far past the loaded rows, an offset list loads the page there directly', async () => {
    const { mock, handle, Leads, skips } = boundedLeads()
    const { container } = renderInBrowser(<Leads />)
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!
    const list = () => handle.list!
    await waitUntil(() => expect(list().items).toHaveLength(PAGE * 2))
    // Rows not loaded show as placeholders, named for assistive technology, until their page lands.
    grid.scrollTop = 1_500 * ROW
    await waitUntil(() =>
      expect(grid.querySelector('[data-state="placeholder"] [role="progressbar"]')?.ariaLabel).toBe(
        'Loading more leads',
      ),
    )
    await scrollTo(grid, list, 1_500 * ROW)
    expectRowsAtTheirIndex(grid, mock.dataset.opportunities)
    expect(rowsInView(grid).get(mock.dataset.opportunities[1_500]!.id)?.[0]).toBe(1_502)
    // The first pages, then the page at row 1,500 and its neighbours: nothing walked there.
    expect(skips().slice(0, 3)).toEqual([0, 50, 1_500])
    expect(skips().every((skip) => skip < 100 || skip >= 1_400)).toBe(true)
  })
})

describe('a million rows with maxPages, in Chromium', () => {
  test('to the last row and back to the first, holding at most maxPages pages, each row at its place', async () => {
    let requests = 0
    const million = createFetcher({
      baseUrl: MILLION_ROWS_BASE,
      fetch: async (input) => {
        requests++
        return answerMillionRows(new URL(String(input instanceof Request ? input.url : input)))
      },
    })
    const handle: { list: PaginatedList<unknown, MillionLead, number> | null } = { list: null }
    const columns: InfiniteTableColumn<MillionLead>[] = [
      { id: 'id', header: 'Lead', cell: (lead) => lead.display_name },
    ]
    function Million() {
      const list = usePaginatedList({
        queryKey: ['million'],
        adapter: millionRowsAdapter(),
        fetchPage: million('/lead/'),
        pageSize: 100,
        maxPages: 3,
      })
      handle.list = list
      return (
        <InfiniteTable
          list={list}
          columns={columns}
          aria-label="A million leads"
          height={440}
          rowHeight={32}
          style={{ '--pw-cell-padding': '0 0.75rem' } as CSSProperties}
        />
      )
    }
    const { container } = renderInBrowser(<Million />)
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!
    const list = () => handle.list!
    await waitUntil(() => expect(list().items.length).toBeGreaterThan(0))
    const shown = () => {
      const rows = [...grid.querySelectorAll<HTMLElement>('.pw-infinite-table__row')]
      return rows.map((row) => [Number(row.ariaRowIndex), row.textContent] as const)
    }
    // The end: the last lead is row 1,000,001 (the header is row 1), and only the pages near it are held.
    grid.scrollTop = grid.scrollHeight
    await waitUntil(() => expect(shown().at(-1)).toEqual([1_000_001, 'Lead 1,000,000']))
    await waitUntil(() => expect(list().isFetching).toBe(false))
    expect(list().items.length).toBeLessThanOrEqual(300)
    expect(list().firstItemIndex).toBeGreaterThanOrEqual(999_700)
    for (const [rowIndex, name] of shown())
      expect(name).toBe(`Lead ${(rowIndex - 1).toLocaleString('en-US')}`)
    // And back to the first.
    grid.scrollTop = 0
    await waitUntil(() => expect(shown()[0]).toEqual([2, 'Lead 1']))
    await waitUntil(() => expect(list().isFetching).toBe(false))
    expect(list().items.length).toBeLessThanOrEqual(300)
    // Straight there and back: a handful of pages, not ten thousand.
    expect(requests).toBeLessThan(12)
  })
})

describe('a position that lasts (onPositionChange, initialPosition), in Chromium', () => {
  /** Opens the table, puts lead 4,321 at the top of the view (13 px scrolled past), and returns what was saved. */
  async function leaveAtRow4321(setup: ReturnType<typeof boundedLeads>, client = createBrowserClient()) {
    const { handle, Leads } = setup
    const view = renderInBrowser(<Leads />, client)
    const grid = view.container.querySelector<HTMLElement>('[role="grid"]')!
    await waitUntil(() => expect(handle.list!.items.length).toBeGreaterThan(0))
    await scrollTo(grid, () => handle.list!, 4_320 * ROW + 13)
    const seen = rowsInView(grid)
    await waitUntil(() => expect(handle.positions.at(-1)?.anchor.index).toBe(4_320))
    const position = JSON.parse(JSON.stringify(handle.positions.at(-1))) as ListPosition
    view.unmount()
    return { position, seen }
  }

  test('a reload restores row 4,321 at the same place, requesting only the saved window', async () => {
    const setup = boundedLeads(5_000)
    const { mock, handle, Leads, skips } = setup
    const { position, seen } = await leaveAtRow4321(setup)
    expect(position).toMatchObject({
      anchor: { id: mock.dataset.opportunities[4_320]!.id, index: 4_320 },
      offset: 13,
      window: { firstItemIndex: position.window.pageParams[0] },
    })
    expect(position.window.pageParams.length).toBeLessThanOrEqual(MAX_PAGES)

    // A new page load: an empty cache, the position from storage.
    const before = skips().length
    const { container } = renderInBrowser(<Leads initialPosition={position} />)
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!
    await waitUntil(() => expect(rowsInView(grid).get(mock.dataset.opportunities[4_320]!.id)).toBeDefined())
    await waitUntil(() => expect(handle.list!.isFetching).toBe(false))
    await nextFrames(2)
    expect(rowsInView(grid)).toEqual(seen)
    expect(skips().slice(before)).toEqual(position.window.pageParams)
    expect(container.querySelector('.pw-infinite-table__position-lost')).toBeNull()
  })

  test("with TanStack Query's persisted cache, the window comes from storage and the row is where it was", async () => {
    const setup = boundedLeads(5_000)
    const { mock, handle, Leads, skips } = setup
    const persister = createSyncStoragePersister({ storage: sessionStorage, throttleTime: 0 })
    const first = createBrowserClient()
    const [stop] = persistQueryClient({ queryClient: first as never, persister })
    const { position, seen } = await leaveAtRow4321(setup, first)
    stop()

    // The next page load: a new client restored from sessionStorage, its pages fresh for a minute.
    const before = skips().length
    const second = createBrowserClient()
    second.setDefaultOptions({ queries: { ...second.getDefaultOptions().queries, staleTime: 60_000 } })
    const [stopSecond, restored] = persistQueryClient({ queryClient: second as never, persister })
    await restored
    const { container } = renderInBrowser(<Leads initialPosition={position} />, second)
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!
    await waitUntil(() => expect(rowsInView(grid).get(mock.dataset.opportunities[4_320]!.id)).toBeDefined())
    await nextFrames(2)
    expect(rowsInView(grid)).toEqual(seen)
    expect(handle.list!.window).toEqual(position.window)
    expect(skips().slice(before)).toEqual([])
    stopSecond()
  })

  test('when the row is gone, the row at its place stands in, and the table says so', async () => {
    const setup = boundedLeads(5_000)
    const { mock, Leads } = setup
    const { position } = await leaveAtRow4321(setup)
    // Closed since, by someone else.
    const [gone] = mock.dataset.opportunities.splice(4_320, 1)

    const { container } = renderInBrowser(<Leads initialPosition={position} />)
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!
    const note = await waitUntil(() => {
      const found = container.querySelector('.pw-infinite-table__position-lost')
      expect(found?.textContent).toBe('The lead you were on is no longer in the list: showing where it was')
      return found!
    })
    expect(note.getAttribute('role')).toBe('status')
    await nextFrames(2)
    // The lead after it took its index, and its place on screen.
    const [rowIndex] = rowsInView(grid).get(mock.dataset.opportunities[4_320]!.id)!
    expect(mock.dataset.opportunities[4_320]!.id).not.toBe(gone!.id)
    expect(rowIndex).toBe(4_322)
  })
})
