// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { InvalidOptionError } from '../../core/errors'
import { allSelection, emptySelection } from '../../core/selection'
import type { ListSelection } from '../../core/selection'
import type { SortDescriptor } from '../../core/types'
import { fakeList, fakeRecords } from '../../../test/fakeList'
import type { FakeRecord } from '../../../test/fakeList'
import { stubLayout } from '../../../test/jsdomLayout'
import { InfiniteTable } from './InfiniteTable'
import type { InfiniteTableColumn, InfiniteTableList, InfiniteTableProps } from './infiniteTableTypes'

const columns: InfiniteTableColumn<FakeRecord>[] = [
  { id: 'name', header: 'Lead', cell: (record) => record.name, width: 240, allowsSorting: true },
  { id: 'id', header: 'Id', cell: (record) => record.id, align: 'end' },
]
const leads = { one: 'lead', other: 'leads' }

type TableProps = Partial<InfiniteTableProps<FakeRecord>> & { list: InfiniteTableList<FakeRecord> }

function Table(props: TableProps) {
  return (
    <InfiniteTable
      columns={columns}
      aria-label="Leads"
      itemName={leads}
      height={400}
      overscan={4}
      locale="en-US"
      onSortChange={() => {}}
      {...props}
    />
  )
}

/** A table whose selection is the caller's state (controlled), with every change recorded. */
type ControlledProps = TableProps & {
  initial?: ListSelection
  changes?: ListSelection[]
  onChange?: () => void
}

function Controlled({ initial = emptySelection(), changes, onChange, ...props }: ControlledProps) {
  const [selection, setSelection] = useState(initial)
  return (
    <Table
      selectionMode="multiple"
      selectedKeys={selection}
      onSelectionChange={(next) => {
        changes?.push(next)
        onChange?.()
        setSelection(next)
      }}
      {...props}
    />
  )
}

const grid = () => screen.getByRole('grid', { name: 'Leads' })
const checkbox = (name: string) => screen.getByRole<HTMLInputElement>('checkbox', { name: `Select ${name}` })
const rowOf = (name: string) => checkbox(name).closest<HTMLElement>('[role="row"]')!
const selectAll = () => screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all' })
/** The names of the rows marked `aria-selected="true"`, in order. */
const selectedRows = () =>
  screen
    .queryAllByRole('row', { selected: true })
    .map((row) => within(row).getAllByRole('gridcell')[1]!.textContent)
/** The visible count above the table. */
const count = () => document.querySelector('.pw-infinite-table__selection')!.textContent
const press = (key: string, init: Partial<KeyboardEventInit> = {}) =>
  act(() => {
    fireEvent.keyDown(document.activeElement!, { key, ...init })
  })
const focusRow = (name: string) => act(() => rowOf(name).focus())
/** The header checkbox: 'mixed' when indeterminate (what assistive technology reads), else checked or not. */
const headerState = () =>
  selectAll().indeterminate ? 'mixed' : selectAll().checked ? 'checked' : 'unchecked'

beforeEach(() => stubLayout(40))
afterEach(cleanup)

describe('<InfiniteTable> selectionMode="none"', () => {
  test('renders no checkbox, no aria-selected, no count, and the rows exactly as a table without selection props', () => {
    const list = fakeList('idle')
    const { container, rerender } = render(<Table list={list} />)
    const before = container.innerHTML
    rerender(<Table list={list} selectionMode="none" />)
    expect(container.innerHTML).toBe(before)
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0)
    expect(grid().querySelectorAll('[aria-selected]')).toHaveLength(0)
    expect(grid().hasAttribute('aria-multiselectable')).toBe(false)
    expect(grid().getAttribute('aria-colcount')).toBe('2')
    expect(screen.queryByText(/selected/)).toBeNull()
    fireEvent.click(screen.getByText('Lead 2'))
    expect(screen.queryAllByRole('row', { selected: true })).toHaveLength(0)
  })
})

