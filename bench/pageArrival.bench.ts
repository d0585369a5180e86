/**
 * What a page arrival costs `<InfiniteTable>`'s virtualizer, with 10,000 and 100,000 rows loaded: 100 more rows
 * (and, as the table's `getKey` follows `items`, a new key function), then the range and rows of the next render.
 * TanStack Virtual lays every row out again when `count` or `getItemKey` changes, so this grows with the rows loaded
 * (issue 20 asks for O(new page)); the figures say by how much.
 *
 *   npx vitest bench --run --config bench/vitest.bench.config.ts bench/pageArrival.bench.ts
 */
import { Virtualizer } from '@tanstack/virtual-core'
import type { Key } from 'react'
import { bench, describe } from 'vitest'

const PAGE_SIZE = 100

/** A virtualizer set up as the table's (40 px rows, a 560 px viewport, overscan 8), with no DOM. */
function tableVirtualizer(ids: readonly string[]) {
  const keyOf =
    (list: readonly string[]) =>
    (index: number): Key =>
      list[index] ?? 'pw-status-row'
  const virtualizer = new Virtualizer<HTMLDivElement, HTMLDivElement>({
    count: ids.length + 1,
    getScrollElement: () => null,
    estimateSize: () => 40,
    getItemKey: keyOf(ids),
    scrollToFn: () => {},
    observeElementRect: () => undefined,
    observeElementOffset: () => undefined,
    overscan: 8,
    initialRect: { width: 960, height: 560 },
  })
  virtualizer.getVirtualItems()
  // Alternates between the list and the list with one more page, each time with a new key function, as a page
  // arrival hands the table a new `items` array.
  const withPage = [...ids, ...Array.from({ length: PAGE_SIZE }, (_, index) => `lead_new_${index}`)]
  let long = false
  return () => {
    long = !long
    const list = long ? withPage : ids
    virtualizer.setOptions({ ...virtualizer.options, count: list.length + 1, getItemKey: keyOf(list) })
    return virtualizer.getVirtualItems()
  }
}

for (const loaded of [10_000, 100_000]) {
  describe(`a page arrival with ${loaded.toLocaleString('en-US')} rows loaded`, () => {
    const arrive = tableVirtualizer(Array.from({ length: loaded }, (_, index) => `lead_${index}`))
    bench('TanStack Virtual: measurements and range', () => {
      arrive()
    })
  })
}
