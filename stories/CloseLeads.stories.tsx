import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { createCloseMock } from '../src/mock'
import { CloseLeadsList } from './demo/CloseLeadsList'
import { intro } from './demo/StoryIntro'

const closeMock = createCloseMock({ leads: 2500 })

const meta = {
  title: 'Adapters/Close leads (closeOffset)',
  component: CloseLeadsList,
  parameters: { msw: closeMock.handlers },
  args: { pageSize: 50, latencyMs: 150 },
  argTypes: {
    pageSize: { control: { type: 'number', min: 1, max: 500 } },
    latencyMs: { control: { type: 'range', min: 0, max: 2000, step: 50 }, description: 'Mock API latency' },
  },
  beforeEach: ({ args }) => {
    closeMock.reset()
    closeMock.setFaults({ latency: { fixedMs: args.latencyMs, jitterMs: 0 } })
  },
} satisfies Meta<React.ComponentProps<typeof CloseLeadsList> & { latencyMs: number }>

export default meta
type Story = StoryObj<typeof meta>

/** 2,500 seeded Close leads from the mock API, 50 per request, "Load more" appends the next `_skip`. */
export const Leads: Story = {
  decorators: [
    intro(
      'A plain table on usePaginatedList: 2,500 Close leads, 50 per request. Press "Load more" at the bottom to append the next 50.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const table = await canvas.findByRole('table', { name: 'Close leads' })
    await expect(await canvas.findByText('50 leads loaded', undefined, { timeout: 5000 })).toBeVisible()
    await expect(within(table).getAllByRole('row')).toHaveLength(51)
    await userEvent.click(canvas.getByRole('button', { name: 'Load more' }))
    await expect(await canvas.findByText('100 leads loaded', undefined, { timeout: 5000 })).toBeVisible()
    await expect(within(table).getAllByRole('row')).toHaveLength(101)
  },
}

/** A page size above Close's maximum is clamped to 200 before any request: no 400 from the API. */
export const ClampedPageSize: Story = {
  args: { pageSize: 1000 },
  decorators: [
    intro(
      'The page size asked for is 1,000, above the 200 Close allows: pagewise asks for 200, so the API never answers 400. Change the pageSize control to try other sizes.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('200 leads loaded', undefined, { timeout: 5000 })).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** The second page comes back malformed: the first 50 leads stay, the typed error names the field, Retry is offered. */
export const MalformedPage: Story = {
  decorators: [
    intro(
      'The second page came back malformed ("has_more" is not a boolean): the error names the field and the 50 leads already loaded stay. Press Retry to ask for the same page again.',
    ),
  ],
  beforeEach: () => {
    closeMock.reset()
    closeMock.setFaults({ latency: { fixedMs: 100, jitterMs: 0 }, malformedOnRequest: 2 })
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('50 leads loaded', undefined, { timeout: 5000 })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Load more' }))
    await expect(await canvas.findByRole('alert', undefined, { timeout: 5000 })).toHaveTextContent(
      'close.offset: expected "has_more" to be a boolean',
    )
    await expect(canvas.getByText('50 leads loaded')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible()
    // Pressing Load more scrolled the page down: back to the top, where the error is.
    window.scrollTo(0, 0)
  },
}

/** The malformed second page, then Retry: the same page loads, and 100 leads are shown. */
export const MalformedPageRecovery: Story = {
  ...MalformedPage,
  name: 'Malformed page — recovery',
  decorators: [
    intro(
      'The same malformed second page, then Retry: the page is asked for again, arrives well formed, and the table shows 100 leads.',
    ),
  ],
  play: async (context) => {
    await MalformedPage.play!(context)
    const canvas = within(context.canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByText('100 leads loaded', undefined, { timeout: 5000 })).toBeVisible()
  },
}
