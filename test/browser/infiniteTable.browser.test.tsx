import type { CSSProperties } from 'react'
import { describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import '../../src/styles.css'
import { InfiniteTable } from '../../src/components/InfiniteTable'
import type { InfiniteTableColumn, InfiniteTableList } from '../../src/components/InfiniteTable'
import { fakeList, fakeRecords } from '../fakeList'
import type { FakeRecord } from '../fakeList'
import { axeViolations } from './axe'
import { closeLeadsFixture } from './closeLeadsTable'
import { nextFrames, renderInBrowser, waitUntil } from './renderInBrowser'

const grid = (container: HTMLElement) => container.querySelector<HTMLElement>('[role="grid"]')!
const focusedRow = () => document.activeElement?.getAttribute('aria-rowindex')
const dataRows = (container: HTMLElement) => container.querySelectorAll('.pw-infinite-table__row').length

describe('<InfiniteTable> keyboard use, in Chromium', () => {
  test('Tab reaches the skip link, then the first row; arrows, PageDown, Home and End move focus; End loads all 10,000 rows', async () => {
    const { LeadsTable, skips } = closeLeadsFixture(10_000)
    const { container } = renderInBrowser(
      <>
        <button type="button">Before</button>
        <LeadsTable pageSize={100} />
        <button type="button">After</button>
      </>,
    )
    await waitUntil(() => expect(dataRows(container)).toBeGreaterThan(0))
    ;(container.querySelector('button') as HTMLButtonElement).focus()

    await userEvent.keyboard('{Tab}')
    expect(document.activeElement?.textContent).toBe('Skip table')
    await userEvent.keyboard('{Tab}')
    expect(focusedRow()).toBe('2')

    await userEvent.keyboard('{ArrowDown}')
    expect(focusedRow()).toBe('3')
    await userEvent.keyboard('{ArrowUp}{ArrowUp}')
    expect(focusedRow()).toBe('2')

    await userEvent.keyboard('{PageDown}')
    await waitUntil(() => expect(Number(focusedRow())).toBeGreaterThan(5))
    const afterPageDown = Number(focusedRow())
    await userEvent.keyboard('{PageDown}')
    await waitUntil(() => expect(Number(focusedRow())).toBeGreaterThan(afterPageDown))

    // End goes to the last row, the status row; bringing it into view loads the next page. Repeat until the end.
    let presses = 0
    while (document.activeElement?.getAttribute('data-state') !== 'end' && presses < 200) {
      await userEvent.keyboard('{End}')
      presses++
      await waitUntil(() => expect(document.activeElement?.getAttribute('role')).toBe('row'))
      await nextFrames(2)
    }
    expect(document.activeElement?.textContent).toBe('All 10,000 leads loaded')
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('10002')
    expect(skips()).toEqual(Array.from({ length: 100 }, (_, page) => String(page * 100)))
    // One page ahead (the default threshold is a page of 100 rows): each End brings in at most two pages, so the
    // table never runs ahead on its own.
    expect(presses).toBeGreaterThanOrEqual(50)
    console.log(`[10,000 rows, keyboard] End pressed ${presses} times, ${skips().length} requests`)

    await userEvent.keyboard('{Home}')
    await waitUntil(() => expect(focusedRow()).toBe('2'))
    expect(grid(container).scrollTop).toBe(0)

    // Tab leaves the grid from the focused row: one tab stop for the whole table.
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement?.textContent).toBe('After')
  })

  test('the skip link moves focus past the table', async () => {
    const { LeadsTable } = closeLeadsFixture(500)
    const { container } = renderInBrowser(
      <>
        <LeadsTable />
        <button type="button">After the table</button>
      </>,
    )
    await waitUntil(() => expect(dataRows(container)).toBeGreaterThan(0))
    const skip = container.querySelector<HTMLAnchorElement>('.pw-infinite-table__skip')!
    skip.focus()
    expect(skip.getBoundingClientRect().width).toBeGreaterThan(1) // visible while focused
    await userEvent.keyboard('{Enter}')
    expect(grid(container).contains(document.activeElement)).toBe(false)
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement?.textContent).toBe('After the table')
  })
})

