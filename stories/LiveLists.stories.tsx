import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createCloseMock } from '../src/mock'
import { LiveLeadsDemo } from './demo/LiveLeads'
import { intro } from './demo/StoryIntro'

const closeMock = createCloseMock({ leads: 300 })

const meta = {
  title: 'Live lists/New leads on top',
  component: LiveLeadsDemo,
  parameters: { msw: closeMock.handlers },
  // A fresh mock for every story: leads created in one never show in the next.
  beforeEach: () => {
    closeMock.reset()
    closeMock.setFaults({ latency: { fixedMs: 150, jitterMs: 0 } })
  },
} satisfies Meta<typeof LiveLeadsDemo>

export default meta
type Story = StoryObj<typeof meta>

const TIMEOUT = { timeout: 10_000 }

async function tableReady(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  const grid: HTMLElement = await canvas.findByRole('grid', { name: 'Live leads' }, TIMEOUT)
  await waitFor(
    () => expect(grid.querySelectorAll('.pw-infinite-table__row').length).toBeGreaterThan(5),
    TIMEOUT,
  )
  return { canvas, grid }
}

/** Where each row in view sits on screen, by lead name. */
const rowTops = (grid: HTMLElement) =>
  Object.fromEntries(
    [...grid.querySelectorAll<HTMLElement>('.pw-infinite-table__row')].map((row) => [
      row.querySelector('[data-column="display_name"]')!.textContent,
      Math.round(row.getBoundingClientRect().top),
    ]),
  )

/** Scrolled down, three leads arrive: a button says so, and nothing under the user's eyes moves. */
export const NewLeadsWhileScrolledDown: Story = {
  args: { interval: 60_000 },
  decorators: [
    intro(
      'Scroll down a little, then press "Create 3 leads" and "Refresh now" (or wait for the poll): the new leads wait behind the "3 new leads" button, announced politely, and no row you are looking at moves. The button takes you to the top, where they are.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const { canvas, grid } = await tableReady(canvasElement)
    grid.scrollTop = 600
    await waitFor(() => expect(grid.scrollTop).toBe(600), TIMEOUT)
    await userEvent.click(canvas.getByRole('button', { name: 'Create 3 leads' }))
    await waitFor(() => expect(closeMock.dataset.leads[0]?.display_name).toBe('New lead 3'), TIMEOUT)
    const before = rowTops(grid)
    await userEvent.click(canvas.getByRole('button', { name: 'Refresh now' }))
    await canvas.findByRole('button', { name: '3 new leads' }, TIMEOUT)
    await expect(rowTops(grid)).toEqual(before)
    await expect(grid.scrollTop).toBe(600)
  },
}

/** At the top, new leads simply appear there. */
export const NewLeadsAtTheTop: Story = {
  args: { interval: 60_000 },
  decorators: [
    intro(
      'At the top of the list, new leads show at once, above the others, and are announced: press "Create 3 leads", then "Refresh now".',
    ),
  ],
  play: async ({ canvasElement }) => {
    const { canvas, grid } = await tableReady(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Create 3 leads' }))
    await waitFor(() => expect(closeMock.dataset.leads[0]?.display_name).toBe('New lead 3'), TIMEOUT)
    await userEvent.click(canvas.getByRole('button', { name: 'Refresh now' }))
    await waitFor(
      () =>
        expect(
          [...grid.querySelectorAll('.pw-infinite-table__row')]
            .slice(0, 3)
            .map((row) => row.querySelector('[data-column="display_name"]')!.textContent),
        ).toEqual(['New lead 3', 'New lead 2', 'New lead 1']),
      TIMEOUT,
    )
    await expect(canvas.queryByRole('button', { name: /new leads?$/ })).toBeNull()
  },
}

/** Polling: leads created elsewhere show up within the interval. */
export const Polling: Story = {
  args: { interval: 2_000 },
  decorators: [
    intro(
      'refreshHeadInterval: 2000. Press "Create 3 leads" and wait: within two seconds they appear on top (or behind the button, when scrolled down). Polling pauses while the tab is hidden.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const { canvas, grid } = await tableReady(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Create 3 leads' }))
    // No refresh pressed: the poll brings them.
    await waitFor(
      () =>
        expect(grid.querySelector('[aria-rowindex="2"] [data-column="display_name"]')?.textContent).toBe(
          'New lead 3',
        ),
      TIMEOUT,
    )
    await expect(canvas.getByText(/· 0 waiting ·/)).toBeTruthy()
  },
}
