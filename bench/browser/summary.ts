import { LAYOUT } from './contract.ts'
import type { Implementation, ScrollResult, StopReason } from './contract.ts'
import type { TraceSummary } from './traceSummary.ts'

/** Everything `run.ts` collected for one implementation at one CPU throttle and latency, in one pair. */
export interface RunInput {
  implementation: Implementation
  /** CDP `Emulation.setCPUThrottlingRate` rate (1 = not throttled). */
  cpuThrottle: number
  /** Which round of the alternation (0-based): runs of one round are compared with each other. */
  pair: number
  latencyMs: number
  rows: number
  speed: number
  capMs: number
  result: ScrollResult
  setup: { datasetReadyMs: number; firstPageShownMs: number }
  /** Main-thread busy time of each rAF interval of the scroll (ms, as `result.frameDeltas`); null without a trace. */
  frameBusy: number[] | null
  /**
   * Of that, the time in the browser's rendering steps (style, layout, paint, …), per rAF interval (ms); null unless
   * the trace has the `devtools.timeline` category (`--trace`).
   */
  frameRendering: number[] | null
  /** Time of a fixed busy loop in the page once it was ready (ms): the throttle at work. */
  cpuCheckMs: number
  /** CDP `Performance.getMetrics` before the scroll (after a GC), right after it, and after a GC at the end. */
  before: Record<string, number>
  after: Record<string, number>
  collected: Record<string, number>
  pageErrors: string[]
  /** 1-minute load average of the machine before and after the run (it is shared). */
  loadAverage: [number, number]
  traced: TraceSummary
}

/** Main-thread busy time per requestAnimationFrame interval, from the trace. */
export interface FrameBusy {
  frames: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
  /** Share of the frames with more than 16.7 ms (one 60 Hz frame) of main-thread work. */
  over16Share: number
  /** Share of the frames with more than 33 ms (two 60 Hz frames) of main-thread work. */
  over33Share: number
}

