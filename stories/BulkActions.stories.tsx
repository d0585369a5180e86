import type { Meta, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse } from 'msw'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { CLOSE_MOCK_BASE_URL, createCloseMock, createPipedriveMock } from '../src/mock'
import { BulkDealsDemo, BulkLeadsDemo } from './demo/BulkActions'
import { intro } from './demo/StoryIntro'

const closeMock = createCloseMock({ leads: 300 })
const pipedriveMock = createPipedriveMock({ deals: 300 })
/** Leads whose first PUT is refused (a 404, as if someone deleted them meanwhile); the next PUT goes through. */
const refusedOnce = new Set<string>()
const refuseFirstPut = http.put(`${CLOSE_MOCK_BASE_URL}/api/v1/lead/:id/`, ({ params }) => {
  const id = String(params.id)
  if (!refusedOnce.has(id)) return undefined
  refusedOnce.delete(id)
  return HttpResponse.json({ error: 'Empty query: Lead matching query does not exist.' }, { status: 404 })
})

const meta = {
  title: 'Edits and selection/Bulk actions',
  component: BulkLeadsDemo,
  parameters: { msw: [refuseFirstPut, ...closeMock.handlers, ...pipedriveMock.handlers] },
  args: { height: 360 },
  beforeEach: () => {
    refusedOnce.clear()
    for (const mock of [closeMock, pipedriveMock]) {
      mock.reset()
      mock.setFaults({ latency: { fixedMs: 80, jitterMs: 40 } })
    }
  },
} satisfies Meta<typeof BulkLeadsDemo>

export default meta
type Story = StoryObj<typeof meta>

const TIMEOUT = { timeout: 20_000 }
type Canvas = ReturnType<typeof within>

async function loadedGrid(canvas: Canvas) {
  const grid = await canvas.findByRole('grid', {}, TIMEOUT)
  await waitFor(
    () => expect(grid.querySelectorAll('.pw-infinite-table__row').length).toBeGreaterThan(5),
    TIMEOUT,
  )
  return grid
}
const rowAt = (grid: HTMLElement, index: number) =>
  grid.querySelector<HTMLElement>(`.pw-infinite-table__row[data-index="${index}"]`)!
const cellText = (grid: HTMLElement, index: number, column: string) =>
  rowAt(grid, index).querySelector(`[data-column="${column}"]`)!.textContent
const tick = (grid: HTMLElement, index: number) =>
  userEvent.click(within(rowAt(grid, index)).getByRole('checkbox'))
const report = (canvas: Canvas) => canvas.findByTestId('bulk-report', {}, TIMEOUT)
const writes = (method: string) =>
  [...closeMock.requests, ...pipedriveMock.requests].filter((request) => request.method === method)

