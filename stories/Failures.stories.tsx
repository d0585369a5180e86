import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { InfiniteTable } from '../src'
import { createCloseMock } from '../src/mock'
import type { MockFaults, MockRequestRecord } from '../src/mock'
import { RequestLog } from './demo/RequestLog'
import { intro } from './demo/StoryIntro'
import { CloseLeadIdsTable, CloseLeadsTable } from './demo/TableDemos'
import type { TableDemoProps } from './demo/TableDemos'

/** The story's controls: the mock's fault injection, and the table. */
type FailureArgs = {
  /** Leads per request. */
  pageSize: number
  /** Close's `query` filter: text a lead's name must contain. */
  query: string
  /** Mock latency per request, in milliseconds. */
  latencyMs: number
  /** Share (0–1) of requests answered with a seeded 502 or 503. */
  failureRate: number
  /** Requests allowed per rate-limit window; 0 turns the limit off. */
  rateLimitRequests: number
  /** Length of the rate-limit window, in milliseconds. */
  rateLimitWindowMs: number
  /** The Nth request gets a malformed 200 (`has_more: "yes"`); 0 turns it off. */
  malformedOnRequest: number
  /** Every Nth answered request inserts new leads at the head of the list first; 0 turns drift off. */
  driftInsertEvery: number
  /** How many leads each drift insert adds. */
  driftCount: number
  /** Retry 429 and 5xx with pagewise's policy (Retry-After, else backoff) instead of showing the error at once. */
  autoRetry: boolean
}

const closeMock = createCloseMock({ leads: 2_500 })
// The dataset is generated on the first request (about a second for 100,000 leads), not when the module loads.
const bigMock = createCloseMock({ leads: 100_000 })
const readCloseRequests = () => closeMock.requests
const readBigRequests = () => bigMock.requests

/** The mock's faults, from the story's args. */
function faultsOf(args: FailureArgs): Partial<MockFaults> {
  return {
    latency: { fixedMs: args.latencyMs, jitterMs: 0 },
    failureRate: args.failureRate,
    rateLimit:
      args.rateLimitRequests > 0
        ? { requests: args.rateLimitRequests, windowMs: args.rateLimitWindowMs }
        : null,
    malformedOnRequest: args.malformedOnRequest > 0 ? args.malformedOnRequest : null,
    drift: args.driftInsertEvery > 0 ? { insertEvery: args.driftInsertEvery, count: args.driftCount } : null,
  }
}

/** The leads table beside the log of the requests the mock answered, so that each fault can be watched. */
function FaultDemo({
  args,
  requests = readCloseRequests,
  Table = CloseLeadsTable,
}: {
  args: FailureArgs
  requests?: () => readonly MockRequestRecord[]
  Table?: ComponentType<TableDemoProps>
}) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(220px, 300px)', gap: 16 }}>
      <Table
        pageSize={args.pageSize}
        loadMode="auto"
        height={420}
        query={args.query || undefined}
        autoRetry={args.autoRetry}
      />
      <RequestLog requests={requests} title="Requests to the mock Close API" />
    </div>
  )
}

/**
 * What the user sees when the API is slow, empty, rate limited, failing, malformed or changing underneath, or
 * very long: each state is the mock's fault injection, set from the controls (change them and the story reloads).
 */