/** One run's figures, as written to browser.json. */
export interface RunFigures {
  implementation: Implementation
  cpuThrottle: number
  pair: number
  latencyMs: number
  stop: StopReason
  stopDetail: string | null
  /**
   * Main-thread busy time of each rAF interval: the renderer main thread's top-level tasks in a Chrome trace (wall
   * time, which includes the time CPU throttling holds the thread), summed per interval; null without a trace.
   */
  frameBusyMs: FrameBusy | null
  /**
   * The same, over the frames in which the scroll moved: frames held at the bottom of the loaded rows, waiting for a
   * page, are left out. They are cheap (no new rows), so an implementation that waits more would look faster.
   */
  scrollingBusyMs: FrameBusy | null
  /** Main-thread busy time per 100 rows scrolled past (the sum of `frameBusyMs` over rows scrolled ÷ 100). */
  busyMsPer100Rows: number | null
  /**
   * Share of the scroll's wall time the main thread was busy (the sum of `frameBusyMs` ÷ the scroll's duration). Near
   * 100% it is saturated: every frame lasts as long as its work, the per-frame figures follow the work per frame, and
   * the busy time per 100 rows scrolled follows the scroll's speed more than the work per row.
   */
  busyShare: number | null
  /**
   * Main-thread time in the browser's rendering steps (style, layout, pre-paint, paint, layerize, commit) per frame,
   * the mean over the scroll's frames, and its share of the busy time: the browser's work for what the page changed,
   * which a table shortens only by changing less per frame. Only with `--trace` (the detailed categories slow every
   * page down: compare such runs with each other only); else null.
   */
  rendering: { msPerFrame: number; shareOfBusy: number } | null
  /**
   * Share of the viewport below the header that no data row covers, per frame, weighted by how long the frame was
   * on screen (`blankShare`), and its plain mean and p95 over frames. Loading rows count as blank.
   */
  blankShare: number
  blankFrameMean: number
  blankFrameP95: number
  /** Elements in the page's body during the scroll (sampled every 30 frames). */
  domElements: { median: number; max: number }
  /** A fixed busy loop in the page once it was ready (ms): shows the CPU throttle applied. */
  cpuCheckMs: number
  /** requestAnimationFrame deltas during the scroll. */
  frameMs: { frames: number; p50: number; p95: number; p99: number; max: number; mean: number }
  /** How many frames took up to 17, 34, 50, 100, 250, 1000 ms, or more. */
  frameHistogram: Record<string, number>
  /** Frame times by rows loaded, in bands of 10,000 rows (of 1,000 below 20,000 rows): how a page ages. */
  frameMsByRowsLoaded: { rowsFrom: number; frames: number; p95: number; max: number; longFrames: number }[]
  /** Long tasks; `first` lists up to 30 of them (start from the start of the scroll, in ms). */
  longTasks: {
    count: number
    totalMs: number
    maxMs: number
    first: { startMs: number; durationMs: number }[]
  }
  peakRenderedRows: number
  /**
   * JS heap used after a forced GC at the end (CDP Performance.getMetrics JSHeapUsedSize). It includes the in-page
   * mock API's dataset (about 100 MiB for 100,000 leads), the same on every page: `jsHeapGrowthMiB` is the heap at
   * the end minus the heap before the scroll (both after a GC).
   */
  jsHeapMiB: number
  jsHeapGrowthMiB: number
  /** DOM nodes after that GC. */
  domNodes: number
  /** From the start of the scroll to the first frame showing the last row entirely; null if not reached. */
  timeToLastRowSeconds: number | null
  scrollSeconds: number
  requests: number
  /** Path and query of the first two lead requests. */
  firstRequests: string[]
  rowsLoaded: number
  /**
   * When requests were made: how far (px, and ms at the scroll speed) the scroll still was from the bottom of the
   * loaded rows when a request was seen (median and 10th percentile), and how long its rows took to arrive.
   */
  prefetch: {
    requestsSeen: number
    leadPxP50: number
    leadPxP10: number
    leadMsP50: number
    fetchMsP50: number
    fetchMsP95: number
  }
  /** Share of the scroll time (frame-time weighted) a loading row was in view. */
  loadingRowVisibleShare: number
  /** Share of the scroll time the scroll was held at the bottom of the loaded rows. */
  stalledShare: number
  /** Scroll events the driver sent while held at the bottom for 200 ms (see pages/harness.ts). */
  stallNudges: number
  /** Main-thread time during the scroll, from CDP metrics (ms). */
  mainThreadMs: { tasks: number; script: number; layout: number; style: number }
  layouts: number
  styleRecalcs: number
  scrollHeightPx: number
  /**
   * From navigation start: the mock dataset generated; the first animation frame with a data row in the DOM. And
   * that frame's time after the dataset was ready (the page's own start-up: mount, first request, first rows).
   */
  setupMs: { datasetReady: number; firstPageShown: number; firstPageAfterMock: number }
  loadAverage: [number, number]
  pageErrors: string[]
  /**
   * The main thread's long tasks in a Chrome trace of the scroll, with the CPU time the thread got in them:
   * `cpuBoundCount` of them had 50 ms of CPU or more (the page's doing); the others mostly waited for a core.
   */
  tracedLongTasks: TraceSummary
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? 0
}

function prefetchFigures(result: ScrollResult, speed: number): RunFigures['prefetch'] {
  const leads = result.prefetch.map((entry) => entry.leadPx).sort((a, b) => a - b)
  const fetches = result.prefetch
    .map((entry) => entry.fetchMs)
    .filter((fetchMs) => fetchMs !== null)
    .sort((a, b) => a - b)
  const leadPxP50 = quantile(leads, 0.5)
  return {
    requestsSeen: leads.length,
    leadPxP50: round(leadPxP50, 0),
    leadPxP10: round(quantile(leads, 0.1), 0),
    leadMsP50: round((leadPxP50 / speed) * 1000, 0),
    fetchMsP50: round(quantile(fetches, 0.5), 0),
    fetchMsP95: round(quantile(fetches, 0.95), 0),
  }
}