describe('<InfiniteTable> selectionMode="multiple"', () => {
  test('a checkbox column first, named after each row; aria-selected on rows; a multiselectable grid; a count', () => {
    render(<Table list={fakeList('idle')} selectionMode="multiple" />)
    expect(grid().getAttribute('aria-multiselectable')).toBe('true')
    expect(grid().getAttribute('aria-colcount')).toBe('3')
    const [header, first] = within(grid()).getAllByRole('row')
    expect(within(header!).getAllByRole('columnheader')[0]!.contains(selectAll())).toBe(true)
    expect(within(first!).getAllByRole('gridcell')[0]!.contains(checkbox('Lead 1'))).toBe(true)
    expect(first!.getAttribute('aria-selected')).toBe('false')
    // The row is the tab stop: its checkbox is out of the tab order.
    expect(checkbox('Lead 1').tabIndex).toBe(-1)
    expect(headerState()).toBe('unchecked')
    expect(count()).toBe('No leads selected')
    expect(screen.getByText('No leads selected').getAttribute('aria-live')).toBe('polite')
  })

  test('a click on a checkbox or on a row toggles it, says how many are selected and reports the keys', () => {
    const changes: ListSelection[] = []
    render(<Controlled list={fakeList('idle')} changes={changes} />)
    fireEvent.click(checkbox('Lead 2'))
    expect(selectedRows()).toEqual(['Lead 2'])
    expect(checkbox('Lead 2').checked).toBe(true)
    expect(count()).toBe('1 selected')
    fireEvent.click(screen.getByText('Lead 5'))
    expect(selectedRows()).toEqual(['Lead 2', 'Lead 5'])
    expect(count()).toBe('2 selected')
    expect(changes.at(-1)).toEqual({ type: 'some', keys: new Set(['lead_2', 'lead_5']) })
    // Keyboard focus follows the click to the row, where Space and the arrows go on.
    expect(document.activeElement).toBe(rowOf('Lead 5'))
    fireEvent.click(checkbox('Lead 2'))
    expect(selectedRows()).toEqual(['Lead 5'])
    expect(headerState()).toBe('mixed')
  })

  test('Space toggles the focused row, and so does Enter in a table without row actions; Escape clears', () => {
    render(<Table list={fakeList('idle')} selectionMode="multiple" />)
    focusRow('Lead 3')
    press(' ')
    expect(selectedRows()).toEqual(['Lead 3'])
    press('ArrowDown')
    press(' ')
    expect(selectedRows()).toEqual(['Lead 3', 'Lead 4'])
    press(' ')
    expect(selectedRows()).toEqual(['Lead 3'])
    press('Enter')
    expect(selectedRows()).toEqual(['Lead 3', 'Lead 4'])
    press('Enter')
    expect(selectedRows()).toEqual(['Lead 3'])
    press('Escape')
    expect(selectedRows()).toEqual([])
    expect(count()).toBe('No leads selected')
  })

  test('Shift+click selects the range from the last row clicked, and a second Shift+click replaces that range', () => {
    render(<Table list={fakeList('idle')} selectionMode="multiple" />)
    fireEvent.click(checkbox('Lead 3'))
    fireEvent.click(checkbox('Lead 6'), { shiftKey: true })
    expect(selectedRows()).toEqual(['Lead 3', 'Lead 4', 'Lead 5', 'Lead 6'])
    fireEvent.click(screen.getByText('Lead 2'), { shiftKey: true })
    expect(selectedRows()).toEqual(['Lead 2', 'Lead 3'])
    expect(count()).toBe('2 selected')
    // Rows selected before the range stay selected.
    fireEvent.click(checkbox('Lead 8'))
    fireEvent.click(checkbox('Lead 9'), { shiftKey: true })
    expect(selectedRows()).toEqual(['Lead 2', 'Lead 3', 'Lead 8', 'Lead 9'])
  })

  test('Shift+↓ and Shift+↑ extend the selection from the focused row, and shrink it on the way back', () => {
    render(<Table list={fakeList('idle')} selectionMode="multiple" />)
    focusRow('Lead 2')
    press('ArrowDown', { shiftKey: true })
    expect(selectedRows()).toEqual(['Lead 2', 'Lead 3'])
    press('ArrowDown', { shiftKey: true })
    expect(selectedRows()).toEqual(['Lead 2', 'Lead 3', 'Lead 4'])
    expect(document.activeElement).toBe(rowOf('Lead 4'))
    press('ArrowUp', { shiftKey: true })
    expect(selectedRows()).toEqual(['Lead 2', 'Lead 3'])
    press('ArrowUp', { shiftKey: true })
    press('ArrowUp', { shiftKey: true })
    expect(selectedRows()).toEqual(['Lead 1', 'Lead 2'])
    // A move without Shift starts the next range where focus lands.
    press('ArrowDown')
    press('ArrowDown')
    press('ArrowDown')
    press('ArrowDown', { shiftKey: true })
    expect(selectedRows()).toEqual(['Lead 1', 'Lead 2', 'Lead 4', 'Lead 5'])
  })

  test('Ctrl+A and Cmd+A select every row of the list, loaded or not: "All selected" while the total is unknown', () => {
    const changes: ListSelection[] = []
    render(<Controlled list={fakeList('idle')} changes={changes} />)
    focusRow('Lead 1')
    press('a', { ctrlKey: true })
    expect(changes.at(-1)).toEqual(allSelection())
    expect(count()).toBe('All selected')
    expect(headerState()).toBe('checked')
    expect(screen.getAllByRole('row', { selected: true }).length).toBeGreaterThan(5)
    fireEvent.click(checkbox('Lead 2'))
    expect(changes.at(-1)).toEqual({ type: 'all', except: new Set(['lead_2']) })
    expect(count()).toBe('All but 1 selected')
    expect(headerState()).toBe('mixed')
    press('Escape')
    press('a', { metaKey: true })
    expect(count()).toBe('All selected')
  })

  test('with the total known: "All 2,500 selected", then 2,499 once one is unticked (header mixed), in the table’s locale', () => {
    const list = fakeList('idle', fakeRecords(100), { total: 2_500 })
    const { rerender } = render(<Controlled list={list} />)
    fireEvent.click(selectAll())
    expect(count()).toBe('All 2,500 selected')
    expect(headerState()).toBe('checked')
    fireEvent.click(checkbox('Lead 4'))
    expect(count()).toBe('2,499 selected')
    expect(headerState()).toBe('mixed')
    expect(rowOf('Lead 4').getAttribute('aria-selected')).toBe('false')
    expect(rowOf('Lead 5').getAttribute('aria-selected')).toBe('true')
    rerender(
      <Controlled
        list={list}
        locale="de-DE"
        labels={{
          selectRow: ({ name }) => `${name} auswählen`,
          selectAll: 'Alle auswählen',
          selected: ({ count }) => `${count} ausgewählt`,
        }}
      />,
    )
    expect(count()).toBe('2.499 ausgewählt')
    expect(screen.getByRole('checkbox', { name: 'Lead 4 auswählen' })).toBeTruthy()
    expect(screen.getByRole('checkbox', { name: 'Alle auswählen' })).toBeTruthy()
  })

  test('the header checkbox: unchecked, mixed with some rows, checked with all; a click selects all, the next clears', () => {
    render(<Table list={fakeList('end', fakeRecords(12))} selectionMode="multiple" />)
    expect(headerState()).toBe('unchecked')
    fireEvent.click(checkbox('Lead 1'))
    expect(headerState()).toBe('mixed')
    fireEvent.click(selectAll())
    expect(headerState()).toBe('checked')
    // Every row of the list is loaded: its total is known.
    expect(count()).toBe('All 12 selected')
    fireEvent.click(selectAll())
    expect(headerState()).toBe('unchecked')
    expect(selectedRows()).toEqual([])
    // Ticking every row one by one checks the header too.
    for (let row = 1; row <= 12; row++) fireEvent.click(checkbox(`Lead ${row}`))
    expect(headerState()).toBe('checked')
    expect(count()).toBe('12 selected')
  })

  test('defaultSelectedKeys: the table keeps the selection itself and reports changes', () => {
    const onSelectionChange = vi.fn()
    render(
      <Table
        list={fakeList('idle')}
        selectionMode="multiple"
        defaultSelectedKeys={{ type: 'some', keys: new Set(['lead_1', 'lead_3']) }}
        onSelectionChange={onSelectionChange}
      />,
    )
    expect(selectedRows()).toEqual(['Lead 1', 'Lead 3'])
    fireEvent.click(checkbox('Lead 1'))
    expect(selectedRows()).toEqual(['Lead 3'])
    expect(onSelectionChange).toHaveBeenLastCalledWith({ type: 'some', keys: new Set(['lead_3']) })
  })

  test('with onRowAction, a click on the row is the action and the checkbox selects', () => {
    const onRowAction = vi.fn()
    render(<Table list={fakeList('idle')} selectionMode="multiple" onRowAction={onRowAction} />)
    fireEvent.click(screen.getByText('Lead 2'))
    expect(onRowAction).toHaveBeenCalledWith({ id: 'lead_2', name: 'Lead 2' }, 1)
    expect(selectedRows()).toEqual([])
    fireEvent.click(checkbox('Lead 2'))
    expect(selectedRows()).toEqual(['Lead 2'])
    expect(onRowAction).toHaveBeenCalledTimes(1)
  })

  test('getRowName names the checkboxes', () => {
    render(
      <Table list={fakeList('idle')} selectionMode="multiple" getRowName={(record) => `lead ${record.id}`} />,
    )
    expect(screen.getByRole('checkbox', { name: 'Select lead lead_7' })).toBeTruthy()
  })

  test('ticking a row re-renders that row only', () => {
    const rendered: string[] = []
    const counted: InfiniteTableColumn<FakeRecord>[] = [
      {
        id: 'name',
        header: 'Lead',
        cell: (record) => {
          rendered.push(record.name)
          return record.name
        },
      },
    ]
    render(<Table list={fakeList('idle')} columns={counted} selectionMode="multiple" />)
    focusRow('Lead 3')
    rendered.length = 0
    press(' ')
    expect(rowOf('Lead 3').getAttribute('aria-selected')).toBe('true')
    expect(rendered).toEqual(['Lead 3'])
  })
})

