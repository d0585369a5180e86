/**
 * The browser scroll benchmark's `bench/results/browser.json`, written by bench/browser/run.ts. Its format is not
 * fixed, so it is read generically: a list of runs (`runs`, `results`, … or a map keyed by implementation), each
 * flattened to its scalar figures, and the target metrics are found by their names.
 */
import { isRecord } from './readResults'
import type { Target } from './readResults'

/** One implementation's run at one latency, flattened to `dotted.key → value`. */
export interface BrowserRun {
  implementation: string
  latencyMs: number | undefined
  figures: Record<string, string | number | boolean | null>
}

type Scalar = string | number | boolean | null

/** Scalars of `value` under dotted keys; arrays count as their length (`key.length`). */
function flatten(value: unknown, prefix = '', depth = 0, out: Record<string, Scalar> = {}) {
  if (Array.isArray(value)) {
    out[`${prefix}.length`] = value.length
  } else if (isRecord(value)) {
    if (depth > 3) return out
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix ? `${prefix}.${key}` : key, depth + 1, out)
  } else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    out[prefix] = value as Scalar
  }
  return out
}

const RUN_LISTS = ['runs', 'results', 'implementations', 'measurements'] as const

function runList(data: unknown): { key: string | undefined; runs: unknown[] } {
  if (Array.isArray(data)) return { key: undefined, runs: data }
  if (!isRecord(data)) return { key: undefined, runs: [] }
  for (const key of RUN_LISTS) {
    const value = data[key]
    if (Array.isArray(value)) return { key, runs: value }
    if (isRecord(value)) {
      const runs = Object.entries(value).map(([name, run]) =>
        isRecord(run) ? { implementation: name, ...run } : { implementation: name, value: run },
      )
      return { key, runs }
    }
  }
  return { key: undefined, runs: [] }
}

const normalise = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '')

export interface BrowserResults {
  /** Scalars of the file outside the runs (benchmark, date, machine, settings, …). */
  about: Record<string, Scalar>
  runs: BrowserRun[]
}

export function readBrowserResults(data: unknown): BrowserResults {
  const { key, runs } = runList(data)
  const rest =
    isRecord(data) && key !== undefined ? { ...data, [key]: undefined } : Array.isArray(data) ? {} : data
  const about = flatten(rest)
  return {
    about,
    runs: runs.filter(isRecord).map((run, index) => {
      const figures = flatten(run)
      const nameKey = ['implementation', 'impl', 'name', 'library', 'id'].find(
        (name) => typeof figures[name] === 'string',
      )
      const latencyKey = Object.keys(figures)
        .filter((name) => /latency/i.test(name) && typeof figures[name] === 'number')
        .sort((a, b) => a.length - b.length)[0]
      return {
        implementation: nameKey === undefined ? `run ${index + 1}` : String(figures[nameKey]),
        latencyMs: latencyKey === undefined ? undefined : (figures[latencyKey] as number),
        figures,
      }
    }),
  }
}

export const runLabel = (run: BrowserRun): string =>
  run.latencyMs === undefined ? run.implementation : `${run.implementation} @ ${run.latencyMs} ms`

/** The first numeric figure whose key passes `accept`, preferring `prefer`red keys, then shorter keys. */
function findFigure(
  run: BrowserRun,
  accept: (key: string) => boolean,
  prefer: (key: string) => boolean = () => false,
): { key: string; value: number } | undefined {
  const keys = Object.keys(run.figures)
    .filter((key) => typeof run.figures[key] === 'number' && accept(normalise(key)))
    .sort((a, b) => Number(prefer(normalise(b))) - Number(prefer(normalise(a))) || a.length - b.length)
  const key = keys[0]
  return key === undefined ? undefined : { key, value: run.figures[key] as number }
}

const metrics = {
  p95Frame: (run: BrowserRun) =>
    findFigure(
      run,
      (key) =>
        key.includes('p95') && key.includes('frame') && !key.includes('window') && !key.includes('idle'),
    ),
  longTasks: (run: BrowserRun) =>
    findFigure(
      run,
      (key) => key.includes('longtask') && !/ms$|duration|total/.test(key.replace(/length$/, '')),
      (key) => key.includes('count'),
    ),
  peakRows: (run: BrowserRun) => findFigure(run, (key) => key.includes('peak') && key.includes('row')),
  loadingShare: (run: BrowserRun) => {
    const share = findFigure(
      run,
      (key) => key.includes('loading') && /share|fraction|ratio|percent|pct/.test(key),
    )
    if (share) return share
    const visible = findFigure(
      run,
      (key) => key.includes('loading') && key.includes('visible') && key.endsWith('ms'),
    )
    const duration = findFigure(run, (key) => key === 'durationms' || key.endsWith('durationms'))
    if (!visible || !duration || duration.value <= 0) return undefined
    return { key: `${visible.key} ÷ ${duration.key}`, value: visible.value / duration.value }
  },
}

