import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import type { InfiniteTableColumn } from '../../../src/index.ts'
import {
  answerMillionRows,
  MILLION_ROWS_BASE,
  MILLION_ROWS_TOTAL,
} from '../../../stories/support/millionRows.ts'
import type { MillionLead, MillionRowsPage } from '../../../stories/support/millionRows.ts'
import { HEAP_LAYOUT, HEAP_PROGRESS, HEAP_READY } from '../heapContract.ts'
import type {
  HeapHandle,
  HeapLeg,
  HeapLegOptions,
  HeapPage,
  HeapSnapshot,
  HeapStop,
} from '../heapContract.ts'
import { blankShare } from './harness.ts'

// What both heap pages share: the settings, the in-page API, the columns, the mount, and the driver that scrolls
// through the list (it runs in the page, one animation frame per check, so 10,000 pages cost no round trips).

const { rowHeight, viewportHeight, pageSize } = HEAP_LAYOUT
/** The sticky header is a row's height, at the top of the scroller's content. */
const HEADER = rowHeight

/** `?total=N`: the list's length (default 1,000,000). */
export function heapSettings(): { total: number } {
  const raw = new URLSearchParams(location.search).get('total')
  const total = raw === null ? MILLION_ROWS_TOTAL : Number(raw)
  if (!Number.isSafeInteger(total) || total < 0)
    throw new Error(`?total must be a non-negative integer: ${raw}`)
  return { total }
}

/**
 * The million-row API, answered in the page: a fetch that hands the URL to `answerMillionRows` a task later (as a
 * network would: a request aborted before then is never served), and counts the requests it serves.
 */
export function createHeapApi(total: number) {
  let requests = 0
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init)
    await new Promise((resolve) => setTimeout(resolve, 0))
    request.signal.throwIfAborted()
    requests += 1
    return answerMillionRows(new URL(request.url), { total })
  }
  /** The peer's page fetch: the URL pagewise's fetcher builds for the same page. */
  async function fetchOffset(offset: number, signal: AbortSignal): Promise<MillionRowsPage> {
    const url = new URL(`${MILLION_ROWS_BASE}/lead/`)
    url.searchParams.set('offset', String(offset))
    url.searchParams.set('limit', String(pageSize))
    const response = await fetch(url, { signal })
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.href}`)
    return (await response.json()) as MillionRowsPage
  }
  return { fetch, fetchOffset, requests: () => requests }
}

/** The columns of both pages; a cell's `data-column` is its column's id. */
export const heapColumns: InfiniteTableColumn<MillionLead>[] = [
  { id: 'display_name', header: 'Lead', cell: (lead) => lead.display_name, width: 320 },
  { id: 'status_label', header: 'Status', cell: (lead) => lead.status_label, width: 140 },
  { id: 'date_created', header: 'Created', cell: (lead) => lead.date_created.slice(0, 10), width: 120 },
  { id: 'id', header: 'Id', cell: (lead) => lead.id },
]

/** Renders `ui` into `#root` in a fresh QueryClient: no retries, no refetches while scrolling. */
export function mountHeap(ui: ReactNode): void {
  const container = document.getElementById('root')
  if (container === null) throw new Error('The heap page has no #root element')
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false } },
  })
  createRoot(container).render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>)
}

/** The record a row shows, from its name cell ("Lead 1,234" → 1233), or null for any other row. */
function recordIndexOf(row: Element): number | null {
  const text = row.querySelector('[data-column="display_name"]')?.textContent ?? ''
  if (!text.startsWith('Lead ')) return null
  const index = Number(text.slice(5).replaceAll(',', '')) - 1
  return Number.isSafeInteger(index) && index >= 0 ? index : null
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

function summary(values: number[]): HeapLeg['stepMs'] {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] ?? 0
  const round = (value: number) => Math.round(value * 10) / 10
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? 0) }
}

