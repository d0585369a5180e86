import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import '../../src/styles.css'
import { axeViolations } from './axe'
import { shapedLeadsFixture } from './closeLeadsTable'
import { nextFrames, renderInBrowser, waitUntil } from './renderInBrowser'

const grid = () => document.querySelector<HTMLElement>('[role="grid"]')!
/** The rendered record rows, in order: their index and the lead's name. */
const indexedRows = (): [number, string][] =>
  [...document.querySelectorAll<HTMLElement>('.pw-infinite-table__row')]
    .map((row): [number, string] => [
      Number(row.dataset.index),
      row.querySelector('[data-column="display_name"]')!.textContent!,
    ])
    .sort((a, b) => a[0] - b[0])
const rows = () => indexedRows().map(([, name]) => name)
const skeletons = () => document.querySelectorAll('.pw-infinite-table__skeleton').length
const state = () => document.querySelector('.pw-infinite-table')!.getAttribute('data-state')

/** Records what every painted frame showed until `until()` holds, then a few frames more. */
async function watchFrames<T>(read: () => T, until: () => boolean): Promise<T[]> {
  const frames: T[] = []
  for (let frame = 0; frame < 600 && !until(); frame++) {
    frames.push(read())
    await nextFrames(1)
  }
  if (!until()) throw new Error('the table never settled')
  for (let frame = 0; frame < 5; frame++) {
    frames.push(read())
    await nextFrames(1)
  }
  return frames
}

