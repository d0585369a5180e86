/**
 * What a page arrival costs `<InfiniteTable>`'s row window, with 10,000 and 100,000 rows loaded: 100 more rows and, as
 * the table's `getKey` follows `items`, a new key function; then the rows to render next. The view is at the bottom of
 * the rows loaded before (where the status row asked for the page): 40 px rows, a 560 px viewport, overscan 8.
 *
 * - pagewise (src/components/InfiniteTable/rowWindow.ts), what the table does now: `rowLayout` (the count, and the
 *   measured rows whose key is still at their index), `rowWindow` for the view, and the total height (`rowTop` of
 *   the count). Once with no measured rows, once with 50 rows measured at 60 px (cells that wrap) spread over the list.
 * - The peer, TanStack Virtual's `Virtualizer` (what the table used before): it lays every row out again when `count`
 *   or `getItemKey` changes, so its cost grows with the rows loaded.
 *
 * Issue 20 asks for a page arrival in O(new page), not O(rows loaded): pagewise's cost should not move between 10,000
 * and 100,000 rows, and the ratio to the peer should grow about tenfold.
 *
 *   npx vitest bench --run --config bench/vitest.bench.config.ts bench/pageArrival.bench.ts
 */
import { Virtualizer } from '@tanstack/virtual-core'
import type { Key } from 'react'
import { bench, describe } from 'vitest'
import { rowAt, rowLayout, rowTop, rowWindow } from '../src/components/InfiniteTable/rowWindow'
import type { RowView } from '../src/components/InfiniteTable/rowWindow'

const PAGE_SIZE = 100
const ROW_HEIGHT = 40
const VIEWPORT = 560
const OVERSCAN = 8

/** The key function a new `items` array gives the table: the record ids, then the status row. */
const keyOf =
  (list: readonly string[]) =>
  (index: number): Key =>
    list[index] ?? 'pw-status-row'

/** The list with one more page. */
const withPage = (ids: readonly string[]) => [
  ...ids,
  ...Array.from({ length: PAGE_SIZE }, (_, index) => `lead_new_${index}`),
]

/** The scroll offset at the bottom of `ids` and its status row, all rows of the estimated height. */
const bottomOf = (ids: readonly string[]) => (ids.length + 1) * ROW_HEIGHT - VIEWPORT

/** A virtualizer set up as the table's was (40 px rows, a 560 px viewport, overscan 8), with no DOM. */
function tableVirtualizer(ids: readonly string[]) {
  const virtualizer = new Virtualizer<HTMLDivElement, HTMLDivElement>({
    count: ids.length + 1,
    getScrollElement: () => null,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: keyOf(ids),
    scrollToFn: () => {},
    observeElementRect: () => undefined,
    observeElementOffset: () => undefined,
    overscan: OVERSCAN,
    initialRect: { width: 960, height: VIEWPORT },
    initialOffset: bottomOf(ids),
  })
  virtualizer.getVirtualItems()
  // Alternates between the list and the list with one more page, each time with a new key function, as a page
  // arrival hands the table a new `items` array.
  const longer = withPage(ids)
  let long = false
  return () => {
    long = !long
    const list = long ? longer : ids
    virtualizer.setOptions({ ...virtualizer.options, count: list.length + 1, getItemKey: keyOf(list) })
    return virtualizer.getVirtualItems()
  }
}

/** pagewise's row window for the same list, with `measuredRows` rows measured at 60 px, spread evenly over it. */
function tableRowWindow(ids: readonly string[], measuredRows: number) {
  const measured = new Map<Key, { key: Key; index: number; height: number }>()
  for (let n = 0; n < measuredRows; n++) {
    const index = Math.floor(((n + 0.5) * ids.length) / measuredRows)
    const key = ids[index] as string
    measured.set(key, { key, index, height: 60 })
  }
  const before = rowLayout(ids.length + 1, ROW_HEIGHT, measured, keyOf(ids))
  const offset = rowTop(before, before.count) - VIEWPORT
  const view: RowView = {
    offset,
    viewport: VIEWPORT,
    scrolling: false,
    motion: { start: rowAt(before, offset), jump: 0, ahead: 0 },
  }
  // The same alternation as the virtualizer's, with the measurements the table holds (by key) unchanged.
  const longer = withPage(ids)
  let long = false
  return () => {
    long = !long
    const list = long ? longer : ids
    const layout = rowLayout(list.length + 1, ROW_HEIGHT, measured, keyOf(list))
    return [rowWindow(layout, view, OVERSCAN, false), rowTop(layout, layout.count)] as const
  }
}

for (const loaded of [10_000, 100_000]) {
  describe(`a page arrival with ${loaded.toLocaleString('en-US')} rows loaded`, () => {
    const ids = Array.from({ length: loaded }, (_, index) => `lead_${index}`)
    const arrive = tableVirtualizer(ids)
    const arriveFixed = tableRowWindow(ids, 0)
    const arriveMeasured = tableRowWindow(ids, 50)
    bench('TanStack Virtual: measurements and range', () => {
      arrive()
    })
    bench('pagewise: layout and window, no measured rows', () => {
      arriveFixed()
    })
    bench('pagewise: layout and window, 50 rows measured at 60 px', () => {
      arriveMeasured()
    })
  })
}
