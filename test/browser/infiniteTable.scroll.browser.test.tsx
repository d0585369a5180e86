import { describe, expect, test } from 'vitest'
import '../../src/styles.css'
import { axeViolations } from './axe'
import { closeLeadsFixture } from './closeLeadsTable'
import { nextFrames, renderInBrowser, waitUntil } from './renderInBrowser'

const ROWS = 10_000
const PAGE_SIZE = 100
const OVERSCAN = 8

/** Data rows in the DOM, and how many of them intersect the grid's viewport (below the sticky header). */
function sample(grid: HTMLElement) {
  const rows = [...grid.querySelectorAll<HTMLElement>('.pw-infinite-table__row')]
  const head = grid.querySelector('.pw-infinite-table__head')!.getBoundingClientRect()
  const view = grid.getBoundingClientRect()
  const visible = rows.filter((row) => {
    const box = row.getBoundingClientRect()
    return box.bottom > head.bottom && box.top < view.bottom
  })
  return { rows, visible: visible.length }
}

describe('<InfiniteTable> over 10,000 mock Close leads, in Chromium', () => {
  test('scrolling to the end reaches every row once, requests each page once and keeps the DOM small', async () => {
    const { mock, LeadsTable, skips } = closeLeadsFixture(ROWS)
    const { container } = renderInBrowser(<LeadsTable pageSize={PAGE_SIZE} overscan={OVERSCAN} />)
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!
    // The first page, behind building 10,000 mock leads: seconds on a busy machine.
    await waitUntil(
      () => expect(grid.querySelectorAll('.pw-infinite-table__row').length).toBeGreaterThan(0),
      {
        timeout: 30_000,
      },
    )

    const seen = new Map<number, string>()
    let maxRendered = 0
    let worstExcess = -Infinity
    for (let step = 0; step < 5_000; step++) {
      // Once the scroll's render has landed (on a busy machine it can miss the frame awaited below), the DOM holds
      // no more than the rows in view and the overscan on each side.
      const { rows, visible } = await waitUntil(
        () => {
          const now = sample(grid)
          expect(now.rows.length, 'rows rendered beyond the viewport and overscan').toBeLessThanOrEqual(
            now.visible + 2 * OVERSCAN,
          )
          return now
        },
        { timeout: 10_000 },
      )
      maxRendered = Math.max(maxRendered, rows.length)
      worstExcess = Math.max(worstExcess, rows.length - (visible + 2 * OVERSCAN))
      for (const row of rows) {
        const index = Number(row.getAttribute('aria-rowindex'))
        const id = row.querySelector('[data-column="id"]')!.textContent!
        const before = seen.get(index)
        if (before !== undefined) expect(before, `row ${index} changed identity`).toBe(id)
        seen.set(index, id)
      }
      if (grid.querySelector('[data-state="end"]')) break
      const bottom = grid.scrollHeight - grid.clientHeight
      if (grid.scrollTop >= bottom - 1) {
        // At the bottom of what is loaded: the loading row is in view and the next page is on its way.
        const loaded = grid.scrollHeight
        await waitUntil(() =>
          expect(grid.scrollHeight > loaded || !!grid.querySelector('[data-state="end"]')).toBe(true),
        )
      }
      // A page at a time, a frame apart, as PageDown held down goes: each page's rows in view render, none ahead (in
      // a fling, one scroll event every frame, the rows flown past are not rendered at all).
      grid.scrollTop += grid.clientHeight - 40
      await nextFrames(2)
    }

    const expectedIds = mock.dataset.leads.map((lead) => lead.id)
    expect(grid.querySelector('[data-state="end"]')?.textContent).toBe('All 10,000 leads loaded')
    expect(seen.size).toBe(ROWS)
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(expectedIds.map((_, index) => index + 2))
    expect(expectedIds.map((_, index) => seen.get(index + 2))).toEqual(expectedIds)
    expect(new Set(seen.values()).size).toBe(ROWS)

    expect(await axeViolations(container)).toEqual([])

    const requested = skips()
    expect(requested).toEqual(Array.from({ length: ROWS / PAGE_SIZE }, (_, page) => String(page * PAGE_SIZE)))
    expect(worstExcess).toBeLessThanOrEqual(0)
    console.log(
      `[10,000 rows] requests: ${requested.length}, max rendered data rows: ${maxRendered}, ` +
        `worst (rendered - (visible + 2 x overscan)): ${worstExcess}`,
    )
  }, 300_000) // about 1,100 scroll steps of two frames each: slow on a busy machine, so a generous limit
})