/** Frame times per band of rows loaded; frames over 50 ms count as long. */
function bands(result: ScrollResult): RunFigures['frameMsByRowsLoaded'] {
  const width = (rows: number) => (rows < 20_000 ? 1_000 : 10_000)
  const byBand = new Map<number, number[]>()
  result.frameDeltas.forEach((delta, index) => {
    const rows = result.frameRows[index] ?? 0
    const band = Math.floor(rows / width(rows)) * width(rows)
    const list = byBand.get(band) ?? []
    list.push(delta)
    byBand.set(band, list)
  })
  return [...byBand.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rowsFrom, deltas]) => {
      const sorted = deltas.sort((a, b) => a - b)
      return {
        rowsFrom,
        frames: sorted.length,
        p95: round(quantile(sorted, 0.95), 1),
        max: round(sorted.at(-1) ?? 0, 1),
        longFrames: sorted.filter((delta) => delta > 50).length,
      }
    })
}

const BUCKETS = [17, 34, 50, 100, 250, 1000]

/** Statistics of per-frame busy times (ms). */
export function frameBusyFigures(busy: number[]): FrameBusy {
  const share = (limit: number) =>
    round(busy.filter((value) => value > limit).length / Math.max(1, busy.length), 4)
  return { ...frameStatistics(busy), over16Share: share(16.7), over33Share: share(33) }
}

/** Count, p50, p95, p99, max and mean of per-frame times (ms). */
function frameStatistics(values: number[]): RunFigures['frameMs'] {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    frames: sorted.length,
    p50: round(quantile(sorted, 0.5), 2),
    p95: round(quantile(sorted, 0.95), 2),
    p99: round(quantile(sorted, 0.99), 2),
    max: round(sorted.at(-1) ?? 0, 1),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length), 2),
  }
}

/**
 * Blank share per frame, weighted by the time each frame was on screen: `blank[i]` is what the frame before interval
 * i showed, and `deltas[i]` how long it stayed.
 */
export function weightedBlank(blank: number[], deltas: number[]): number {
  let time = 0
  let weighted = 0
  deltas.forEach((delta, index) => {
    time += delta
    weighted += delta * (blank[index] ?? 0)
  })
  return time === 0 ? 0 : weighted / time
}

/** The busy time per 100 rows scrolled past, and the share of the scroll the main thread was busy. */
export function busyTotals(
  frameBusy: number[] | null,
  durationMs: number,
  scrolledPx: number,
): Pick<RunFigures, 'busyMsPer100Rows' | 'busyShare'> {
  if (frameBusy === null) return { busyMsPer100Rows: null, busyShare: null }
  const total = frameBusy.reduce((sum, value) => sum + value, 0)
  return {
    busyMsPer100Rows: scrolledPx > 0 ? round(total / (scrolledPx / LAYOUT.rowHeight / 100), 1) : null,
    busyShare: round(Math.min(1, total / Math.max(1, durationMs)), 4),
  }
}

/** The time in rendering steps per frame (mean) and as a share of the busy time; null without those figures. */
export function renderingFigures(
  frameRendering: number[] | null,
  frameBusy: number[] | null,
): RunFigures['rendering'] {
  if (frameRendering === null || frameBusy === null || frameRendering.length === 0) return null
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
  const busy = sum(frameBusy)
  return {
    msPerFrame: round(sum(frameRendering) / frameRendering.length, 2),
    shareOfBusy: busy > 0 ? round(Math.min(1, sum(frameRendering) / busy), 4) : 0,
  }
}

