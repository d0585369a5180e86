import type { Implementation, ScrollResult, StopReason } from './contract.ts'
import type { TraceSummary } from './traceSummary.ts'

/** Everything `run.ts` collected for one implementation at one latency. */
export interface RunInput {
  implementation: Implementation
  latencyMs: number
  rows: number
  speed: number
  capMs: number
  result: ScrollResult
  setup: { datasetReadyMs: number; firstPageShownMs: number }
  /** CDP `Performance.getMetrics` before the scroll (after a GC), right after it, and after a GC at the end. */
  before: Record<string, number>
  after: Record<string, number>
  collected: Record<string, number>
  pageErrors: string[]
  /** 1-minute load average of the machine before and after the run (it is shared). */
  loadAverage: [number, number]
  traced: TraceSummary
}

/** One run's figures, as written to browser.json. */
export interface RunFigures {
  implementation: Implementation
  latencyMs: number
  stop: StopReason
  stopDetail: string | null
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
  /** Main-thread time during the scroll, from CDP metrics (ms). */
  mainThreadMs: { tasks: number; script: number; layout: number; style: number }
  layouts: number
  styleRecalcs: number
  scrollHeightPx: number
  setupMs: { datasetReady: number; firstPageShown: number }
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

export function summarise(input: RunInput): RunFigures {
  const { result, before, after, collected } = input
  const sorted = [...result.frameDeltas].sort((a, b) => a - b)
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
  return {
    implementation: input.implementation,
    latencyMs: input.latencyMs,
    stop: result.stopReason,
    stopDetail: result.stopDetail,
    frameMs: {
      frames: sorted.length,
      p50: round(quantile(sorted, 0.5), 2),
      p95: round(quantile(sorted, 0.95), 2),
      p99: round(quantile(sorted, 0.99), 2),
      max: round(sorted.at(-1) ?? 0, 1),
      mean: round(sorted.reduce((sum, delta) => sum + delta, 0) / Math.max(1, sorted.length), 2),
    },
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
    },
    loadAverage: input.loadAverage,
    pageErrors: input.pageErrors,
    tracedLongTasks: input.traced,
  }
}

/** Frame times this close are the same frame: vsync-aligned rAF timestamps jitter by microseconds around 16.67 ms. */
const SAME_FRAME_MS = 0.5

/** One of pagewise's targets, checked against a run's figures. */
export interface TargetCheck {
  latencyMs: number
  target: string
  value: number | null
  limit: number | null
  pass: boolean | null
  /** What explains a miss, when the figures tell. */
  note?: string | undefined
}

/**
 * pagewise's targets: p95 frame ≤ one display frame (16.7 ms, or the idle page's p95 when rAF timestamps jitter
 * above it) and no worse than Virtuoso's (within 0.5 ms); no long task during the scroll; at most 60 rendered rows; at 100 ms latency,
 * a loading row in view at most 25% as long as the plain table's (as shares of scroll time).
 */
export function checkTargets(runs: RunFigures[], idleP95Ms: number): TargetCheck[] {
  const checks: TargetCheck[] = []
  const find = (implementation: Implementation, latencyMs: number) =>
    runs.find((run) => run.implementation === implementation && run.latencyMs === latencyMs)
  for (const run of runs.filter((candidate) => candidate.implementation === 'pagewise')) {
    const { latencyMs } = run
    const frameLimit = Math.max(16.7, idleP95Ms)
    checks.push({
      latencyMs,
      target: 'p95 frame <= one display frame',
      value: run.frameMs.p95,
      limit: frameLimit,
      pass: run.frameMs.p95 <= frameLimit,
    })
    const virtuoso = find('virtuoso', latencyMs)
    checks.push({
      latencyMs,
      target: `p95 frame <= virtuoso p95 (+${SAME_FRAME_MS} ms)`,
      value: run.frameMs.p95,
      limit: virtuoso?.frameMs.p95 ?? null,
      pass: virtuoso === undefined ? null : run.frameMs.p95 <= virtuoso.frameMs.p95 + SAME_FRAME_MS,
    })
    checks.push({
      latencyMs,
      target: 'no long task during the scroll',
      value: run.longTasks.count,
      limit: 0,
      pass: run.longTasks.count === 0,
      note:
        run.longTasks.count === 0
          ? undefined
          : `${run.tracedLongTasks.cpuBoundCount} of the ${run.tracedLongTasks.count} traced long tasks had 50 ms ` +
            `of CPU time or more (${run.tracedLongTasks.cpuMs} ms CPU in ${run.tracedLongTasks.wallMs} ms)`,
    })
    checks.push({
      latencyMs,
      target: 'peak rendered rows <= 60',
      value: run.peakRenderedRows,
      limit: 60,
      pass: run.peakRenderedRows <= 60,
    })
    if (latencyMs === 100) {
      const plain = find('plain', latencyMs)
      const limit = plain === undefined ? null : round(plain.loadingRowVisibleShare * 0.25, 4)
      checks.push({
        latencyMs,
        target: 'loading row visible share <= 25% of plain',
        value: run.loadingRowVisibleShare,
        limit,
        pass: limit === null ? null : run.loadingRowVisibleShare <= limit,
        note:
          `pagewise asked for each page ${run.prefetch.leadMsP50} ms (${run.prefetch.leadPxP50} px) before the ` +
          `bottom of the loaded rows (median); the rows were on screen ${run.prefetch.fetchMsP50} ms after the request`,
      })
    }
  }
  return checks
}

const percent = (share: number) => `${round(share * 100, 1)}%`

/** A compact text table of the runs, and of pagewise's targets. */
export function formatTable(runs: RunFigures[], checks: TargetCheck[] = []): string {
  const header = [
    'impl',
    'latency',
    'result',
    'p50 ms',
    'p95 ms',
    'max ms',
    'long tasks (CPU-bound)',
    'peak rows',
    'heap MiB (growth)',
    'last row s',
    'requests',
    'loading row',
    'stalled',
    'rows loaded',
    'ask-ahead ms',
    'fetch ms',
  ]
  const rows = runs.map((run) => [
    run.implementation,
    `${run.latencyMs} ms`,
    run.stop,
    String(run.frameMs.p50),
    String(run.frameMs.p95),
    String(run.frameMs.max),
    `${run.longTasks.count} / ${run.longTasks.totalMs} ms (${run.tracedLongTasks.cpuBoundCount})`,
    String(run.peakRenderedRows),
    `${run.jsHeapMiB} (+${run.jsHeapGrowthMiB})`,
    run.timeToLastRowSeconds === null ? '-' : String(run.timeToLastRowSeconds),
    String(run.requests),
    percent(run.loadingRowVisibleShare),
    percent(run.stalledShare),
    run.rowsLoaded.toLocaleString('en-US'),
    String(run.prefetch.leadMsP50),
    String(run.prefetch.fetchMsP50),
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  )
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')
  const lines = [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)]
  for (const run of runs) {
    if (run.stopDetail !== null) lines.push(`${run.implementation} at ${run.latencyMs} ms: ${run.stopDetail}`)
  }
  if (checks.length > 0) {
    lines.push('', 'pagewise targets:')
    for (const check of checks) {
      const verdict = check.pass === null ? 'n/a ' : check.pass ? 'pass' : 'MISS'
      lines.push(
        `  ${verdict}  ${check.latencyMs} ms: ${check.target} (value ${check.value}, limit ${check.limit})`,
      )
    }
  }
  return lines.join('\n')
}