const meta: Meta<FailureArgs> = {
  title: 'States and failures',
  component: InfiniteTable as ComponentType<never> as ComponentType<FailureArgs>,
  parameters: {
    msw: closeMock.handlers,
    controls: {
      include: [
        'pageSize',
        'query',
        'latencyMs',
        'failureRate',
        'rateLimitRequests',
        'rateLimitWindowMs',
        'malformedOnRequest',
        'driftInsertEvery',
        'driftCount',
        'autoRetry',
      ],
    },
  },
  args: {
    pageSize: 50,
    query: '',
    latencyMs: 120,
    failureRate: 0,
    rateLimitRequests: 0,
    rateLimitWindowMs: 2000,
    malformedOnRequest: 0,
    driftInsertEvery: 0,
    driftCount: 5,
    autoRetry: false,
  },
  argTypes: {
    pageSize: {
      control: { type: 'number', min: 1, max: 500 },
      description: 'Leads per request (Close max 200)',
    },
    query: { control: 'text', description: "Close's `query` filter: text a lead name must contain" },
    latencyMs: {
      control: { type: 'range', min: 0, max: 5000, step: 50 },
      description: 'Mock latency per request, in milliseconds',
    },
    failureRate: {
      control: { type: 'range', min: 0, max: 1, step: 0.05 },
      description: 'Share of requests answered with a 502 or 503',
    },
    rateLimitRequests: {
      control: { type: 'number', min: 0, max: 100 },
      description: 'Requests per window before HTTP 429 (0: no limit)',
    },
    rateLimitWindowMs: {
      control: { type: 'number', min: 100, max: 10_000, step: 100 },
      description: 'Rate-limit window in milliseconds; the 429 says Retry-After for the rest of it',
    },
    malformedOnRequest: {
      control: { type: 'number', min: 0, max: 20 },
      description: 'The Nth request gets a malformed 200, `has_more: "yes"` (0: never)',
    },
    driftInsertEvery: {
      control: { type: 'number', min: 0, max: 10 },
      description: 'Every Nth request first inserts new leads at the head of the list (0: no drift)',
    },
    driftCount: { control: { type: 'number', min: 1, max: 50 }, description: 'Leads each drift insert adds' },
    autoRetry: {
      control: 'boolean',
      description: "Retry 429 and 5xx with pagewise's policy (Retry-After, else 1 s, 2 s, 4 s)",
    },
  },
  render: (args) => <FaultDemo args={args} />,
  beforeEach: ({ args }) => {
    closeMock.reset()
    closeMock.setFaults(faultsOf(args))
  },
}

export default meta
type Story = StoryObj<FailureArgs>
type Canvas = ReturnType<typeof within>

const TIMEOUT = { timeout: 8000 }
const rows = (grid: HTMLElement) => [...grid.querySelectorAll('.pw-infinite-table__row')]
const lastRowIndex = (grid: HTMLElement) => Number(rows(grid).at(-1)?.getAttribute('aria-rowindex') ?? 0)
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))

/** Finds the leads grid and waits for its first rows. */
async function leadsGrid(canvas: Canvas, name = 'Close leads') {
  const grid = await canvas.findByRole('grid', { name }, TIMEOUT)
  await waitFor(() => expect(lastRowIndex(grid)).toBeGreaterThan(1), TIMEOUT)
  return grid
}

/** Scrolls the grid to its bottom until more than `count` leads are shown. */
async function scrollPast(grid: HTMLElement, count: number, timeout = TIMEOUT.timeout) {
  await waitFor(
    () => {
      grid.scrollTop = grid.scrollHeight
      expect(lastRowIndex(grid)).toBeGreaterThan(count + 1)
    },
    { timeout },
  )
}

/** The error row's text and its Retry button, once a page has failed. */
async function errorRow(canvas: Canvas) {
  const retry = await canvas.findByRole('button', { name: 'Retry' }, TIMEOUT)
  return { retry, text: retry.closest('[role="row"]')?.textContent ?? '' }
}