describe('<InfiniteTable> selectionMode="single"', () => {
  test('one row at most: a click replaces the selection; no header checkbox, no ranges, no select all', () => {
    const onSelectionChange = vi.fn()
    render(<Table list={fakeList('idle')} selectionMode="single" onSelectionChange={onSelectionChange} />)
    expect(grid().hasAttribute('aria-multiselectable')).toBe(false)
    expect(screen.queryByRole('checkbox', { name: 'Select all' })).toBeNull()
    expect(within(grid()).getAllByRole('columnheader')[0]!.textContent).toBe('Select')
    fireEvent.click(checkbox('Lead 2'))
    fireEvent.click(checkbox('Lead 5'), { shiftKey: true })
    expect(selectedRows()).toEqual(['Lead 5'])
    expect(onSelectionChange).toHaveBeenLastCalledWith({ type: 'some', keys: new Set(['lead_5']) })
    press('ArrowDown', { shiftKey: true })
    press('a', { ctrlKey: true })
    expect(selectedRows()).toEqual(['Lead 5'])
    expect(count()).toBe('1 selected')
    press(' ')
    expect(selectedRows()).toEqual(['Lead 6'])
    press(' ')
    expect(selectedRows()).toEqual([])
  })
})

describe('<InfiniteTable> selection across lists', () => {
  /** The list with `listKey`, and the table sorted by `sort`. */
  function Sorted({
    listKey,
    sort,
    ...props
  }: { listKey: string; sort: SortDescriptor } & Omit<ControlledProps, 'list'>) {
    return (
      <Controlled list={fakeList('idle', fakeRecords(100), { listKey })} sortDescriptor={sort} {...props} />
    )
  }
  const byName: SortDescriptor = { column: 'name', direction: 'ascending' }
  const byNameDown: SortDescriptor = { column: 'name', direction: 'descending' }

  test('a new sort keeps the selection; a new filter clears it, at once, and says so', () => {
    const changes: ListSelection[] = []
    const { rerender } = render(<Sorted listKey="a" sort={byName} changes={changes} />)
    fireEvent.click(checkbox('Lead 2'))
    fireEvent.click(checkbox('Lead 3'))
    // The new sort is asked for: the previous rows stand in, then its own arrive under a new listKey.
    rerender(<Sorted listKey="a" sort={byNameDown} changes={changes} />)
    rerender(<Sorted listKey="b" sort={byNameDown} changes={changes} />)
    expect(selectedRows()).toEqual(['Lead 2', 'Lead 3'])
    expect(count()).toBe('2 selected')
    const before = changes.length

    // Another filter: a new listKey, the same sort. The rows with the same keys show unselected from the first render
    // of the new list, before the caller's state follows.
    let selectedWhenReported = -1
    const probe = () => (selectedWhenReported = selectedRows().length)
    rerender(<Sorted listKey="c" sort={byNameDown} changes={changes} onChange={probe} />)
    expect(selectedWhenReported).toBe(0)
    expect(selectedRows()).toEqual([])
    expect(changes.slice(before)).toEqual([emptySelection()])
    expect(count()).toBe('Selection cleared: the list changed')
    expect(screen.getByText('Selection cleared: the list changed').getAttribute('role')).toBe('status')
    // The next change replaces the notice.
    fireEvent.click(checkbox('Lead 7'))
    expect(count()).toBe('1 selected')
    press('Escape')
    expect(count()).toBe('No leads selected')
  })

  test('an "all" selection is cleared by a new filter too; a new list with nothing selected says nothing', () => {
    const changes: ListSelection[] = []
    const { rerender } = render(
      <Sorted listKey="a" sort={byName} changes={changes} initial={allSelection()} />,
    )
    expect(count()).toBe('All selected')
    rerender(<Sorted listKey="b" sort={byName} changes={changes} />)
    expect(screen.queryAllByRole('row', { selected: true })).toHaveLength(0)
    expect(count()).toBe('Selection cleared: the list changed')
    rerender(<Sorted listKey="c" sort={byName} changes={changes} />)
    expect(changes).toEqual([emptySelection()])
  })

  test('rows trimmed away (maxPages) and loaded again are still selected: the selection is keys, not rows', () => {
    const records = fakeRecords(200)
    const { rerender } = render(
      <Controlled list={fakeList('idle', records.slice(0, 100), { listKey: 'a' })} />,
    )
    fireEvent.click(checkbox('Lead 1'))
    fireEvent.click(checkbox('Lead 2'))
    // The first page dropped as the third came in: the same list, so nothing is cleared.
    rerender(<Controlled list={fakeList('idle', records.slice(50, 150), { listKey: 'a' })} />)
    expect(screen.queryByRole('checkbox', { name: 'Select Lead 1' })).toBeNull()
    expect(count()).toBe('2 selected')
    rerender(<Controlled list={fakeList('idle', records.slice(0, 100), { listKey: 'a' })} />)
    expect(selectedRows()).toEqual(['Lead 1', 'Lead 2'])
  })

  test('uncontrolled, the table clears its own selection', () => {
    const { rerender } = render(
      <Table
        list={fakeList('idle', fakeRecords(100), { listKey: 'a' })}
        selectionMode="multiple"
        defaultSelectedKeys={{ type: 'some', keys: new Set(['lead_1']) }}
      />,
    )
    rerender(<Table list={fakeList('idle', fakeRecords(100), { listKey: 'b' })} selectionMode="multiple" />)
    expect(selectedRows()).toEqual([])
    expect(count()).toBe('Selection cleared: the list changed')
    fireEvent.click(checkbox('Lead 1'))
    expect(selectedRows()).toEqual(['Lead 1'])
  })
})

