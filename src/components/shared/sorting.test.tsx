// @vitest-environment jsdom
import { useState } from 'react'
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SortDescriptor } from '../../core/types'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import { afterPaint } from '../../../test/renderWithClient'
import { useSortableColumns } from './sorting'

afterEach(cleanup)

const NAMES: Record<string, string> = { date_created: 'Created', display_name: 'Name' }

/** A native table with two sortable headers, as a paged table beside `<Pager>` would be. */
function Leads({ initial, pending = false }: { initial?: SortDescriptor; pending?: boolean }) {
  const [sort, setSort] = useState(initial)
  const sorting = useSortableColumns({
    sortDescriptor: sort,
    onSortChange: setSort,
    columnName: (column) => NAMES[column]!,
    pending,
  })
  return (
    <table>
      <thead>
        <tr>
          {Object.entries(NAMES).map(([column, name]) => (
            <th key={column} {...sorting.headerProps(column)}>
              {sorting.button(column, name)}
            </th>
          ))}
        </tr>
      </thead>
      <caption>{sorting.liveRegion}</caption>
    </table>
  )
}

const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(name) })
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name: new RegExp(name) }))

describe('useSortableColumns', () => {
  it('puts aria-sort on the sorted header only, with a button and a visible arrow in each', () => {
    render(<Leads initial={{ column: 'date_created', direction: 'descending' }} />)
    expect(header('Created').getAttribute('aria-sort')).toBe('descending')
    expect(header('Name').hasAttribute('aria-sort')).toBe(false)
    expect(screen.getByRole('button', { name: 'Created' }).textContent).toBe('Created▼')
    expect(screen.getByRole('button', { name: 'Name' }).textContent).toBe('Name↕')
  })

  it('sorts a new column ascending, flips the sorted one, and announces each new sort', async () => {
    render(<Leads />)
    await afterPaint()
    expect(screen.getByRole('status').textContent).toBe('')
    press('Name')
    expect(header('Name').getAttribute('aria-sort')).toBe('ascending')
    await afterPaint()
    expect(screen.getByRole('status').textContent).toBe('Sorted by Name, ascending')
    press('Name')
    expect(header('Name').getAttribute('aria-sort')).toBe('descending')
    await afterPaint()
    expect(screen.getByRole('status').textContent).toBe('Sorted by Name, descending')
    press('Created')
    expect(header('Created').getAttribute('aria-sort')).toBe('ascending')
    expect(header('Name').hasAttribute('aria-sort')).toBe(false)
  })

  it('waits with the announcement while the new sort is loading', async () => {
    const { rerender } = render(<Leads pending />)
    press('Created')
    await afterPaint()
    expect(screen.getByRole('status').textContent).toBe('')
    rerender(<Leads />)
    await afterPaint()
    expect(screen.getByRole('status').textContent).toBe('Sorted by Created, ascending')
  })

  it('shows the sort without a way to change it when there is no onSortChange', () => {
    function Fixed() {
      const sorting = useSortableColumns({
        sortDescriptor: { column: 'a', direction: 'ascending' },
        onSortChange: undefined,
      })
      return sorting.button('a', 'A')
    }
    render(<Fixed />)
    expect(screen.getByRole('button', { name: 'A' })).toHaveProperty('disabled', true)
  })
})

describe('useDebouncedValue', () => {
  it('hands on a value once it has stayed the same for the delay', () => {
    vi.useFakeTimers()
    const { result, rerender } = renderHook(({ text }) => useDebouncedValue(text, 300), {
      initialProps: { text: '' },
    })
    rerender({ text: 'ac' })
    act(() => vi.advanceTimersByTime(200))
    rerender({ text: 'acme' })
    act(() => vi.advanceTimersByTime(200))
    expect(result.current).toBe('')
    act(() => vi.advanceTimersByTime(100))
    expect(result.current).toBe('acme')
    vi.useRealTimers()
  })
})
