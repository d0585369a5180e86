import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createCloseMock } from '../src/mock'
import { SelectionDemo } from './demo/SelectionDemos'
import { intro } from './demo/StoryIntro'

const closeMock = createCloseMock({ leads: 2_500 })
/** The id of the lead at `index` in the list's own order (the mock's, unsorted). */
const leadId = (index: number) => closeMock.dataset.leads[index]!.id

const meta = {
  title: 'Components/InfiniteTable selection',
  component: SelectionDemo,
  parameters: { msw: closeMock.handlers },
  args: { selectionMode: 'multiple', pageSize: 100, height: 420, theme: 'light' },
  argTypes: {
    selectionMode: { control: 'inline-radio', options: ['single', 'multiple'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    pageSize: { control: { type: 'number', min: 1, max: 200 } },
    height: { control: { type: 'range', min: 240, max: 800, step: 20 } },
    initialSelection: { control: false },
  },
  beforeEach: () => {
    closeMock.reset()
    closeMock.setFaults({ latency: { fixedMs: 120, jitterMs: 60 } })
  },
} satisfies Meta<typeof SelectionDemo>

export default meta
type Story = StoryObj<typeof meta>

const TIMEOUT = { timeout: 8000 }
type Canvas = ReturnType<typeof within>

/** The grid once its first rows are in. */
async function loadedGrid(canvas: Canvas) {
  const grid = await canvas.findByRole('grid', { name: 'Close leads' }, TIMEOUT)
  await waitFor(
    () => expect(grid.querySelectorAll('.pw-infinite-table__row').length).toBeGreaterThan(5),
    TIMEOUT,
  )
  return grid
}
/** The record row at 0-based `index`. */
const rowAt = (grid: HTMLElement, index: number) =>
  grid.querySelector<HTMLElement>(`.pw-infinite-table__row[data-index="${index}"]`)!
/** The 0-based indexes of the rendered rows marked selected. */
const selectedIndexes = (grid: HTMLElement) =>
  [...grid.querySelectorAll<HTMLElement>('.pw-infinite-table__row[aria-selected="true"]')]
    .map((row) => Number(row.dataset.index))
    .sort((a, b) => a - b)
const summary = (canvas: Canvas) =>
  canvas.getByText(/selected|Selection cleared/, { selector: '[role="status"]' })

/** Nothing selected yet: every row has its checkbox, the header its "Select all". */
export const NoneSelected: Story = {
  decorators: [
    intro(
      'Close leads with a checkbox column. Click a row or its checkbox, or press Space on a focused row; Shift+click or Shift+↑/↓ select a range; Ctrl+A (⌘A) selects every lead, loaded or not; Escape clears.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await loadedGrid(canvas)
    await expect(grid).toHaveAttribute('aria-multiselectable', 'true')
    await expect(canvas.getByRole('checkbox', { name: 'Select all' })).not.toBeChecked()
    await expect(selectedIndexes(grid)).toEqual([])
    await expect(rowAt(grid, 0)).toHaveAttribute('aria-selected', 'false')
    await expect(summary(canvas)).toHaveTextContent('No leads selected')
  },
}

/** Three leads selected: their rows are marked, the header checkbox is mixed. */
export const SomeSelected: Story = {
  args: { initialSelection: { type: 'some', keys: new Set([leadId(0), leadId(2), leadId(3)]) } },
  decorators: [
    intro(
      'Three leads selected: their rows are highlighted and ticked, the count above says "3 selected", and the header checkbox is mixed. Its click selects every lead.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await loadedGrid(canvas)
    await expect(selectedIndexes(grid)).toEqual([0, 2, 3])
    await expect(within(rowAt(grid, 2)).getByRole('checkbox')).toBeChecked()
    await expect(canvas.getByRole('checkbox', { name: 'Select all' })).toBePartiallyChecked()
    await expect(summary(canvas)).toHaveTextContent('3 selected')
  },
}

/** Every lead of the list, loaded or not: with a status filter, Close says how many. */
export const AllSelected: Story = {
  args: { initialSelection: { type: 'all', except: new Set() }, initialStatus: 'Potential' },
  decorators: [
    intro(
      'Every "Potential" lead selected, the ones not loaded yet too: the selection is "all", not a list of rows. Close reports the filtered total, so the count has a number. Scroll: new rows arrive selected.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await loadedGrid(canvas)
    const potential = closeMock.dataset.leads.filter((lead) => lead.status_label === 'Potential').length
    await waitFor(
      () => expect(summary(canvas)).toHaveTextContent(`All ${potential.toLocaleString('en-US')} selected`),
      TIMEOUT,
    )
    await expect(canvas.getByRole('checkbox', { name: 'Select all' })).toBeChecked()
    const rows = grid.querySelectorAll('.pw-infinite-table__row')
    await expect(selectedIndexes(grid)).toHaveLength(rows.length)
  },
}

/** Every lead but two, total unknown: "All but 2 selected", the header mixed. */
export const AllExceptSome: Story = {
  args: { initialSelection: { type: 'all', except: new Set([leadId(1), leadId(4)]) } },
  decorators: [
    intro(
      'Select all, then untick two: the selection is "all except" those two, whatever is loaded. Without a filter Close gives no total, so the count says "All but 2 selected"; the header checkbox is mixed.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await loadedGrid(canvas)
    await expect(summary(canvas)).toHaveTextContent('All but 2 selected')
    await expect(rowAt(grid, 1)).toHaveAttribute('aria-selected', 'false')
    await expect(rowAt(grid, 4)).toHaveAttribute('aria-selected', 'false')
    await expect(rowAt(grid, 0)).toHaveAttribute('aria-selected', 'true')
    await expect(canvas.getByRole('checkbox', { name: 'Select all' })).toBePartiallyChecked()
  },
}

/** `selectionMode="single"`: one lead at most, no "Select all". */
export const SingleSelection: Story = {
  args: { selectionMode: 'single', initialSelection: { type: 'some', keys: new Set([leadId(1)]) } },
  decorators: [
    intro(
      'selectionMode="single": one lead at most. Clicking another row moves the selection there; there is no "Select all", no range and no Ctrl+A.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await loadedGrid(canvas)
    await expect(grid).not.toHaveAttribute('aria-multiselectable')
    await expect(canvas.queryByRole('checkbox', { name: 'Select all' })).toBeNull()
    await expect(selectedIndexes(grid)).toEqual([1])
    await expect(summary(canvas)).toHaveTextContent('1 selected')
  },
}

/** A new sort keeps the selection; a new filter clears it, and the count says why. */
export const ClearedByNewFilter: Story = {
  name: 'Selection cleared by a new filter',
  decorators: [
    intro(
      'Two leads were ticked, the list was sorted by name (the selection stayed: same leads, another order), then filtered by status: other leads, so the selection was cleared, and the count says so (screen readers hear it too).',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await loadedGrid(canvas)
    await userEvent.click(within(rowAt(grid, 0)).getByRole('checkbox'))
    await userEvent.click(within(rowAt(grid, 2)).getByRole('checkbox'))
    await expect(summary(canvas)).toHaveTextContent('2 selected')

    await userEvent.click(canvas.getByRole('button', { name: 'Lead' }))
    await waitFor(() => expect(canvas.getByText('Sorted by Lead, ascending')).toBeInTheDocument(), TIMEOUT)
    await expect(summary(canvas)).toHaveTextContent('2 selected')

    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'Qualified')
    await waitFor(
      () => expect(summary(canvas)).toHaveTextContent('Selection cleared: the list changed'),
      TIMEOUT,
    )
    await waitFor(() => expect(grid.getAttribute('aria-busy')).toBeNull(), TIMEOUT)
    await expect(selectedIndexes(grid)).toEqual([])
    await expect(canvas.getByText("{ type: 'some', keys: [] }")).toBeInTheDocument()
  },
}
