import type { BenchPage, ScrollOptions, ScrollResult, StopReason } from '../contract.ts'

function percentile95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

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
  const { speedPxPerSecond, capMs, unusable } = options
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
    if (loadingShown) loadingRowVisibleMs += delta
    if (stalled) stalledMs += delta

    const bottom = scroller.scrollHeight - scroller.clientHeight
    const wanted = position + (speedPxPerSecond * delta) / 1000
    stalled = wanted >= bottom
    position = Math.min(wanted, bottom)
    scroller.scrollTop = position

    loadingShown = page.loadingRowVisible()
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
    if (delta > unusable.maxFrameMs) {
      stopReason = 'unusable-frame'
      stopDetail = `a ${Math.round(delta)} ms frame with ${page.loadedRowCount()} rows loaded`
      break
    }
    if (elapsed >= unusable.windowMs) {
      let first = frameTimes.length - 1
      while (first > 0 && (frameTimes[first - 1] ?? 0) >= now - unusable.windowMs) first -= 1
      const windowP95 = percentile95(frameDeltas.slice(first))
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

/** Publishes the page's contract as `window.__bench` (call it once the first page of rows is on screen). */
export function installBench(page: BenchPage, datasetReadyMs: number): void {
  if (window.__bench !== undefined) return
  window.__bench = {
    ...page,
    scroll: (options) => scrollThrough(page, options),
    setup: { datasetReadyMs, firstPageShownMs: performance.now() },
  }
}