/** Three leads ticked by hand, "Change status to Customer", Apply: three PUTs, the rows change in place. */
export const ChangeLeadStatus: Story = {
  decorators: [
    intro(
      'Tick a few leads, pick a status, Apply: one PUT /lead/{id}/ per lead to the mock Close API, two at a time. Each row changes as its answer lands, without reloading the list.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await loadedGrid(canvas)
    const names = [0, 1, 3].map((index) => cellText(grid, index, 'display_name'))
    for (const index of [0, 1, 3]) await tick(grid, index)
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Change status to' }), 'Customer')
    await userEvent.click(canvas.getByRole('button', { name: 'Apply to 3 leads' }))
    await waitFor(
      () => expect(canvas.getByTestId('bulk-report')).toHaveTextContent('3 changed to Customer, 0 failed'),
      TIMEOUT,
    )
    await expect(writes('PUT')).toHaveLength(3)
    await expect([0, 1, 3].map((index) => cellText(grid, index, 'status_label'))).toEqual([
      'Customer',
      'Customer',
      'Customer',
    ])
    // In place: the same leads in the same rows, and the list was not loaded again.
    await expect([0, 1, 3].map((index) => cellText(grid, index, 'display_name'))).toEqual(names)
    await expect(
      writes('GET').filter((request) => request.path.endsWith('/lead/') && request.query._skip === '0'),
    ).toHaveLength(1)
  },
}

/**
 * "Potential" leads, all selected but three, moved to Qualified through the rate limit: they leave the list, the three
 * stay.
 */
export const AllButThreeThroughRateLimit: Story = {
  decorators: [
    intro(
      'Show the Potential leads, tick the header (every Potential lead, loaded or not), untick three, move them to Qualified. The mock allows 10 requests a second: the run waits out each 429 and goes on. The moved leads leave the list; the three unticked stay.',
    ),
  ],
  beforeEach: () => closeMock.setFaults({ rateLimit: { requests: 10, windowMs: 1000 } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Show' }), 'Potential')
    const grid = await loadedGrid(canvas)
    await waitFor(() => expect(grid.getAttribute('aria-busy')).toBeNull(), TIMEOUT)
    const potential = closeMock.dataset.leads.filter((lead) => lead.status_label === 'Potential').length
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select all' }))
    const kept = [1, 2, 4].map((index) => cellText(grid, index, 'display_name'))
    for (const index of [1, 2, 4]) await tick(grid, index)
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Change status to' }), 'Qualified')
    await userEvent.click(canvas.getByRole('button', { name: `Apply to ${potential - 3} leads` }))
    await waitFor(
      () =>
        expect(canvas.getByTestId('bulk-report')).toHaveTextContent(
          `${potential - 3} changed to Qualified, 0 failed`,
        ),
      { timeout: 60_000 },
    )
    // One accepted PUT per lead; the refused ones (429) were sent again after the wait.
    await expect(writes('PUT').filter((request) => request.status === 200)).toHaveLength(potential - 3)
    await expect(writes('PUT').some((request) => request.status === 429)).toBe(true)
    await waitFor(
      () => expect(grid.querySelectorAll('.pw-infinite-table__row[data-index]').length).toBe(3),
      TIMEOUT,
    )
    await expect([0, 1, 2].map((index) => cellText(grid, index, 'display_name'))).toEqual(kept)
  },
}

/** Two of five PUTs refused: the report names them, and "Retry the 2 failed" is there. */
export const SomeFailed: Story = {
  decorators: [
    intro(
      'Five leads, two of which the API refuses (404, as if deleted by someone else meanwhile): the report names them and offers to retry only those. The other three changed in place.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await loadedGrid(canvas)
    const leads = closeMock.dataset.leads
    refusedOnce.add(leads[1]!.id).add(leads[3]!.id)
    for (const index of [0, 1, 2, 3, 4]) await tick(grid, index)
    await userEvent.click(canvas.getByRole('button', { name: 'Apply to 5 leads' }))
    const done = await report(canvas)
    await waitFor(() => expect(done).toHaveTextContent('3 changed to Qualified, 2 failed'), TIMEOUT)
    await expect(done).toHaveTextContent(
      `${cellText(grid, 1, 'display_name')}: 404 Empty query: Lead matching query does not exist.`,
    )
    await expect(within(done).getByRole('button', { name: 'Retry the 2 failed' })).toBeEnabled()
  },
}

/** Retry the failed ones: only those two are sent again, and the report covers all five. */
export const RetryFailed: Story = {
  decorators: [
    intro('As before, then "Retry the 2 failed": two more PUTs, and all five leads are Qualified.'),
  ],
  play: async (context) => {
    await SomeFailed.play!(context)
    const canvas = within(context.canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Retry the 2 failed' }))
    await waitFor(
      () => expect(canvas.getByTestId('bulk-report')).toHaveTextContent('5 changed to Qualified, 0 failed'),
      TIMEOUT,
    )
    // Five reached the mock: three the first time, the two refused ones (answered before the mock) on the retry.
    await expect(writes('PUT')).toHaveLength(5)
  },
}

/** Cancel part way: what was done is reported; the rest is not done (a request in flight is aborted, though the API may have got it). */
export const Cancelled: Story = {
  decorators: [
    intro(
      'Each write takes 1.5 s here. Apply to eight leads, then Cancel: the requests in flight are aborted (the API may still have got them), the rest is never sent, and the report counts what was done.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await loadedGrid(canvas)
    closeMock.setFaults({ latency: { fixedMs: 1500, jitterMs: 0 } })
    for (const index of [0, 1, 2, 3, 4, 5, 6, 7]) await tick(grid, index)
    await userEvent.click(canvas.getByRole('button', { name: 'Apply to 8 leads' }))
    await canvas.findByRole('progressbar', {}, TIMEOUT)
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }))
    const done = await report(canvas)
    await waitFor(
      () => expect(done).toHaveTextContent(/^Cancelled\. \d changed to Qualified, 0 failed, \d not done\./),
      TIMEOUT,
    )
    await expect(writes('PUT').length).toBeLessThan(8)
  },
}

/** A long rate-limit wait: the run shows that it is paused (and stays so for the story's visitor). */
export const PausedByRateLimit: Story = {
  decorators: [
    intro(
      'The mock allows 3 requests per 10 minutes: after two writes the API answers 429 with Retry-After, and the run waits, saying so. Cancel stops it.',
    ),
  ],
  beforeEach: () => closeMock.setFaults({ rateLimit: { requests: 3, windowMs: 600_000 } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await loadedGrid(canvas)
    for (const index of [0, 1, 2, 3, 4]) await tick(grid, index)
    await userEvent.click(canvas.getByRole('button', { name: 'Apply to 5 leads' }))
    await canvas.findByText('Rate limited by the API: going on shortly…', {}, TIMEOUT)
    await expect(canvas.getByRole('progressbar')).toBeInTheDocument()
  },
}

/** The same on Pipedrive deals: one PATCH /api/v2/deals/{id} per deal. */
export const ChangeDealStatus: Story = {
  render: (args) => <BulkDealsDemo {...args} />,
  decorators: [
    intro(
      'Pipedrive deals: tick two, mark them won. One PATCH /api/v2/deals/{id} each; the rows change in place.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await loadedGrid(canvas)
    for (const index of [0, 2]) await tick(grid, index)
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Change status to' }), 'won')
    await userEvent.click(canvas.getByRole('button', { name: 'Apply to 2 deals' }))
    await waitFor(
      () => expect(canvas.getByTestId('bulk-report')).toHaveTextContent('2 changed to won, 0 failed'),
      TIMEOUT,
    )
    await expect(writes('PATCH').map((request) => request.body)).toEqual([
      { status: 'won' },
      { status: 'won' },
    ])
    await expect([0, 2].map((index) => cellText(grid, index, 'status'))).toEqual(['won', 'won'])
  },
}