describe('<InfiniteTable> loading, in Chromium', () => {
  test('keeps loading pages while the loaded rows do not fill the viewport, then stops', async () => {
    const { LeadsTable, skips } = closeLeadsFixture(1_000)
    const { container } = renderInBrowser(<LeadsTable pageSize={5} height={800} loadThreshold={0} />)
    const table = grid(container)
    // 800 px minus the 40 px header holds 19 rows of 40 px: pages of 5 are loaded until row 19 is in view.
    await waitUntil(() => expect(dataRows(container)).toBeGreaterThanOrEqual(19))
    await nextFrames(10)
    const requested = skips().length
    expect(requested).toBeGreaterThanOrEqual(4)
    expect(requested).toBeLessThanOrEqual(5)
    const lastRow = [...table.querySelectorAll('.pw-infinite-table__row')].at(-1)!
    expect(lastRow.getBoundingClientRect().bottom).toBeGreaterThanOrEqual(
      table.getBoundingClientRect().bottom - 40,
    )
    await nextFrames(10)
    expect(skips().length).toBe(requested)
  })

  test('a failed page shows its error with Retry, keeps the loaded rows, stops loading, and Retry resumes there', async () => {
    const { mock, LeadsTable, skips } = closeLeadsFixture(1_000)
    const { container } = renderInBrowser(<LeadsTable pageSize={100} />)
    const table = grid(container)
    // The first page, then the page ahead (the default threshold is one page), then nothing until the user scrolls.
    await waitUntil(() => expect(skips()).toEqual(['0', '100']))
    await waitUntil(() => expect(table.getAttribute('aria-busy')).not.toBe('true'))
    await waitUntil(() => expect(dataRows(container)).toBeGreaterThan(0))
    await nextFrames(10)
    expect(skips()).toEqual(['0', '100'])
    mock.setFaults({ failureRate: 1 })
    table.scrollTop = table.scrollHeight
    await waitUntil(() => expect(table.querySelector('[data-state="error"]')).not.toBeNull())
    const failedAt = skips().at(-1)
    expect(failedAt).toBe('200')
    const errorRow = table.querySelector<HTMLElement>('[data-state="error"]')!
    expect(errorRow.textContent).toMatch(/^Could not load leads: .*(502|503).*Retry$/)
    // The loaded pages stay: the last lead of the second page is the row right above the error.
    const lastRow = [...table.querySelectorAll('.pw-infinite-table__row')].at(-1)!
    expect(lastRow.getAttribute('aria-rowindex')).toBe('201')
    expect(lastRow.textContent).toContain(mock.dataset.leads[199]!.id)
    const requestsWhileFailed = skips().length
    table.scrollTop = table.scrollHeight
    await nextFrames(10)
    expect(skips().length).toBe(requestsWhileFailed) // no automatic retries past an error

    mock.setFaults({ failureRate: 0 })
    await userEvent.click(errorRow.querySelector('button')!)
    await waitUntil(() => expect(skips().length).toBeGreaterThan(requestsWhileFailed))
    expect(skips()[requestsWhileFailed]).toBe(failedAt) // the retry asks for the failed page first
    await waitUntil(() => expect(table.querySelector('[data-state="error"]')).toBeNull())
    expect(table.closest('.pw-infinite-table')?.getAttribute('data-state')).not.toBe('error')
  })

  test('remounting over cached pages restores the scroll position without a request', async () => {
    const { LeadsTable, skips } = closeLeadsFixture(1_000)
    let offset = 0
    // Cached pages are fresh for a minute here, so remounting reads them without refetching.
    const first = renderInBrowser(
      <LeadsTable staleTime={60_000} onScrollOffsetChange={(value) => (offset = value)} />,
    )
    await waitUntil(() => expect(dataRows(first.container)).toBeGreaterThan(0))
    grid(first.container).scrollTop = 1_600
    await waitUntil(() => expect(offset).toBe(1_600))
    const requests = skips().length
    first.unmount()

    const second = renderInBrowser(
      <LeadsTable staleTime={60_000} initialScrollOffset={offset} />,
      first.client,
    )
    const table = grid(second.container)
    await waitUntil(() => expect(table.scrollTop).toBe(1_600))
    // 1,600 px of 40 px rows: row 41 (aria-rowindex 42) sits right under the header.
    expect(table.querySelector('[aria-rowindex="42"]')).not.toBeNull()
    expect(table.querySelector('[aria-rowindex="2"]')).toBeNull()
    await nextFrames(5)
    expect(skips().length).toBe(requests)
  })
})

