// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { createRef } from 'react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { InvalidOptionError } from '../../core/errors'
import { fakeList, fakeRecords } from '../../../test/fakeList'
import type { FakeRecord } from '../../../test/fakeList'
import { stubLayout } from '../../../test/jsdomLayout'
import { afterPaint } from '../../../test/renderWithClient'
import { InfiniteTable } from './InfiniteTable'
import type { InfiniteTableColumn, InfiniteTableList, InfiniteTableProps } from './infiniteTableTypes'

const columns: InfiniteTableColumn<FakeRecord>[] = [
  { id: 'name', header: 'Lead', cell: (record) => record.name, width: 240 },
  { id: 'id', header: 'Id', cell: (record) => record.id, align: 'end' },
]
const leads = { one: 'lead', other: 'leads' }

function Table(props: Partial<InfiniteTableProps<FakeRecord>> & { list: InfiniteTableList<FakeRecord> }) {
  return (
    <InfiniteTable
      columns={columns}
      aria-label="Leads"
      itemName={leads}
      height={400}
      overscan={4}
      {...props}
    />
  )
}

const grid = () => screen.getByRole('grid', { name: 'Leads' })
const dataRows = () => document.querySelectorAll('.pw-infinite-table__row')
const liveRegion = () => document.querySelector('.pw-live-region')!
/** Scrolls the grid to `rows` × 40 px, as a user would. */
const scrollToRow = (rows: number) =>
  act(() => {
    grid().scrollTop = rows * 40
    fireEvent.scroll(grid())
  })

beforeEach(() => stubLayout(40))
afterEach(cleanup)

