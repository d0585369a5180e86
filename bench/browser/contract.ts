/**
 * What a bench page and the runner (`run.ts`) agree on. Each page sets `window.__bench` once its first page of
 * leads is on screen; the runner then calls `window.__bench.scroll(options)`, which drives the page's scroller with a
 * requestAnimationFrame loop (see `pages/harness.ts`) and resolves with the figures measured inside the page.
 */

/**
 * The implementations under test, one bench page each (`<impl>.html`): pagewise's `<InfiniteTable>`; react-virtuoso's
 * `TableVirtuoso` with its defaults, and with pagewise's overscan (`virtuoso-overscan`); a bare
 * `@tanstack/react-virtual` table (`virtual`, the floor: a virtualizer with nothing on top); AG Grid Community's
 * infinite row model (`aggrid`); a plain, non-virtualized `<table>` (`plain`).
 */
export const IMPLEMENTATIONS = [
  'pagewise',
  'virtuoso',
  'virtuoso-overscan',
  'virtual',
  'aggrid',
  'plain',
] as const
export type Implementation = (typeof IMPLEMENTATIONS)[number]

/** Rows rendered above and below the viewport by pagewise (its `overscan`), and by the peers that take a setting. */
export const OVERSCAN_ROWS = 8

/**
 * What a page logs once its first page shows: the driver waits for this message rather than polling the page, since
 * a poll runs the driver's own script in the page while it loads (Playwright's first evaluation takes 20–80 ms of
 * the main thread), delaying whichever step of the first page it lands on.
 */
export const FIRST_PAGE_SHOWN = 'pagewise-bench: first page shown'

/** Query parameters of a bench page, e.g. `pagewise.html?rows=100000&latency=100`. */
export interface PageSettings {
  /** Leads in the mock Close API. */
  rows: number
  /** Fixed latency of every mock response, in ms (no jitter). */
  latencyMs: number
  /** pagewise only: `loadThreshold` of `<InfiniteTable>`; `undefined` keeps the default (one viewport of rows). */
  loadThreshold: number | undefined
  /** Overscan in rows of pagewise, `virtuoso-overscan` and `virtual` (default `OVERSCAN_ROWS`). */
  overscan: number
}

/** The layout every page uses. */
export const LAYOUT = {
  /** Height of one data row, in px (header and status rows too). */
  rowHeight: 40,
  /** Height of the scrolling element, sticky header included, in px. */
  viewportHeight: 600,
  /** Leads per request (`_limit`). */
  pageSize: 100,
  /** Width of the table, in px (the browser window is 1024 px wide). */
  tableWidth: 960,
} as const

/** What one implementation's page exposes to the scroll driver. */
export interface BenchPage {
  implementation: Implementation
  /** The element that scrolls (the grid, Virtuoso's scroller, the table's wrapper). */
  scroller: HTMLElement
  /** Bottom edge of the sticky header, in viewport coordinates: rows above it are hidden. */
  headerBottom(): number
  /** Whether a loading row (the "more rows are coming" row after the last loaded one) intersects the viewport. */
  loadingRowVisible(): boolean
  /** Data rows in the DOM. */
  renderedRowCount(): number
  /**
   * The data rows that may intersect the viewport (all of them, or, for a page that renders every row, those near
   * the scroll position): their boxes give the blank share. Loading, skeleton and status rows are not data rows.
   */
  dataRows(): ArrayLike<Element>
  /** Rows loaded so far. */
  loadedRowCount(): number
  /** Whether the last row of the dataset (row `rows`) is in the DOM and entirely in the viewport. */
  lastRowVisible(): boolean
  /** Lead list requests the mock API has received. */
  requests(): number
  /** Path and query of the first lead requests (to show that every page asks for the same URLs). */
  firstRequests(): string[]
  /** Calls `listener` synchronously whenever the page calls its fetch; returns the unsubscribe function. */
  onRequest(listener: () => void): () => void
}

