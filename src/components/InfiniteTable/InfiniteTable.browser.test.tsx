import { describe, expect, test } from 'vitest'
import '../../styles.css'
import { fakeList, fakeRecords } from '../../../test/fakeList'
import { nextFrames, renderInBrowser, waitUntil } from '../../../test/browser/renderInBrowser'
import { InfiniteTable } from './InfiniteTable'

function flingTable() {
  const { container } = renderInBrowser(
    <InfiniteTable
      list={fakeList('end', fakeRecords(2_000))}
      columns={[{ id: 'name', header: 'Lead', cell: (record) => record.name }]}
      aria-label="Leads"
      height={440} // a 40 px header and 400 px of rows: 10 rows in view
      overscan={8}
    />,
  )
  const table = container.querySelector<HTMLElement>('[role="grid"]')!
  const indexes = () => {
    const rendered = [...table.querySelectorAll<HTMLElement>('.pw-infinite-table__row')].map((row) =>
      Number(row.dataset.index),
    )
    return [Math.min(...rendered), Math.max(...rendered)]
  }
  const scrollTo = async (scrollTop: number) => {
    table.scrollTop = scrollTop
    await nextFrames(3)
  }
  return { table, indexes, scrollTo }
}

describe('<InfiniteTable> flings, in Chromium', () => {
  test('a second jump the same way renders the rows as far ahead again (by the smaller jump), until the view stops', async () => {
    const { indexes, scrollTo } = flingTable()
    await scrollTo(280) // rows 7-16 in view: a small move, the full overscan (none above the first row)
    expect(indexes()).toEqual([0, 24])
    await scrollTo(400) // rows 10-19 in view, the full overscan
    expect(indexes()).toEqual([2, 27])
    await scrollTo(4_400) // 100 rows on: one jump renders where it landed, one row either side
    expect(indexes()).toEqual([109, 120])
    await scrollTo(10_400) // 150 rows on: a fling, rendered 100 rows (the smaller jump) further on
    expect(indexes()).toEqual([359, 370])
    // Once scrolling has stopped, the rows in view with the full overscan.
    await waitUntil(() => expect(indexes()).toEqual([252, 277]))
  })

  test('not while a row holds keyboard focus', async () => {
    const { table, indexes, scrollTo } = flingTable()
    table.querySelector<HTMLElement>('[role="row"][data-index="0"]')!.focus()
    await scrollTo(4_400)
    await scrollTo(8_400)
    // Rows 210-219 in view, one row either side, and the focused row kept.
    const rendered = [...table.querySelectorAll<HTMLElement>('.pw-infinite-table__row')].map((row) =>
      Number(row.dataset.index),
    )
    expect(rendered.filter((index) => index !== 0)).toEqual(Array.from({ length: 12 }, (_, k) => 209 + k))
    await waitUntil(() => expect(indexes()).toEqual([0, 227]))
  })
})
