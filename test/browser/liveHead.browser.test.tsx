import { describe, expect, test } from 'vitest'
import '../../src/styles.css'
import { closeOffset, createFetcher, usePaginatedList } from '../../src'
import type { PaginatedList } from '../../src'
import { InfiniteTable } from '../../src/components/InfiniteTable'
import type { InfiniteTableColumn } from '../../src/components/InfiniteTable'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../src/mock'
import { axeViolations } from './axe'
import { inPageFetch } from './inPageFetch'
import { nextFrames, renderInBrowser, waitUntil } from './renderInBrowser'

interface Lead {
  id: string
  display_name: string
}

type LeadList = PaginatedList<unknown, Lead, number>

const OVERSCAN = 8

/**
 * A live table of mock Close leads (newest first), the list handed to the test. With `tallEvery`, every n-th lead's
 * row is taller than `rowHeight` (its name wraps onto three lines), so that rows are measured.
 */
function liveLeads({ tallEvery = 0 }: { tallEvery?: number } = {}) {
  const mock = createCloseMock({ seed: 21, leads: 400 })
  const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`, fetch: inPageFetch(mock.handlers) })
  const tall = new Set(
    tallEvery ? mock.dataset.leads.filter((_, index) => index % tallEvery === 3).map((lead) => lead.id) : [],
  )
  const columns: InfiniteTableColumn<Lead>[] = [
    {
      id: 'name',
      header: 'Lead',
      cell: (lead) =>
        tall.has(lead.id) ? <div style={{ height: 96 }}>{lead.display_name}</div> : lead.display_name,
      width: 280,
    },
    { id: 'id', header: 'Id', cell: (lead) => lead.id },
  ]
  const handle: { list: LeadList | null } = { list: null }
  function LiveLeads() {
    const list = usePaginatedList({
      queryKey: ['live-leads'],
      adapter: closeOffset<Lead>(),
      fetchPage: close('/lead/'),
      pageSize: 50,
    })
    handle.list = list
    return (
      <InfiniteTable
        list={list}
        columns={columns}
        aria-label="Leads"
        itemName={{ one: 'lead', other: 'leads' }}
        height={440}
        rowHeight={40}
        overscan={OVERSCAN}
      />
    )
  }
  const createLeads = async (...names: string[]) => {
    for (const name of names) await close.send('/lead/', { method: 'POST', body: { name } })
  }
  return { mock, handle, LiveLeads, createLeads }
}

/** Where each data row in view sits on screen: its lead id → its top, in px from the viewport's top. */
function rowTops(grid: HTMLElement): Map<string, number> {
  const head = grid.querySelector('.pw-infinite-table__head')!.getBoundingClientRect()
  const view = grid.getBoundingClientRect()
  const tops = new Map<string, number>()
  for (const row of grid.querySelectorAll<HTMLElement>('.pw-infinite-table__row')) {
    const box = row.getBoundingClientRect()
    if (box.bottom > head.bottom && box.top < view.bottom) {
      tops.set(row.querySelector('[data-column="id"]')!.textContent!, box.top)
    }
  }
  return tops
}

async function scrolledDown(grid: HTMLElement, offset: number): Promise<void> {
  await waitUntil(() => expect(grid.querySelectorAll('.pw-infinite-table__row').length).toBeGreaterThan(5))
  grid.scrollTop = offset
  await settled(grid)
}

/**
 * Waits until the view is still: the table renders its overscan on both sides again (it renders fewer rows while a
 * jump is under way, until the scroll has ended), and rows of another height measured on the way (which move the view
 * to keep the rows in view in place) have stopped changing the rows' height and the offset.
 */
async function settled(grid: HTMLElement): Promise<void> {
  await waitUntil(() => {
    const rows = [...grid.querySelectorAll<HTMLElement>('.pw-infinite-table__row')]
    const head = grid.querySelector('.pw-infinite-table__head')!.getBoundingClientRect()
    const view = grid.getBoundingClientRect()
    const above = rows.filter((row) => row.getBoundingClientRect().bottom <= head.bottom + 1).length
    const below = rows.filter((row) => row.getBoundingClientRect().top >= view.bottom - 1).length
    expect(Math.min(above, below)).toBeGreaterThanOrEqual(OVERSCAN)
  })
  let last = ''
  await waitUntil(async () => {
    await nextFrames(2)
    const now = `${grid.scrollTop}/${grid.scrollHeight}`
    const same = now === last
    last = now
    expect(same).toBe(true)
  })
}

describe('a live <InfiniteTable> (refreshHead, newItemCount, showNewItems), in Chromium', () => {
  test('3 new leads while scrolled down: a button says so, and no row in view moves by a pixel', async () => {
    const { handle, LiveLeads, createLeads } = liveLeads()
    const { container } = renderInBrowser(<LiveLeads />)
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!
    await scrolledDown(grid, 1234)
    const offset = grid.scrollTop
    const before = rowTops(grid)
    expect(before.size).toBeGreaterThan(8)

    await createLeads('Acme 1', 'Acme 2', 'Acme 3')
    await handle.list!.refreshHead()
    const button = await waitUntil(() => {
      const found = container.querySelector<HTMLButtonElement>('.pw-infinite-table__new-items')
      expect(found?.textContent).toBe('3 new leads')
      return found!
    })
    await nextFrames(2)
    expect(rowTops(grid)).toEqual(before)
    // Announced politely, once.
    await waitUntil(() => expect(container.querySelector('.pw-live-region')!.textContent).toBe('3 new leads'))
    expect(await axeViolations(container)).toEqual([])

    // Shown from code while scrolled down: they go on top, above the view, and the rows in view stay put.
    const loaded = handle.list!.items.length
    await handle.list!.showNewItems()
    await waitUntil(() => expect(handle.list!.items).toHaveLength(loaded + 3))
    await nextFrames(2)
    expect(rowTops(grid)).toEqual(before)
    expect(button.isConnected).toBe(false)
    expect(grid.scrollTop).toBe(offset + 3 * 40)
    expect(handle.list!.items.slice(0, 3).map((lead) => lead.display_name)).toEqual([
      'Acme 3',
      'Acme 2',
      'Acme 1',
    ])
  })

  test('rows of measured heights above the view: inserting on top still moves nothing in view', async () => {
    const { handle, LiveLeads, createLeads } = liveLeads({ tallEvery: 5 })
    const { container } = renderInBrowser(<LiveLeads />)
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!
    // Through the first rows, so that the tall ones among them are measured, then down to rest between rows.
    await scrolledDown(grid, 600)
    await scrolledDown(grid, 1517)
    const before = rowTops(grid)
    const height = grid.scrollHeight
    expect(before.size).toBeGreaterThan(3)

    await createLeads('Tall 1', 'Tall 2', 'Tall 3')
    await handle.list!.refreshHead()
    await waitUntil(() => expect(handle.list!.newItemCount).toBe(3))
    const loaded = handle.list!.items.length
    await settled(grid)
    expect(grid.scrollHeight).toBe(height)
    await handle.list!.showNewItems()
    await waitUntil(() => expect(handle.list!.items).toHaveLength(loaded + 3))
    await settled(grid)
    expect(rowTops(grid)).toEqual(before)
    // The tall rows measured above the view kept their heights: the scrollbar still tells where the view is.
    expect(grid.scrollHeight).toBe(height + 3 * 40)
  })

  test('the button takes the user to the top, where the new leads are, with focus on the first', async () => {
    const { handle, LiveLeads, createLeads } = liveLeads()
    const { container } = renderInBrowser(<LiveLeads />)
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!
    await scrolledDown(grid, 800)
    await createLeads('Pill 1', 'Pill 2')
    await handle.list!.refreshHead()
    const button = await waitUntil(() => {
      const found = container.querySelector<HTMLButtonElement>('.pw-infinite-table__new-items')
      expect(found?.textContent).toBe('2 new leads')
      return found!
    })
    button.focus()
    button.click()
    await waitUntil(() => {
      expect(grid.scrollTop).toBe(0)
      const first = grid.querySelector<HTMLElement>('[aria-rowindex="2"]')!
      expect(first.textContent).toContain('Pill 2')
      expect(document.activeElement).toBe(first)
    })
    expect(container.querySelector('.pw-infinite-table__new-items')).toBeNull()
    // Announced when they arrived; showing them says nothing more (no "Loaded 2 more leads").
    await nextFrames(3)
    expect(container.querySelector('.pw-live-region')!.textContent).toBe('2 new leads')
  })

  test('at the top, new leads appear at once, without a button, and are announced', async () => {
    const { handle, LiveLeads, createLeads } = liveLeads()
    const { container } = renderInBrowser(<LiveLeads />)
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!
    await waitUntil(() => expect(grid.querySelectorAll('.pw-infinite-table__row').length).toBeGreaterThan(5))
    await waitUntil(() => expect(container.querySelector('.pw-live-region')!.textContent).not.toBe(''))
    await createLeads('Top 1')
    await handle.list!.refreshHead()
    await waitUntil(() => {
      expect(grid.querySelector('[aria-rowindex="2"]')!.textContent).toContain('Top 1')
      expect(container.querySelector('.pw-live-region')!.textContent).toBe('1 new lead')
    })
    expect(grid.scrollTop).toBe(0)
    expect(container.querySelector('.pw-infinite-table__new-items')).toBeNull()
    expect(handle.list!.newItemCount).toBe(0)
  })
})
