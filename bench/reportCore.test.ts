import { describe, expect, it } from 'vitest'
import { pageArrivals, pageArrivalScaling, pageArrivalTargets, readBenchGroups } from './reportCore'

const ROOT = '/repo/'
const TANSTACK = 'TanStack Virtual: measurements and range'
const FIXED = 'pagewise: layout and window, no measured rows'
const MEASURED = 'pagewise: layout and window, 50 rows measured at 60 px'

/** A benchmark as `vitest bench --outputJson` writes it (only some of its fields; `samples` is 0 there too). */
const bench = (name: string, mean: number, median = mean) => ({
  id: name,
  name,
  rank: 1,
  rme: 1.5,
  samples: 0,
  hz: 1000 / mean,
  mean,
  median,
  p99: mean * 2,
  sampleCount: 1000,
})

/** A group of pageArrival.bench.ts; times in ms for TanStack Virtual, no measured rows, 50 measured rows. */
const arrivalGroup = (rows: string, [tanstack, fixed, measured]: [number, number, number]) => ({
  fullName: `bench/pageArrival.bench.ts > a page arrival with ${rows} rows loaded`,
  benchmarks: [bench(TANSTACK, tanstack), bench(FIXED, fixed), bench(MEASURED, measured)],
})

/** core.json with the flatten file (which must be left alone) and the given page-arrival groups. */
const coreJson = (groups: ReturnType<typeof arrivalGroup>[]) => ({
  files: [
    {
      filepath: `${ROOT}bench/flatten.bench.ts`,
      groups: [
        {
          fullName: 'bench/flatten.bench.ts > append page 1 (100 records)',
          benchmarks: [bench('pagewise ItemFlattener', 0.01), bench('naive flatMap + Set dedupe', 0.02)],
        },
      ],
    },
    { filepath: `${ROOT}bench/pageArrival.bench.ts`, groups },
  ],
})

const arrivalsOf = (data: unknown) => pageArrivals(readBenchGroups(data, ROOT))

describe('pageArrivals', () => {
  // Listed 100,000 first: the result is sorted by rows loaded.
  const arrivals = arrivalsOf(
    coreJson([arrivalGroup('100,000', [5, 0.01, 0.02]), arrivalGroup('10,000', [0.5, 0.01, 0.02])]),
  )

  it('reads each group, with its rows loaded, and each bench with its mean and median', () => {
    expect(arrivals.map((arrival) => arrival.rowsLoaded)).toEqual([10_000, 100_000])
    const [small] = arrivals
    expect(small?.group).toBe('a page arrival with 10,000 rows loaded')
    expect(small?.tanstack).toMatchObject({ name: TANSTACK, meanMs: 0.5, medianMs: 0.5, samples: 1000 })
    expect(small?.pagewise.map((figures) => figures.name)).toEqual([FIXED, MEASURED])
    expect(small?.benchmarks).toHaveLength(3)
  })

  it('divides TanStack Virtual by each pagewise bench, on means and medians', () => {
    const [small, large] = arrivals
    expect(small?.ratios.map((ratio) => ratio.pagewise)).toEqual([FIXED, MEASURED])
    expect(small?.ratios[0]?.onMeans).toBeCloseTo(50)
    expect(small?.ratios[1]?.onMedians).toBeCloseTo(25)
    expect(large?.ratios[0]?.onMeans).toBeCloseTo(500)
  })

  it('divides each bench at 100,000 rows by itself at 10,000', () => {
    const scaling = pageArrivalScaling(arrivals)
    expect(scaling.map((row) => row.implementation)).toEqual([TANSTACK, FIXED, MEASURED])
    expect(scaling[0]?.onMeans).toBeCloseTo(10)
    expect(scaling[1]?.onMeans).toBeCloseTo(1)
    expect(scaling[2]?.onMedians).toBeCloseTo(1)
  })

  it('leaves out other files, other groups, and a group without TanStack Virtual has no ratios', () => {
    const data = {
      files: [
        {
          filepath: `${ROOT}bench/pageArrival.bench.ts`,
          groups: [{ fullName: 'x > something else', benchmarks: [] }],
        },
        { filepath: `${ROOT}bench/other.bench.ts`, groups: [arrivalGroup('10,000', [1, 1, 1])] },
        {
          filepath: `${ROOT}bench/pageArrival.bench.ts`,
          groups: [
            {
              fullName: 'bench/pageArrival.bench.ts > a page arrival with 10,000 rows loaded',
              benchmarks: [bench(FIXED, 0.01), { name: 'broken' }],
            },
          ],
        },
      ],
    }
    const [only, ...rest] = arrivalsOf(data)
    expect(rest).toEqual([])
    expect(only?.tanstack).toBeUndefined()
    expect(only?.benchmarks.map((figures) => figures.name)).toEqual([FIXED])
    expect(only?.ratios).toEqual([])
    expect(arrivalsOf(undefined)).toEqual([])
    expect(arrivalsOf({ files: 'nope' })).toEqual([])
  })
})

