/**
 * What the heap benchmark's pages (`pages/heap-*.tsx`) and its runner (`heap.ts`) agree on. A page lists the
 * million-row mock (`stories/support/millionRows.ts`, answered in the page) and sets `window.__heap` once its first
 * page is on screen, then logs `HEAP_READY`. The runner calls `__heap.scrollDown(row)` for each checkpoint and
 * `__heap.scrollToTop()` at the end, reading the JS heap through CDP in between.
 */

/** The implementations measured, one page each (`heap-<impl>.html`). */
export const HEAP_IMPLEMENTATIONS = ['pagewise', 'virtuoso'] as const
export type HeapImplementation = (typeof HEAP_IMPLEMENTATIONS)[number]

/** The layout and paging every heap page uses. */
export const HEAP_LAYOUT = {
  /** Height of a row, in px, the header's too: 1,000,000 × 32 px stays under Chromium's ~33.5M px element limit. */
  rowHeight: 32,
  /** Height of the scrolling element, sticky header included, in px. */
  viewportHeight: 600,
  /** Records per request. */
  pageSize: 100,
  /** pagewise's `maxPages`: the pages it keeps (react-virtuoso's page keeps every page). */
  maxPages: 10,
  /** Width of the table, in px. */
  tableWidth: 960,
} as const

/** What a page logs once `window.__heap` is set (its first page is on screen). */
export const HEAP_READY = 'pagewise-heap: ready'
/** Prefix of the progress lines a page logs while scrolling (`<prefix> <loaded end> <ms>`). */
export const HEAP_PROGRESS = 'pagewise-heap: progress'

/** What one heap page exposes; indices are absolute (record 0 is the list's first). */
export interface HeapPage {
  implementation: HeapImplementation
  /** The element that scrolls. */
  scroller: HTMLElement
  /** Index of the first record held (pagewise: `list.firstItemIndex`, or the first loaded page's offset). */
  loadedStart(): number
  /** Index after the last record held: records `loadedStart()` to `loadedEnd() - 1` are loaded. */
  loadedEnd(): number
  /** The list's length, once the API said. */
  total(): number | undefined
  hasNextPage(): boolean
  hasPreviousPage(): boolean
  /** Any request of the list is in flight. */
  isFetching(): boolean
  /** Pages the list's query holds. */
  pagesHeld(): number
  /**
   * Offset of record `index`'s row from the top of the scroller's content, in px, where the table lays it out (the
   * header comes first). pagewise before `firstItemIndex` laid rows out from `items[0]`; that is accounted for.
   */
  rowOffset(index: number): number
  /** The rows of records the page renders now (loading, placeholder and status rows may be among them). */
  candidateRows(): ArrayLike<Element>
  /** Lead list requests the page has made. */
  requests(): number
  /** Whether the table lays rows out at absolute indices (pagewise: whether the list has `firstItemIndex`). */
  absoluteLayout: boolean
}

/** Why a leg of the scroll ended. */
export type HeapStop = 'reached' | 'end-of-list' | 'top' | 'stalled' | 'unsettled'

/** What the page saw at one moment: where the list and the view stand. */
export interface HeapSnapshot {
  loadedStart: number
  loadedEnd: number
  /** Records held (`loadedEnd - loadedStart`). */
  itemsHeld: number
  pagesHeld: number
  total: number | undefined
  hasPreviousPage: boolean
  hasNextPage: boolean
  isFetching: boolean
  scrollTop: number
  scrollHeight: number
  /** Rows in the DOM showing a record. */
  renderedRecordRows: number
  /** Rows in view showing a record. */
  viewRecordRows: number
  /** Of those, the rows whose box is where record `i` belongs at an absolute layout (header + i × rowHeight). */
  viewRowsAtAbsoluteOffset: number
  /** Of those, the rows whose `aria-rowindex` is `i + 2` (null for a page without `aria-rowindex`). */
  viewRowsWithAbsoluteAriaRowIndex: number | null
  /** The first record in view, read from its name ("Lead 1,234" is record 1,233); null if none. */
  firstRecordInView: number | null
  /** Whether every row in view (up to the end of the list) shows a record. */
  rowsInViewLoaded: boolean
  /** `document.body.getElementsByTagName('*').length`. */
  domElements: number
  requests: number
}

/** How a leg of the scroll went. */
export interface HeapLeg {
  stop: HeapStop
  /** Wall time of the leg, in ms. */
  ms: number
  /** Scroll moves made by the driver. */
  steps: number
  /** Animation frames waited for. */
  frames: number
  /** Requests made during the leg. */
  requests: number
  /** Per step (one or more pages), the ms from the scroll move to the rows in view all being records: p50, p95, max. */
  stepMs: { p50: number; p95: number; max: number } | null
  /** Where things stood at the end of the leg. */
  at: HeapSnapshot
  /** When it stalled: what the driver was waiting for. */
  detail: string | null
}

/** Options of a leg. */
export interface HeapLegOptions {
  /** Give up when the list and the view have not moved on for this long, in ms. */
  stallMs: number
  /**
   * At the end of a leg, how long to wait for the list to be still (nothing in flight, the loaded range unchanged);
   * a table that goes on loading by itself ends the leg as `'unsettled'` after this long, in ms.
   */
  settleMs: number
  /** Log `HEAP_PROGRESS` every time the loaded end passes a multiple of this. */
  progressEvery: number
}

/** `window.__heap`: the page, its snapshot and the driver. */
export interface HeapHandle extends HeapPage {
  snapshot(): HeapSnapshot
  /** Whether every row in view (up to the end of the list) shows a record. */
  rowsInViewLoaded(): boolean
  /** Scrolls down, page after page, until record `row - 1` is loaded (or the list ends), then settles. */
  scrollDown(row: number, options: HeapLegOptions): Promise<HeapLeg>
  /** Scrolls up, page after page as the table loads them back, to the top, then settles. */
  scrollToTop(options: HeapLegOptions): Promise<HeapLeg>
}

declare global {
  interface Window {
    __heap?: HeapHandle
  }
}