/** A slow first page (2.5 s): skeleton rows and a labelled progress indicator, then the leads. */
export const FirstLoad: Story = {
  args: { latencyMs: 2500 },
  decorators: [
    intro(
      "The first page takes 2.5 seconds: skeleton rows hold the table's shape until the leads arrive. Raise the latency control to watch the loading state longer.",
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await canvas.findByRole('grid', { name: 'Close leads' }, TIMEOUT)
    await expect(canvas.getByRole('progressbar', { name: 'Loading leads' })).toBeInTheDocument()
    await expect(grid).toHaveAttribute('aria-busy', 'true')
    await waitFor(() => expect(lastRowIndex(grid)).toBeGreaterThan(1), TIMEOUT)
    await expect(canvas.queryByRole('progressbar', { name: 'Loading leads' })).toBeNull()
  },
}

/** A filter that matches nothing (`query: 'zzzz-no-match'`): the empty state, not a spinner and not an error. */
export const EmptyList: Story = {
  args: { query: 'zzzz-no-match' },
  decorators: [
    intro(
      'The search matches no lead, so the table says "No leads": no spinner, no error. Clear the query control to see the leads come back.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await canvas.findByRole('grid', { name: 'Close leads' }, TIMEOUT)
    await waitFor(() => expect(within(grid).getByText('No leads')).toBeVisible(), TIMEOUT)
    await expect(rows(grid)).toHaveLength(0)
    await expect(closeMock.requests[0]?.query.query).toBe('zzzz-no-match')
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull()
  },
}

/** A slow network (1.5 s a page, the latency control): loaded leads stay while a loading row waits for the next. */
export const SlowNetwork: Story = {
  args: { latencyMs: 1500 },
  decorators: [
    intro(
      'Every page takes 1.5 seconds. Scroll to the bottom of the table: the loaded leads stay while a loading row waits for the next 50.',
    ),
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const grid = await leadsGrid(canvas)
    grid.scrollTop = grid.scrollHeight
    await expect(
      await canvas.findByRole('progressbar', { name: 'Loading more leads' }, TIMEOUT),
    ).toBeVisible()
    await expect(lastRowIndex(grid)).toBe(args.pageSize + 1)
    await scrollPast(grid, args.pageSize)
    await expect(closeMock.requests.every((request) => request.status === 200)).toBe(true)
  },
}

/**
 * Two requests per 2-second window: the third page gets HTTP 429 with Retry-After. With pagewise's retry policy the
 * request is sent again after the wait, for the same page, and the list goes on with no error shown.
 */
export const RateLimited: Story = {
  args: { latencyMs: 50, rateLimitRequests: 2, rateLimitWindowMs: 2000, autoRetry: true },
  decorators: [
    intro(
      'The API allows two requests every 2 seconds. Scroll fast: the third page gets HTTP 429 (see the log), pagewise waits as Retry-After says and the list goes on, with no error shown.',
    ),
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const grid = await leadsGrid(canvas)
    await scrollPast(grid, args.pageSize * 3, 12_000)
    const limited = closeMock.requests.find((request) => request.status === 429)
    await expect(limited).toBeDefined()
    const retried = closeMock.requests.filter((request) => request.query._skip === limited?.query._skip)
    await expect(retried.map((request) => request.status)).toContain(200)
    await expect(retried.at(-1)!.time - limited!.time).toBeGreaterThanOrEqual(900)
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull()
  },
}

/**
 * A flaky server: the play sets `failureRate` to 1, so the next page gets a 502 or 503 and the error row says so,
 * with the loaded leads kept; then back to 0, so that Retry (pressed in the recovery story) loads that page.
 */
export const FlakyServer: Story = {
  decorators: [
    intro(
      'The server answered the next page with a 502 or 503: the error row at the bottom says so, and the 50 leads already loaded stay. The server is healthy again now, so press Retry to load that page.',
    ),
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const grid = await leadsGrid(canvas)
    closeMock.setFaults({ failureRate: 1 })
    grid.scrollTop = grid.scrollHeight
    const { retry, text } = await errorRow(canvas)
    await expect(text).toMatch(/^Could not load leads: HTTP 50[23]/)
    await expect(lastRowIndex(grid)).toBe(args.pageSize + 1)
    await expect(retry).toBeVisible()
    // The error row grew to fit its message after the scroll: show all of it.
    grid.scrollTop = grid.scrollHeight
    closeMock.setFaults({ failureRate: 0 })
  },
}

/** The flaky server's failure, then Retry: the page that failed loads and the list goes on. */
export const FlakyServerRecovery: Story = {
  name: 'Flaky server — recovery',
  decorators: [
    intro(
      'The same 502/503 as in "Flaky server", then Retry: the failed page is asked for again (see the log), it loads, and scrolling goes on.',
    ),
  ],
  play: async (context) => {
    await FlakyServer.play!(context)
    const { canvasElement, args } = context
    const canvas = within(canvasElement)
    const grid = canvas.getByRole('grid', { name: 'Close leads' })
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await scrollPast(grid, args.pageSize)
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull()
    const skips = closeMock.requests.map((request) => `${request.query._skip}:${request.status}`)
    await expect(skips).toContain(`${args.pageSize}:200`)
  },
}

/**
 * The second page comes back malformed (`has_more: "yes"`): a typed `MalformedResponseError` names the adapter and
 * the field, no retry is attempted, the first page stays, and Retry is offered.
 */
export const MalformedResponse: Story = {
  args: { malformedOnRequest: 2 },
  decorators: [
    intro(
      'The second page comes back malformed ("has_more" is "yes", not a boolean). The 50 leads already loaded stay and the error row names the field; press Retry to ask for the same page again.',
    ),
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const grid = await leadsGrid(canvas)
    grid.scrollTop = grid.scrollHeight
    const { retry, text } = await errorRow(canvas)
    await expect(text).toContain('Could not load leads: close.offset: expected "has_more" to be a boolean')
    await expect(lastRowIndex(grid)).toBe(args.pageSize + 1)
    await expect(retry).toBeVisible()
    // The error row grew to fit its message after the scroll: show all of it.
    grid.scrollTop = grid.scrollHeight
  },
}

/** The malformed second page, then Retry: the same page (`_skip=50`) is asked for again, and it loads. */
export const MalformedResponseRecovery: Story = {
  ...MalformedResponse,
  name: 'Malformed response — recovery',
  decorators: [
    intro(
      'The malformed second page, then Retry: the same page is asked for again (_skip=50 in the log), this time it is well formed, and the list goes on.',
    ),
  ],
  play: async (context) => {
    await MalformedResponse.play!(context)
    const { canvasElement, args } = context
    const canvas = within(canvasElement)
    const grid = canvas.getByRole('grid', { name: 'Close leads' })
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await scrollPast(grid, args.pageSize)
    await expect(closeMock.requests[2]?.query._skip).toBe(String(args.pageSize))
  },
}

/**
 * Drift: every request first inserts 5 new leads at the head of the list, so each `_skip` page starts with leads
 * already shown. `usePaginatedList` drops the second copies by id: every lead id in the table is shown once.
 */
export const Drift: Story = {
  args: { driftInsertEvery: 1, driftCount: 5 },
  decorators: [
    intro(
      'Before every request, 5 new leads are inserted at the head of the list, so each page overlaps the one before. Scroll down: no lead id appears twice, because pagewise drops the copies by id.',
    ),
  ],
  render: (args) => <FaultDemo args={args} Table={CloseLeadIdsTable} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const grid = await leadsGrid(canvas, 'Close leads with ids')
    await scrollPast(grid, args.pageSize * 3)
    const answered = closeMock.requests.filter((request) => request.status === 200).length
    // Sweep the whole (virtualized) table from the top, reading the id of every row by its aria-rowindex.
    const ids = new Map<string, string>()
    const shown = lastRowIndex(grid)
    // Down to the last row shown now: pages that load during the sweep would make it chase the end of the list.
    for (let top = 0; !ids.has(String(shown)) && top <= grid.scrollHeight; top += grid.clientHeight / 2) {
      grid.scrollTop = top
      await nextFrame()
      for (const row of rows(grid)) {
        const id = row.querySelector('[data-column="id"]')?.textContent
        const index = row.getAttribute('aria-rowindex')
        if (id && index && Number(index) <= shown) ids.set(index, id)
      }
    }
    await expect(ids.size).toBe(shown - 1)
    await expect(new Set(ids.values()).size).toBe(ids.size)
    // More leads were received than are shown: the copies the drift caused were dropped.
    await expect(ids.size).toBeLessThan(answered * args.pageSize)
  },
}

/** 100,000 leads, 200 a request: only the rows in view are in the DOM, however far the list goes. */
export const HundredThousandRows: Story = {
  name: '100,000 rows',
  args: { pageSize: 200, latencyMs: 30 },
  decorators: [
    intro(
      '100,000 leads, 200 per request. Scroll as far as you like: only the rows in view are in the page, so scrolling stays smooth.',
    ),
  ],
  parameters: { msw: bigMock.handlers },
  render: (args) => <FaultDemo args={args} requests={readBigRequests} />,
  beforeEach: ({ args }) => {
    bigMock.setFaults(faultsOf(args))
    // Builds the 100,000 leads before the story renders (seconds on a busy machine), not inside the first request.
    void bigMock.dataset.leads.length
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await leadsGrid(canvas)
    await scrollPast(grid, 1_000, 15_000)
    await expect(rows(grid).length).toBeLessThan(80)
    await expect(bigMock.dataset.leads.length).toBe(100_000)
    await expect(bigMock.requests.every((request) => request.query._limit === '200')).toBe(true)
  },
}
