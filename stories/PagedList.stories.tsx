import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createCloseMock, createPipedriveMock } from '../src/mock'
import { CloseOpportunitiesPages, PipedriveDealsPages } from './demo/PagedDemo'
import { intro } from './demo/StoryIntro'

const pipedriveMock = createPipedriveMock({ deals: 240 })
const closeMock = createCloseMock({ opportunities: 230 })

const meta = {
  title: 'Hooks/usePagedList',
  component: PipedriveDealsPages,
  parameters: { msw: [...pipedriveMock.handlers, ...closeMock.handlers] },
  args: { pageSize: 25 },
  beforeEach: () => {
    pipedriveMock.reset()
    closeMock.reset()
    pipedriveMock.setFaults({ latency: { fixedMs: 150, jitterMs: 0 } })
    closeMock.setFaults({ latency: { fixedMs: 150, jitterMs: 0 } })
  },
} satisfies Meta<typeof PipedriveDealsPages>

export default meta
type Story = StoryObj<typeof meta>

/** Waits until the mock has answered `count` requests, all successfully. */
const answered = (count: number) =>
  waitFor(
    () => {
      expect(pipedriveMock.requests).toHaveLength(count)
      expect(pipedriveMock.requests.every((request) => request.status === 200)).toBe(true)
    },
    { timeout: 5000 },
  )

/** The record rows of the table named `name` (its header row left out). */
const recordRows = (canvas: ReturnType<typeof within>, name: string) =>
  canvas.getByRole('table', { name }).querySelectorAll('tbody tr')

const pageText = (canvas: ReturnType<typeof within>, text: string) =>
  canvas.findByText(text, undefined, { timeout: 5000 })

/** Pipedrive v2 deals: a forward-only cursor. Previous comes from the cursors the hook kept: no request. */
export const CursorPages: Story = {
  decorators: [
    intro(
      'usePagedList on Pipedrive deals, a cursor API that only goes forward: press Next a few times, then Previous. Previous shows the pages already loaded, without a new request.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await pageText(canvas, 'Page 1')).toBeVisible()
    const next = canvas.getByRole('button', { name: 'Next page' })
    await waitFor(() => expect(next).toBeEnabled(), { timeout: 5000 })
    await userEvent.click(next)
    await expect(await pageText(canvas, 'Page 2')).toBeVisible()
    await waitFor(() => expect(next).toBeEnabled(), { timeout: 5000 })
    await userEvent.click(next)
    await expect(await pageText(canvas, 'Page 3')).toBeVisible()
    await answered(4) // pages 1–3, and page 4 prefetched
    await userEvent.click(canvas.getByRole('button', { name: 'Previous page' }))
    await expect(await pageText(canvas, 'Page 2')).toBeVisible()
    await expect(recordRows(canvas, 'Pipedrive deals')).toHaveLength(25)
    await expect(pipedriveMock.requests).toHaveLength(4)
  },
}

/** Close opportunities: an offset API that reports a total, so "Last page" opens page 10 directly. */
export const OffsetPages: Story = {
  decorators: [
    intro(
      'usePagedList on Close opportunities, an offset API that reports its total: "Page 1 of 10", and "Last page" opens page 10 directly, without walking through the pages between.',
    ),
  ],
  render: (args) => <CloseOpportunitiesPages {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await pageText(canvas, 'Page 1 of 10')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Last page' }))
    await expect(await pageText(canvas, 'Page 10 of 10')).toBeVisible()
    await waitFor(() => expect(recordRows(canvas, 'Close opportunities')).toHaveLength(5))
    await expect(closeMock.requests.some((request) => request.query._skip === '225')).toBe(true)
  },
}

/** The server starts failing (5xx) while paging: the page shown stays, the error says why, Retry is offered. */
export const FailedPage: Story = {
  decorators: [
    intro(
      'Page 3 failed with a 502 or 503: the error says so, and the deals of page 2 stay on screen. The server is healthy again now, so press Retry to load page 3.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await pageText(canvas, 'Page 1')).toBeVisible()
    // Page 2 is prefetched once page 1 is shown; then every request fails.
    await answered(2)
    pipedriveMock.setFaults({ failureRate: 1 })
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }))
    await expect(await pageText(canvas, 'Page 2')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }))
    await expect(await canvas.findByRole('alert', undefined, { timeout: 5000 })).toHaveTextContent(
      /HTTP 50[23]/,
    )
    await expect(recordRows(canvas, 'Pipedrive deals')).toHaveLength(25)
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible()
    // Pressing Next scrolled the page down: back to the top, where the error is.
    window.scrollTo(0, 0)
    pipedriveMock.setFaults({ failureRate: 0 })
  },
}

/** The failed page, then Retry: page 3 loads and the error goes. */
export const FailedPageRecovery: Story = {
  ...FailedPage,
  name: 'Failed page — recovery',
  decorators: [
    intro(
      'The same failure on page 3, then Retry: the page is asked for again, "Page 3" is shown and the error goes.',
    ),
  ],
  play: async (context) => {
    await FailedPage.play!(context)
    const canvas = within(context.canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await pageText(canvas, 'Page 3')).toBeVisible()
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull())
  },
}
