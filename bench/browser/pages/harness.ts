import { FIRST_PAGE_SHOWN } from '../contract.ts'
import type { BenchPage, ScrollOptions, ScrollResult, StopReason } from '../contract.ts'

function percentile95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

/** How long the scroll is held at the bottom before the driver sends a scroll event (see `scrollThrough`). */
const NUDGE_MS = 200

/**
 * The share of the band `[top, bottom)` (viewport coordinates) that none of `rows` covers. Rows span the table's
 * width, so only their vertical extents count; overlaps are merged.
 */
export function blankShare(
  rows: ArrayLike<{ top: number; bottom: number }>,
  top: number,
  bottom: number,
): number {
  const height = bottom - top
  if (height <= 0) return 0
  const spans: [number, number][] = []
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]
    if (row === undefined) continue
    const from = Math.max(top, row.top)
    const to = Math.min(bottom, row.bottom)
    if (to > from) spans.push([from, to])
  }
  spans.sort((a, b) => a[0] - b[0])
  let covered = 0
  let reach = top
  for (const [from, to] of spans) {
    if (to <= reach) continue
    covered += to - Math.max(from, reach)
    reach = to
  }
  return Math.max(0, 1 - covered / height)
}

/** The share of `page`'s viewport below its header that no data row covers right now. */
function viewportBlank(page: BenchPage): number {
  const { scroller } = page
  const view = scroller.getBoundingClientRect()
  const bottom = view.top + scroller.clientTop + scroller.clientHeight
  const elements = page.dataRows()
  const boxes: DOMRect[] = []
  for (let index = 0; index < elements.length; index += 1) {
    const element = elements[index]
    if (element !== undefined) boxes.push(element.getBoundingClientRect())
  }
  return blankShare(boxes, page.headerBottom(), bottom)
}

let firstPageShownMs: number | null = null

/**
 * Watches, one animation frame at a time, for the first data row (`selector`) to be in the DOM, and notes the time:
 * the frame about to be painted is the first to show a page. Call it before the page renders; the same rule for
 * every implementation, whatever it renders first (a skeleton, a loading row, nothing). Then logs `FIRST_PAGE_SHOWN`
 * for the driver.
 */
export function watchFirstPage(selector: string): void {
  const check = () => {
    if (document.querySelector(selector) === null) {
      requestAnimationFrame(check)
      return
    }
    firstPageShownMs = performance.now()
    console.debug(FIRST_PAGE_SHOWN)
  }
  requestAnimationFrame(check)
}

/**
 * Scrolls `page.scroller` down at a fixed speed in wall-clock time, one step per requestAnimationFrame, until the
 * last row is entirely in view, the page becomes unusable (`options.unusable`), or the cap.
 *
 * Each frame: the elapsed time since the last frame is credited to what the previous frame showed (a loading row in
 * view, the scroll held at the bottom); the scroll offset advances by speed × elapsed time, but never past the
 * loaded content (`scrollHeight - clientHeight`), so when the end of the loaded rows is reached the scroll waits
 * there for the next page; then the frame's state is sampled, after the scroll, i.e. as it will be painted.
 */
