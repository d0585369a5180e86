import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createCloseMock, createPipedriveMock } from '../src/mock'
import {
  CloseOpportunitiesPager,
  PipedriveDealsPager,
  PipedriveNotesPager,
  UrlStatePager,
} from './demo/PagerDemos'
import { intro } from './demo/StoryIntro'

const closeMock = createCloseMock({ leads: 2_000, opportunities: 1_234, events: 0 })
const pipedriveMock = createPipedriveMock({ deals: 240, notes: 130, persons: 200, leads: 0 })

const meta = {
  title: 'Components/Pager',
  component: CloseOpportunitiesPager,
  parameters: { msw: [...closeMock.handlers, ...pipedriveMock.handlers] },
  args: { pageSize: 25, pageSizeOptions: [10, 25, 50, 100, 1000], variant: 'full', theme: 'light' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    pageSize: { control: { type: 'number', min: 1, max: 500 } },
    locale: { control: 'text' },
  },
  beforeEach: () => {
    closeMock.reset()
    pipedriveMock.reset()
    closeMock.setFaults({ latency: { fixedMs: 100, jitterMs: 0 } })
    pipedriveMock.setFaults({ latency: { fixedMs: 100, jitterMs: 0 } })
  },
} satisfies Meta<typeof CloseOpportunitiesPager>

export default meta
type Story = StoryObj<typeof meta>
type Canvas = ReturnType<typeof within>

const TIMEOUT = { timeout: 8000 }
const pagerOf = (canvas: Canvas, name: string) => canvas.findByRole('navigation', { name }, TIMEOUT)
/** The current page as a screen reader names it: "Page 3", "Page 3 of 50". */
const currentPage = (nav: HTMLElement) => {
  const current = nav.querySelector('[aria-current="page"]')
  return current?.getAttribute('aria-label') ?? current?.textContent
}
/**
 * Presses a pager button once it can act. A focused button that cannot act is `aria-disabled` rather than
 * `disabled` (it keeps focus), so `data-disabled`, set in both cases, is what to wait on.
 */
async function press(nav: HTMLElement, name: string) {
  const button = within(nav).getByRole('button', { name })
  await waitFor(() => expect(button).not.toHaveAttribute('data-disabled'), TIMEOUT)
  await userEvent.click(button)
}

/** Waits until the Pipedrive mock has answered `count` requests, all successfully. */
const pipedriveAnswered = (count: number) =>
  waitFor(() => {
    expect(pipedriveMock.requests).toHaveLength(count)
    expect(pipedriveMock.requests.every((request) => request.status === 200)).toBe(true)
  }, TIMEOUT)