describe('<InfiniteTable> with sort and filter, in Chromium', () => {
  test('a sort change never blanks the table: every frame shows rows, none a skeleton; then the new sort from the top', async () => {
    const { mock, Leads, requests } = shapedLeadsFixture()
    renderInBrowser(<Leads />)
    await waitUntil(() => expect(rows().length).toBeGreaterThan(5))
    grid().scrollTop = 30 * 40
    await waitUntil(() => expect(rows()[0]).not.toBe(mock.dataset.leads[0]!.display_name))
    mock.setFaults({ latency: { fixedMs: 400, jitterMs: 0 } })

    await userEvent.click(document.querySelector<HTMLButtonElement>('.pw-sort-button')!)
    const byName = [...mock.dataset.leads].sort((a, b) => a.display_name.localeCompare(b.display_name))
    const frames = await watchFrames(
      () => ({ rows: indexedRows(), skeletons: skeletons(), state: state() }),
      () => state() !== 'refreshing' && grid().scrollTop === 0,
    )
    expect(frames.every((frame) => frame.rows.length > 0 && frame.skeletons === 0)).toBe(true)
    // First the previous sort's rows, marked; then the new sort's from its first row: never a mix of the two. Each
    // row shown at index i is the i-th record of the one order or the other.
    const inOrder = (shown: [number, string][], order: string[]) =>
      shown.every(([index, name]) => order[index] === name)
    const byDate = [...mock.dataset.leads]
      .sort((a, b) => b.date_created.localeCompare(a.date_created))
      .map((lead) => lead.display_name)
    const names = byName.map((lead) => lead.display_name)
    const firstNew = frames.findIndex((frame) => frame.state !== 'refreshing')
    expect(firstNew).toBeGreaterThan(0)
    expect(frames.slice(0, firstNew).every((frame) => inOrder(frame.rows, byDate))).toBe(true)
    expect(frames.slice(firstNew).every((frame) => inOrder(frame.rows, names))).toBe(true)
    console.log(
      `[sort change, 400 ms latency] ${frames.length} frames: ${firstNew} with the previous sort's rows, ` +
        `${frames.length - firstNew} with the new sort's, ${frames.filter((frame) => frame.skeletons > 0).length} with ` +
        `skeleton rows, ${frames.filter((frame) => frame.rows.length === 0).length} without rows`,
    )
    expect(grid().scrollTop).toBe(0)
    // The new sort starts at its first page, not at the offset the previous one had scrolled to.
    expect(requests().find((query) => query._order_by === 'display_name')).toMatchObject({ _skip: '0' })
    expect(document.querySelector('.pw-sort-announcer')!.textContent).toBe('Sorted by Lead, ascending')
    expect(await axeViolations(document.querySelector('.pw-infinite-table')!)).toEqual([])
  })

  test('the answer of a filter the user has left never shows', async () => {
    const { mock, Leads, controls } = shapedLeadsFixture()
    renderInBrowser(<Leads />)
    await waitUntil(() => expect(rows().length).toBeGreaterThan(5))
    const status = (label: string) => mock.dataset.leads.filter((lead) => lead.status_label === label)
    const bad = new Set(status('Bad Fit').map((lead) => lead.display_name))

    mock.setFaults({ latency: { fixedMs: 1_500, jitterMs: 0 } })
    controls.setFilter!({ query: 'status:"Bad Fit"' })
    await nextFrames(3)
    mock.setFaults({ latency: { fixedMs: 0, jitterMs: 0 } })
    controls.setFilter!({ query: 'status:"Customer"' })
    const customers = new Set(status('Customer').map((lead) => lead.display_name))
    // Watch for as long as the abandoned request would take to come back, and longer.
    const settledAt = performance.now()
    const frames = await watchFrames(
      () => rows(),
      () => performance.now() - settledAt > 2_500 && rows().every((name) => customers.has(name)),
    )
    const after = frames.slice(frames.findIndex((shown) => shown.every((name) => customers.has(name))))
    expect(after.length).toBeGreaterThan(5)
    expect(after.every((shown) => shown.length > 0 && shown.every((name) => !bad.has(name)))).toBe(true)
  })

  test('going back to a filter seen before shows it at once and requests its first page again, not every page', async () => {
    const { mock, Leads, requests, controls } = shapedLeadsFixture()
    const potential = new Set(
      mock.dataset.leads.filter((lead) => lead.status_label === 'Potential').map((lead) => lead.display_name),
    )
    const showsPotential = () => rows().length > 0 && rows().every((name) => potential.has(name))
    renderInBrowser(<Leads />)
    const idle = () => waitUntil(() => expect(grid().hasAttribute('aria-busy')).toBe(false))
    await waitUntil(() => expect(rows().length).toBeGreaterThan(5))
    await idle()
    controls.setFilter!({ query: 'status:"Potential"' })
    await waitUntil(() => expect(showsPotential() && state() !== 'refreshing').toBe(true))
    const potentialTop = rows().slice(0, 5)
    // Scroll down until three of its pages are loaded, then let the list settle.
    await waitUntil(() => {
      grid().scrollTop = grid().scrollHeight
      expect(requests().filter((query) => query.query).length).toBeGreaterThanOrEqual(3)
    })
    await idle()

    controls.setFilter!({})
    await waitUntil(() => expect(showsPotential()).toBe(false))
    await idle()
    const seen = requests().length
    controls.setFilter!({ query: 'status:"Potential"' })
    // At once, from the cache: from the first frame that shows the change, its first rows; never a skeleton or the
    // previous list standing in.
    const frames = await watchFrames(() => ({ state: state(), skeletons: skeletons() }), showsPotential)
    expect(frames.every((frame) => frame.state !== 'refreshing' && frame.skeletons === 0)).toBe(true)
    expect(rows().slice(0, 5)).toEqual(potentialTop)
    await idle()
    await nextFrames(5)
    // Its first page again, not the three or more it had loaded; then, as after any first page, the table's page ahead.
    expect(
      requests()
        .slice(seen)
        .map((query) => [query.query, query._skip]),
    ).toEqual([
      ['status:"Potential"', '0'],
      ['status:"Potential"', '50'],
    ])
  })

  test('the keyboard sorts: Tab to the header’s button, Enter, then Space', async () => {
    const { Leads, requests } = shapedLeadsFixture()
    renderInBrowser(
      <>
        <button type="button">Before</button>
        <Leads />
      </>,
    )
    await waitUntil(() => expect(rows().length).toBeGreaterThan(5))
    document.querySelector<HTMLButtonElement>('button')!.focus()
    await userEvent.keyboard('{Tab}') // the skip link
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement?.textContent).toBe('Lead↕')
    await userEvent.keyboard('{Enter}')
    await waitUntil(() => expect(requests().at(-1)).toMatchObject({ _order_by: 'display_name' }))
    const header = () => document.querySelector('[role="columnheader"][data-column="display_name"]')!
    expect(header().getAttribute('aria-sort')).toBe('ascending')
    await userEvent.keyboard(' ')
    await waitUntil(() => expect(requests().at(-1)).toMatchObject({ _order_by: '-display_name' }))
    expect(header().getAttribute('aria-sort')).toBe('descending')
    await waitUntil(() =>
      expect(document.querySelector('.pw-sort-announcer')!.textContent).toBe('Sorted by Lead, descending'),
    )
  })
})