describe('<InfiniteTable> layout, in Chromium', () => {
  test('rows taller than the estimate are measured: no overlap, no gap, and the header keeps its column widths', async () => {
    const records = fakeRecords(300).map((record, index) => ({
      ...record,
      name: index % 3 === 0 ? `${record.name} ${'with a long note that wraps '.repeat(4)}` : record.name,
    }))
    const { container } = renderInBrowser(
      <InfiniteTable
        list={fakeList('end', records)}
        columns={[
          { id: 'name', header: 'Lead', cell: (record) => record.name, width: 200 },
          { id: 'id', header: 'Id', cell: (record) => record.id, width: 120 },
        ]}
        aria-label="Leads"
        height={400}
      />,
    )
    const table = grid(container)
    for (const scrollTop of [0, 2_000, 6_000]) {
      table.scrollTop = scrollTop
      await nextFrames(3)
      const boxes = [...table.querySelectorAll('.pw-infinite-table__row')].map((row) =>
        row.getBoundingClientRect(),
      )
      expect(boxes.some((box) => box.height > 60)).toBe(true) // wrapped rows really are taller
      boxes.slice(1).forEach((box, index) => expect(box.top).toBeCloseTo(boxes[index]!.bottom, 0))
      const header = [...table.querySelectorAll('.pw-infinite-table__header-cell')].map(
        (cell) => cell.getBoundingClientRect().width,
      )
      const cells = [...table.querySelectorAll('.pw-infinite-table__row')][0]!.querySelectorAll(
        '[role="gridcell"]',
      )
      expect([...cells].map((cell) => cell.getBoundingClientRect().width)).toEqual(header)
      expect(header).toEqual([200, 120])
    }
    // The keyboard brings each row fully into view, however tall the rows above it are: rows are placed by their
    // measured heights, not the estimate.
    table.scrollTop = 0
    await nextFrames(3)
    table.querySelector<HTMLElement>('.pw-infinite-table__row')!.focus()
    const header = table.querySelector('.pw-infinite-table__head')!.getBoundingClientRect()
    const view = table.getBoundingClientRect()
    for (let press = 0; press < 40; press++) {
      await userEvent.keyboard('{ArrowDown}')
      await nextFrames(2)
      const row = document.activeElement!.getBoundingClientRect()
      expect(document.activeElement!.getAttribute('aria-rowindex')).toBe(String(press + 3))
      // Within a pixel: a scroll offset is snapped to whole pixels.
      expect(row.top).toBeGreaterThanOrEqual(header.bottom - 1)
      expect(row.bottom).toBeLessThanOrEqual(view.top + table.clientTop + table.clientHeight + 1)
    }
    // At the very end, the last row ends where the scroll area does.
    let scrollHeight = -1
    while (scrollHeight !== table.scrollHeight) {
      scrollHeight = table.scrollHeight
      table.scrollTop = scrollHeight
      await nextFrames(3)
    }
    const last = table.querySelector('.pw-infinite-table__row[aria-rowindex="301"]')!.getBoundingClientRect()
    const end = table.querySelector('.pw-infinite-table__status-row')!.getBoundingClientRect()
    expect(end.top).toBeCloseTo(last.bottom, 0)
    // Within a pixel: a scroll offset is snapped to whole pixels.
    expect(Math.abs(end.bottom - (view.top + table.clientTop + table.clientHeight))).toBeLessThanOrEqual(1)
  })

  test('rows measured above the view do not move the rows in view: the first row in view stays where it was', async () => {
    // The rows ever rendered: those are measured, every other row is still 40 px as far as the table knows. Rows of
    // two heights, taller than the estimate (all of one height would draw the rowHeight warning, once per page).
    const rendered = new Set<number>()
    const records = fakeRecords(500)
    const { container } = renderInBrowser(
      <InfiniteTable
        list={fakeList('end', records)}
        columns={[
          {
            id: 'name',
            header: 'Lead',
            cell: (record, index) => {
              rendered.add(index)
              return <div style={{ height: index % 2 === 0 ? 70 : 60 }}>{record.name}</div>
            },
          },
        ]}
        aria-label="Leads"
        height={400}
        rowHeight={40}
      />,
    )
    const table = grid(container)
    const rowsShown = () => [...table.querySelectorAll<HTMLElement>('.pw-infinite-table__row')]
    await waitUntil(() => expect(rowsShown().length).toBeGreaterThan(5))
    await nextFrames(3)
    const measured = rendered.size
    const [even, odd] = rowsShown().map((row) => row.getBoundingClientRect().height)
    expect(odd).toBeGreaterThan(60)
    // Row `anchor` starts exactly at this offset by the table's reckoning: the user scrolled it to the top of the view.
    const anchor = measured + 100
    table.scrollTop = Math.ceil(measured / 2) * even! + Math.floor(measured / 2) * odd! + 100 * 40
    // Once the scroll has settled, the overscan rows above it are rendered and measured, each 30+ px taller: the row
    // stays at the top of the view all along (pushed down by them, it would never be there again).
    const header = table.querySelector('.pw-infinite-table__head')!
    await waitUntil(() => {
      expect(Number(rowsShown()[0]!.getAttribute('aria-rowindex'))).toBeLessThanOrEqual(anchor + 2 - 8)
      const row = table.querySelector(`[aria-rowindex="${String(anchor + 2)}"]`)!
      expect(
        Math.abs(row.getBoundingClientRect().top - header.getBoundingClientRect().bottom),
      ).toBeLessThanOrEqual(1)
    })
  })

  test("row checkboxes line up with the header's, centred in their column and in their row", async () => {
    const { container } = renderInBrowser(
      <InfiniteTable
        list={fakeList('end', fakeRecords(20))}
        columns={columns}
        aria-label="Leads"
        height={400}
        selectionMode="multiple"
      />,
    )
    const table = grid(container)
    await waitUntil(() => expect(table.querySelectorAll('.pw-infinite-table__row').length).toBeGreaterThan(5))
    const centre = (box: DOMRect) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
    const header = centre(table.querySelector('[role="columnheader"] input')!.getBoundingClientRect())
    for (const row of [...table.querySelectorAll('.pw-infinite-table__row')].slice(0, 5)) {
      const box = centre(row.querySelector('input')!.getBoundingClientRect())
      expect(Math.abs(box.x - header.x)).toBeLessThanOrEqual(1)
      expect(Math.abs(box.y - centre(row.getBoundingClientRect()).y)).toBeLessThanOrEqual(1.5)
    }
  })

  test('rows all of another height than rowHeight: a development warning names the rowHeight to set', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { container } = renderInBrowser(
      <InfiniteTable
        list={fakeList('end', fakeRecords(100))}
        columns={columns}
        aria-label="Leads"
        height={400}
        rowHeight={30}
        // More padding than the theme's: every row is taller than 30 px.
        style={{ '--pw-cell-padding': '1rem 0.75rem' } as CSSProperties}
      />,
    )
    await waitUntil(() => expect(warn).toHaveBeenCalled())
    const height = container.querySelector('.pw-infinite-table__row')!.getBoundingClientRect().height
    expect(height).toBeGreaterThan(40)
    expect(warn.mock.calls[0]![0]).toBe(
      `[pagewise] <InfiniteTable>: rows are ${height} px tall, not rowHeight=30. Set rowHeight={${Math.ceil(height)}}: ` +
        'rows of the height given are placed without measuring each one.',
    )
    // Measured, they are still placed right: the last row ends where the scroll area does.
    const table = grid(container)
    let scrollHeight = -1
    while (scrollHeight !== table.scrollHeight) {
      scrollHeight = table.scrollHeight
      table.scrollTop = scrollHeight
      await nextFrames(3)
    }
    await nextFrames(3)
    const end = table.querySelector('.pw-infinite-table__status-row')!.getBoundingClientRect()
    const view = table.getBoundingClientRect()
    expect(Math.abs(end.bottom - (view.top + table.clientTop + table.clientHeight))).toBeLessThanOrEqual(1)
  })
})