/** Builds one run's figures from what `run.ts` collected. */
export function summarise(input: RunInput): RunFigures {
  const { result, before, after, collected } = input
  const histogram: Record<string, number> = {}
  for (const limit of BUCKETS) histogram[`<=${limit}`] = 0
  histogram[`>${BUCKETS.at(-1)}`] = 0
  for (const delta of result.frameDeltas) {
    const limit = BUCKETS.find((bucket) => delta <= bucket)
    const key = limit === undefined ? `>${BUCKETS.at(-1)}` : `<=${limit}`
    histogram[key] = (histogram[key] ?? 0) + 1
  }
  const spent = (name: string) => round(((after[name] ?? 0) - (before[name] ?? 0)) * 1000, 0)
  const duration = Math.max(1, result.durationMs)
  const blankSorted = [...result.frameBlank].sort((a, b) => a - b)
  const elements = [...result.domElements].sort((a, b) => a - b)
  return {
    implementation: input.implementation,
    cpuThrottle: input.cpuThrottle,
    pair: input.pair,
    latencyMs: input.latencyMs,
    frameBusyMs: input.frameBusy === null ? null : frameBusyFigures(input.frameBusy),
    scrollingBusyMs:
      input.frameBusy === null
        ? null
        : frameBusyFigures(input.frameBusy.filter((_, index) => result.frameStalled[index] !== true)),
    ...busyTotals(input.frameBusy, result.durationMs, result.scrolledPx),
    rendering: renderingFigures(input.frameRendering, input.frameBusy),
    blankShare: round(weightedBlank(result.frameBlank, result.frameDeltas), 4),
    blankFrameMean: round(
      result.frameBlank.reduce((sum, value) => sum + value, 0) / Math.max(1, result.frameBlank.length),
      4,
    ),
    blankFrameP95: round(quantile(blankSorted, 0.95), 4),
    domElements: { median: quantile(elements, 0.5), max: elements.at(-1) ?? 0 },
    cpuCheckMs: input.cpuCheckMs,
    stop: result.stopReason,
    stopDetail: result.stopDetail,
    frameMs: frameStatistics(result.frameDeltas),
    frameHistogram: histogram,
    frameMsByRowsLoaded: bands(result),
    longTasks: {
      count: result.longTasks.length,
      totalMs: round(
        result.longTasks.reduce((sum, task) => sum + task.durationMs, 0),
        0,
      ),
      maxMs: round(
        result.longTasks.reduce((max, task) => Math.max(max, task.durationMs), 0),
        0,
      ),
      first: result.longTasks
        .slice(0, 30)
        .map((task) => ({ startMs: round(task.startMs, 0), durationMs: round(task.durationMs, 0) })),
    },
    peakRenderedRows: result.peakRenderedRows,
    jsHeapMiB: round((collected.JSHeapUsedSize ?? 0) / 2 ** 20, 1),
    jsHeapGrowthMiB: round(((collected.JSHeapUsedSize ?? 0) - (before.JSHeapUsedSize ?? 0)) / 2 ** 20, 1),
    domNodes: collected.Nodes ?? 0,
    timeToLastRowSeconds: result.timeToLastRowMs === null ? null : round(result.timeToLastRowMs / 1000, 1),
    scrollSeconds: round(result.durationMs / 1000, 1),
    requests: result.requests,
    firstRequests: result.firstRequests,
    prefetch: prefetchFigures(result, input.speed),
    rowsLoaded: result.rowsLoaded,
    loadingRowVisibleShare: round(result.loadingRowVisibleMs / duration, 4),
    stalledShare: round(result.stalledMs / duration, 4),
    stallNudges: result.nudges,
    mainThreadMs: {
      tasks: spent('TaskDuration'),
      script: spent('ScriptDuration'),
      layout: spent('LayoutDuration'),
      style: spent('RecalcStyleDuration'),
    },
    layouts: (after.LayoutCount ?? 0) - (before.LayoutCount ?? 0),
    styleRecalcs: (after.RecalcStyleCount ?? 0) - (before.RecalcStyleCount ?? 0),
    scrollHeightPx: result.scrollHeight,
    setupMs: {
      datasetReady: round(input.setup.datasetReadyMs, 0),
      firstPageShown: round(input.setup.firstPageShownMs, 0),
      firstPageAfterMock: round(input.setup.firstPageShownMs - input.setup.datasetReadyMs, 0),
    },
    loadAverage: input.loadAverage,
    pageErrors: input.pageErrors,
    tracedLongTasks: input.traced,
  }
}

