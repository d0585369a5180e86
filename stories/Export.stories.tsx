import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createCloseMock } from '../src/mock'
import { EXPORT_MAX_SKIP, ExportDemo } from './demo/ExportDemo'
import type { ExportDemoProps } from './demo/ExportDemo'
import { intro } from './demo/StoryIntro'

type ExportStoryArgs = ExportDemoProps & {
  /** Mock API latency per request. */
  latencyMs: number
}

// 2,500 leads and 1,500 opportunities behind a max_skip of 1,000: an export needs keyset windows to finish.
const closeMock = createCloseMock({ leads: 2500, opportunities: 1500, maxSkip: EXPORT_MAX_SKIP })

const meta: Meta<ExportStoryArgs> = {
  title: 'Hooks/useFetchAll (Export)',
  component: ExportDemo,
  render: ({ resource }) => <ExportDemo resource={resource} />,
  parameters: { msw: closeMock.handlers },
  args: { resource: 'lead', latencyMs: 120 },
  argTypes: {
    resource: { control: { type: 'inline-radio' }, options: ['lead', 'opportunity'] },
    latencyMs: { control: { type: 'range', min: 0, max: 2000, step: 50 }, description: 'Mock API latency' },
  },
  beforeEach: ({ args }) => {
    closeMock.reset()
    closeMock.setFaults({ latency: { fixedMs: args.latencyMs, jitterMs: 0 } })
  },
}

export default meta
type Story = StoryObj<ExportStoryArgs>

const status = (canvas: ReturnType<typeof within>) => canvas.getByRole('status')

/**
 * "Export leads" loads all 2,500 leads at 200 per request, past Close's max_skip (1,000 here) in date_created
 * windows: every lead once, and never a 400.
 */
export const ExportLeads: Story = {
  decorators: [
    intro(
      'Press "Export leads" to load all 2,500 leads, 200 per request, past the 1,000 leads Close lets you skip: every lead comes once, and never a 400.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(status(canvas)).toHaveTextContent('Ready to export leads.')
    await userEvent.click(canvas.getByRole('button', { name: 'Export leads' }))
    await expect(canvas.getByRole('button', { name: 'Export leads' })).toBeDisabled()
    await waitFor(() => expect(status(canvas)).toHaveTextContent('Exported 2,500 leads.'), {
      timeout: 10_000,
    })
    await expect(canvas.getByRole('progressbar', { name: 'Export of leads' })).toHaveAttribute('value', '1')
    await expect(closeMock.requests.every((request) => request.status === 200)).toBe(true)
    await expect(closeMock.requests.every((request) => request.query._limit === '200')).toBe(true)
    await expect(closeMock.requests.some((request) => request.query.date_created__lt !== undefined)).toBe(
      true,
    )
  },
}

/** Opportunities report `total_results`: the bar fills toward the total as the pages arrive. */
export const ExportOpportunities: Story = {
  decorators: [
    intro(
      'Press "Export opportunities": Close reports their total, so the progress bar fills toward it as the pages arrive.',
    ),
  ],
  args: { resource: 'opportunity' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Export opportunities' }))
    await waitFor(() => expect(status(canvas)).toHaveTextContent('250 of 1,500 opportunities exported…'), {
      timeout: 5000,
    })
    const bar = canvas.getByRole('progressbar', { name: 'Export of opportunities' })
    await expect(bar).toHaveAttribute('max', '1500')
    await waitFor(() => expect(status(canvas)).toHaveTextContent('Exported 1,500 opportunities.'), {
      timeout: 10_000,
    })
    await expect(bar).toHaveAttribute('value', '1500')
  },
}

/** Cancel stops the export: the count stays where it was and no request follows. */
export const Cancelled: Story = {
  decorators: [
    intro(
      'Press "Export leads", then Cancel: the export stops where it is, with the count so far, and no further request is sent.',
    ),
  ],
  args: { latencyMs: 400 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Export leads' }))
    await waitFor(() => expect(status(canvas)).toHaveTextContent('200 leads exported…'), { timeout: 5000 })
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }))
    await expect(status(canvas)).toHaveTextContent(/Export cancelled after [\d,]+ leads\./)
    const exported = Number(
      /after ([\d,]+) leads/.exec(status(canvas).textContent ?? '')?.[1]?.replace(/,/g, ''),
    )
    // Wait longer than two round trips (400 ms each): an export that went on would have asked for another page.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    // One request per exported page of 200, plus at most the one in flight when Cancel was pressed. (Timestamps
    // cannot tell: a request sent just before Cancel reaches the mock's handler after it, through the service worker.)
    await expect(closeMock.requests.length).toBeLessThanOrEqual(exported / 200 + 1)
    await expect(status(canvas)).toHaveTextContent(
      `Export cancelled after ${exported.toLocaleString('en-US')} leads.`,
    )
    await expect(canvas.getByRole('button', { name: 'Export leads' })).toBeEnabled()
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeDisabled()
  },
}

/** The mock allows 3 requests per second: each 429 is waited out (Retry-After) and the export still completes. */
export const RateLimited: Story = {
  decorators: [
    intro(
      'The API allows 3 requests per second. Press "Export leads": each 429 is waited out as Retry-After says, and the export still completes.',
    ),
  ],
  args: { latencyMs: 0 },
  beforeEach: () => {
    closeMock.reset()
    closeMock.setFaults({ rateLimit: { requests: 3, windowMs: 1000 } })
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Export leads' }))
    await waitFor(() => expect(status(canvas)).toHaveTextContent('Exported 2,500 leads.'), {
      timeout: 20_000,
    })
    const statuses = closeMock.requests.map((request) => request.status)
    await expect(statuses.filter((answer) => answer === 429).length).toBeGreaterThan(0)
    await expect(statuses.filter((answer) => answer === 200)).toHaveLength(13)
  },
}