const columns: InfiniteTableColumn<FakeRecord>[] = [
  { id: 'name', header: 'Lead', cell: (record) => record.name, width: 240 },
  { id: 'id', header: 'Id', cell: (record) => record.id, align: 'end' },
]

const states: [string, InfiniteTableList<FakeRecord>, 'auto' | 'button'][] = [
  ['first load', fakeList('pending'), 'auto'],
  ['rows, more to load', fakeList('idle'), 'auto'],
  ['loading more', fakeList('loading-more'), 'auto'],
  ['Load more button', fakeList('idle'), 'button'],
  ['error with loaded rows', fakeList('error'), 'auto'],
  ['error on the first page', fakeList('first-error'), 'auto'],
  ['end', fakeList('end', fakeRecords(30), { total: 30 }), 'auto'],
  ['empty', fakeList('empty'), 'auto'],
]

describe('<InfiniteTable> overscan, in Chromium', () => {
  test('a small scroll keeps the overscan rows; while a move of the overscan or more scrolls, one row past the view the way it moves', async () => {
    const { container } = renderInBrowser(
      <InfiniteTable
        list={fakeList('end', fakeRecords(2_000))}
        columns={[{ id: 'name', header: 'Lead', cell: (record) => record.name }]}
        aria-label="Leads"
        height={440} // a 40 px header and 400 px of rows: 10 rows in view
        overscan={8}
      />,
    )
    const table = grid(container)
    const indexes = () =>
      [...table.querySelectorAll<HTMLElement>('.pw-infinite-table__row')].map((row) =>
        Number(row.dataset.index),
      )
    // Returns in the frame of the scroll event, once the table has rendered for it.
    const scrollTo = async (scrollTop: number) => {
      table.scrollTop = scrollTop
      await nextFrames(1)
    }
    const range = () => [Math.min(...indexes()), Math.max(...indexes())]

    await scrollTo(280) // 7 rows down: rows 7-16 in view, 8 more either side (none above the first)
    expect(range()).toEqual([0, 24])

    await scrollTo(400) // 3 rows on: rows 10-19 in view, 8 more either side
    expect(range()).toEqual([2, 27])

    await scrollTo(40_000) // 990 rows further: rows 1,000-1,009 in view, and one below them
    expect(range()).toEqual([1_000, 1_010])
    // Once the view has been still for a moment, the overscan is back without another move.
    await waitUntil(() => expect(range()).toEqual([992, 1_017]))

    await scrollTo(40_040) // one row on: the full overscan
    expect(range()).toEqual([993, 1_018])

    await scrollTo(60_000) // another jump: rows 1,500-1,509 in view, and one below them while it scrolls
    expect(range()).toEqual([1_500, 1_510])
    await waitUntil(() => expect(range()).toEqual([1_492, 1_517]))

    await scrollTo(20_000) // a jump up: rows 500-509 in view, and one above them while it scrolls
    expect(range()).toEqual([499, 509])
    await waitUntil(() => expect(range()).toEqual([492, 517]))
  })
})

describe('<InfiniteTable> accessibility, in Chromium', () => {
  for (const theme of ['light', 'dark'] as const) {
    test.each(states)(`axe finds nothing: %s (${theme})`, async (_name, list, loadMode) => {
      const { container } = renderInBrowser(
        <main>
          <h1 id="title">Leads</h1>
          <InfiniteTable
            list={list}
            columns={columns}
            aria-labelledby="title"
            loadMode={loadMode}
            data-theme={theme}
            height={300}
            itemName={{ one: 'lead', other: 'leads' }}
          />
        </main>,
      )
      await nextFrames(2)
      const root = container.querySelector<HTMLElement>('.pw-infinite-table')!
      expect(getComputedStyle(grid(container)).colorScheme).toBe(theme)
      expect(await axeViolations(container)).toEqual([])
      expect(root.dataset.state).toBeTruthy()
    })
  }
})
