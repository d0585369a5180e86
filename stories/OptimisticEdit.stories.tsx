import type { Meta, StoryObj } from '@storybook/react-vite'
import { delay, http, HttpResponse } from 'msw'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../src/mock'
import { OptimisticEditDemo } from './demo/OptimisticEdit'
import { intro } from './demo/StoryIntro'

// Few enough leads that both tables render them all (the edited one is on screen in both).
const closeMock = createCloseMock({ leads: 12 })
/** When set, every PUT is refused after a short wait, as Close refuses a status it does not know. */
let refuseWrites = false
const refusingPut = http.put(`${CLOSE_MOCK_BASE_URL}/api/v1/lead/:id/`, async () => {
  if (!refuseWrites) return undefined
  await delay(600)
  return HttpResponse.json({ errors: [], 'field-errors': { status: 'Not a valid choice.' } }, { status: 400 })
})

const meta = {
  title: 'Edits and selection/Optimistic edit',
  component: OptimisticEditDemo,
  parameters: { msw: [refusingPut, ...closeMock.handlers] },
  beforeEach: () => {
    refuseWrites = false
    closeMock.reset()
    closeMock.setFaults({ latency: { fixedMs: 300, jitterMs: 0 } })
  },
} satisfies Meta<typeof OptimisticEditDemo>

export default meta
type Story = StoryObj<typeof meta>

const TIMEOUT = { timeout: 10_000 }
type Canvas = ReturnType<typeof within>

/** The status each table shows for the lead named `name`. */
const statusesOf = (canvas: Canvas, name: string) =>
  ['Leads, newest first', 'Leads by name'].map((label) => {
    const row = [
      ...canvas.getByRole('grid', { name: label }).querySelectorAll('.pw-infinite-table__row'),
    ].find((candidate) => candidate.querySelector('[data-column="display_name"]')?.textContent === name)
    return row?.querySelector('[data-column="status_label"]')?.textContent
  })

/** Select the newest lead and press the first "Make …" button: returns its name and the status asked for. */
async function editFirstLead(canvas: Canvas) {
  const grid: HTMLElement = await canvas.findByRole('grid', { name: 'Leads, newest first' }, TIMEOUT)
  await waitFor(
    () => expect(grid.querySelectorAll('.pw-infinite-table__row').length).toBeGreaterThan(5),
    TIMEOUT,
  )
  await waitFor(
    () =>
      expect(
        canvas.getByRole('grid', { name: 'Leads by name' }).querySelectorAll('.pw-infinite-table__row')
          .length,
      ).toBeGreaterThan(5),
    TIMEOUT,
  )
  const row = grid.querySelector<HTMLElement>('.pw-infinite-table__row[data-index="0"]')!
  const name = row.querySelector('[data-column="display_name"]')!.textContent!
  const before = row.querySelector('[data-column="status_label"]')!.textContent!
  await userEvent.click(within(row).getByRole('checkbox'))
  const button = (await canvas.findAllByRole('button', { name: /^Make / }))[0]!
  const status = button.textContent!.replace('Make ', '')
  await userEvent.click(button)
  return { name, before, status }
}

/** The new status shows in both tables at once, then the server's answer confirms it. */
export const EditReachesEveryList: Story = {
  decorators: [
    intro(
      'Two lists of one key prefix: newest first and by name. Select a lead, press "Make …": useMutation\'s onMutate edits every cached list with listCache.updateItem, so both tables change at once; the server\'s answer replaces the guess.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const { name, status } = await editFirstLead(canvas)
    // Before the server answers (300 ms), both tables already show it.
    await expect(statusesOf(canvas, name)).toEqual([status, status])
    await canvas.findByText(`${name} is now ${status}.`, {}, TIMEOUT)
    await expect(statusesOf(canvas, name)).toEqual([status, status])
    await expect(closeMock.dataset.leads.find((lead) => lead.display_name === name)?.status_label).toBe(
      status,
    )
  },
}

/** The server refuses: the guess is taken back in both tables, and the user is told. */
export const EditRefusedAndUndone: Story = {
  decorators: [
    intro(
      "The same, but the API refuses the change (400): onError calls the undo listCache returned, and both tables show the lead's status as it was.",
    ),
  ],
  play: async ({ canvasElement }) => {
    refuseWrites = true
    const canvas = within(canvasElement)
    const { name, before, status } = await editFirstLead(canvas)
    await expect(statusesOf(canvas, name)).toEqual([status, status])
    const message = await canvas.findByText(/was not changed/, {}, TIMEOUT)
    await expect(message).toHaveTextContent(
      `${name} was not changed (status: Not a valid choice.); its status is back.`,
    )
    await expect(statusesOf(canvas, name)).toEqual([before, before])
  },
}
