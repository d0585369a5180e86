import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createPipedriveMock } from '../src/mock'
import { DEAL_PARAMS, PagedDealsDemo } from './demo/ShapedLists'
import { intro } from './demo/StoryIntro'

const pipedriveMock = createPipedriveMock({ deals: 240 })

/** Removes this demo's params from the preview's URL: a story must not open in the view the one before left. */
function clearUrl() {
  const url = new URL(window.location.href)
  for (const name of [...Object.values(DEAL_PARAMS), 'status']) url.searchParams.delete(name)
  window.history.replaceState(window.history.state, '', url)
}

const meta = {
  title: 'Lists users shape/Pipedrive deals, paged',
  component: PagedDealsDemo,
  parameters: { msw: pipedriveMock.handlers },
  args: { pageSize: 10, searchDelayMs: 300 },
  beforeEach: () => {
    clearUrl()
    pipedriveMock.reset()
    pipedriveMock.setFaults({ latency: { fixedMs: 120, jitterMs: 0 } })
    return clearUrl
  },
} satisfies Meta<typeof PagedDealsDemo>

export default meta
type Story = StoryObj<typeof meta>

/** The v2 deals requests (not searches), their query strings parsed. */
const listRequests = () =>
  pipedriveMock.requests
    .filter((request) => request.path.endsWith('/v2/deals'))
    .map((request) => request.query)
const rowsOf = (canvas: ReturnType<typeof within>) =>
  [...canvas.getByRole('table', { name: 'Pipedrive deals' }).querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent),
  )
const settled = (canvas: ReturnType<typeof within>) =>
  waitFor(
    () => {
      expect(canvas.getByRole('table', { name: 'Pipedrive deals' }).getAttribute('aria-busy')).toBe('false')
      expect(rowsOf(canvas).length).toBeGreaterThan(0)
    },
    { timeout: 10_000 },
  )

/** Sort by a header, filter by status, search: each in Pipedrive's own syntax, each in the URL. */
export const SortFilterAndSearch: Story = {
  decorators: [
    intro(
      'Pipedrive v2 deals, 10 a page. Press a header (Id, Added, Updated) to sort, pick a status or an owner, or type 2 letters to search: the request goes out in Pipedrive’s syntax (sort_by, sort_direction, status, owner_id, /deals/search?term=), the previous rows stay dimmed until the new ones land, the pager goes back to page 1, and the URL keeps the view (try Back).',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await settled(canvas)
    // The default sort: newest first.
    await expect(canvas.getByRole('columnheader', { name: /Added/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    await expect(listRequests()[0]).toMatchObject({ sort_by: 'add_time', sort_direction: 'desc' })

    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }))
    await settled(canvas)
    await userEvent.click(canvas.getByRole('button', { name: 'Added' }))
    await settled(canvas)
    await expect(canvas.getByRole('columnheader', { name: /Added/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    await expect(listRequests().at(-1)).toMatchObject({ sort_by: 'add_time', sort_direction: 'asc' })
    await expect(listRequests().at(-1)!.cursor).toBeUndefined()
    await waitFor(() => expect(canvas.getByText('Sorted by Added, ascending')).toBeInTheDocument())
    await expect(new URL(window.location.href).searchParams.get('deals_sort')).toBe('add_time')
    await expect(new URL(window.location.href).searchParams.get('deals_page')).toBeNull()

    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'won')
    await settled(canvas)
    await expect(listRequests().at(-1)).toMatchObject({ status: 'won', sort_by: 'add_time' })
    await expect(rowsOf(canvas).every((row) => row[2] === 'won')).toBe(true)

    const owner = canvas.getByRole('combobox', { name: 'Owner' })
    await waitFor(() => expect(owner.querySelectorAll('option').length).toBeGreaterThan(1), {
      timeout: 10_000,
    })
    const [, first] = [...owner.querySelectorAll('option')]
    await userEvent.selectOptions(owner, first!.value)
    await settled(canvas)
    await expect(listRequests().at(-1)).toMatchObject({ status: 'won', owner_id: first!.value })
    await expect(rowsOf(canvas).every((row) => row[2] === 'won' && row[3] === first!.textContent)).toBe(true)
    await userEvent.selectOptions(owner, '')
    await settled(canvas)

    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search deals' }), 'hardware')
    await waitFor(() => expect(canvas.getByText('Best matches for “hardware”')).toBeInTheDocument(), {
      timeout: 10_000,
    })
    await settled(canvas)
    const searches = pipedriveMock.requests.filter((request) => request.path.endsWith('/v2/deals/search'))
    // Debounced: one search for the whole word, not one per letter.
    await expect(searches.map((request) => request.query.term)).toEqual(['hardware'])
    await expect(rowsOf(canvas).every((row) => /hardware/i.test(row[1]!) && row[2] === 'won')).toBe(true)
    // Pipedrive's search filters by status, not by owner: the owner filter waits for the search to be cleared.
    await expect(canvas.getByRole('combobox', { name: 'Owner' })).toBeDisabled()
  },
}

/** A new sort on a slow API: the previous rows stay, dimmed and busy, until the new page lands (it never does here). */
export const SlowSortChange: Story = {
  decorators: [
    intro(
      'The sort changes on a slow API (this one never answers): the rows of the previous sort stay on screen, dimmed and marked busy, instead of a blank table.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await settled(canvas)
    const before = rowsOf(canvas)
    pipedriveMock.setFaults({ latency: { fixedMs: 3_600_000, jitterMs: 0 } })
    await userEvent.click(canvas.getByRole('button', { name: 'Updated' }))
    const table = canvas.getByRole('table', { name: 'Pipedrive deals' })
    await waitFor(() => expect(table).toHaveAttribute('data-state', 'refreshing'))
    await expect(table).toHaveAttribute('aria-busy', 'true')
    await expect(rowsOf(canvas)).toEqual(before)
    await expect(canvas.getByRole('columnheader', { name: /Updated/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
  },
}

/** A sort the API refuses: its 400 message, with the previous rows still there and Retry. */
export const FailingSortChange: Story = {
  args: { sortable: ['id', 'title', 'add_time', 'update_time'] },
  decorators: [
    intro(
      'Deal is sortable here, but Pipedrive v2 cannot sort by title: its 400 answer is shown with Retry, and the rows of the previous sort stay. Sort by Added to recover.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await settled(canvas)
    const before = rowsOf(canvas)
    await userEvent.click(canvas.getByRole('button', { name: 'Deal' }))
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible(), {
      timeout: 10_000,
    })
    await expect(canvas.getByText(/HTTP 400/)).toBeVisible()
    await expect(rowsOf(canvas)).toEqual(before)
  },
}

/** The failing sort, then a sort the API takes: the list recovers. */
export const FailingSortChangeRecovery: Story = {
  ...FailingSortChange,
  name: 'Failing sort change — recovery',
  play: async (context) => {
    await FailingSortChange.play!(context)
    const canvas = within(context.canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Added' }))
    await settled(canvas)
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull()
    await expect(canvas.getByRole('columnheader', { name: /Added/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
  },
}
