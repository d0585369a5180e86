import { useState } from 'react'
import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import '../../src/styles.css'
import type { ListSelection } from '../../src'
import { axeViolations } from './axe'
import { closeLeadsFixture, shapedLeadsFixture } from './closeLeadsTable'
import { nextFrames, renderInBrowser, waitUntil } from './renderInBrowser'

const grid = () => document.querySelector<HTMLElement>('[role="grid"]')!
/** The rendered record rows, in order. */
const renderedRows = () =>
  [...grid().querySelectorAll<HTMLElement>('.pw-infinite-table__row')].sort(
    (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
  )
const rowAt = (index: number) => grid().querySelector<HTMLElement>(`[role="row"][data-index="${index}"]`)
const indexOf = (row: Element | null) => Number((row as HTMLElement | null)?.dataset.index ?? Number.NaN)
const focusedIndex = () => indexOf(document.activeElement)
const selectedOf = (row: HTMLElement) => row.getAttribute('aria-selected') === 'true'
const lastRenderedIndex = () => indexOf(renderedRows().at(-1) ?? null)
const summary = () => document.querySelector('.pw-infinite-table__selection')!.textContent
const selectAll = () => document.querySelector<HTMLInputElement>('input[aria-label="Select all"]')!
const checkboxAt = (index: number) => rowAt(index)!.querySelector<HTMLInputElement>('input[type="checkbox"]')!

/**
 * Checkbox labels with the lead's id: unique, so that a click lands on the checkbox meant (lead names repeat in the
 * mock data, and a click finds its target by its accessible name).
 */
const nameWithId = (lead: { id: string; display_name: string }) => `${lead.display_name} (${lead.id})`

/** Scrolls the grid to the bottom of what is loaded until more than `rows` rows are loaded. */
async function scrollUntilLoaded(rows: number) {
  await waitUntil(() => {
    grid().scrollTop = grid().scrollHeight
    expect(lastRenderedIndex()).toBeGreaterThan(rows)
  })
}

describe('<InfiniteTable> row selection, in Chromium', () => {
  test('the keyboard selects a range across pages; the selection stays through scrolling far and back; Ctrl+A covers pages not loaded yet', async () => {
    const { mock, LeadsTable } = closeLeadsFixture(1_000)
    const changes: ListSelection[] = []
    const { container } = renderInBrowser(
      <>
        <button type="button">Before</button>
        <LeadsTable pageSize={50} selectionMode="multiple" onSelectionChange={(next) => changes.push(next)} />
      </>,
    )
    await waitUntil(() => expect(renderedRows().length).toBeGreaterThan(0))
    expect(summary()).toBe('No leads selected')
    container.querySelector('button')!.focus()

    // Tab: the skip link, the header's "Select all", then the first row (one tab stop for the rows).
    await userEvent.keyboard('{Tab}{Tab}')
    expect(document.activeElement).toBe(selectAll())
    await userEvent.keyboard('{Tab}')
    expect(focusedIndex()).toBe(0)
    await userEvent.keyboard(' ')
    await waitUntil(() => expect(selectedOf(rowAt(0)!)).toBe(true))
    expect(summary()).toBe('1 selected')
    expect(selectAll().indeterminate).toBe(true)

    // Shift+PageDown past the first page of 50: the range follows focus, and the next page loads on the way. Focus
    // may land on the loading row after the records (the range then ends at the last record) and move to the first
    // new record when the page arrives: go on until it rests on a record.
    const onRecord = () => document.activeElement?.classList.contains('pw-infinite-table__row') === true
    while (!(onRecord() && focusedIndex() >= 70)) {
      await userEvent.keyboard('{Shift>}{PageDown}{/Shift}')
      await waitUntil(() => expect(document.activeElement?.getAttribute('role')).toBe('row'))
      await nextFrames(2)
    }
    const last = focusedIndex()
    await waitUntil(() => expect(summary()).toBe(`${last + 1} selected`))
    const ids = mock.dataset.leads.map((lead) => lead.id)
    expect(changes.at(-1)).toEqual({ type: 'some', keys: new Set(ids.slice(0, last + 1)) })
    for (const row of renderedRows()) expect(selectedOf(row)).toBe(indexOf(row) <= last)

    // Far down, eight pages in: rows past the range are not selected.
    await scrollUntilLoaded(400)
    expect(renderedRows().filter((row) => indexOf(row) > last && selectedOf(row))).toEqual([])
    // And back to the top: the range is as it was (the selection is keys, not rendered rows).
    grid().scrollTop = 0
    await waitUntil(() => expect(rowAt(0)).not.toBeNull())
    await nextFrames(2)
    const top = renderedRows()
    expect(top.length).toBeGreaterThan(5)
    for (const row of top) expect(selectedOf(row)).toBe(indexOf(row) <= last)
    expect(summary()).toBe(`${last + 1} selected`)

    // Ctrl+A on the focused row: every lead of the list, the pages not loaded yet too.
    rowAt(0)!.focus()
    await userEvent.keyboard('{Control>}a{/Control}')
    await waitUntil(() => expect(summary()).toBe('All selected'))
    expect(changes.at(-1)).toEqual({ type: 'all', except: new Set() })
    expect(selectAll().checked).toBe(true)
    const loadedBefore = lastRenderedIndex()
    await scrollUntilLoaded(Math.max(loadedBefore, 400) + 100)
    const fresh = renderedRows().filter((row) => indexOf(row) > 450)
    expect(fresh.length).toBeGreaterThan(5)
    expect(fresh.every(selectedOf)).toBe(true)

    // Unticking one (Space on its row): "All but 1", the header mixed; axe finds nothing wrong with any of it.
    const untick = fresh[2]!
    untick.focus()
    await userEvent.keyboard(' ')
    await waitUntil(() => expect(summary()).toBe('All but 1 selected'))
    expect(selectedOf(untick)).toBe(false)
    expect(untick.querySelector('input')!.checked).toBe(false)
    expect(selectAll().indeterminate).toBe(true)
    expect(await axeViolations(container)).toEqual([])

    await userEvent.keyboard('{Escape}')
    await waitUntil(() => expect(summary()).toBe('No leads selected'))
    expect(renderedRows().some(selectedOf)).toBe(false)
  })

  test('Shift+click selects a range with the mouse, without selecting text; Shift+↑ shrinks it from the keyboard', async () => {
    const { LeadsTable } = closeLeadsFixture(300)
    renderInBrowser(<LeadsTable pageSize={100} selectionMode="multiple" getRowName={nameWithId} />)
    await waitUntil(() => expect(renderedRows().length).toBeGreaterThan(8))
    // A click on a row's text, then a Shift+click on another's: the rows between are selected, and no text is (which
    // would also stop the click from selecting: the end of a drag over text selects nothing).
    await userEvent.click(rowAt(2)!.querySelector('[data-column="name"]')!)
    await waitUntil(() => expect(summary()).toBe('1 selected'))
    expect(focusedIndex()).toBe(2)
    await userEvent.click(rowAt(6)!.querySelector('[data-column="name"]')!, { modifiers: ['Shift'] })
    await waitUntil(() => expect(summary()).toBe('5 selected'))
    expect(renderedRows().filter(selectedOf).map(indexOf)).toEqual([2, 3, 4, 5, 6])
    expect(document.getSelection()?.type).not.toBe('Range')
    expect(focusedIndex()).toBe(6)
    await userEvent.keyboard('{Shift>}{ArrowUp}{ArrowUp}{/Shift}')
    await waitUntil(() => expect(renderedRows().filter(selectedOf).map(indexOf)).toEqual([2, 3, 4]))
    expect(focusedIndex()).toBe(4)
    // The checkbox itself, with the mouse: the row toggles and takes keyboard focus.
    await userEvent.click(checkboxAt(8))
    await waitUntil(() => expect(renderedRows().filter(selectedOf).map(indexOf)).toEqual([2, 3, 4, 8]))
    expect(checkboxAt(8).checked).toBe(true)
    expect(focusedIndex()).toBe(8)
  })

  test('over a real list: a new sort keeps the selection, a new filter clears it and says so', async () => {
    const changes: ListSelection[] = []
    const { mock, Leads, controls } = shapedLeadsFixture({
      leads: 600,
      useTableProps: () => {
        const [selection, setSelection] = useState<ListSelection>({ type: 'some', keys: new Set() })
        return {
          selectionMode: 'multiple',
          getRowName: nameWithId,
          selectedKeys: selection,
          onSelectionChange: (next) => {
            changes.push(next)
            setSelection(next)
          },
        }
      },
    })
    renderInBrowser(<Leads />)
    await waitUntil(() => expect(renderedRows().length).toBeGreaterThan(5))
    await userEvent.click(checkboxAt(0))
    await userEvent.click(checkboxAt(3))
    await waitUntil(() => expect(summary()).toBe('2 selected'))
    const picked = changes.at(-1)!
    const keys = [...(picked.type === 'some' ? picked.keys : [])]
    expect(keys).toHaveLength(2)
    /** Whether a rendered row is one of the two picked leads (its checkbox's label ends with the lead's id). */
    const isPicked = (row: HTMLElement) =>
      keys.some((key) => row.querySelector('input')!.getAttribute('aria-label')!.endsWith(`(${key})`))

    // Sort by name: other rows on top, the same two leads selected, wherever they are now; nothing reported.
    mock.setFaults({ latency: { fixedMs: 200, jitterMs: 0 } })
    await userEvent.click(document.querySelector<HTMLButtonElement>('.pw-sort-button')!)
    await waitUntil(() =>
      expect(document.querySelector('.pw-sort-announcer')!.textContent).toBe('Sorted by Lead, ascending'),
    )
    expect(summary()).toBe('2 selected')
    expect(changes.at(-1)).toBe(picked)
    for (const row of renderedRows()) expect(selectedOf(row)).toBe(isPicked(row))

    // A filter: the selection is cleared and the count says why.
    controls.setFilter!({ query: 'status:"Potential"' })
    await waitUntil(() => expect(summary()).toBe('Selection cleared: the list changed'))
    expect(changes.at(-1)).toEqual({ type: 'some', keys: new Set() })
    expect(renderedRows().some(selectedOf)).toBe(false)
    expect(document.querySelector('.pw-infinite-table__selection')!.getAttribute('role')).toBe('status')
    expect(await axeViolations(document.querySelector('.pw-infinite-table')!)).toEqual([])
  })
})