type MetricName = keyof typeof metrics

const isImplementation = (pattern: RegExp) => (run: BrowserRun) => pattern.test(run.implementation)
const isPagewise = isImplementation(/pagewise/i)
const isVirtuoso = isImplementation(/virtuoso/i)
const isNaive = isImplementation(/plain|naive/i)

/** Every pagewise run against `holds`; `describe` formats one run's figure. */
function everyPagewiseRun(
  runs: BrowserRun[],
  target: string,
  metric: MetricName,
  holds: (value: number, run: BrowserRun) => boolean | undefined,
  describe: (value: number, run: BrowserRun) => string,
): Target {
  const pagewiseRuns = runs.filter(isPagewise)
  if (pagewiseRuns.length === 0)
    return { target, measured: 'no pagewise run in browser.json', status: 'unknown' }
  const parts: string[] = []
  let status: Target['status'] = 'met'
  for (const run of pagewiseRuns) {
    const figure = metrics[metric](run)
    if (!figure) return { target, measured: `no ${metric} figure in browser.json`, status: 'unknown' }
    const verdict = holds(figure.value, run)
    if (verdict === undefined) status = status === 'missed' ? status : 'unknown'
    else if (!verdict) status = 'missed'
    parts.push(`${runLabel(run)}: ${describe(figure.value, run)}`)
  }
  return { target, measured: parts.join('; '), status }
}

const ms = (value: number) => `${Number(value.toFixed(2))} ms`

export function browserTargets(results: BrowserResults | undefined): Target[] {
  const names = [
    'Browser: pagewise p95 frame ≤ 16.7 ms',
    'Browser: pagewise p95 frame no worse than react-virtuoso (same latency)',
    'Browser: zero long tasks (pagewise)',
    'Browser: peak rendered rows ≤ 60 (pagewise)',
    "Browser: loading row visible ≤ 25% of the naive table's share, at 100 ms latency",
  ]
  if (results === undefined) return names.map((target) => ({ target, measured: '—', status: 'not run' }))
  const { runs } = results
  const sameLatency = (run: BrowserRun, pick: (other: BrowserRun) => boolean) =>
    runs.find((other) => pick(other) && other.latencyMs === run.latencyMs)
  const virtuosoP95 = (run: BrowserRun) => {
    const peer = sameLatency(run, isVirtuoso)
    return peer === undefined ? undefined : metrics.p95Frame(peer)?.value
  }
  const at100 = runs.filter((run) => run.latencyMs === 100)
  const pagewise100 = at100.find(isPagewise)
  const naive100 = at100.find(isNaive)
  const pagewiseShare = pagewise100 && metrics.loadingShare(pagewise100)
  const naiveShare = naive100 && metrics.loadingShare(naive100)
  let loading: Target
  if (!pagewise100 || !naive100) {
    loading = {
      target: names[4] as string,
      measured: 'no pagewise and naive runs at 100 ms',
      status: 'unknown',
    }
  } else if (!pagewiseShare || !naiveShare) {
    loading = {
      target: names[4] as string,
      measured: 'no loading-row figure in browser.json',
      status: 'unknown',
    }
  } else {
    const ratio =
      naiveShare.value === 0
        ? pagewiseShare.value === 0
          ? 0
          : Infinity
        : pagewiseShare.value / naiveShare.value
    loading = {
      target: names[4] as string,
      measured:
        `pagewise ${Number(pagewiseShare.value.toFixed(4))}, naive ${Number(naiveShare.value.toFixed(4))} ` +
        `(${pagewiseShare.key}): ${(ratio * 100).toFixed(1)}% of the naive table's`,
      status: ratio <= 0.25 ? 'met' : 'missed',
    }
  }
  return [
    everyPagewiseRun(runs, names[0] as string, 'p95Frame', (value) => value <= 16.7, ms),
    everyPagewiseRun(
      runs,
      names[1] as string,
      'p95Frame',
      (value, run) => {
        const peer = virtuosoP95(run)
        return peer === undefined ? undefined : value <= peer
      },
      (value, run) => {
        const peer = virtuosoP95(run)
        return `${ms(value)} vs ${peer === undefined ? 'no virtuoso run' : ms(peer)}`
      },
    ),
    everyPagewiseRun(runs, names[2] as string, 'longTasks', (value) => value === 0, String),
    everyPagewiseRun(runs, names[3] as string, 'peakRows', (value) => value <= 60, String),
    loading,
  ]
}
