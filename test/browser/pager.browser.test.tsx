import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import '../../src/styles.css'
import { closeOffset, createFetcher, Pager, pipedriveCursor, usePagedList } from '../../src'
import type { PagerProps } from '../../src'
import {
  CLOSE_MOCK_BASE_URL,
  createCloseMock,
  createPipedriveMock,
  PIPEDRIVE_MOCK_BASE_URL,
} from '../../src/mock'
import type { CloseOpportunity, PipedriveDeal } from '../../src/mock'
import { fakePagedList } from '../fakePagedList'
import { axeViolations } from './axe'
import { inPageFetch } from './inPageFetch'
import { nextFrames, renderInBrowser, waitUntil } from './renderInBrowser'

type PagerOptions = Partial<Omit<PagerProps, 'list'>>

function RecordList({ ids }: { ids: string[] }) {
  return (
    <ul aria-label="Records">
      {ids.map((id) => (
        <li key={id}>{id}</li>
      ))}
    </ul>
  )
}

/** Close opportunities (an offset API with a total), answered in the page. */
function opportunitiesFixture(count = 1234) {
  const mock = createCloseMock({ seed: 5, leads: 100, opportunities: count, events: 0 })
  const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`, fetch: inPageFetch(mock.handlers) })
  const fetchPage = close('/opportunity/')
  const adapter = closeOffset<CloseOpportunity>({ resource: 'opportunity' })
  const ids = (index: number) =>
    mock.dataset.opportunities.slice(index * 50, (index + 1) * 50).map((o) => o.id)
  function Opportunities(pager: PagerOptions) {
    const list = usePagedList({ queryKey: ['opportunities', count], adapter, fetchPage, pageSize: 50 })
    return (
      <>
        <RecordList ids={list.items.map((item) => item.id)} />
        <Pager list={list} aria-label="Opportunities pages" pageSizeOptions={[25, 50, 100]} {...pager} />
      </>
    )
  }
  return { Opportunities, ids }
}

/** Pipedrive v2 deals (a forward-only cursor), answered in the page. */
function dealsFixture(count = 240) {
  const mock = createPipedriveMock({ seed: 5, deals: count, persons: 20, notes: 0, leads: 0 })
  const pipedrive = createFetcher({
    baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api/v2`,
    fetch: inPageFetch(mock.handlers),
  })
  const fetchPage = pipedrive('/deals')
  const adapter = pipedriveCursor<PipedriveDeal>()
  const sorted = [...mock.dataset.deals].sort((a, b) => a.id - b.id).map((deal) => String(deal.id))
  const ids = (index: number) => sorted.slice(index * 50, (index + 1) * 50)
  function Deals(pager: PagerOptions) {
    const list = usePagedList({ queryKey: ['deals', count], adapter, fetchPage, pageSize: 50 })
    return (
      <>
        <RecordList ids={list.items.map((item) => String(item.id))} />
        <Pager list={list} aria-label="Deals pages" pageSizeOptions={[25, 50, 100]} {...pager} />
      </>
    )
  }
  return { Deals, ids }
}

const rows = (container: HTMLElement) =>
  [...container.querySelectorAll('ul[aria-label="Records"] > li')].map((row) => row.textContent)
/** The focused element's name: its aria-label, its <label>, or its text. */
const focusedName = () => {
  const focused = document.activeElement as HTMLInputElement | null
  return focused?.getAttribute('aria-label') ?? focused?.labels?.[0]?.textContent ?? focused?.textContent
}
const current = (container: HTMLElement) => {
  const element = container.querySelector('.pw-pager [aria-current="page"]')
  return element?.getAttribute('aria-label') ?? element?.textContent
}
const announced = (container: HTMLElement) =>
  container.querySelector('.pw-pager [role="status"]')?.textContent

/** The sRGB channels of a computed `rgb()` / `rgba()` colour, and its alpha. */
function channels(color: string): [number, number, number, number] {
  const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number)
  return [r, g, b, a]
}