/** A figure compared between pagewise and each peer. */
export interface ComparedMetric {
  key: string
  label: string
  unit: 'ms' | '%' | 'MiB' | ''
  /** Whether a lower figure is better (all of them here). */
  value(run: RunFigures): number | null
}

/** The figures of the comparison tables, in their order. */
export const COMPARED: ComparedMetric[] = [
  { key: 'busyP95', label: 'frame busy p95', unit: 'ms', value: (run) => run.frameBusyMs?.p95 ?? null },
  { key: 'busyP99', label: 'frame busy p99', unit: 'ms', value: (run) => run.frameBusyMs?.p99 ?? null },
  {
    key: 'scrollingBusyP95',
    label: 'frame busy p95 while scrolling',
    unit: 'ms',
    value: (run) => run.scrollingBusyMs?.p95 ?? null,
  },
  {
    key: 'busyPer100Rows',
    label: 'busy per 100 rows scrolled',
    unit: 'ms',
    value: (run) => run.busyMsPer100Rows,
  },
  { key: 'busyShare', label: 'main thread busy', unit: '%', value: (run) => run.busyShare },
  {
    key: 'renderingPerFrame',
    label: 'style, layout and paint per frame (--trace)',
    unit: 'ms',
    value: (run) => run.rendering?.msPerFrame ?? null,
  },
  { key: 'stalled', label: 'time held at the bottom', unit: '%', value: (run) => run.stalledShare },
  {
    key: 'over16',
    label: 'frames busy > 16.7 ms',
    unit: '%',
    value: (run) => run.frameBusyMs?.over16Share ?? null,
  },
  {
    key: 'over33',
    label: 'frames busy > 33 ms',
    unit: '%',
    value: (run) => run.frameBusyMs?.over33Share ?? null,
  },
  { key: 'rafP95', label: 'rAF frame p95', unit: 'ms', value: (run) => run.frameMs.p95 },
  { key: 'blank', label: 'blank viewport share', unit: '%', value: (run) => run.blankShare },
  { key: 'domElements', label: 'DOM elements', unit: '', value: (run) => run.domElements.median },
  {
    key: 'firstPage',
    label: 'first page shown (after mock ready)',
    unit: 'ms',
    value: (run) => run.setupMs.firstPageAfterMock,
  },
  { key: 'heap', label: 'JS heap after GC', unit: 'MiB', value: (run) => run.jsHeapMiB },
  { key: 'peakRows', label: 'peak rendered rows', unit: '', value: (run) => run.peakRenderedRows },
]

/**
 * The figures of `COMPARED` that some run of `comparisons` (one condition) has: style and layout time, measured only
 * with `--trace`, gets no row in a table of runs without it.
 */
export function measuredFigures(comparisons: Comparison[]): ComparedMetric[] {
  return COMPARED.filter((metric) =>
    comparisons.some(
      (c) =>
        (c.metrics[metric.key]?.pagewise ?? null) !== null || (c.metrics[metric.key]?.peer ?? null) !== null,
    ),
  )
}

/** One figure of pagewise against one peer, over the pairs of one condition. */
export interface MetricComparison {
  /** Medians over the runs. */
  pagewise: number | null
  peer: number | null
  /**
   * Median over the pairs of pagewise's figure ÷ the peer's from the same pair (> 1: pagewise's is higher); null
   * when no pair gives a ratio (a zero in the peer's figure).
   */
  ratio: number | null
  /** Every pair's ratio, in pair order (null where the peer's figure is zero and pagewise's is not). */
  ratios: (number | null)[]
}

/** pagewise against one peer at one CPU throttle and latency. */
export interface Comparison {
  cpuThrottle: number
  latencyMs: number
  peer: Implementation
  pairs: number
  metrics: Record<string, MetricComparison>
}

/** The median of `values`; null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** `a ÷ b`, with 0 ÷ 0 = 1 (both equally good) and null for x ÷ 0. */
export function ratioOf(a: number, b: number): number | null {
  if (b === 0) return a === 0 ? 1 : null
  return a / b
}

