/**
 * The core benchmarks in `bench/results/core.json` (`vitest bench --outputJson`): flatten.bench.ts and
 * adapters.bench.ts. Read defensively: a file from a partial run lacks groups, and Vitest's format may change.
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