/** Sets `window.__heap` for `page` (once) and logs `HEAP_READY`. */
export function installHeap(page: HeapPage): void {
  if (window.__heap !== undefined) return
  const { scroller } = page

  /** The scroller's viewport below the header, and the top of its content, in viewport coordinates. */
  function view() {
    const box = scroller.getBoundingClientRect()
    const top = box.top + scroller.clientTop
    return { top: top + HEADER, bottom: top + scroller.clientHeight, contentTop: top - scroller.scrollTop }
  }

  /** The rows in view showing a record, with their boxes and records. */
  function recordRowsInView() {
    const { top, bottom } = view()
    const rows: { row: Element; box: DOMRect; index: number }[] = []
    const candidates = page.candidateRows()
    for (let at = 0; at < candidates.length; at += 1) {
      const row = candidates[at]
      if (row === undefined) continue
      const box = row.getBoundingClientRect()
      if (box.bottom <= top || box.top >= bottom) continue
      const index = recordIndexOf(row)
      if (index !== null) rows.push({ row, box, index })
    }
    return rows
  }

  /** Every pixel of the view below the header, down to the end of the list, is covered by a record's row. */
  function rowsInViewLoaded(): boolean {
    const { top, bottom, contentTop } = view()
    const total = page.total()
    const listBottom =
      total !== undefined && page.loadedEnd() >= total && !page.hasNextPage()
        ? contentTop + page.rowOffset(total)
        : Infinity
    const band = Math.min(bottom, listBottom)
    if (band - top < 1) return true
    return (
      blankShare(
        recordRowsInView().map(({ box }) => box),
        top,
        band,
      ) < 0.001
    )
  }

  function snapshot(): HeapSnapshot {
    const { contentTop } = view()
    const inView = recordRowsInView()
    let rendered = 0
    const candidates = page.candidateRows()
    for (let at = 0; at < candidates.length; at += 1) {
      const row = candidates[at]
      if (row !== undefined && recordIndexOf(row) !== null) rendered += 1
    }
    const withAria = inView.filter(({ row }) => row.hasAttribute('aria-rowindex'))
    const loadedStart = page.loadedStart()
    const loadedEnd = page.loadedEnd()
    return {
      loadedStart,
      loadedEnd,
      itemsHeld: loadedEnd - loadedStart,
      pagesHeld: page.pagesHeld(),
      total: page.total(),
      hasPreviousPage: page.hasPreviousPage(),
      hasNextPage: page.hasNextPage(),
      isFetching: page.isFetching(),
      scrollTop: Math.round(scroller.scrollTop),
      scrollHeight: scroller.scrollHeight,
      renderedRecordRows: rendered,
      viewRecordRows: inView.length,
      viewRowsAtAbsoluteOffset: inView.filter(
        ({ box, index }) => Math.abs(box.top - (contentTop + HEADER + index * rowHeight)) < 1,
      ).length,
      viewRowsWithAbsoluteAriaRowIndex:
        withAria.length === 0
          ? null
          : withAria.filter(({ row, index }) => row.getAttribute('aria-rowindex') === String(index + 2))
              .length,
      firstRecordInView: inView.length === 0 ? null : Math.min(...inView.map(({ index }) => index)),
      rowsInViewLoaded: rowsInViewLoaded(),
      domElements: document.body.getElementsByTagName('*').length,
      requests: page.requests(),
    }
  }

  const maxScrollTop = () => Math.max(0, scroller.scrollHeight - scroller.clientHeight)
  /** Moves the view to `top` (clamped to what can be scrolled); whether it moved. */
  function moveTo(top: number): boolean {
    const clamped = Math.round(Math.max(0, Math.min(maxScrollTop(), top)))
    if (Math.abs(scroller.scrollTop - clamped) < 1) return false
    scroller.scrollTop = clamped
    return true
  }

  /**
   * One leg of the scroll. `next()` says where the view goes now (or that the leg is over); the driver moves it
   * there and waits, a frame at a time, until `arrived()` (the table loaded what it came for, and every row in view
   * is a record), then asks again. At the end it waits for the list to be still (no request in flight, rows in view
   * loaded, the loaded range unchanged) for 3 frames, at most `settleMs`. No progress (loaded range, pages held,
   * fetching) for `stallMs` stops it.
   */
  async function leg(
    options: HeapLegOptions,
    next: () => { top: number; arrived: () => boolean } | { done: HeapStop; top: number },
  ): Promise<HeapLeg> {
    const started = performance.now()
    const requestsBefore = page.requests()
    const stepMs: number[] = []
    let steps = 0
    let frames = 0
    let lastLogged = Math.floor(page.loadedEnd() / options.progressEvery)
    let progressAt = started
    let seen = ''
    /** Waits a frame; false once the list has not moved for `stallMs`. */
    const frame = async (): Promise<boolean> => {
      const now = await nextFrame()
      frames += 1
      const state = `${page.loadedStart()}:${page.loadedEnd()}:${page.pagesHeld()}:${page.isFetching()}`
      if (state !== seen) {
        seen = state
        progressAt = now
      }
      const bucket = Math.floor(page.loadedEnd() / options.progressEvery)
      if (bucket !== lastLogged) {
        lastLogged = bucket
        console.debug(`${HEAP_PROGRESS} ${page.loadedEnd()} ${Math.round(now - started)}`)
      }
      return now - progressAt < options.stallMs
    }
    const finish = (stop: HeapStop, detail: string | null): HeapLeg => ({
      stop,
      ms: Math.round(performance.now() - started),
      steps,
      frames,
      requests: page.requests() - requestsBefore,
      stepMs: summary(stepMs),
      at: snapshot(),
      detail,
    })
    for (;;) {
      const target = next()
      if ('done' in target) {
        // Settle: the view at its last place, every row in view a record, nothing in flight, for 3 frames.
        let still = 0
        let range = ''
        const settleFrom = performance.now()
        while (still < 3) {
          if (performance.now() - settleFrom > options.settleMs) {
            return finish(
              'unsettled',
              `still loading after ${options.settleMs} ms at the ${target.done} position`,
            )
          }
          moveTo(target.top)
          if (!(await frame())) {
            return finish('stalled', `settling (${target.done}): ${JSON.stringify(snapshot())}`)
          }
          const now = `${page.loadedStart()}:${page.loadedEnd()}`
          still = rowsInViewLoaded() && !page.isFetching() && now === range ? still + 1 : 0
          range = now
        }
        // A page that arrived while settling may have moved the end on: the leg goes on if it is not over.
        const again = next()
        if ('done' in again) return finish(again.done, null)
        continue
      }
      if (moveTo(target.top)) steps += 1
      const stepStarted = performance.now()
      for (;;) {
        if (!(await frame())) {
          return finish('stalled', `waiting for the list at ${JSON.stringify(snapshot())}`)
        }
        if (target.arrived()) break
      }
      stepMs.push(performance.now() - stepStarted)
    }
  }

  /** The scroll offset that puts record `index`'s row at the bottom of the view. */
  const bottomAt = (index: number) => page.rowOffset(index) + rowHeight - scroller.clientHeight
  /** The scroll offset that puts record `index`'s row at the top of the view, under the header. */
  const topAt = (index: number) => page.rowOffset(index) - HEADER

  const handle: HeapHandle = {
    ...page,
    snapshot,
    rowsInViewLoaded,
    scrollDown: (row, options) =>
      leg(options, () => {
        const end = page.loadedEnd()
        if (end >= row) return { done: 'reached', top: bottomAt(end - 1) }
        if (!page.hasNextPage()) return { done: 'end-of-list', top: bottomAt(end - 1) }
        // The row after the last loaded one (the loading row) at the bottom of the view: the table asks for the
        // next page (and, if it loads ahead, the one after: the next move waits for it, so each page comes from
        // the table's own loading); once it is in, every row in view is a record.
        return {
          top: bottomAt(end),
          arrived: () => page.loadedEnd() > end && !page.isFetching() && rowsInViewLoaded(),
        }
      }),
    scrollToTop: (options) =>
      leg(options, () => {
        const start = page.loadedStart()
        if (start === 0) return { done: 'top', top: 0 }
        // The row before the first loaded one at the top of the view: the table loads the page before.
        return {
          top: topAt(start - 1),
          arrived: () => page.loadedStart() < start && !page.isFetching() && rowsInViewLoaded(),
        }
      }),
  }
  window.__heap = handle
  console.debug(HEAP_READY)
}

/** The style of both pages' viewport: `viewportHeight` px high, `tableWidth` px wide. */
export const frameStyle = { width: HEAP_LAYOUT.tableWidth, margin: '16px auto' } as const
export { viewportHeight }
