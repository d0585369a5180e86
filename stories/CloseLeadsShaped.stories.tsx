import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createCloseMock } from '../src/mock'
import { CloseLeadsDemo } from './demo/ShapedLists'
import { intro } from './demo/StoryIntro'

const closeMock = createCloseMock({ leads: 1_200 })

const meta = {
  title: 'Lists users shape/Close leads, infinite',
  component: CloseLeadsDemo,
  parameters: { msw: closeMock.handlers },
  args: { pageSize: 50, searchDelayMs: 300, height: 400 },
  beforeEach: () => {
    closeMock.reset()
    closeMock.setFaults({ latency: { fixedMs: 120, jitterMs: 0 } })
  },
} satisfies Meta<typeof CloseLeadsDemo>

export default meta
type Story = StoryObj<typeof meta>

const TIMEOUT = { timeout: 10_000 }
const leadRequests = () =>
  closeMock.requests.filter((request) => request.path.endsWith('/lead/')).map((request) => request.query)
const cells = (canvasElement: HTMLElement, column: string) =>
  [...canvasElement.querySelectorAll(`.pw-infinite-table__row [data-column="${column}"]`)].map(
    (cell) => cell.textContent,
  )
const settled = (canvasElement: HTMLElement) =>
  waitFor(() => {
    const table = canvasElement.querySelector('.pw-infinite-table')!
    expect(table.getAttribute('data-state')).not.toMatch(/loading|refreshing/)
    expect(canvasElement.querySelector('[role="grid"]')!.hasAttribute('aria-busy')).toBe(false)
  }, TIMEOUT)

/** Sort by a header, filter by status, search: Close's `_order_by` and `query`, the rows never blank. */
export const SortFilterAndSearch: Story = {
  decorators: [
    intro(
      'Close leads in an InfiniteTable. Press Lead, Status or Created to sort (Close’s _order_by), pick a status or type in the search box (Close’s query, status:"…" in its search language). The previous rows stay while the new ones load, then the table starts again at the top.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await settled(canvasElement)
    await expect(leadRequests()[0]).toMatchObject({ _order_by: '-date_created', _skip: '0' })

    await userEvent.click(canvas.getByRole('button', { name: 'Lead' }))
    await settled(canvasElement)
    const names = cells(canvasElement, 'display_name')
    await expect(names).toEqual([...names].sort((a, b) => a!.localeCompare(b!)))
    await expect(canvas.getByRole('columnheader', { name: /Lead/ })).toHaveAttribute('aria-sort', 'ascending')
    await waitFor(() => expect(canvas.getByText('Sorted by Lead, ascending')).toBeInTheDocument(), TIMEOUT)

    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'Qualified')
    await settled(canvasElement)
    await expect(leadRequests().at(-1)).toMatchObject({
      query: 'status:"Qualified"',
      _order_by: 'display_name',
    })
    await expect(new Set(cells(canvasElement, 'status_label'))).toEqual(new Set(['Qualified']))

    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search leads' }), 'labs')
    await waitFor(() => expect(leadRequests().at(-1)!.query).toBe('status:"Qualified" labs'), TIMEOUT)
    await settled(canvasElement)
    await expect(cells(canvasElement, 'display_name').every((name) => /labs/i.test(name!))).toBe(true)
    // Debounced: one request for the word, none for its first letters.
    await expect(
      leadRequests().filter((query) => /status:"Qualified" l/.test(query.query ?? '')),
    ).toHaveLength(1)
  },
}

/** A sort on a slow API: the previous rows stay on screen, marked, until the new ones land (here they never do). */
export const SlowSortChange: Story = {
  decorators: [
    intro(
      'The sort changes on a slow API (this one never answers): the rows of the previous sort stay, marked as refreshing, with a progress row after them, instead of a blank table or skeleton rows.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await settled(canvasElement)
    const before = cells(canvasElement, 'display_name')
    closeMock.setFaults({ latency: { fixedMs: 3_600_000, jitterMs: 0 } })
    await userEvent.click(canvas.getByRole('button', { name: 'Status' }))
    const table = canvasElement.querySelector('.pw-infinite-table')!
    await waitFor(() => expect(table).toHaveAttribute('data-state', 'refreshing'), TIMEOUT)
    await expect(cells(canvasElement, 'display_name')).toEqual(before)
    await expect(canvasElement.querySelectorAll('.pw-infinite-table__skeleton')).toHaveLength(0)
  },
}

/** A sort Close refuses: its 400 message above the previous rows, with Retry. */
export const FailingSortChange: Story = {
  args: { withUnsortableColumn: true },
  decorators: [
    intro(
      'The last column sorts by a field Close does not know: press it, and Close’s 400 answer shows above the rows of the previous sort, with Retry; the rows stay. Sort by Lead to recover.',
    ),
  ],
  play: async ({ canvasElement }) => {
    await settled(canvasElement)
    const before = cells(canvasElement, 'display_name')
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Unknown field' }))
    await waitFor(
      () => expect(canvasElement.querySelector('.pw-infinite-table__refresh-error')).toBeVisible(),
      TIMEOUT,
    )
    await expect(canvasElement.querySelector('.pw-infinite-table__refresh-error')!.textContent).toMatch(
      /HTTP 400: Invalid _order_by field "missing_field"/,
    )
    await expect(cells(canvasElement, 'display_name')).toEqual(before)
  },
}

/** The refused sort, then one Close takes: the list recovers. */
export const FailingSortChangeRecovery: Story = {
  ...FailingSortChange,
  name: 'Failing sort change — recovery',
  play: async (context) => {
    await FailingSortChange.play!(context)
    const { canvasElement } = context
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Lead' }))
    await settled(canvasElement)
    await expect(canvasElement.querySelector('.pw-infinite-table__refresh-error')).toBeNull()
  },
}
