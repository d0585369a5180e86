import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createCloseMock, createPipedriveMock } from '../src/mock'
import { CloseLeadsTable, PipedriveDealsTable, TableInState } from './demo/TableDemos'
import type { DemoState } from './demo/TableDemos'
import { intro } from './demo/StoryIntro'

const closeMock = createCloseMock({ leads: 2_500 })
const pipedriveMock = createPipedriveMock({ deals: 1_200 })

const meta = {
  title: 'Components/InfiniteTable',
  component: CloseLeadsTable,
  parameters: { msw: [...closeMock.handlers, ...pipedriveMock.handlers] },
  args: { pageSize: 100, loadMode: 'auto', theme: 'light', height: 480 },
  argTypes: {
    loadMode: { control: 'inline-radio', options: ['auto', 'button'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    pageSize: { control: { type: 'number', min: 1, max: 500 } },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 } },
  },
  beforeEach: () => {
    closeMock.reset()
    pipedriveMock.reset()
    closeMock.setFaults({ latency: { fixedMs: 120, jitterMs: 60 } })
    pipedriveMock.setFaults({ latency: { fixedMs: 120, jitterMs: 60 } })
  },
} satisfies Meta<typeof CloseLeadsTable>

export default meta
type Story = StoryObj<typeof meta>

const TIMEOUT = { timeout: 8000 }
const lastRowIndex = (grid: HTMLElement) =>
  Number([...grid.querySelectorAll('.pw-infinite-table__row')].at(-1)?.getAttribute('aria-rowindex') ?? 0)

/** Scrolls the grid to its bottom until more than `rows` rows are loaded. */
async function scrollUntilLoaded(grid: HTMLElement, rows: number) {
  await waitFor(() => {
    grid.scrollTop = grid.scrollHeight
    expect(lastRowIndex(grid)).toBeGreaterThan(rows + 1)
  }, TIMEOUT)
}

