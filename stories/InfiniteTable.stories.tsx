import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createCloseMock, createPipedriveMock } from '../src/mock'
import { CloseLeadsTable, PipedriveDealsTable, TableInState } from './demo/TableDemos'
import type { DemoState } from './demo/TableDemos'

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

/** The server fails mid-scroll: the error row says why and keeps the loaded leads; Retry resumes at that page. */
export const FailedPage: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await canvas.findByRole('grid', { name: 'Close leads' }, TIMEOUT)
    await waitFor(() => expect(lastRowIndex(grid)).toBeGreaterThan(1), TIMEOUT)
    closeMock.setFaults({ failureRate: 1 })
    grid.scrollTop = grid.scrollHeight
    const retry = await canvas.findByRole('button', { name: 'Retry' }, TIMEOUT)
    await expect(retry.closest('[role="row"]')?.textContent).toMatch(/^Could not load leads: HTTP 50[23]: /)
    closeMock.setFaults({ failureRate: 0 })
    await userEvent.click(retry)
    await scrollUntilLoaded(grid, 100)
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull()
  },
}

/** Dark theme: every colour comes from `--pw-*` custom properties with light and dark values. */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const grid = await within(canvasElement).findByRole('grid', { name: 'Close leads' }, TIMEOUT)
    await expect(getComputedStyle(grid).colorScheme).toBe('dark')
  },
}

function stateStory(state: DemoState, check: (canvas: ReturnType<typeof within>) => Promise<unknown>): Story {
  return {
    render: (args) => <TableInState state={state} theme={args.theme} />,
    play: async ({ canvasElement }) => {
      await check(within(canvasElement))
    },
  }
}

/** The first page is on its way: skeleton rows, and a progress indicator for screen readers. */
export const StateFirstLoad = stateStory('first load', async (canvas) => {
  await expect(canvas.getByRole('progressbar', { name: 'Loading leads' })).toBeInTheDocument()
})

/** The next page is on its way: a loading row after the loaded leads. */
export const StateLoadingMore = stateStory('loading more', async (canvas) => {
  await expect(canvas.getByRole('progressbar', { name: 'Loading more leads' })).toBeVisible()
})

/** A page failed: the message, Retry, and the loaded leads untouched. */
export const StateError = stateStory('error', async (canvas) => {
  await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible()
  await expect(canvas.getByText(/Could not load leads: HTTP 503/)).toBeVisible()
})

/** Every lead is loaded. */
export const StateEnd = stateStory('end', async (canvas) => {
  await expect(canvas.getByText('All 12 leads loaded')).toBeVisible()
})

/** No leads at all. */
export const StateEmpty = stateStory('empty', async (canvas) => {
  await expect(canvas.getByText('No leads')).toBeVisible()
})

/** Waiting for the user to press Load more. */
export const StateLoadMore = stateStory('load more', async (canvas) => {
  await expect(canvas.getByRole('button', { name: 'Load more' })).toBeVisible()
})
