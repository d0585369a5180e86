import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { InfiniteTable } from '../src'
import { crmMocks } from './support/crmMocks'
import { PipedriveDealsPager, PipedriveNotesPager } from './demo/PagerDemos'
import {
  CloseEventsTable,
  CloseLeadsTable,
  CloseSearchTable,
  PipedriveDealsTable,
  PipedriveNotesTable,
} from './demo/TableDemos'
import { intro } from './demo/StoryIntro'

type AdapterStoryArgs = {
  /** Records per request (each adapter clamps it to its API's maximum). */
  pageSize: number
  /** Mock API latency per request. */
  latencyMs: number
  /** Height of the `<InfiniteTable>` in pixels. */
  height: number
  /** Text a lead's name must contain (Close search only). */
  query: string
}

const mocks = crmMocks({ leads: 2_500, events: 1_000 }, { deals: 1_200, notes: 600 })
const { closeMock, pipedriveMock } = mocks

/**
 * Every built-in adapter, each on its own mock endpoint, in the component that suits it. The request each page
 * sends is what the adapter's API documents: `_skip`, `_cursor`, a `cursor` in a POST body, `start`, `cursor`.
 */
const meta: Meta<AdapterStoryArgs> = {
  title: 'Adapters/Every built-in adapter',
  // The component documented beside the stories; the controls are the story's own args.
  component: InfiniteTable as ComponentType<never> as ComponentType<AdapterStoryArgs>,
  parameters: {
    msw: mocks.handlers,
    controls: { include: ['pageSize', 'latencyMs', 'height', 'query'] },
  },
  args: { pageSize: 50, latencyMs: 120, height: 420, query: '' },
  argTypes: {
    pageSize: {
      control: { type: 'number', min: 1, max: 500 },
      description:
        'Records per request; clamped to the API maximum (Close leads 200, events 50, Pipedrive 500)',
    },
    latencyMs: {
      control: { type: 'range', min: 0, max: 3000, step: 50 },
      description: 'Mock API latency per request, in milliseconds',
    },
    height: {
      control: { type: 'range', min: 200, max: 900, step: 20 },
      description: 'Height of the table in pixels (InfiniteTable stories)',
    },
    query: { control: 'text', description: 'Text a lead name must contain (Close search story)' },
  },
  beforeEach: ({ args }) => mocks.reset(args.latencyMs),
}

export default meta
type Story = StoryObj<AdapterStoryArgs>
type Canvas = ReturnType<typeof within>

const TIMEOUT = { timeout: 8000 }
const lastRowIndex = (grid: HTMLElement) =>
  Number([...grid.querySelectorAll('.pw-infinite-table__row')].at(-1)?.getAttribute('aria-rowindex') ?? 0)

/** Finds the grid and waits for its first rows. */
async function gridWithRows(canvas: Canvas, name: string) {
  const grid = await canvas.findByRole('grid', { name }, TIMEOUT)
  await waitFor(() => expect(lastRowIndex(grid)).toBeGreaterThan(1), TIMEOUT)
  return grid
}

/** Scrolls the grid to its bottom until more than `rows` records are shown. */
async function scrollPast(grid: HTMLElement, rows: number) {
  await waitFor(() => {
    grid.scrollTop = grid.scrollHeight
    expect(lastRowIndex(grid)).toBeGreaterThan(rows + 1)
  }, TIMEOUT)
}

/** Presses a pager button once it can act (`data-disabled` is set while it cannot). */
async function press(nav: HTMLElement, name: string) {
  const button = within(nav).getByRole('button', { name })
  await waitFor(() => expect(button).not.toHaveAttribute('data-disabled'), TIMEOUT)
  await userEvent.click(button)
}

const tableArgs = ({ pageSize, height, query }: AdapterStoryArgs) => ({
  pageSize,
  height,
  query: query || undefined,
  loadMode: 'auto' as const,
})
const pagerArgs = ({ pageSize }: AdapterStoryArgs) => ({
  pageSize,
  pageSizeOptions: [10, 25, 50, 100],
  variant: 'full' as const,
})