/** Close leads, 100 per request: scrolling near the end loads the next page; the live region says what loaded. */
export const CloseLeads: Story = {
  decorators: [
    intro(
      'Close leads, 100 per request, in a virtualized table. Scroll down: near the end, the next 100 load on their own, and screen readers hear how many arrived.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await canvas.findByRole('grid', { name: 'Close leads' }, TIMEOUT)
    await waitFor(() => expect(lastRowIndex(grid)).toBeGreaterThan(1), TIMEOUT)
    await expect(grid.getAttribute('aria-rowcount')).toBe('-1')
    await scrollUntilLoaded(grid, 100)
    await waitFor(() =>
      expect(canvas.getByRole('status').textContent).toMatch(/^Loaded 100 more leads, \d+ in total/),
    )
    await expect(closeMock.requests.map((request) => request.query._skip).slice(0, 2)).toEqual(['0', '100'])
  },
}

/** Pipedrive v2 deals: a cursor API in the same table. */
export const PipedriveDeals: Story = {
  decorators: [
    intro(
      'The same table on Pipedrive deals, a cursor API: each request sends the cursor of the page before. Scroll down to load more.',
    ),
  ],
  render: (args) => <PipedriveDealsTable {...args} />,
  play: async ({ canvasElement }) => {
    const grid = await within(canvasElement).findByRole('grid', { name: 'Pipedrive deals' }, TIMEOUT)
    await scrollUntilLoaded(grid, 100)
    await expect(pipedriveMock.requests[1]?.query.cursor).toBeTruthy()
  },
}

/** `loadMode="button"`: a Load more button replaces the scroll trigger. */
export const LoadMoreButton: Story = {
  args: { loadMode: 'button', pageSize: 25 },
  decorators: [
    intro(
      'No loading on scroll here: the last row is a "Load more" button. Scroll to the bottom and press it for the next 25 leads.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await canvas.findByRole('grid', { name: 'Close leads' }, TIMEOUT)
    await waitFor(() => expect(lastRowIndex(grid)).toBeGreaterThan(1), TIMEOUT)
    grid.scrollTop = grid.scrollHeight
    await userEvent.click(await canvas.findByRole('button', { name: 'Load more' }, TIMEOUT))
    await waitFor(() => {
      grid.scrollTop = grid.scrollHeight
      expect(lastRowIndex(grid)).toBe(51)
    }, TIMEOUT)
  },
}

/** The server fails mid-scroll: the error row says why and keeps the loaded leads; Retry is offered. */
export const FailedPage: Story = {
  decorators: [
    intro(
      'The second page failed with a 502 or 503: the error row at the bottom says so, and the 100 leads already loaded stay. The server is healthy again now, so press Retry to load that page.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await canvas.findByRole('grid', { name: 'Close leads' }, TIMEOUT)
    await waitFor(() => expect(lastRowIndex(grid)).toBeGreaterThan(1), TIMEOUT)
    closeMock.setFaults({ failureRate: 1 })
    grid.scrollTop = grid.scrollHeight
    const retry = await canvas.findByRole('button', { name: 'Retry' }, TIMEOUT)
    await expect(retry.closest('[role="row"]')?.textContent).toMatch(/^Could not load leads: HTTP 50[23]: /)
    await expect(lastRowIndex(grid)).toBe(101)
    await expect(retry).toBeVisible()
    // The error row grew to fit its message after the scroll: show all of it.
    grid.scrollTop = grid.scrollHeight
    closeMock.setFaults({ failureRate: 0 })
  },
}

/** The failed page, then Retry: the page loads and scrolling goes on. */
export const FailedPageRecovery: Story = {
  name: 'Failed page — recovery',
  decorators: [
    intro(
      'The same failed second page, then Retry: the page is asked for again, its leads are added and scrolling goes on.',
    ),
  ],
  play: async (context) => {
    await FailedPage.play!(context)
    const canvas = within(context.canvasElement)
    const grid = canvas.getByRole('grid', { name: 'Close leads' })
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await scrollUntilLoaded(grid, 100)
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull()
  },
}

/** Dark theme: every colour comes from `--pw-*` custom properties with light and dark values. */
export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [
    intro(
      "The table's colours are --pw-* custom properties with light and dark values: here the dark ones. Switch the theme control to compare.",
    ),
  ],
  play: async ({ canvasElement }) => {
    const grid = await within(canvasElement).findByRole('grid', { name: 'Close leads' }, TIMEOUT)
    await expect(getComputedStyle(grid).colorScheme).toBe('dark')
  },
}

function stateStory(
  state: DemoState,
  text: string,
  check: (canvas: ReturnType<typeof within>) => Promise<unknown>,
): Story {
  return {
    decorators: [intro(text)],
    render: (args) => <TableInState state={state} theme={args.theme} />,
    play: async ({ canvasElement }) => {
      await check(within(canvasElement))
    },
  }
}

/** The first page is on its way: skeleton rows, and a progress indicator for screen readers. */
export const StateFirstLoad = stateStory(
  'first load',
  'The table held in its first load, with no network: skeleton rows in the shape of the columns, and a progress indicator for screen readers.',
  async (canvas) => {
    await expect(canvas.getByRole('progressbar', { name: 'Loading leads' })).toBeInTheDocument()
  },
)

/** The next page is on its way: a loading row after the loaded leads. */
export const StateLoadingMore = stateStory(
  'loading more',
  'The table held while the next page loads: the loaded leads stay, and a loading row waits at the bottom. Scroll down to see it.',
  async (canvas) => {
    await expect(canvas.getByRole('progressbar', { name: 'Loading more leads' })).toBeVisible()
  },
)

/** A page failed: the message, Retry, and the loaded leads untouched. */
export const StateError = stateStory(
  'error',
  'The table held after a page failed: the loaded leads stay, and the row at the bottom says why, with Retry. Scroll down to see it.',
  async (canvas) => {
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect(canvas.getByText(/Could not load leads: HTTP 503/)).toBeVisible()
  },
)

/** Every lead is loaded. */
export const StateEnd = stateStory(
  'end',
  'The table held at the end of the list: the last row says that all 12 leads are loaded, and nothing more is asked for.',
  async (canvas) => {
    await expect(canvas.getByText('All 12 leads loaded')).toBeVisible()
  },
)

/** No leads at all. */
export const StateEmpty = stateStory(
  'empty',
  'The table held with no records at all: it says "No leads", not a spinner and not an error.',
  async (canvas) => {
    await expect(canvas.getByText('No leads')).toBeVisible()
  },
)

/** Waiting for the user to press Load more. */
export const StateLoadMore = stateStory(
  'load more',
  'The table held waiting for the user: in "button" load mode, the last row is a "Load more" button instead of loading on scroll.',
  async (canvas) => {
    await expect(canvas.getByRole('button', { name: 'Load more' })).toBeVisible()
  },
)