describe('<InfiniteTable> selection props in development', () => {
  test('selectedKeys without onSelectionChange warns, as React does for value without onChange', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(<Table list={fakeList('idle')} selectionMode="multiple" selectedKeys={emptySelection()} />)
    expect(warn.mock.calls.flat().join('\n')).toMatch(/selectedKeys without onSelectionChange/)
    // A selection it cannot change stays as it is.
    fireEvent.click(checkbox('Lead 1'))
    expect(selectedRows()).toEqual([])
  })

  test('selection props without selectionMode warn', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(<Table list={fakeList('idle')} onSelectionChange={() => {}} />)
    expect(warn.mock.calls.flat().join('\n')).toMatch(/selection props without selectionMode/)
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0)
  })

  test('two rows in selectionMode="single" warn', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(
      <Table
        list={fakeList('idle')}
        selectionMode="single"
        defaultSelectedKeys={{ type: 'some', keys: new Set(['lead_1', 'lead_2']) }}
      />,
    )
    expect(warn.mock.calls.flat().join('\n')).toMatch(/selectionMode="single" with 2 rows selected/)
  })

  test('a selection of the wrong shape, or an unknown mode, throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const cases: [Partial<InfiniteTableProps<FakeRecord>>, string][] = [
      [{ selectionMode: 'many' as 'multiple' }, 'selectionMode'],
      [
        { selectionMode: 'multiple', defaultSelectedKeys: ['lead_1'] as unknown as ListSelection },
        'defaultSelectedKeys',
      ],
      [
        {
          selectionMode: 'multiple',
          selectedKeys: { type: 'some', keys: ['lead_1'] } as unknown as ListSelection,
          onSelectionChange: () => {},
        },
        'selectedKeys',
      ],
    ]
    for (const [props, option] of cases) {
      const attempt = () => render(<Table list={fakeList('idle')} {...props} />)
      expect(attempt).toThrow(InvalidOptionError)
      expect(attempt).toThrow(`[pagewise] <InfiniteTable>: option "${option}"`)
    }
  })
})
