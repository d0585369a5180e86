// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { SortDescriptor } from '../../core/types'
import { fakeList, fakeRecords } from '../../../test/fakeList'
import { afterPaint } from '../../../test/renderWithClient'
import type { FakeRecord } from '../../../test/fakeList'
import { stubLayout } from '../../../test/jsdomLayout'
import { InfiniteTable } from './InfiniteTable'
import type { InfiniteTableColumn, InfiniteTableList } from './infiniteTableTypes'

const columns: InfiniteTableColumn<FakeRecord>[] = [
  { id: 'name', header: 'Lead', cell: (record) => record.name, allowsSorting: true },
  { id: 'id', header: 'Id', cell: (record) => record.id, align: 'end' },
]

/** A table whose sort is the caller's state, as a list's `sort` would be. */
function SortedTable({ list, initial }: { list: InfiniteTableList<FakeRecord>; initial?: SortDescriptor }) {
  const [sort, setSort] = useState(initial)
  return (
    <InfiniteTable
      list={list}
      columns={columns}
      aria-label="Leads"
      itemName={{ one: 'lead', other: 'leads' }}
      height={400}
      sortDescriptor={sort}
      onSortChange={setSort}
    />
  )
}

const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) })
const table = () => document.querySelector<HTMLElement>('.pw-infinite-table')!

beforeEach(() => stubLayout(40))
afterEach(cleanup)

describe('<InfiniteTable> sorting', () => {
  test('a sortable column’s header holds a button; the sorted one carries aria-sort, the others none', () => {
    render(<SortedTable list={fakeList('idle')} initial={{ column: 'name', direction: 'descending' }} />)
    expect(header('Lead').getAttribute('aria-sort')).toBe('descending')
    expect(within(header('Lead')).getByRole('button', { name: 'Lead' }).textContent).toBe('Lead▼')
    expect(header('Id').hasAttribute('aria-sort')).toBe(false)
    expect(within(header('Id')).queryByRole('button')).toBeNull()
  })

  test('pressing the header sorts ascending, then flips, and announces the sort', async () => {
    render(<SortedTable list={fakeList('idle')} />)
    fireEvent.click(screen.getByRole('button', { name: 'Lead' }))
    expect(header('Lead').getAttribute('aria-sort')).toBe('ascending')
    await afterPaint()
    expect(document.querySelector('.pw-sort-announcer')!.textContent).toBe('Sorted by Lead, ascending')
    fireEvent.click(screen.getByRole('button', { name: 'Lead' }))
    expect(header('Lead').getAttribute('aria-sort')).toBe('descending')
    await afterPaint()
    expect(document.querySelector('.pw-sort-announcer')!.textContent).toBe('Sorted by Lead, descending')
  })

  test('while a new sort loads, the previous rows stay, marked refreshing, with a progress row after them', () => {
    const list = fakeList('idle', fakeRecords(5), {
      isPlaceholderData: true,
      isFetching: true,
      hasNextPage: false,
    })
    render(<SortedTable list={list} />)
    expect(table().getAttribute('data-state')).toBe('refreshing')
    expect(screen.getByRole('grid').getAttribute('aria-busy')).toBe('true')
    expect(document.querySelectorAll('.pw-infinite-table__row').length).toBeGreaterThan(0)
    expect(document.querySelectorAll('.pw-infinite-table__skeleton')).toHaveLength(0)
    expect(document.querySelector('.pw-infinite-table__status-row')?.getAttribute('data-state')).toBe(
      'refreshing',
    )
  })

  test('a new sort that failed shows its error and Retry above the previous rows, and no error row after them', () => {
    const list = fakeList('error', fakeRecords(100), { isPlaceholderData: true })
    render(<SortedTable list={list} />)
    const banner = document.querySelector<HTMLElement>('.pw-infinite-table__refresh-error')!
    expect(banner.textContent).toBe(
      'Could not load leads: HTTP 503 Service Unavailable: Close is down for maintenanceRetry',
    )
    expect(
      banner.compareDocumentPosition(screen.getByRole('grid')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy()
    expect(document.querySelector('.pw-infinite-table__status-row')).toBeNull()
    expect(document.querySelectorAll('.pw-infinite-table__row').length).toBeGreaterThan(0)
    fireEvent.click(within(banner).getByRole('button', { name: 'Retry' }))
    expect(list.retry).toHaveBeenCalledTimes(1)
  })

  test('warns in development when columns allow sorting but nothing handles it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    render(<InfiniteTable list={fakeList('idle')} columns={columns} aria-label="Leads" />)
    expect(warn.mock.calls.flat().join(' ')).toMatch(/columns allow sorting but there is no onSortChange/)
    expect(screen.getByRole('button', { name: 'Lead' })).toHaveProperty('disabled', true)
  })
})