describe('<InfiniteTable> ARIA', () => {
  test('is a named grid with a header row and 1-based row indexes after it', () => {
    render(<Table list={fakeList('idle', fakeRecords(100), { total: 2_500 })} />)
    expect(grid()).toHaveProperty('ariaRowCount', '2501')
    expect(grid().getAttribute('aria-colcount')).toBe('2')
    const [header, first, second] = within(grid()).getAllByRole('row')
    expect(header!.getAttribute('aria-rowindex')).toBe('1')
    expect(
      within(header!)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Lead', 'Id'])
    expect(first!.getAttribute('aria-rowindex')).toBe('2')
    expect(
      within(first!)
        .getAllByRole('gridcell')
        .map((cell) => cell.textContent),
    ).toEqual(['Lead 1', 'lead_1'])
    expect(second!.getAttribute('aria-rowindex')).toBe('3')
  })

  test('aria-rowcount is -1 while the total is unknown, and the loaded rows + 1 once the end is reached', () => {
    const { rerender } = render(<Table list={fakeList('idle', fakeRecords(100))} />)
    expect(grid().getAttribute('aria-rowcount')).toBe('-1')
    rerender(<Table list={fakeList('end', fakeRecords(130))} />)
    expect(grid().getAttribute('aria-rowcount')).toBe('131')
  })

  test('renders only the rows in view plus overscan, however many are loaded', () => {
    render(<Table list={fakeList('idle', fakeRecords(5_000))} />)
    // 400 px minus the 40 px header shows 9 rows of 40 px; 4 rows of overscan below (none above at the top).
    expect(dataRows().length).toBe(9 + 4)
    expect(dataRows()[0]!.getAttribute('aria-rowindex')).toBe('2')
  })

  test('aria-busy while a page loads, and data-state on the root', () => {
    const { rerender, container } = render(<Table list={fakeList('loading-more')} />)
    expect(grid().getAttribute('aria-busy')).toBe('true')
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('loading-more')
    rerender(<Table list={fakeList('idle')} />)
    expect(grid().hasAttribute('aria-busy')).toBe(false)
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('idle')
  })
})

describe('<InfiniteTable> states', () => {
  test('first load: skeleton rows and a labelled progress indicator', () => {
    const { container } = render(<Table list={fakeList('pending')} skeletonRows={6} />)
    expect(screen.getByRole('progressbar', { name: 'Loading leads' })).toBeTruthy()
    // One placeholder column per column draws the 6 rows (CSS: their height is 6 rows).
    const skeleton = container.querySelector<HTMLElement>('.pw-infinite-table__skeleton')!
    expect(skeleton.style.getPropertyValue('--pw-skeleton-rows')).toBe('6')
    expect(skeleton.getAttribute('aria-hidden')).toBe('true')
    expect(skeleton.querySelectorAll('.pw-infinite-table__skeleton-column')).toHaveLength(columns.length)
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('loading')
  })

  test('loading more: a row with a progress indicator labelled by its text, after the loaded rows', () => {
    render(<Table list={fakeList('loading-more', fakeRecords(3))} />)
    const progress = screen.getByRole('progressbar', { name: 'Loading more leads' })
    const row = progress.closest('[role="row"]')!
    expect(row.getAttribute('aria-rowindex')).toBe('5')
    expect(row.getAttribute('data-state')).toBe('loading')
  })

  test('an error: the message and a Retry button that resumes; loaded rows stay', () => {
    const list = fakeList('error', fakeRecords(3))
    render(<Table list={list} />)
    const row = screen.getByRole('button', { name: 'Retry' }).closest('[role="row"]') as HTMLElement
    expect(row.textContent).toBe(
      'Could not load leads: HTTP 503 Service Unavailable: Close is down for maintenanceRetry',
    )
    expect(dataRows()).toHaveLength(3)
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(list.retry).toHaveBeenCalledTimes(1)
    expect(list.fetchNextPage).not.toHaveBeenCalled()
  })

  test('an error on the first page: the error row with Retry, no rows', () => {
    const list = fakeList('first-error')
    render(<Table list={list} />)
    expect(dataRows()).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(list.retry).toHaveBeenCalledTimes(1)
  })

  test('the end: "All 2,500 leads loaded", formatted for the locale', () => {
    const { rerender } = render(<Table list={fakeList('end', fakeRecords(2_500))} locale="en-US" />)
    scrollToRow(2_500)
    expect(
      screen.getByText('All 2,500 leads loaded').closest('[role="row"]')!.getAttribute('data-state'),
    ).toBe('end')
    rerender(<Table list={fakeList('end', fakeRecords(1))} locale="en-US" />)
    scrollToRow(0)
    expect(screen.getByText('All 1 lead loaded')).toBeTruthy()
  })

  test('empty: one row saying so', () => {
    const { container } = render(<Table list={fakeList('empty')} />)
    expect(screen.getByText('No leads').closest('[role="row"]')!.getAttribute('data-state')).toBe('empty')
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('empty')
  })

  test('labels and locale replace every text', () => {
    render(
      <Table
        list={fakeList('end', fakeRecords(2_500))}
        locale="de-DE"
        itemName={{ one: 'Lead', other: 'Leads' }}
        labels={{
          end: ({ count, items }) => `Alle ${count} ${items} geladen`,
          skipTable: 'Tabelle überspringen',
        }}
      />,
    )
    scrollToRow(2_500)
    expect(screen.getByText('Alle 2.500 Leads geladen')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Tabelle überspringen' })).toBeTruthy()
  })

  test('API text renders as text, never as HTML', () => {
    render(<Table list={fakeList('end', [{ id: 'x', name: '<img src=x onerror="alert(1)">' }])} />)
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeTruthy()
    expect(document.querySelector('img')).toBeNull()
  })
})

describe('<InfiniteTable> loading more', () => {
  test('auto: loads the next page while the rows do not fill the viewport', () => {
    const list = fakeList('idle', fakeRecords(3))
    render(<Table list={list} />)
    expect(list.fetchNextPage).toHaveBeenCalled()
  })

  test('auto: does not load while far from the end, while a fetch runs, or after an error', () => {
    const far = fakeList('idle', fakeRecords(1_000))
    const { rerender } = render(<Table list={far} />)
    const busy = fakeList('loading-more', fakeRecords(3))
    rerender(<Table list={busy} />)
    const failed = fakeList('error', fakeRecords(3))
    rerender(<Table list={failed} />)
    expect(far.fetchNextPage).not.toHaveBeenCalled()
    expect(busy.fetchNextPage).not.toHaveBeenCalled()
    expect(failed.fetchNextPage).not.toHaveBeenCalled()
  })

  test('auto: scrolling near the end loads the next page', () => {
    const list = fakeList('idle', fakeRecords(60))
    render(<Table list={list} loadThreshold={5} />)
    expect(list.fetchNextPage).not.toHaveBeenCalled()
    scrollToRow(60 - 9 - 5)
    expect(list.fetchNextPage).toHaveBeenCalledTimes(1)
  })

  test('button: a Load more button instead of the scroll trigger', () => {
    const list = fakeList('idle', fakeRecords(3))
    render(<Table list={list} loadMode="button" />)
    expect(list.fetchNextPage).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }))
    expect(list.fetchNextPage).toHaveBeenCalledTimes(1)
  })
})

describe('<InfiniteTable> announcements', () => {
  test('a polite live region says what loaded, the end, and errors', async () => {
    const { rerender } = render(<Table list={fakeList('pending')} />)
    expect(liveRegion().getAttribute('aria-live')).toBe('polite')
    await afterPaint()
    expect(liveRegion().textContent).toBe('')
    rerender(<Table list={fakeList('idle', fakeRecords(100))} />)
    // The rows first; the sentence once they are painted.
    expect(screen.getAllByRole('row').length).toBeGreaterThan(1)
    expect(liveRegion().textContent).toBe('')
    await afterPaint()
    expect(liveRegion().textContent).toBe('Loaded 100 leads')
    rerender(<Table list={fakeList('idle', fakeRecords(300))} />)
    await afterPaint()
    expect(liveRegion().textContent).toBe('Loaded 200 more leads, 300 in total')
    rerender(<Table list={fakeList('error', fakeRecords(300))} />)
    await afterPaint()
    expect(liveRegion().textContent).toBe(
      'Could not load leads: HTTP 503 Service Unavailable: Close is down for maintenance',
    )
    rerender(<Table list={fakeList('end', fakeRecords(301))} />)
    await afterPaint()
    expect(liveRegion().textContent).toBe('Loaded 1 more lead, 301 in total. All 301 leads loaded')
  })
})