export async function scrollThrough(page: BenchPage, options: ScrollOptions): Promise<ScrollResult> {
  const { scroller } = page
  const { speedPxPerSecond, capMs, unusable, startMark } = options
  const longTasks: ScrollResult['longTasks'] = []
  const frameDeltas: number[] = []
  const frameTimes: number[] = []
  const frameRows: number[] = []
  let start = 0
  const collect = (entries: PerformanceEntryList) => {
    for (const entry of entries) {
      if (entry.startTime >= start)
        longTasks.push({ startMs: entry.startTime - start, durationMs: entry.duration })
    }
  }
  const observer = new PerformanceObserver((list) => collect(list.getEntries()))
  observer.observe({ type: 'longtask' })

  start = await nextFrame()
  // The trace reads this mark's timestamp to place the rAF timestamps on its own clock.
  const startMarkMs = performance.mark(startMark).startTime
  frameTimes.push(start)
  const frameBlank: number[] = []
  const frameStalled: boolean[] = []
  const startPosition = scroller.scrollTop
  const domElements: number[] = []
  // The page's body only: its <head> holds what the bench build put there (module preloads, one per shared chunk),
  // which differs from page to page and is no implementation's DOM.
  const elements = document.body.getElementsByTagName('*')
  let blank = viewportBlank(page)
  let lastMoveAt = start
  let nudges = 0
  let previous = start
  let position = scroller.scrollTop
  let peakRenderedRows = page.renderedRowCount()
  let loadingShown = page.loadingRowVisible()
  let stalled = false
  let loadingRowVisibleMs = 0
  let stalledMs = 0
  let timeToLastRowMs: number | null = null
  let stopReason: StopReason = 'cap'
  let stopDetail: string | null = null
  const prefetch: ScrollResult['prefetch'] = []
  let rowsSeen = page.loadedRowCount()
  /** Requests whose rows are not on screen yet, oldest first, with when they were made (pages arrive in order). */
  const pending: { entry: ScrollResult['prefetch'][number]; at: number }[] = []
  const stopListening = page.onRequest(() => {
    const leadPx = scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop
    const entry = { leadPx: Math.max(0, leadPx), fetchMs: null }
    prefetch.push(entry)
    pending.push({ entry, at: performance.now() })
  })

  for (;;) {
    const now = await nextFrame()
    const delta = now - previous
    previous = now
    frameDeltas.push(delta)
    frameTimes.push(now)
    frameRows.push(rowsSeen)
    frameBlank.push(blank)
    if (loadingShown) loadingRowVisibleMs += delta
    if (stalled) stalledMs += delta
    frameStalled.push(stalled)

    const bottom = scroller.scrollHeight - scroller.clientHeight
    const wanted = position + (speedPxPerSecond * delta) / 1000
    stalled = wanted >= bottom
    const moved = Math.min(wanted, bottom) !== position
    position = Math.min(wanted, bottom)
    scroller.scrollTop = position
    // Held at the bottom, the scroll position stops changing and no scroll event fires. A page that dropped the last
    // ones (AG Grid ignores its viewport's scroll events for 150 ms after its own scrollbar moved, which a slow frame
    // can make happen) would then never render the loading row nor ask for more. So, as a user who keeps trying to
    // scroll, the driver sends a scroll event at most every 200 ms while it is held there (the other pages re-read an
    // unchanged position).
    if (moved || !stalled) lastMoveAt = now
    else if (now - lastMoveAt >= NUDGE_MS) {
      scroller.dispatchEvent(new Event('scroll'))
      nudges += 1
      lastMoveAt = now
    }

    loadingShown = page.loadingRowVisible()
    blank = viewportBlank(page)
    if (frameDeltas.length % 30 === 0) domElements.push(elements.length)
    peakRenderedRows = Math.max(peakRenderedRows, page.renderedRowCount())
    const rows = page.loadedRowCount()
    if (rows > rowsSeen) {
      const arrived = pending.shift()
      if (arrived !== undefined) arrived.entry.fetchMs = performance.now() - arrived.at
    }
    rowsSeen = rows
    const elapsed = now - start
    if (page.lastRowVisible()) {
      timeToLastRowMs = elapsed
      stopReason = 'last-row'
      break
    }
    if (unusable !== null && delta > unusable.maxFrameMs) {
      stopReason = 'unusable-frame'
      stopDetail = `a ${Math.round(delta)} ms frame with ${page.loadedRowCount()} rows loaded`
      break
    }
    if (unusable !== null && elapsed >= unusable.windowMs) {
      // frameTimes[k + 1] is the end of frameDeltas[k] (frameTimes starts with the start).
      let first = frameTimes.length - 1
      while (first > 1 && (frameTimes[first - 1] ?? 0) >= now - unusable.windowMs) first -= 1
      const windowP95 = percentile95(frameDeltas.slice(first - 1))
      if (windowP95 > unusable.windowP95Ms) {
        stopReason = 'unusable-window'
        stopDetail =
          `p95 frame of the last ${unusable.windowMs} ms was ${Math.round(windowP95)} ms ` +
          `with ${page.loadedRowCount()} rows loaded`
        break
      }
    }
    if (elapsed >= capMs) {
      stopDetail = `wall-clock cap of ${Math.round(capMs / 1000)} s with ${page.loadedRowCount()} rows loaded`
      break
    }
  }
  const durationMs = previous - start
  stopListening()
  performance.clearMarks(startMark)

  // Long-task entries arrive asynchronously: let the last ones in before reading them.
  await new Promise((resolve) => setTimeout(resolve, 200))
  collect(observer.takeRecords())
  observer.disconnect()
  const end = start + durationMs
  return {
    stopReason,
    stopDetail,
    timeToLastRowMs,
    durationMs,
    frameDeltas,
    frameRows,
    frameTimes,
    startMarkMs,
    frameBlank,
    frameStalled,
    scrolledPx: position - startPosition,
    domElements,
    nudges,
    longTasks: longTasks.filter((task) => task.startMs + start <= end),
    peakRenderedRows,
    loadingRowVisibleMs,
    stalledMs,
    scrollTop: scroller.scrollTop,
    scrollHeight: scroller.scrollHeight,
    rowsLoaded: page.loadedRowCount(),
    requests: page.requests(),
    firstRequests: page.firstRequests(),
    prefetch,
  }
}

/**
 * Publishes the page's contract as `window.__bench` (once the scroller exists; the runner waits for the first page
 * of rows). The time the first page was shown comes from `watchFirstPage`, which the page must have started.
 */
export function installBench(page: BenchPage, datasetReadyMs: number): void {
  if (window.__bench !== undefined) return
  window.__bench = {
    ...page,
    scroll: (options) => scrollThrough(page, options),
    datasetReadyMs,
    firstPageShownMs: () => firstPageShownMs,
  }
}
