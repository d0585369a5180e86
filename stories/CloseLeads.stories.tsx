import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { createCloseMock } from '../src/mock'
import { CloseLeadsList } from './demo/CloseLeadsList'

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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('200 leads loaded', undefined, { timeout: 5000 })).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** The second page comes back malformed: the first 50 leads stay, the typed error names the field, Retry resumes. */
export const MalformedPage: Story = {
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
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByText('100 leads loaded', undefined, { timeout: 5000 })).toBeVisible()
  },
}