function luminance(color: string): number {
  const [r, g, b] = channels(color).map((value) => {
    const c = value / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/**
 * WCAG contrast of an element's text against the first opaque background behind it. axe leaves one-character
 * texts (a page number, a glyph) "incomplete", so the pager's parts are measured here too.
 */
function contrastOf(element: Element): number {
  let backdrop: Element | null = element
  while (backdrop && channels(getComputedStyle(backdrop).backgroundColor)[3] === 0)
    backdrop = backdrop.parentElement
  const background = backdrop ? getComputedStyle(backdrop).backgroundColor : 'rgb(255, 255, 255)'
  const [light, dark] = [luminance(getComputedStyle(element).color), luminance(background)].sort(
    (a, b) => b - a,
  )
  return (light! + 0.05) / (dark! + 0.05)
}

/** Presses Tab until the element named `name` has focus (at most `limit` presses). */
async function tabTo(name: string, limit = 20) {
  for (let presses = 0; presses < limit && focusedName() !== name; presses++)
    await userEvent.keyboard('{Tab}')
  expect(focusedName()).toBe(name)
}

describe('<Pager> keyboard use, in Chromium', () => {
  test('cursor list: Tab to "Next page", then Enter through 5 pages; focus stays on Next, even when it cannot act', async () => {
    const { Deals, ids } = dealsFixture(240)
    const { container } = renderInBrowser(
      <>
        <button type="button">Before</button>
        <Deals />
      </>,
    )
    await waitUntil(() => expect(rows(container)).toEqual(ids(0)))
    container.querySelector('button')!.focus()
    // First and Previous are disabled on page 1: the first stop is Next.
    await userEvent.keyboard('{Tab}')
    expect(focusedName()).toBe('Next page')
    const next = document.activeElement as HTMLButtonElement
    // Keyboard focus shows the focus ring.
    expect(getComputedStyle(next).outlineStyle).toBe('solid')

    for (const index of [1, 2, 3, 4]) {
      await waitUntil(() => expect(next.hasAttribute('data-disabled')).toBe(false))
      await userEvent.keyboard('{Enter}')
      await waitUntil(() => expect(rows(container)).toEqual(ids(index)))
      expect(current(container)).toBe(`Page ${index + 1}`)
      expect(document.activeElement).toBe(next)
      await waitUntil(() => expect(announced(container)).toBe(`Page ${index + 1}`))
    }
    // Page 5 is the last (40 deals): Next cannot act, and focus has not fallen to the body.
    expect(rows(container)).toHaveLength(40)
    await waitUntil(() => expect(next.getAttribute('aria-disabled')).toBe('true'))
    expect(document.activeElement).toBe(next)
    expect(container.querySelector('.pw-pager__range')?.textContent).toBe('201–240 of 240')

    // Back with Shift+Tab to Previous; Enter goes back from the cursor history.
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
    expect(focusedName()).toBe('Previous page')
    expect(next.hasAttribute('disabled')).toBe(true)
    await userEvent.keyboard('{Enter}')
    await waitUntil(() => expect(rows(container)).toEqual(ids(3)))
    expect(focusedName()).toBe('Previous page')
  })

  test('offset list: Tab to "Next page", Enter through 5 pages, then jump to a page and change the page size', async () => {
    const { Opportunities, ids } = opportunitiesFixture(1234)
    const { container } = renderInBrowser(
      <>
        <button type="button">Before</button>
        <Opportunities />
      </>,
    )
    await waitUntil(() => expect(rows(container)).toEqual(ids(0)))
    container.querySelector('button')!.focus()
    await tabTo('Next page')
    const next = document.activeElement as HTMLButtonElement

    for (const index of [1, 2, 3, 4]) {
      await userEvent.keyboard('{Enter}')
      await waitUntil(() => expect(rows(container)).toEqual(ids(index)))
      expect(current(container)).toBe(`Page ${index + 1}`)
      expect(document.activeElement).toBe(next)
    }
    await waitUntil(() => expect(announced(container)).toBe('Page 5 of 25'))
    expect(container.querySelector('.pw-pager__range')?.textContent).toBe('201–250 of 1,234')

    await tabTo('Jump to page')
    await userEvent.keyboard('20{Enter}')
    await waitUntil(() => expect(rows(container)).toEqual(ids(19)))
    expect(current(container)).toBe('Page 20')
    // Focus stays in the field, emptied for the next number.
    expect(focusedName()).toBe('Jump to page')
    expect((document.activeElement as HTMLInputElement).value).toBe('')

    await tabTo('Go')
    await userEvent.keyboard('{Tab}')
    const select = document.activeElement as HTMLSelectElement
    expect(select.tagName).toBe('SELECT')
    await userEvent.selectOptions(select, '100')
    await waitUntil(() => expect(rows(container)).toHaveLength(100))
    expect(container.querySelector('.pw-pager__range')?.textContent).toBe('901–1,000 of 1,234')
  })
})

describe('<Pager> accessibility, in Chromium', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds nothing: offset and cursor lists, after paging (${theme})`, async () => {
      const { Opportunities, ids: opportunityIds } = opportunitiesFixture(1234)
      const { Deals, ids: dealIds } = dealsFixture(240)
      const { container } = renderInBrowser(
        <main data-theme={theme} style={{ background: 'var(--pw-bg)', color: 'var(--pw-fg)' }}>
          <h1>Pages</h1>
          <Opportunities />
          <Deals variant="full" />
          <Deals variant="compact" aria-label="Deals pages, compact" />
        </main>,
      )
      await waitUntil(() => expect(rows(container).slice(0, 50)).toEqual(opportunityIds(0)))
      const pagers = [...container.querySelectorAll<HTMLElement>('.pw-pager')]
      expect(pagers).toHaveLength(3)
      for (const pager of pagers) expect(getComputedStyle(pager).colorScheme).toBe(theme)
      expect(await axeViolations(container)).toEqual([])
      const parts = [
        '.pw-pager__page[data-current]',
        '.pw-pager__page:not([data-current])',
        '.pw-pager__step:not([data-disabled])',
        '.pw-pager__range',
        '.pw-pager__current',
        '.pw-pager__jump-label',
        '.pw-pager__jump-input',
        '.pw-pager__page-size-select',
        '.pw-pager__ellipsis',
      ]
      for (const selector of parts) {
        const element = container.querySelector(selector)
        expect(element, selector).not.toBeNull()
        expect(contrastOf(element!), selector).toBeGreaterThanOrEqual(4.5)
      }

      // After a move: current page, enabled First/Previous, the live region's text.
      for (const pager of pagers.slice(0, 2)) {
        const button = pager.querySelector<HTMLButtonElement>('[data-action="next"]')!
        await waitUntil(() => expect(button.disabled).toBe(false))
        button.click()
      }
      await waitUntil(() => expect(rows(container).slice(50, 100)).toEqual(dealIds(1)))
      await waitUntil(() => expect(announced(pagers[0]!)).toBe('Page 2 of 25'))
      await nextFrames(2)
      expect(await axeViolations(container)).toEqual([])
    })

    test(`axe finds nothing: loading, error and empty states (${theme})`, async () => {
      const { container } = renderInBrowser(
        <main data-theme={theme} style={{ background: 'var(--pw-bg)', color: 'var(--pw-fg)' }}>
          <h1>States</h1>
          <Pager
            aria-label="Loading"
            list={fakePagedList({ pageIndex: 4, isFetching: true, isPlaceholderData: true })}
          />
          <Pager
            aria-label="Failed"
            list={fakePagedList({
              pageIndex: 4,
              status: 'error',
              items: [],
              error: new Error('HTTP 503 Service Unavailable'),
            })}
          />
          <Pager
            aria-label="Empty"
            list={fakePagedList({
              items: [],
              pageIndex: 0,
              pageCount: 0,
              total: 0,
              hasNextPage: false,
            })}
            pageSizeOptions={[25, 50]}
          />
          <Pager
            aria-label="First load"
            list={fakePagedList({
              status: 'pending',
              items: [],
              pageIndex: 0,
              pageCount: undefined,
            })}
          />
        </main>,
      )
      await nextFrames(2)
      const loading = container.querySelector<HTMLElement>('[aria-label="Loading"]')!
      expect(loading.getAttribute('aria-busy')).toBe('true')
      // The busy spinner shows while loading.
      expect(getComputedStyle(loading.querySelector('.pw-pager__range')!, '::after').visibility).toBe(
        'visible',
      )
      const alert = container.querySelector('[aria-label="Failed"] [role="alert"]')!
      expect(alert.textContent).toContain('Retry')
      expect(contrastOf(alert.querySelector('.pw-pager__error-message')!)).toBeGreaterThanOrEqual(4.5)
      expect(await axeViolations(container)).toEqual([])
    })
  }
})
