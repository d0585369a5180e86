import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { crmMocks } from './support/crmMocks'
import { Dashboard } from './demo/Dashboard'
import { DEAL_PARAMS } from './demo/ShapedLists'
import type { DashboardProps } from './demo/Dashboard'

type DashboardArgs = DashboardProps & {
  /** Latency of both mock APIs, per request. */
  latencyMs: number
}

const mocks = crmMocks({ leads: 2_500, events: 1_000 }, { deals: 600 })

/** The deals keep their view in the URL: a story starts without the one before's. */
function clearDealParams() {
  const url = new URL(window.location.href)
  for (const name of [...Object.values(DEAL_PARAMS), 'status']) url.searchParams.delete(name)
  window.history.replaceState(window.history.state, '', url)
}
const { closeMock } = mocks

/**
 * Three lists, three pagination styles, one screen: what `npm start` opens on. Switch the
 * toolbar's **Data** to live to run it on your own Close and Pipedrive accounts.
 */
const meta: Meta<DashboardArgs> = {
  title: 'CRM dashboard',
  component: Dashboard,
  // No docs page: `npm start` opens straight on the live dashboard story.
  tags: ['!autodocs'],
  parameters: { msw: mocks.handlers },
  args: { leadsPageSize: 100, dealsPageSize: 10, eventsPageSize: 50, latencyMs: 150 },
  argTypes: {
    leadsPageSize: {
      control: { type: 'number', min: 1, max: 500 },
      description: 'Close leads per request (clamped to 200)',
    },
    dealsPageSize: {
      control: { type: 'inline-radio' },
      options: [10, 25, 50],
      description: 'Pipedrive deals per page',
    },
    eventsPageSize: {
      control: { type: 'number', min: 1, max: 100 },
      description: 'Close events per request (clamped to 50)',
    },
    latencyMs: {
      control: { type: 'range', min: 0, max: 3000, step: 50 },
      description: 'Latency of both mock APIs, per request',
    },
  },
  render: ({ leadsPageSize, dealsPageSize, eventsPageSize }) => (
    <Dashboard leadsPageSize={leadsPageSize} dealsPageSize={dealsPageSize} eventsPageSize={eventsPageSize} />
  ),
  beforeEach: ({ args }) => {
    mocks.reset(args.latencyMs)
    clearDealParams()
    return clearDealParams
  },
}

export default meta
type Story = StoryObj<DashboardArgs>

const TIMEOUT = { timeout: 8000 }
const lastRowIndex = (grid: HTMLElement) =>
  Number([...grid.querySelectorAll('.pw-infinite-table__row')].at(-1)?.getAttribute('aria-rowindex') ?? 0)

/**
 * Close leads (offset), Pipedrive deals (cursor, with Previous from the kept cursors) and the Close event log
 * (cursor) side by side. The TanStack Query Devtools button (bottom right, in `npm start`) opens the shared cache.
 */
export const CrmDashboard: Story = {
  name: 'CRM dashboard',
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement)
    const leads = await canvas.findByRole('grid', { name: 'Close leads' }, TIMEOUT)
    const events = await canvas.findByRole('grid', { name: 'Close events' }, TIMEOUT)
    const deals = await canvas.findByRole('navigation', { name: 'Pipedrive deals pages' }, TIMEOUT)

    await step('every panel shows data', async () => {
      await waitFor(() => expect(lastRowIndex(leads)).toBeGreaterThan(1), TIMEOUT)
      await waitFor(() => expect(lastRowIndex(events)).toBeGreaterThan(1), TIMEOUT)
      await waitFor(() => expect(within(deals).getByText('1–10 of many')).toBeVisible(), TIMEOUT)
      await expect(
        canvas.getByRole('table', { name: 'Pipedrive deals' }).querySelectorAll('tbody tr'),
      ).toHaveLength(10)
    })

    await step('scrolling the event feed loads the next cursor page', async () => {
      await waitFor(() => {
        events.scrollTop = events.scrollHeight
        expect(lastRowIndex(events)).toBeGreaterThan(51)
      }, TIMEOUT)
      await expect(closeMock.requests.some((request) => request.query._cursor !== undefined)).toBe(true)
    })

    await step('the deals pager moves forward', async () => {
      const next = within(deals).getByRole('button', { name: 'Next page' })
      await waitFor(() => expect(next).not.toHaveAttribute('data-disabled'), TIMEOUT)
      await userEvent.click(next)
      await waitFor(() => expect(within(deals).getByText('11–20 of many')).toBeVisible(), TIMEOUT)
    })

    await step('the deals filter by status, and come back when it is cleared', async () => {
      const status = canvas.getAllByRole('combobox', { name: 'Status' }).at(-1)!
      await userEvent.selectOptions(status, 'won')
      const dealRows = () =>
        [...canvas.getByRole('table', { name: 'Pipedrive deals' }).querySelectorAll('tbody tr')].map(
          (row) => row.children[2]!.textContent,
        )
      await waitFor(() => expect(new Set(dealRows())).toEqual(new Set(['won'])), TIMEOUT)
      await userEvent.selectOptions(status, '')
      await waitFor(() => expect(new Set(dealRows()).size).toBeGreaterThan(1), TIMEOUT)
    })

    // The story is what `npm start` opens on: leave it as a visitor first sees it, every list at its start.
    await step('back where a visitor starts', async () => {
      await userEvent.click(within(deals).getByRole('button', { name: 'Previous page' }))
      await waitFor(() => expect(within(deals).getByText('1–10 of many')).toBeVisible(), TIMEOUT)
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
      events.scrollTop = 0
      leads.scrollTop = 0
      window.scrollTo(0, 0)
      await waitFor(() => {
        expect(events.scrollTop).toBe(0)
        expect(leads.scrollTop).toBe(0)
        expect(window.scrollY).toBe(0)
      }, TIMEOUT)
      await expect(canvas.getByRole('heading', { level: 1, name: 'CRM dashboard' })).toBeVisible()
    })
  },
}
