/**
 * The core benchmarks in `bench/results/core.json` (`vitest bench --outputJson`): flatten.bench.ts,
 * adapters.bench.ts and pageArrival.bench.ts. Read defensively: a file from a partial run lacks groups, and Vitest's
 * format may change.
 */
import { isRecord } from './readResults'
import type { Target } from './readResults'

/** One benchmark's figures (times in ms). */
export interface BenchFigures {
  name: string
  hz: number
  meanMs: number
  medianMs: number | undefined
  p99Ms: number | undefined
  rme: number | undefined
  samples: number | undefined
}

/** A `describe` block of a bench file. */
export interface BenchGroup {
  /** Bench file, relative to the repository root. */
  file: string
  /** The `describe` name. */
  name: string
  benchmarks: BenchFigures[]
}

const numberOr = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined

/** The groups of a Vitest benchmark JSON report (`{ files: [{ filepath, groups: [{ fullName, benchmarks }] }] }`). */
export function readBenchGroups(data: unknown, repoRoot: string): BenchGroup[] {
  const files = isRecord(data) && Array.isArray(data.files) ? data.files : []
  return files.flatMap((file: unknown) => {
    if (!isRecord(file) || !Array.isArray(file.groups)) return []
    const filepath = typeof file.filepath === 'string' ? file.filepath : '?'
    const relative = filepath.startsWith(repoRoot)
      ? filepath.slice(repoRoot.length).replace(/^\//, '')
      : filepath
    return file.groups.flatMap((group: unknown) => {
      if (!isRecord(group) || !Array.isArray(group.benchmarks)) return []
      const fullName = typeof group.fullName === 'string' ? group.fullName : '?'
      const benchmarks = group.benchmarks.flatMap((bench: unknown): BenchFigures[] => {
        if (!isRecord(bench) || typeof bench.name !== 'string') return []
        const hz = numberOr(bench.hz)
        const meanMs = numberOr(bench.mean) ?? (hz ? 1000 / hz : undefined)
        if (hz === undefined || meanMs === undefined) return []
        return [
          {
            name: bench.name,
            hz,
            meanMs,
            medianMs: numberOr(bench.median),
            p99Ms: numberOr(bench.p99),
            rme: numberOr(bench.rme),
            samples: numberOr(bench.sampleCount) ?? numberOr(bench.samples),
          },
        ]
      })
      // `fullName` is "bench/file.bench.ts > describe name".
      const name = fullName.includes(' > ') ? fullName.slice(fullName.indexOf(' > ') + 3) : fullName
      return [{ file: relative, name, benchmarks }]
    })
  })
}

/** Incremental vs naive flattening, from flatten.bench.ts. */
export interface FlattenComparison {
  group: string
  pagewise: BenchFigures
  naive: BenchFigures
  /** naive mean ÷ pagewise mean: how many times faster pagewise is. */
  speedup: number
  /** The same on medians, steadier on a noisy machine. */
  medianSpeedup: number | undefined
}

export function flattenComparisons(groups: BenchGroup[]): FlattenComparison[] {
  return groups
    .filter((group) => group.file.endsWith('flatten.bench.ts'))
    .flatMap((group) => {
      const pagewise = group.benchmarks.find((bench) => bench.name.startsWith('pagewise'))
      const naive = group.benchmarks.find((bench) => bench.name.startsWith('naive'))
      if (!pagewise || !naive) return []
      const medianSpeedup =
        pagewise.medianMs && naive.medianMs ? naive.medianMs / pagewise.medianMs : undefined
      return [{ group: group.name, pagewise, naive, speedup: naive.meanMs / pagewise.meanMs, medianSpeedup }]
    })
}

/** One adapter's throughput, from adapters.bench.ts. */
export interface AdapterThroughput {
  adapter: string
  api: string
  pagesPerIteration: number
  pagewisePagesPerSecond: number
  uncheckedPagesPerSecond: number
  /** Time per page, in µs. */
  pagewiseMicrosPerPage: number
  uncheckedMicrosPerPage: number
  /** pagewise time ÷ unchecked time: the cost of the checks as a ratio. */
  costRatio: number
}

const ADAPTER_GROUP = /^parse pages: (.+) on (.+) \((\d+) pages per iteration\)$/

export function adapterThroughputs(groups: BenchGroup[]): AdapterThroughput[] {
  return groups.flatMap((group) => {
    const match = ADAPTER_GROUP.exec(group.name)
    const pagewise = group.benchmarks.find((bench) => bench.name.startsWith('pagewise'))
    const unchecked = group.benchmarks.find((bench) => bench.name.startsWith('unchecked'))
    if (!match || !pagewise || !unchecked) return []
    const pagesPerIteration = Number(match[3])
    return [
      {
        adapter: match[1] as string,
        api: match[2] as string,
        pagesPerIteration,
        pagewisePagesPerSecond: pagewise.hz * pagesPerIteration,
        uncheckedPagesPerSecond: unchecked.hz * pagesPerIteration,
        pagewiseMicrosPerPage: (pagewise.meanMs * 1000) / pagesPerIteration,
        uncheckedMicrosPerPage: (unchecked.meanMs * 1000) / pagesPerIteration,
        costRatio: pagewise.meanMs / unchecked.meanMs,
      },
    ]
  })
}

/** Flatten targets: pagewise at least `minimum` times faster than naive at 1,000 pages. */
export function flattenTargets(comparisons: FlattenComparison[] | undefined, minimum = 20): Target[] {
  const wanted = [
    { label: 'all 1,000 pages appended one at a time (total)', group: /^append all 1,000 pages/ },
    { label: 'the single append of page 1,000', group: /^append page 1,000/ },
  ]
  return wanted.map(({ label, group }) => {
    const target = `Incremental flatten ≥ ${minimum}× faster than naive: ${label}`
    if (comparisons === undefined) return { target, measured: '—', status: 'not run' }
    const found = comparisons.find((comparison) => group.test(comparison.group))
    if (!found) return { target, measured: 'no such group in core.json', status: 'not run' }
    const median = found.medianSpeedup === undefined ? '' : ` (medians: ${found.medianSpeedup.toFixed(1)}×)`
    return {
      target,
      measured: `${found.speedup.toFixed(1)}× on means${median}`,
      status: found.speedup >= minimum ? 'met' : 'missed',
    }
  })
}

/** `numerator ÷ denominator`, or undefined when either is missing or the denominator is not positive. */
const ratioOf = (numerator: number | undefined, denominator: number | undefined): number | undefined =>
  numerator !== undefined && denominator !== undefined && denominator > 0
    ? numerator / denominator
    : undefined

/** TanStack Virtual's time ÷ one pagewise bench's time, in the same group (> 1 means pagewise is faster). */
export interface PageArrivalRatio {
  /** The pagewise bench's name. */
  pagewise: string
  onMeans: number
  onMedians: number | undefined
}

/** A `describe` block of pageArrival.bench.ts: one page arriving with `rowsLoaded` rows already loaded. */
export interface PageArrival {
  /** The `describe` name. */
  group: string
  /** Rows loaded before the page arrives, from the group's name. */
  rowsLoaded: number
  /** Every bench of the group, in the file's order. */
  benchmarks: BenchFigures[]
  /** The peer, TanStack Virtual's `Virtualizer`; undefined when the group lacks it. */
  tanstack: BenchFigures | undefined
  /** pagewise's benches (no measured rows, 50 measured rows, …). */
  pagewise: BenchFigures[]
  /** TanStack Virtual ÷ each pagewise bench; empty without the peer. */
  ratios: PageArrivalRatio[]
}

const PAGE_ARRIVAL_GROUP = /^a page arrival with ([\d,]+) rows loaded$/

/** The page-arrival groups, fewest rows loaded first. */
export function pageArrivals(groups: BenchGroup[]): PageArrival[] {
  return groups
    .flatMap((group): PageArrival[] => {
      const match = PAGE_ARRIVAL_GROUP.exec(group.name)
      if (!match || !group.file.endsWith('pageArrival.bench.ts')) return []
      const rowsLoaded = Number((match[1] as string).replace(/,/g, ''))
      if (!Number.isFinite(rowsLoaded)) return []
      const tanstack = group.benchmarks.find((bench) => bench.name.startsWith('TanStack Virtual'))
      const pagewise = group.benchmarks.filter((bench) => bench.name.startsWith('pagewise'))
      const ratios = tanstack
        ? pagewise.flatMap((bench): PageArrivalRatio[] => {
            const onMeans = ratioOf(tanstack.meanMs, bench.meanMs)
            if (onMeans === undefined) return []
            return [{ pagewise: bench.name, onMeans, onMedians: ratioOf(tanstack.medianMs, bench.medianMs) }]
          })
        : []
      return [{ group: group.name, rowsLoaded, benchmarks: group.benchmarks, tanstack, pagewise, ratios }]
    })
    .sort((a, b) => a.rowsLoaded - b.rowsLoaded)
}

/** The rows loaded the page-arrival bench compares, and issue 20's target compares. */
export const PAGE_ARRIVAL_ROWS = { from: 10_000, to: 100_000 } as const

/** One bench's time with `toRows` rows loaded ÷ its time with `fromRows`: about 1 is O(new page), about 10 O(rows). */
export interface PageArrivalScaling {
  /** The bench's name (pagewise's or TanStack Virtual's). */
  implementation: string
  fromRows: number
  toRows: number
  onMeans: number
  onMedians: number | undefined
}

/** For each bench in both groups: its time at `toRows` rows loaded ÷ its time at `fromRows`. */
export function pageArrivalScaling(
  arrivals: PageArrival[],
  fromRows: number = PAGE_ARRIVAL_ROWS.from,
  toRows: number = PAGE_ARRIVAL_ROWS.to,
): PageArrivalScaling[] {
  const from = arrivals.find((arrival) => arrival.rowsLoaded === fromRows)
  const to = arrivals.find((arrival) => arrival.rowsLoaded === toRows)
  if (!from || !to) return []
  return to.benchmarks.flatMap((bench): PageArrivalScaling[] => {
    const before = from.benchmarks.find((candidate) => candidate.name === bench.name)
    const onMeans = ratioOf(bench.meanMs, before?.meanMs)
    if (!before || onMeans === undefined) return []
    const onMedians = ratioOf(bench.medianMs, before.medianMs)
    return [{ implementation: bench.name, fromRows, toRows, onMeans, onMedians }]
  })
}

/**
 * Issue 20's targets: a page arrival in O(new page), not O(rows loaded). pagewise's time at 100,000 rows loaded ÷ its
 * time at 10,000 is at most `maximum` (O(rows loaded) would give about 10), with no measured rows and with 50.
 */
export function pageArrivalTargets(arrivals: PageArrival[] | undefined, maximum = 2): Target[] {
  const { from, to } = PAGE_ARRIVAL_ROWS
  const rows = (count: number) => count.toLocaleString('en-US')
  const wanted = [
    { label: 'no measured rows', bench: /^pagewise\b.*\bno measured rows/ },
    { label: '50 measured rows', bench: /^pagewise\b.*\b50 rows measured/ },
  ]
  return wanted.map(({ label, bench }): Target => {
    const target = `Page arrival O(new page): pagewise's time at ${rows(to)} rows ÷ at ${rows(from)} rows ≤ ${maximum} (${label})`
    if (arrivals === undefined) return { target, measured: '—', status: 'not run' }
    const missing = [from, to].filter((count) => !arrivals.some((arrival) => arrival.rowsLoaded === count))
    if (missing.length > 0) {
      const groups = missing.map((count) => `"a page arrival with ${rows(count)} rows loaded"`).join(' and ')
      const noun = missing.length > 1 ? 'groups' : 'group'
      return { target, measured: `no ${noun} ${groups} in core.json`, status: 'not run' }
    }
    const found = pageArrivalScaling(arrivals, from, to).find((scaling) => bench.test(scaling.implementation))
    if (!found) return { target, measured: 'no such bench in both groups of core.json', status: 'not run' }
    const median = found.onMedians === undefined ? '' : ` (medians: ${found.onMedians.toFixed(2)}×)`
    return {
      target,
      measured: `${found.onMeans.toFixed(2)}× on means${median}`,
      status: found.onMeans <= maximum ? 'met' : 'missed',
    }
  })
}