/** When the driver gives up on a page that has become unusable. Applied to every implementation alike. */
export interface UnusableRule {
  /** A single frame longer than this (ms) stops the run. */
  maxFrameMs: number
  /** Length of the rolling window (ms)… */
  windowMs: number
  /** …whose 95th-percentile frame time (ms) must stay at or below this. */
  windowP95Ms: number
}

/** Options of one scripted scroll. */
export interface ScrollOptions {
  /** Scroll speed in px per second of wall-clock time. */
  speedPxPerSecond: number
  /** Wall-clock cap of the scroll, in ms. */
  capMs: number
  /** When to give up on an unusable page; null records everything until the last row or the cap. */
  unusable: UnusableRule | null
  /** Name of the User Timing mark made at the start of the scroll (it ties the page's clock to the trace's). */
  startMark: string
}

/** Why a scroll ended. */
export type StopReason = 'last-row' | 'unusable-frame' | 'unusable-window' | 'cap'

/** What the driver measured in the page during one scroll. */
export interface ScrollResult {
  stopReason: StopReason
  /** Human-readable detail of an `unusable-*` or `cap` stop. */
  stopDetail: string | null
  /** Wall time from the start of the scroll to the first frame showing the last row entirely; null if never. */
  timeToLastRowMs: number | null
  /** Wall time of the whole scroll (until the stop). */
  durationMs: number
  /** requestAnimationFrame deltas, in ms, in order (the first frame's delta is not included). */
  frameDeltas: number[]
  /** Rows loaded at each of those frames. */
  frameRows: number[]
  /** requestAnimationFrame timestamps (`performance.now()` clock), the start included: `frameDeltas.length + 1`. */
  frameTimes: number[]
  /** `performance.now()` of the start mark (`options.startMark`). */
  startMarkMs: number
  /**
   * Per frame (as `frameDeltas`), the share of the viewport below the header that no data row covered in the frame
   * shown before it (sampled right after the scroll moved, as it is painted). Loading rows count as blank.
   */
  frameBlank: number[]
  /**
   * Per frame (as `frameDeltas`), whether the scroll was held at the bottom of the loaded rows during it: waiting for
   * a page, a frame has no new rows to show, so it is cheap and not blank. An implementation that waits more looks
   * faster per frame; the figures "while scrolling" leave these frames out.
   */
  frameStalled: boolean[]
  /** Pixels scrolled from the start to the stop. */
  scrolledPx: number
  /** Elements in the page's body (`document.body.getElementsByTagName('*')`), sampled every 30 frames. */
  domElements: number[]
  /** Scroll events the driver sent while the scroll was held at the bottom of the loaded rows for 200 ms. */
  nudges: number
  /** Long tasks (PerformanceObserver 'longtask', over 50 ms) that started during the scroll; start from its start. */
  longTasks: { startMs: number; durationMs: number }[]
  /** Most data rows in the DOM in any frame. */
  peakRenderedRows: number
  /** Time (ms) during which a loading row intersected the viewport, weighted by frame time. */
  loadingRowVisibleMs: number
  /** Time (ms) during which the scroll was held back at the bottom of the loaded content. */
  stalledMs: number
  /** Scroll offset reached, in px. */
  scrollTop: number
  /** `scrollHeight` of the scroller at the end, in px. */
  scrollHeight: number
  rowsLoaded: number
  requests: number
  firstRequests: string[]
  /**
   * For each request made during the scroll: how far the scroll still was from the bottom of the loaded rows when
   * the page called fetch, in px (how early it asked), and the time until its rows were on screen (the first frame
   * counting them), in ms.
   */
  prefetch: { leadPx: number; fetchMs: number | null }[]
}

/** `window.__bench`: the page's contract plus the driver, and how long the page took to get ready. */
export interface BenchHandle extends BenchPage {
  scroll(options: ScrollOptions): Promise<ScrollResult>
  /** Milliseconds from navigation start to the mock dataset being generated. */
  datasetReadyMs: number
  /**
   * Milliseconds from navigation start to the first animation frame with a data row in the DOM (that frame paints
   * it); null until then.
   */
  firstPageShownMs(): number | null
}

declare global {
  interface Window {
    __bench?: BenchHandle
  }
}