/**
 * The conditions (CPU throttle × latency) of `runs` and, in each, pagewise against every peer: per figure, the
 * median of each side and the median of the per-pair ratios (pagewise ÷ peer, runs of the same pair).
 */
export function compareRuns(runs: RunFigures[]): Comparison[] {
  const comparisons: Comparison[] = []
  const conditions = new Map<string, { cpuThrottle: number; latencyMs: number }>()
  for (const run of runs) {
    conditions.set(`${run.cpuThrottle}/${run.latencyMs}`, {
      cpuThrottle: run.cpuThrottle,
      latencyMs: run.latencyMs,
    })
  }
  for (const { cpuThrottle, latencyMs } of conditions.values()) {
    const here = runs.filter((run) => run.cpuThrottle === cpuThrottle && run.latencyMs === latencyMs)
    const pagewise = here.filter((run) => run.implementation === 'pagewise')
    const peers = [...new Set(here.map((run) => run.implementation))].filter((name) => name !== 'pagewise')
    for (const peer of peers) {
      const peerRuns = here.filter((run) => run.implementation === peer)
      const pairs = pagewise.flatMap((ours) => {
        const theirs = peerRuns.find((run) => run.pair === ours.pair)
        return theirs === undefined ? [] : [[ours, theirs] as const]
      })
      const metrics: Record<string, MetricComparison> = {}
      for (const metric of COMPARED) {
        const values = (list: RunFigures[]) =>
          list.map((run) => metric.value(run)).filter((value) => value !== null)
        const ratios = pairs.map(([ours, theirs]) => {
          const a = metric.value(ours)
          const b = metric.value(theirs)
          return a === null || b === null ? null : ratioOf(a, b)
        })
        const known = ratios.filter((value) => value !== null)
        const m = (list: number[]) => {
          const value = median(list)
          return value === null ? null : round(value, 4)
        }
        metrics[metric.key] = {
          pagewise: m(values(pagewise)),
          peer: m(values(peerRuns)),
          ratio: m(known),
          ratios: ratios.map((value) => (value === null ? null : round(value, 3))),
        }
      }
      comparisons.push({ cpuThrottle, latencyMs, peer, pairs: pairs.length, metrics })
    }
  }
  return comparisons
}

/** One of pagewise's targets (issue 20), checked against the comparisons. */
export interface TargetCheck {
  cpuThrottle: number
  latencyMs: number
  target: string
  /** Key of the figure in `COMPARED` (its per-pair ratios are in the comparison with virtuoso). */
  metric: string
  /** pagewise's figure (median over its runs) or ratio, as the target states it. */
  value: number | null
  limit: number | null
  pass: boolean | null
}

/**
 * pagewise's targets against react-virtuoso's defaults (`virtuoso`), per condition, on the medians of per-pair
 * ratios: at a throttled CPU, frame busy p95 ≤ 0.7× and frames over 33 ms ≤ virtuoso's; everywhere, blank share ≤
 * virtuoso's, DOM elements ≤ virtuoso's and first page shown ≤ virtuoso's; unthrottled, blank share ≤ 1%.
 */
export function checkTargets(comparisons: Comparison[]): TargetCheck[] {
  const checks: TargetCheck[] = []
  for (const comparison of comparisons.filter((candidate) => candidate.peer === 'virtuoso')) {
    const { cpuThrottle, latencyMs, metrics } = comparison
    const ratioAtMost = (key: string, target: string, limit: number) => {
      const ratio = metrics[key]?.ratio ?? null
      checks.push({
        cpuThrottle,
        latencyMs,
        target,
        metric: key,
        value: ratio,
        limit,
        pass: ratio === null ? null : ratio <= limit,
      })
    }
    if (cpuThrottle > 1) {
      ratioAtMost('busyP95', 'frame busy p95 ÷ virtuoso ≤ 0.7', 0.7)
      ratioAtMost('over33', 'frames busy > 33 ms ÷ virtuoso ≤ 1', 1)
    }
    ratioAtMost('blank', 'blank share ÷ virtuoso ≤ 1', 1)
    ratioAtMost('domElements', 'DOM elements ÷ virtuoso ≤ 1', 1)
    ratioAtMost('firstPage', 'first page shown ÷ virtuoso ≤ 1', 1)
    if (cpuThrottle === 1) {
      const blank = metrics.blank?.pagewise ?? null
      checks.push({
        cpuThrottle,
        latencyMs,
        target: 'blank share ≤ 1%',
        metric: 'blank',
        value: blank,
        limit: 0.01,
        pass: blank === null ? null : blank <= 0.01,
      })
    }
  }
  return checks
}

