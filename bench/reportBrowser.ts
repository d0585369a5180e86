/**
 * The browser scroll benchmark's `bench/results/browser.json`, written by bench/browser/run.ts: its comparison
 * tables (pagewise against each peer, per CPU throttle and latency) and pagewise's targets, for BENCHMARKS.md. The
 * figures are computed by the runner; this only reads and formats them.
 */
import { formatRatio, formatValue, measuredFigures } from './browser/summary.ts'
import type { Comparison, RunFigures, TargetCheck } from './browser/summary.ts'
import { integer, table } from './markdown'
import { isRecord } from './readResults'
import type { Target } from './readResults'

/** What the report uses of browser.json. */
export interface BrowserResults {
  date: string | undefined
  wallTimeSeconds: number | undefined
  settings: Record<string, unknown>
  software: Record<string, unknown>
  comparisons: Comparison[]
  targets: TargetCheck[]
  runs: RunFigures[]
}

/**
 * Reads browser.json; `undefined` for a file of an older runner (before CPU throttling and per-pair comparisons),
 * which has no `comparisons`.
 */
export function readBrowserResults(data: unknown): BrowserResults | undefined {
  if (!isRecord(data) || !Array.isArray(data.comparisons) || !Array.isArray(data.runs)) return undefined
  return {
    date: typeof data.date === 'string' ? data.date : undefined,
    wallTimeSeconds: typeof data.wallTimeSeconds === 'number' ? data.wallTimeSeconds : undefined,
    settings: isRecord(data.settings) ? data.settings : {},
    software: isRecord(data.software) ? data.software : {},
    comparisons: data.comparisons as Comparison[],
    targets: Array.isArray(data.pagewiseTargets) ? (data.pagewiseTargets as TargetCheck[]) : [],
    runs: data.runs as RunFigures[],
  }
}

const conditionOf = (item: { cpuThrottle: number; latencyMs: number }) =>
  `${item.cpuThrottle}× CPU, ${item.latencyMs} ms latency`

/** The conditions of the comparisons, by CPU throttle, then latency. */
function conditions(comparisons: Comparison[]): { cpuThrottle: number; latencyMs: number }[] {
  const seen = new Map<string, { cpuThrottle: number; latencyMs: number }>()
  for (const { cpuThrottle, latencyMs } of comparisons)
    seen.set(`${cpuThrottle}/${latencyMs}`, { cpuThrottle, latencyMs })
  return [...seen.values()].sort((a, b) => a.cpuThrottle - b.cpuThrottle || a.latencyMs - b.latencyMs)
}