/** The hostile samples of Pipedrive note HTML, as the text the demos show instead. */
const HOSTILE_NOTE_TEXT = /Pasted from an e-mail|Logo attached|Open the proposal/

/** `closeOffset` on Close `GET /lead/`: `_skip`/`_limit`, the end when `has_more` is false. */
export const CloseLeadsOffset: Story = {
  name: 'Close leads · closeOffset · InfiniteTable',
  decorators: [
    intro(
      'closeOffset on Close leads: pages by _skip and _limit, until has_more is false. Scroll the table to load the next page.',
    ),
  ],
  render: (args) => <CloseLeadsTable {...tableArgs(args)} />,
  play: async ({ canvasElement, args }) => {
    const grid = await gridWithRows(within(canvasElement), 'Close leads')
    await scrollPast(grid, args.pageSize)
    await expect(closeMock.requests.map((request) => request.query._skip).slice(0, 2)).toEqual([
      '0',
      String(args.pageSize),
    ])
  },
}

/** `closeEventsCursor` on Close `GET /event/`: `_cursor` → `cursor_next`, at most 50 events a page. */
export const CloseEventsCursor: Story = {
  name: 'Close events · closeEventsCursor · InfiniteTable',
  decorators: [
    intro(
      "closeEventsCursor on Close's event log: each page's cursor_next asks for the next, at most 50 events at a time. Scroll to load more.",
    ),
  ],
  render: (args) => <CloseEventsTable {...tableArgs(args)} />,
  play: async ({ canvasElement }) => {
    const grid = await gridWithRows(within(canvasElement), 'Close events')
    await scrollPast(grid, 50)
    const [first, second] = closeMock.requests
    await expect(first?.query._cursor).toBeUndefined()
    await expect(second?.query._cursor).toEqual(expect.any(String))
    await expect(second?.query._skip).toBeUndefined()
  },
}

/** `closeSearchCursor` on Close `POST /data/search/`: the `cursor` travels in the JSON body, next to the query. */
export const CloseSearchCursor: Story = {
  name: 'Close search · closeSearchCursor · InfiniteTable',
  decorators: [
    intro(
      'closeSearchCursor on Close search: the cursor travels in the POST body, next to the query. Scroll to load more.',
    ),
  ],
  render: (args) => <CloseSearchTable {...tableArgs(args)} />,
  play: async ({ canvasElement, args }) => {
    const grid = await gridWithRows(within(canvasElement), 'Close lead search')
    await scrollPast(grid, args.pageSize)
    const [first, second] = closeMock.requests
    await expect(first?.method).toBe('POST')
    await expect(first?.path).toBe('/api/v1/data/search/')
    await expect(second?.body).toMatchObject({ cursor: expect.any(String), _limit: args.pageSize })
  },
}

/** `pipedriveOffset` on Pipedrive `GET /v1/notes` in a `<Pager>`: no total, so "of many" until the end. */
export const PipedriveNotesOffsetPager: Story = {
  name: 'Pipedrive notes · pipedriveOffset · Pager',
  decorators: [
    intro(
      'pipedriveOffset on Pipedrive notes in a pager: no total, so the pager says "of many" until the last page. Press Next to page through.',
    ),
  ],
  args: { pageSize: 25 },
  render: (args) => <PipedriveNotesPager {...pagerArgs(args)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const nav = await canvas.findByRole('navigation', { name: 'Pipedrive notes pages' }, TIMEOUT)
    await waitFor(() => expect(within(nav).getByText('1–25 of many')).toBeVisible(), TIMEOUT)
    const table = canvas.getByRole('table', { name: 'Pipedrive notes' })
    // Note HTML is shown as text: the hostile sample on page 1 is words, no element of it reached the page.
    await expect(within(table).getAllByText(HOSTILE_NOTE_TEXT).length).toBeGreaterThan(0)
    await expect(table.querySelector('script, img, a, b, p')).toBeNull()
    await press(nav, 'Next page')
    await waitFor(() => expect(within(nav).getByText('26–50 of many')).toBeVisible(), TIMEOUT)
    await expect(pipedriveMock.requests.some((request) => request.query.start === '25')).toBe(true)
  },
}