describe('pageArrivalTargets', () => {
  const targetsOf = (groups: ReturnType<typeof arrivalGroup>[]) =>
    pageArrivalTargets(arrivalsOf(coreJson(groups)))

  it('is met when pagewise takes about as long at 100,000 rows as at 10,000', () => {
    const targets = targetsOf([
      arrivalGroup('10,000', [0.5, 0.01, 0.02]),
      arrivalGroup('100,000', [5, 0.012, 0.03]),
    ])
    expect(targets).toEqual([
      {
        target:
          "Page arrival O(new page): pagewise's time at 100,000 rows ÷ at 10,000 rows ≤ 2 (no measured rows)",
        measured: '1.20× on means (medians: 1.20×)',
        status: 'met',
      },
      {
        target:
          "Page arrival O(new page): pagewise's time at 100,000 rows ÷ at 10,000 rows ≤ 2 (50 measured rows)",
        measured: '1.50× on means (medians: 1.50×)',
        status: 'met',
      },
    ])
  })

  it('is missed when pagewise takes 10 times as long at 100,000 rows (O(rows loaded))', () => {
    const targets = targetsOf([
      arrivalGroup('10,000', [0.5, 0.01, 0.02]),
      arrivalGroup('100,000', [5, 0.1, 0.03]),
    ])
    expect(targets.map((target) => [target.measured, target.status])).toEqual([
      ['10.00× on means (medians: 10.00×)', 'missed'],
      ['1.50× on means (medians: 1.50×)', 'met'],
    ])
  })

  it('is not run when a group is missing, or core.json is', () => {
    const targets = targetsOf([arrivalGroup('10,000', [0.5, 0.01, 0.02])])
    expect(targets.map((target) => target.status)).toEqual(['not run', 'not run'])
    expect(targets[0]?.measured).toBe('no group "a page arrival with 100,000 rows loaded" in core.json')
    expect(pageArrivalTargets([]).map((target) => target.status)).toEqual(['not run', 'not run'])
    expect(pageArrivalTargets(undefined)).toEqual([
      expect.objectContaining({ measured: '—', status: 'not run' }),
      expect.objectContaining({ measured: '—', status: 'not run' }),
    ])
  })

  it('is not run when a pagewise bench is missing from a group', () => {
    const data = coreJson([
      arrivalGroup('10,000', [0.5, 0.01, 0.02]),
      arrivalGroup('100,000', [5, 0.01, 0.02]),
    ])
    const groups = data.files[1]?.groups ?? []
    groups[1]?.benchmarks.splice(2, 1)
    const targets = pageArrivalTargets(arrivalsOf(data))
    expect(targets.map((target) => target.status)).toEqual(['met', 'not run'])
    expect(targets[1]?.measured).toBe('no such bench in both groups of core.json')
  })
})