/** One Markdown table per condition: pagewise's medians, and each peer's with the median per-pair ratio. */
function comparisonTables(comparisons: Comparison[]): string[] {
  return conditions(comparisons).map((condition) => {
    const here = comparisons.filter(
      (comparison) =>
        comparison.cpuThrottle === condition.cpuThrottle && comparison.latencyMs === condition.latencyMs,
    )
    const header = [conditionOf(condition), 'pagewise', ...here.flatMap((c) => [c.peer, 'ratio'])]
    const rows = measuredFigures(here).map((metric) => [
      metric.label,
      formatValue(here[0]?.metrics[metric.key]?.pagewise ?? null, metric.unit),
      ...here.flatMap((c) => {
        const figure = c.metrics[metric.key]
        return [formatValue(figure?.peer ?? null, metric.unit), formatRatio(figure?.ratio ?? null)]
      }),
    ])
    const pairs = [...new Set(here.map((c) => c.pairs))].join(' / ')
    return [
      `**${conditionOf(condition)}** (${pairs} pairs)`,
      table(header, rows, ['l', 'r', ...here.flatMap((): ('r' | 'l')[] => ['r', 'r'])]),
    ].join('\n\n')
  })
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`

/** The BENCHMARKS.md section of the browser benchmark. */
export function browserSection(results: BrowserResults): string {
  const { settings, software } = results
  const setting = (key: string) => (settings[key] === undefined ? '?' : String(settings[key]))
  const list = (key: string) => (Array.isArray(settings[key]) ? (settings[key] as unknown[]).join(', ') : '?')
  const parts = [
    [
      `${results.runs.length} runs in ${integer((results.wallTimeSeconds ?? 0) / 60)} minutes` +
        (results.date === undefined ? '' : `, ${results.date}`) +
        `: ${list('implementations')}, ${setting('pairs')} alternating pairs (a fresh browser per run), CPU ` +
        `throttled ${list('cpuThrottlingRates')}× through CDP (\`Emulation.setCPUThrottlingRate\`, set before the ` +
        `page loads), mock latency ${list('latenciesMs')} ms; ${integer(Number(settings.rows ?? 0))} rows, scrolled ` +
        `at ${integer(Number(settings.speedPxPerSecond ?? 0))} px/s for at most ${setting('capSeconds')} s; ` +
        `overscan ${setting('overscanRows')} rows for pagewise, \`virtuoso-overscan\` and \`virtual\`.` +
        (settings.quick === true ? ' **Quick run** (`--quick`): not the full benchmark.' : ''),
      `Chromium ${String(software.chromium ?? '?')}, react-virtuoso ${String(software.reactVirtuoso ?? '?')}, ` +
        `@tanstack/react-virtual ${String(software.tanstackReactVirtual ?? '?')}, AG Grid Community ` +
        `${String(software.agGridCommunity ?? '?')}.`,
    ].join(' '),
    [
      'Each cell is the median over the runs; **ratio** is the median over the pairs of pagewise ÷ the peer in the ' +
        'same pair (above 1: pagewise has the higher figure; lower is better for every figure).',
      '- **frame busy**: per requestAnimationFrame interval, the time the renderer main thread spent in top-level ' +
        'tasks (Chrome trace, wall time, so the throttle counts); p95, p99, and the shares of frames over 16.7 ms and ' +
        '33 ms.',
      '- **while scrolling**, **per 100 rows**, **time held at the bottom**: a page that waits for data at the bottom ' +
        'of its loaded rows has cheap frames there (no new rows) that are not blank, so it looks faster per frame; ' +
        'the busy p95 over the frames in which the scroll moved, and the busy time per 100 rows scrolled past, ' +
        'compare the work itself, and the time held at the bottom shows how often each one waited.',
      '- **main thread busy**: the share of the scroll the main thread was busy. Near 100% it is saturated: frames ' +
        'last as long as their work and the busy time per 100 rows follows the scroll speed, so the per-frame ' +
        'figures tell the implementations apart only by how they split their work into frames.',
      '- **blank viewport share**: per frame, the share of the viewport below the header that no data row covers ' +
        '(loading rows are blank), weighted by how long the frame was on screen.',
      '- **DOM elements**: elements in the page body during the scroll (median of samples); **first page shown**: ' +
        'from the mock data being ready to the first frame with a data row; **JS heap** after a GC at the end (it ' +
        'includes the in-page mock data, the same on every page).',
      '- Peers: `virtuoso` is `TableVirtuoso` with its defaults (no overscan); `virtuoso-overscan` renders as many ' +
        'rows beyond the viewport as pagewise (`increaseViewportBy`); `virtual` is a bare `@tanstack/react-virtual` ' +
        "table (a virtualizer with nothing on top); `aggrid` is AG Grid Community's " +
        'infinite row model, its datasource reading each block through `queryClient.fetchQuery` with the same fetch.',
    ].join('\n'),
    ...comparisonTables(results.comparisons),
  ]
  const stopped = results.runs.filter((run) => run.stop !== 'last-row')
  if (stopped.length > 0) {
    parts.push(
      `${stopped.length} of the ${results.runs.length} runs ended at the wall-clock cap rather than at the last row ` +
        '(the figures cover the scroll up to there). Rows loaded by then, and the share of time the scroll waited ' +
        'at the bottom of the loaded rows (median over pairs):',
    )
    const groups = new Map<string, RunFigures[]>()
    for (const run of results.runs) {
      const key = `${run.implementation}|${run.cpuThrottle}|${run.latencyMs}`
      groups.set(key, [...(groups.get(key) ?? []), run])
    }
    const middle = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0
    parts.push(
      table(
        ['implementation', 'CPU', 'latency', 'rows loaded', 'held at the bottom'],
        [...groups.values()].map((runs) => {
          const first = runs[0] as RunFigures
          return [
            first.implementation,
            `${first.cpuThrottle}×`,
            `${first.latencyMs} ms`,
            integer(middle(runs.map((run) => run.rowsLoaded))),
            percent(middle(runs.map((run) => run.stalledShare))),
          ]
        }),
        ['l', 'r', 'r', 'r', 'r'],
      ),
    )
  }
  parts.push(
    'Every run, with more figures (rAF frame times, long tasks, prefetch timing): `bench/results/browser.json`.',
  )
  return parts.join('\n\n')
}

/** pagewise's targets of issue 20 as the runner checked them, each with its per-pair ratios. */
export function browserTargets(results: BrowserResults | undefined): Target[] {
  if (results === undefined) {
    return [
      {
        target:
          'Browser: frame busy p95, frames over 33 ms, blank share, DOM elements, first page against react-virtuoso',
        measured: '—',
        status: 'not run',
      },
    ]
  }
  return results.targets.map((check) => {
    const comparison = results.comparisons.find(
      (c) => c.peer === 'virtuoso' && c.cpuThrottle === check.cpuThrottle && c.latencyMs === check.latencyMs,
    )
    const ratios = comparison?.metrics[check.metric]?.ratios ?? []
    const value = check.value === null ? '—' : String(Number(check.value.toFixed(3)))
    const isRatio = check.target.includes('÷')
    return {
      target: `Browser, ${conditionOf(check)}: ${check.target}`,
      measured: !isRatio
        ? `${check.value === null ? '—' : percent(check.value)}`
        : ratios.length === 0
          ? value
          : `${value} (per pair: ${ratios.map((ratio) => (ratio === null ? '—' : ratio)).join(', ')})`,
      status: check.pass === null ? 'unknown' : check.pass ? 'met' : 'missed',
    }
  })
}