const percent = (share: number) => `${round(share * 100, 1)}%`

/** A figure in its unit: `81.9 ms`, `70.4%`, `236`. */
export function formatValue(value: number | null, unit: ComparedMetric['unit']): string {
  if (value === null) return '-'
  if (unit === '%') return percent(value)
  const digits = Math.abs(value) >= 100 ? 0 : 1
  return unit === '' ? String(round(value, digits)) : `${round(value, digits)} ${unit}`
}

/** A ratio: `1.62×`; `-` when there is none. */
export const formatRatio = (ratio: number | null): string =>
  ratio === null ? '-' : `${ratio >= 10 ? round(ratio, 0) : round(ratio, 2)}×`

function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  )
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n')
}

/**
 * The comparison tables (one per CPU throttle and latency: medians, and in brackets the median of the per-pair
 * ratios pagewise ÷ peer), each run's stop, and pagewise's targets.
 */
export function formatTable(
  runs: RunFigures[],
  comparisons: Comparison[],
  checks: TargetCheck[] = [],
): string {
  const lines: string[] = []
  const conditions = [...new Set(comparisons.map((c) => `${c.cpuThrottle}/${c.latencyMs}`))]
  for (const condition of conditions) {
    const here = comparisons.filter((c) => `${c.cpuThrottle}/${c.latencyMs}` === condition)
    const first = here[0]
    if (first === undefined) continue
    const header = [
      `${first.cpuThrottle}x CPU, ${first.latencyMs} ms`,
      'pagewise',
      ...here.map((c) => `${c.peer} (ratio, ${c.pairs} pairs)`),
    ]
    const rows = measuredFigures(here).map((metric) => [
      metric.label,
      formatValue(first.metrics[metric.key]?.pagewise ?? null, metric.unit),
      ...here.map((c) => {
        const figure = c.metrics[metric.key]
        return `${formatValue(figure?.peer ?? null, metric.unit)} (${formatRatio(figure?.ratio ?? null)})`
      }),
    ])
    lines.push(textTable(header, rows), '')
  }
  // Runs that ended at the cap (or a cut-off), by implementation and condition: how far they got.
  const stops = new Map<string, RunFigures[]>()
  for (const run of runs.filter((candidate) => candidate.stop !== 'last-row')) {
    const key = `${run.implementation} ${run.cpuThrottle}x ${run.latencyMs} ms`
    stops.set(key, [...(stops.get(key) ?? []), run])
  }
  if (stops.size > 0) {
    lines.push('Runs that did not reach the last row (their figures cover the scroll up to the stop):')
    for (const [key, stopped] of stops) {
      const rows = stopped.map((run) => run.rowsLoaded.toLocaleString('en-US')).join(', ')
      const reasons = [...new Set(stopped.map((run) => run.stop))].join(', ')
      lines.push(`  ${key}: ${stopped.length} run(s), ${reasons}; rows loaded ${rows}`)
    }
  }
  if (checks.length > 0) {
    lines.push('', 'pagewise targets (issue 20):')
    for (const check of checks) {
      const verdict = check.pass === null ? 'n/a ' : check.pass ? 'pass' : 'MISS'
      lines.push(
        `  ${verdict}  ${check.cpuThrottle}x ${check.latencyMs} ms: ${check.target} ` +
          `(value ${check.value === null ? '-' : round(check.value, 3)}, limit ${check.limit})`,
      )
    }
  }
  return lines.join('\n')
}