describe('<InfiniteTable> props', () => {
  test('className (string or function of the state), style and other props reach the root; ref too', () => {
    const ref = createRef<HTMLDivElement>()
    const { container, rerender } = render(
      <InfiniteTable
        list={fakeList('idle')}
        columns={columns}
        aria-label="Leads"
        ref={ref}
        className="mine"
        style={{ color: 'red' }}
        data-testid="leads"
      />,
    )
    const root = container.firstElementChild as HTMLElement
    expect(ref.current).toBe(root)
    expect(root.className).toBe('pw-infinite-table mine')
    expect(root.style.color).toBe('red')
    expect(root.style.getPropertyValue('--pw-columns')).toBe('240px minmax(6rem, 1fr)')
    expect(root.dataset.testid).toBe('leads')
    rerender(
      <InfiniteTable
        list={fakeList('end')}
        columns={columns}
        aria-label="Leads"
        className={(state) => `is-${state}`}
      />,
    )
    expect(root.className).toBe('pw-infinite-table is-complete')
  })

  test('aria-labelledby names the grid', () => {
    render(
      <>
        <h2 id="leads-title">Open leads</h2>
        <Table list={fakeList('idle')} aria-label={undefined} aria-labelledby="leads-title" />
      </>,
    )
    expect(screen.getByRole('grid', { name: 'Open leads' })).toBeTruthy()
  })

  test('onRowAction: a click or Enter on a row, not a click on a control inside it', () => {
    const onRowAction = vi.fn()
    const withButton: InfiniteTableColumn<FakeRecord>[] = [
      ...columns,
      { id: 'open', header: 'Open', cell: (record) => <button type="button">Open {record.name}</button> },
    ]
    render(<Table list={fakeList('idle')} columns={withButton} onRowAction={onRowAction} />)
    fireEvent.click(screen.getByText('Lead 2'))
    expect(onRowAction).toHaveBeenLastCalledWith({ id: 'lead_2', name: 'Lead 2' }, 1)
    fireEvent.click(screen.getByRole('button', { name: 'Open Lead 3' }))
    expect(onRowAction).toHaveBeenCalledTimes(1)
    const row = screen.getByText('Lead 4').closest('[role="row"]') as HTMLElement
    row.focus()
    fireEvent.keyDown(row, { key: 'Enter' })
    expect(onRowAction).toHaveBeenLastCalledWith({ id: 'lead_4', name: 'Lead 4' }, 3)
  })

  test('one row is in the tab order; arrow keys move focus between rows', () => {
    render(<Table list={fakeList('idle')} />)
    const tabbable = grid().querySelectorAll('[role="row"][tabindex="0"]')
    expect(tabbable).toHaveLength(1)
    const first = tabbable[0] as HTMLElement
    expect(first.getAttribute('aria-rowindex')).toBe('2')
    act(() => first.focus())
    act(() => {
      fireEvent.keyDown(first, { key: 'ArrowDown' })
    })
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('3')
    expect(grid().querySelectorAll('[role="row"][tabindex="0"]')[0]).toBe(document.activeElement)
    act(() => {
      fireEvent.keyDown(document.activeElement!, { key: 'Home' })
    })
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('2')
  })

  test('invalid props throw InvalidOptionError naming <InfiniteTable> and the prop', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const cases: [Partial<InfiniteTableProps<FakeRecord>>, string][] = [
      [{ columns: [] }, 'columns'],
      [{ columns: [columns[0]!, columns[0]!] }, 'columns[1].id'],
      [{ rowHeight: 0 }, 'rowHeight'],
      [{ overscan: -1 }, 'overscan'],
      [{ loadMode: 'scroll' as 'auto' }, 'loadMode'],
      [{ list: {} as InfiniteTableList<FakeRecord> }, 'list'],
    ]
    for (const [props, option] of cases) {
      const attempt = () => render(<Table list={fakeList('idle')} {...props} />)
      expect(attempt).toThrow(InvalidOptionError)
      expect(attempt).toThrow(`[pagewise] <InfiniteTable>: option "${option}"`)
    }
  })

  test('warns once in development when the table has no accessible name', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(<Table list={fakeList('idle')} aria-label={undefined} />)
    render(<Table list={fakeList('idle')} aria-label={undefined} />)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]![0]).toMatch(/<InfiniteTable>: give the table an accessible name/)
  })
})