/** Close opportunities report a total: First, Previous, numbered pages, Next, Last, jump to page, "1–25 of 1,234". */
export const OffsetKnownTotal: Story = {
  decorators: [
    intro(
      'Close reports how many opportunities there are (1,234), so the pager offers numbered pages, Last and a jump field. Try a page number, Last, or another page size.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const nav = await pagerOf(within(canvasElement), 'Close opportunities pages')
    await waitFor(() => expect(within(nav).getByText('1–25 of 1,234')).toBeVisible(), TIMEOUT)
    // 1,000 is above Close's maximum for opportunities (250): left out of the menu.
    const sizes = within(nav).getByRole('combobox', { name: 'Per page' }) as HTMLSelectElement
    await expect([...sizes.options].map((option) => option.value)).toEqual(['10', '25', '50', '100'])
    await press(nav, 'Go to page 3')
    await waitFor(() => expect(currentPage(nav)).toBe('Page 3'), TIMEOUT)
    await press(nav, 'Last page')
    await waitFor(() => expect(within(nav).getByText('1,226–1,234 of 1,234')).toBeVisible(), TIMEOUT)
    await waitFor(() => expect(within(nav).getByRole('status')).toHaveTextContent('Page 50 of 50'), TIMEOUT)
    await expect(within(nav).getByRole('button', { name: 'Next page' })).toBeDisabled()
    await userEvent.type(within(nav).getByRole('textbox', { name: 'Jump to page' }), '12{Enter}')
    await waitFor(() => expect(currentPage(nav)).toBe('Page 12'), TIMEOUT)
    // "Page 12" is current as soon as it is asked for; the mock logs the request once it answers.
    await waitFor(
      () => expect(closeMock.requests.some((request) => request.query._skip === '275')).toBe(true),
      TIMEOUT,
    )
  },
}

/** Pipedrive v1 notes report no total: Previous, "Page 2", Next and "of many", until the last page tells. */
export const OffsetUnknownTotal: Story = {
  args: { pageSize: 50 },
  decorators: [
    intro(
      'Pipedrive notes come without a total, so the pager says "of many" and offers Previous and Next only, until the last page shows where the list ends. Press Next twice to reach it.',
    ),
  ],
  render: (args) => <PipedriveNotesPager {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const nav = await pagerOf(canvas, 'Pipedrive notes pages')
    await waitFor(() => expect(within(nav).getByText('1–50 of many')).toBeVisible(), TIMEOUT)
    await expect(within(nav).queryByRole('button', { name: 'Last page' })).toBeNull()
    await press(nav, 'Next page')
    await waitFor(() => expect(currentPage(nav)).toBe('Page 2'), TIMEOUT)
    await press(nav, 'Next page')
    await waitFor(() => expect(within(nav).getByText('101–130 of 130')).toBeVisible(), TIMEOUT)
    // Next cannot act any more; it has focus (it was just pressed), so it keeps it: aria-disabled, not disabled.
    const next = within(nav).getByRole('button', { name: 'Next page' })
    await waitFor(() => expect(next).toHaveAttribute('aria-disabled', 'true'), TIMEOUT)
    await expect(next).toHaveFocus()
    // Note contents are HTML with hostile samples; the demo shows their text, and nothing ran.
    await expect(canvasElement.querySelector('table script, table img')).toBeNull()
  },
}

/** Pipedrive v2 deals, a forward-only cursor: Previous comes from the cursors the hook kept, with no request. */
export const Cursor: Story = {
  decorators: [
    intro(
      'Pipedrive deals page by cursor, forward only; Previous still works, from the pages already loaded, without a request. Press Next a few times, then Previous.',
    ),
  ],
  render: (args) => <PipedriveDealsPager {...args} />,
  play: async ({ canvasElement }) => {
    const nav = await pagerOf(within(canvasElement), 'Pipedrive deals pages')
    await waitFor(() => expect(within(nav).getByText('1–25 of many')).toBeVisible(), TIMEOUT)
    await press(nav, 'Next page')
    await press(nav, 'Next page')
    await waitFor(() => expect(currentPage(nav)).toBe('Page 3'), TIMEOUT)
    await pipedriveAnswered(4) // pages 1–3, and page 4 prefetched
    await press(nav, 'Previous page')
    await expect(currentPage(nav)).toBe('Page 2')
    await expect(within(nav).getByText('26–50 of many')).toBeVisible()
    await expect(pipedriveMock.requests).toHaveLength(4)
    await expect(within(nav).queryByRole('button', { name: /^Go to page/ })).toBeNull()
  },
}

/** For narrow cards: Previous, "Page 1 of 50", Next. */
export const Compact: Story = {
  args: { variant: 'compact' },
  decorators: [
    intro(
      'The compact pager for narrow cards: Previous, "Page 1 of 50" and Next, nothing else. Switch the variant control to compare with the full pager.',
    ),
  ],
  play: async ({ canvasElement }) => {
    const nav = await pagerOf(within(canvasElement), 'Close opportunities pages')
    await waitFor(() => expect(currentPage(nav)).toBe('Page 1 of 50'), TIMEOUT)
    await press(nav, 'Next page')
    await waitFor(() => expect(currentPage(nav)).toBe('Page 2 of 50'), TIMEOUT)
    await expect(within(nav).getAllByRole('button')).toHaveLength(2)
  },
}

/** Every text is a label, and every number follows `locale`: German, with 1.234. */
export const GermanLabels: Story = {
  decorators: [
    intro(
      'Every text of the pager is a label you can replace, and numbers follow the locale: here German, with "1.234". Edit the labels control to change any of them.',
    ),
  ],
  args: {
    locale: 'de-DE',
    labels: {
      firstPage: 'Erste Seite',
      previousPage: 'Vorherige Seite',
      nextPage: 'Nächste Seite',
      lastPage: 'Letzte Seite',
      goToPage: ({ page }) => `Gehe zu Seite ${page}`,
      currentPage: ({ page }) => `Seite ${page}`,
      page: ({ page, pageCount }) => (pageCount ? `Seite ${page} von ${pageCount}` : `Seite ${page}`),
      pageChanged: ({ page, pageCount }) => (pageCount ? `Seite ${page} von ${pageCount}` : `Seite ${page}`),
      range: ({ start, end, total }) => `${start}–${end} von ${total ?? 'vielen'}`,
      loading: 'Lädt…',
      empty: 'Keine Einträge',
      pageSize: 'Pro Seite',
      jumpToPage: 'Springe zu Seite',
      jump: 'Los',
      jumpInvalid: ({ pageCount }) => `Eine Seite von 1 bis ${pageCount}`,
      error: ({ page, message }) => `Seite ${page} konnte nicht geladen werden: ${message}`,
      retry: 'Erneut versuchen',
    },
  },
  play: async ({ canvasElement }) => {
    const nav = await pagerOf(within(canvasElement), 'Close opportunities pages')
    await waitFor(() => expect(within(nav).getByText('1–25 von 1.234')).toBeVisible(), TIMEOUT)
    await press(nav, 'Letzte Seite')
    await waitFor(() => expect(within(nav).getByText('1.226–1.234 von 1.234')).toBeVisible(), TIMEOUT)
    await waitFor(() => expect(within(nav).getByRole('status')).toHaveTextContent('Seite 50 von 50'), TIMEOUT)
    await expect(within(nav).getByRole('button', { name: 'Seite 50' })).toHaveAttribute(
      'aria-current',
      'page',
    )
  },
}

/** The page lives in the URL (`?dealsPage=3`, with `usePageSearchParam`): reload, Back and Forward keep it. */
export const UrlState: Story = {
  decorators: [
    intro(
      "The page number lives in the URL (?dealsPage=3), so reloading, Back and Forward keep the page. Go to page 3, then use the browser's Back button.",
    ),
  ],
  render: (args) => <UrlStatePager {...args} />,
  beforeEach: () => {
    const url = new URL(window.location.href)
    url.searchParams.delete('dealsPage')
    window.history.replaceState(window.history.state, '', url)
  },
  play: async ({ canvasElement }) => {
    const nav = await pagerOf(within(canvasElement), 'Pipedrive deals pages')
    const inUrl = () => new URL(window.location.href).searchParams.get('dealsPage')
    await waitFor(() => expect(currentPage(nav)).toBe('Page 1'), TIMEOUT)
    await press(nav, 'Next page')
    await waitFor(() => expect(inUrl()).toBe('2'), TIMEOUT)
    await press(nav, 'Next page')
    await waitFor(() => expect(inUrl()).toBe('3'), TIMEOUT)
    await waitFor(() => expect(currentPage(nav)).toBe('Page 3'), TIMEOUT)
    window.history.back()
    await waitFor(() => expect(currentPage(nav)).toBe('Page 2'), TIMEOUT)
    await expect(inUrl()).toBe('2')
    window.history.forward()
    await waitFor(() => expect(currentPage(nav)).toBe('Page 3'), TIMEOUT)
  },
}

/** A slow API (1.5 s a page): the page shown stays while the next loads, and the pager says it is busy. */
export const SlowPages: Story = {
  decorators: [
    intro(
      'Every page takes 1.5 seconds. Press page 5: the current page stays on screen, dimmed, while the pager shows it is busy, until page 5 arrives.',
    ),
  ],
  beforeEach: () => {
    closeMock.setFaults({ latency: { fixedMs: 1500, jitterMs: 0 } })
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const nav = await pagerOf(canvas, 'Close opportunities pages')
    await waitFor(() => expect(within(nav).getByText('1–25 of 1,234')).toBeVisible(), TIMEOUT)
    const firstRow = canvas
      .getByRole('table', { name: 'Close opportunities' })
      .querySelector('tbody tr')!.textContent
    // Page 2 is prefetched; page 5 is not, so it loads.
    await userEvent.click(within(nav).getByRole('button', { name: 'Go to page 5' }))
    await waitFor(() => expect(nav).toHaveAttribute('aria-busy', 'true'), TIMEOUT)
    await expect(nav).toHaveAttribute('data-state', 'loading')
    await expect(
      canvas.getByRole('table', { name: 'Close opportunities' }).querySelector('tbody tr')!.textContent,
    ).toBe(firstRow)
    await expect(currentPage(nav)).toBe('Page 5')
    await waitFor(() => expect(nav).toHaveAttribute('data-state', 'idle'), TIMEOUT)
    await expect(nav).not.toHaveAttribute('aria-busy')
    await expect(within(nav).getByText('101–125 of 1,234')).toBeVisible()
  },
}

/** The server starts failing (5xx): the pager says why, keeps the page shown and offers Retry. */
export const FailedPage: Story = {
  decorators: [
    intro(
      'Page 3 failed with a 502 or 503: the pager says so under the deals of page 2, which stay. The server is healthy again now, so press Retry to load page 3.',
    ),
  ],
  // Ten deals a page: the table, the pager and its error fit on one screen.
  args: { pageSize: 10 },
  render: (args) => <PipedriveDealsPager {...args} />,
  play: async ({ canvasElement }) => {
    const nav = await pagerOf(within(canvasElement), 'Pipedrive deals pages')
    await pipedriveAnswered(2) // page 1, and page 2 prefetched
    pipedriveMock.setFaults({ failureRate: 1 })
    await press(nav, 'Next page')
    await waitFor(() => expect(currentPage(nav)).toBe('Page 2'), TIMEOUT)
    await userEvent.click(within(nav).getByRole('button', { name: 'Next page' }))
    const alert = await within(nav).findByRole('alert', undefined, TIMEOUT)
    await expect(alert).toHaveTextContent(/^Page 3 could not be loaded: HTTP 50[23]/)
    await expect(nav).toHaveAttribute('data-state', 'error')
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect(
      within(canvasElement).getByRole('table', { name: 'Pipedrive deals' }).querySelectorAll('tbody tr'),
    ).toHaveLength(10)
    pipedriveMock.setFaults({ failureRate: 0 })
  },
}

/** The failed page, then Retry: the alert goes and page 3 is shown. */
export const FailedPageRecovery: Story = {
  ...FailedPage,
  name: 'Failed page — recovery',
  decorators: [
    intro(
      'The same failure on page 3, then Retry: the same page is asked for again, the alert goes and the deals of page 3 are shown.',
    ),
  ],
  play: async (context) => {
    await FailedPage.play!(context)
    const nav = await pagerOf(within(context.canvasElement), 'Pipedrive deals pages')
    const alert = within(nav).getByRole('alert')
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(within(nav).queryByRole('alert')).toBeNull(), TIMEOUT)
    await expect(currentPage(nav)).toBe('Page 3')
    await expect(within(nav).getByText('21–30 of many')).toBeVisible()
  },
}

/** Dark theme: the pager's colours are --pw-* custom properties with light and dark values. */
export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [
    intro(
      "The pager's colours are --pw-* custom properties with light and dark values: here the dark ones. Switch the theme control to compare.",
    ),
  ],
  play: async ({ canvasElement }) => {
    const nav = await pagerOf(within(canvasElement), 'Close opportunities pages')
    await expect(getComputedStyle(nav).colorScheme).toBe('dark')
    await waitFor(() => expect(within(nav).getByText('1–25 of 1,234')).toBeVisible(), TIMEOUT)
  },
}