/** `pipedriveOffset` on Pipedrive `GET /v1/notes` in an `<InfiniteTable>`: `start` → `next_start`. */
export const PipedriveNotesOffsetTable: Story = {
  name: 'Pipedrive notes · pipedriveOffset · InfiniteTable',
  decorators: [
    intro(
      "pipedriveOffset on Pipedrive notes in a table: each answer's next_start asks for the next page. The notes are HTML, shown as text only. Scroll to load more.",
    ),
  ],
  render: (args) => <PipedriveNotesTable {...tableArgs(args)} />,
  play: async ({ canvasElement, args }) => {
    const grid = await gridWithRows(within(canvasElement), 'Pipedrive notes')
    await expect(within(grid).getAllByText(HOSTILE_NOTE_TEXT).length).toBeGreaterThan(0)
    await expect(grid.querySelector('script, img, a[href], b')).toBeNull()
    await scrollPast(grid, args.pageSize)
    await expect(pipedriveMock.requests[1]?.query.start).toBe(String(args.pageSize))
  },
}

/** `pipedriveCursor` on Pipedrive `GET /v2/deals` in a `<Pager>`: Previous comes from the cursors the hook kept. */
export const PipedriveDealsCursorPager: Story = {
  name: 'Pipedrive deals · pipedriveCursor · Pager',
  decorators: [
    intro(
      'pipedriveCursor on Pipedrive deals in a pager: Next sends the cursor, Previous shows a page already loaded, without a request. Press Next, then Previous.',
    ),
  ],
  args: { pageSize: 25 },
  render: (args) => <PipedriveDealsPager {...pagerArgs(args)} />,
  play: async ({ canvasElement }) => {
    const nav = await within(canvasElement).findByRole(
      'navigation',
      { name: 'Pipedrive deals pages' },
      TIMEOUT,
    )
    await waitFor(() => expect(within(nav).getByText('1–25 of many')).toBeVisible(), TIMEOUT)
    await press(nav, 'Next page')
    await waitFor(() => expect(within(nav).getByText('26–50 of many')).toBeVisible(), TIMEOUT)
    await expect(pipedriveMock.requests.some((request) => request.query.cursor !== undefined)).toBe(true)
    // Pages 1 and 2, and page 3 prefetched once page 2 is shown: then Previous sends nothing.
    await waitFor(() => expect(pipedriveMock.requests).toHaveLength(3), TIMEOUT)
    const sent = pipedriveMock.requests.length
    await press(nav, 'Previous page')
    await waitFor(() => expect(within(nav).getByText('1–25 of many')).toBeVisible(), TIMEOUT)
    await expect(pipedriveMock.requests).toHaveLength(sent)
  },
}

/** `pipedriveCursor` on Pipedrive `GET /v2/deals` in an `<InfiniteTable>`: `cursor` → `additional_data.next_cursor`. */
export const PipedriveDealsCursorTable: Story = {
  name: 'Pipedrive deals · pipedriveCursor · InfiniteTable',
  decorators: [
    intro(
      "pipedriveCursor on Pipedrive deals in a table: each answer's next_cursor asks for the next page. Scroll to load more.",
    ),
  ],
  render: (args) => <PipedriveDealsTable {...tableArgs(args)} />,
  play: async ({ canvasElement, args }) => {
    const grid = await gridWithRows(within(canvasElement), 'Pipedrive deals')
    await scrollPast(grid, args.pageSize)
    await expect(pipedriveMock.requests[0]?.query.cursor).toBeUndefined()
    await expect(pipedriveMock.requests[1]?.query.cursor).toEqual(expect.any(String))
  },
}
