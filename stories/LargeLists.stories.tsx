import type { Meta, StoryObj } from '@storybook/react-vite'
import { delay, http } from 'msw'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { MillionLeadsDemo, PositionDemo } from './demo/LargeLists'
import { intro } from './demo/StoryIntro'
import { MILLION_ROWS_BASE, answerMillionRows, millionRowsHandlers } from './support/millionRows'

const meta = {
  title: 'Large lists/A million leads',
  component: MillionLeadsDemo,
  parameters: { msw: millionRowsHandlers({ latencyMs: 120 }) },
} satisfies Meta<typeof MillionLeadsDemo>

export default meta
type Story = StoryObj<typeof meta>

const TIMEOUT = { timeout: 15_000 }
const ROW = 32

/** The lead names of the rows in view, in order. */
const namesInView = (grid: HTMLElement) => {
  const head = grid.querySelector('.pw-infinite-table__head')!.getBoundingClientRect()
  const view = grid.getBoundingClientRect()
  return [...grid.querySelectorAll<HTMLElement>('.pw-infinite-table__row')]
    .filter(
      (row) =>
        row.getBoundingClientRect().bottom > head.bottom && row.getBoundingClientRect().top < view.bottom,
    )
    .map((row) => row.querySelector('[data-column="display_name"]')!.textContent)
}

async function grid(canvasElement: HTMLElement, name: string) {
  const canvas = within(canvasElement)
  const found: HTMLElement = await canvas.findByRole('grid', { name }, TIMEOUT)
  await waitFor(
    () => expect(found.querySelectorAll('.pw-infinite-table__row').length).toBeGreaterThan(5),
    TIMEOUT,
  )
  return { canvas, grid: found }
}

/** The top of the list: its scrollbar is already the whole million's. */
export const AtTheTop: Story = {
  decorators: [
    intro(
      'A million leads, with maxPages: 5. Scroll, or drag the scrollbar anywhere: the table holds at most 500 leads, drops pages at the far end, loads them back on the way back, and loads the page where you drop the scrollbar directly.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const { grid: table } = await grid(canvasElement, 'A million leads')
    await expect(table.getAttribute('aria-rowcount')).toBe('1000001')
    await expect(table.scrollHeight).toBeGreaterThan(1_000_000 * ROW)
  },
}

/** Half a million rows down, loaded directly: rows keep their place in the whole list. */
export const HalfwayDown: Story = {
  decorators: [
    intro(
      'Dropped at lead 500,001 (the scrollbar dragged halfway): only the pages around it were loaded, and each row says its place in the list (aria-rowindex).',
    ),
  ],
  play: async ({ canvasElement }) => {
    const { canvas, grid: table } = await grid(canvasElement, 'A million leads')
    table.scrollTop = 500_000 * ROW
    await waitFor(() => expect(namesInView(table)[0]).toBe('Lead 500,001'), TIMEOUT)
    await waitFor(
      () => expect(canvas.getByTestId('held').textContent).toMatch(/^Holding [1-5]00 of 1,000,000/),
      TIMEOUT,
    )
  },
}

/** Open lead 4,321, go back (or reload), and land on it. */
export const BackToLead4321: StoryObj<typeof PositionDemo> = {
  render: () => <PositionDemo />,
  decorators: [
    intro(
      'Lead 4,321 was opened from the list. "Back to the list" lands on it, where it was; "Reload, then back" starts from an empty cache and loads only the pages the list held, from their offsets (the requests are listed above the table).',
    ),
  ],
  play: async ({ canvasElement }) => {
    const { canvas, grid: table } = await grid(canvasElement, 'Leads')
    table.scrollTop = 4_320 * ROW
    await waitFor(() => expect(namesInView(table)[0]).toBe('Lead 4,321'), TIMEOUT)
    await userEvent.click(within(table).getByText('Lead 4,321'))
    await userEvent.click(await canvas.findByRole('button', { name: 'Reload, then back to the list' }))
    const restored = (await grid(canvasElement, 'Leads')).grid
    await waitFor(() => expect(namesInView(restored)[0]).toBe('Lead 4,321'), TIMEOUT)
    // Only the pages held, straight from their offsets: nothing from the top.
    await expect(canvas.getByTestId('requests').textContent).not.toMatch(/offset=0\b/)
  },
}

/** Rows whose page has not arrived: a placeholder each, until it lands (here it never does). */
export const RowsStillLoading: Story = {
  parameters: {
    msw: [
      http.get(`${MILLION_ROWS_BASE}/lead/`, async ({ request }) => {
        const url = new URL(request.url)
        // The first page answers; every other waits forever, so the placeholders stay for a visitor to see.
        if (url.searchParams.get('offset') !== '0') await delay('infinite')
        return answerMillionRows(url)
      }),
    ],
  },
  decorators: [
    intro(
      'Dragged to lead 500,001 while its page is on its way (here it never comes): each row not loaded is a placeholder, named "Loading more leads" for screen readers, at its place in the list.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const { grid: table } = await grid(canvasElement, 'A million leads')
    table.scrollTop = 500_000 * ROW
    await waitFor(
      () =>
        expect(table.querySelector('[data-state="placeholder"]')?.getAttribute('aria-rowindex')).toBe(
          '500002',
        ),
      TIMEOUT,
    )
  },
}

/** A saved position whose lead is gone: the row at its place stands in, and a note says so. */
export const SavedLeadGone: StoryObj<typeof PositionDemo> = {
  render: () => (
    <PositionDemo
      saved={{
        listKey: '["million-leads","positioned",{"adapter":"million.offset","pageSize":100}]',
        window: { pageParams: [4200, 4300], firstItemIndex: 4200 },
        anchor: { id: 'lead_deleted', index: 4320 },
        offset: 0,
      }}
    />
  ),
  decorators: [
    intro(
      'Back to a list whose saved lead was deleted since: the lead now at its place (lead 4,321) stands in, and a note says the row you were on is gone.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const { canvas, grid: table } = await grid(canvasElement, 'Leads')
    await canvas.findByText(
      'The lead you were on is no longer in the list: showing where it was',
      {},
      TIMEOUT,
    )
    await waitFor(() => expect(namesInView(table)[0]).toBe('Lead 4,321'), TIMEOUT)
  },
}
