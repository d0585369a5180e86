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
  // Returns in the frame of the scroll event, once the table has rendered for it.
  const scrollTo = async (scrollTop: number) => {
    table.scrollTop = scrollTop
    await nextFrames(1)
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
    await scrollTo(4_400) // 100 rows on: one jump renders where it landed, and one row below it
    expect(indexes()).toEqual([110, 120])
    await scrollTo(10_400) // 150 rows on: a fling, rendered 100 rows (the smaller jump) further on
    expect(indexes()).toEqual([360, 370])
    // The next frame brings no scroll event: the view stopped, and the rows in view render, and one below them (two
    // frames on, well before the 150 ms after which a view counts as still)...
    await nextFrames(2)
    expect(indexes()).toEqual([260, 270])
    // ...then, still, with the full overscan.
    await waitUntil(() => expect(indexes()).toEqual([252, 277]))
  })

  test('two jumps of less than a view the same way, then a stop: the rows in view are back in the next frame', async () => {
    const { table, indexes, scrollTo } = flingTable()
    const rowsInView = () =>
      [...table.querySelectorAll<HTMLElement>('.pw-infinite-table__row')]
        .map((row) => Number(row.dataset.index))
        .filter((index) => index >= 40 && index <= 49)
    await scrollTo(800) // rows 20-29 in view
    await scrollTo(1_600) // rows 40-49: two jumps of 20 rows, so the rows 20 further on are rendered
    expect(indexes()).toEqual([60, 70])
    expect(rowsInView()).toEqual([])
    await nextFrames(2)
    expect(rowsInView()).toHaveLength(10)
  })

  test('jumps a frame apart (a page at a time) render the rows in view, never rows ahead', async () => {
    const { table, scrollTo } = flingTable()
    const rendered = () =>
      [...table.querySelectorAll<HTMLElement>('.pw-infinite-table__row')].map((row) =>
        Number(row.dataset.index),
      )
    for (const [offset, first] of [
      [400, 10],
      [800, 20],
      [1_200, 30],
      [1_600, 40],
    ] as const) {
      await scrollTo(offset) // rows first to first + 9 in view, a jump of 10 rows from the last
      const rows = rendered()
      expect(rows.filter((index) => index >= first && index < first + 10)).toHaveLength(10)
      expect(Math.max(...rows)).toBeLessThan(first + 10 + 8)
      await nextFrames(1) // no scroll event in this frame: the view stopped
    }
  })

  test('not while a row holds keyboard focus', async () => {
    const { table, indexes, scrollTo } = flingTable()
    table.querySelector<HTMLElement>('[role="row"][data-index="0"]')!.focus()
    await scrollTo(4_400)
    await scrollTo(8_400)
    // Rows 210-219 in view, one row below them, and the focused row kept.
    const rendered = [...table.querySelectorAll<HTMLElement>('.pw-infinite-table__row')].map((row) =>
      Number(row.dataset.index),
    )
    expect(rendered.filter((index) => index !== 0)).toEqual(Array.from({ length: 11 }, (_, k) => 210 + k))
    await waitUntil(() => expect(indexes()).toEqual([0, 227]))
  })
})

describe('<InfiniteTable> first load, in Chromium', () => {
  const columns = [
    { id: 'name', header: 'Lead', cell: (record: { name: string }) => record.name, width: 200 },
    { id: 'id', header: 'Id', cell: (record: { id: string }) => record.id },
  ]

  test('the skeleton fills the rows with one placeholder per column, each painting a bar in every row', () => {
    const { container } = renderInBrowser(
      <InfiniteTable list={fakeList('pending')} columns={columns} aria-label="Leads" height={440} />,
    )
    const skeleton = container.querySelector<HTMLElement>('.pw-infinite-table__skeleton')!
    // 400 px of rows below the 40 px header: 10 placeholder rows of 40 px, in 2 elements.
    expect(skeleton.getBoundingClientRect().height).toBe(400)
    const placeholders = [...skeleton.children] as HTMLElement[]
    expect(placeholders.map((column) => Math.round(column.getBoundingClientRect().width))).toEqual([
      200,
      Math.round(skeleton.getBoundingClientRect().width) - 200,
    ])
    for (const column of placeholders) {
      expect(column.getBoundingClientRect().height).toBe(400)
      expect(getComputedStyle(column).backgroundImage).toMatch(/^linear-gradient/)
    }
  })

  test('with row selection, the checkbox column of the skeleton paints no bar', () => {
    const { container } = renderInBrowser(
      <InfiniteTable
        list={fakeList('pending')}
        columns={columns}
        aria-label="Leads"
        height={440}
        selectionMode="multiple"
      />,
    )
    const [checkboxes, ...others] = container.querySelectorAll<HTMLElement>(
      '.pw-infinite-table__skeleton-column',
    )
    expect(getComputedStyle(checkboxes!).backgroundImage).toBe('none')
    expect(
      others.map((column) => getComputedStyle(column).backgroundImage.startsWith('linear-gradient')),
    ).toEqual([true, true])
  })
})
