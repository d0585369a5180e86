/**
 * Gathers the benchmark results into bench/results/latest.json and BENCHMARKS.md (generated: never edit it by hand).
 *
 *   npx tsx bench/report.ts
 *
 * Reads bench/results/core.json (`vitest bench --outputJson`), size.json (bench/size.ts), browser.json
 * (bench/browser/run.ts) and heap.json (bench/browser/heap.ts); a missing file is reported as "not run". Only reads
 * and formats: it measures nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { format, resolveConfig } from 'prettier'
import { machineInfo } from './machine'
import type { MachineInfo } from './machine'
import { code, integer, rate, sig3, table, times } from './markdown'
import { readResultFile } from './readResults'
import type { ResultFile, Target } from './readResults'
import { browserSection as browserTables, browserTargets, readBrowserResults } from './reportBrowser'
import type { BrowserResults } from './reportBrowser'
import { heapSection as heapTables, readHeapResults } from './reportHeap'
import type { HeapResults } from './reportHeap'
import {
  adapterThroughputs,
  flattenComparisons,
  flattenTargets,
  PAGE_ARRIVAL_ROWS,
  pageArrivals,
  pageArrivalScaling,
  pageArrivalTargets,
  readBenchGroups,
} from './reportCore'
import type {
  AdapterThroughput,
  BenchFigures,
  BenchGroup,
  FlattenComparison,
  PageArrival,
  PageArrivalScaling,
} from './reportCore'
import { repoRoot, resultFiles } from './resultFiles'
import type { SizeResults } from './resultFiles'
import { SIZE_TARGETS } from './sizeBudgets'

const relative = (file: string) => path.relative(repoRoot, file)

function fileState(file: ResultFile): string {
  if (file.status === 'missing') return `${code(relative(file.file))}: not run`
  if (file.status === 'invalid') return `${code(relative(file.file))}: unreadable (${file.error})`
  return `${code(relative(file.file))}: written ${file.modified}`
}

// ---------------------------------------------------------------------------------------------------------------
// Core

/** A table of `figureRow`s, its first column named `first` and aligned `align`. */
function figureTable(first: string, align: 'l' | 'r', rows: string[][]): string {
  const columns = [first, 'implementation', 'mean ms', 'median ms', 'p99 ms', 'rme', 'samples']
  return table(columns, rows, [align, 'l', 'r', 'r', 'r', 'r', 'r'])
}

/** A table row of one bench's times: `first` (its case), its name, mean, median, p99, rme and samples. */
function figureRow(first: string, bench: BenchFigures): string[] {
  return [
    first,
    bench.name,
    sig3(bench.meanMs),
    bench.medianMs === undefined ? '—' : sig3(bench.medianMs),
    bench.p99Ms === undefined ? '—' : sig3(bench.p99Ms),
    bench.rme === undefined ? '—' : `±${bench.rme.toFixed(1)}%`,
    bench.samples === undefined ? '—' : integer(bench.samples),
  ]
}

/** A speed-up's two cells: on means, and on medians when there are any. */
const ratioCells = (onMeans: number, onMedians: number | undefined): string[] => [
  times(onMeans),
  onMedians === undefined ? '—' : times(onMedians),
]

function flattenSection(comparisons: FlattenComparison[], groups: BenchGroup[]): string {
  const flattenGroups = groups.filter((group) => group.file.endsWith('flatten.bench.ts'))
  if (flattenGroups.length === 0) return 'Not in `bench/results/core.json`: not run.'
  const rows = flattenGroups.flatMap((group) => group.benchmarks.map((bench) => figureRow(group.name, bench)))
  const ratioRows = comparisons.map((comparison) => [
    comparison.group,
    ...ratioCells(comparison.speedup, comparison.medianSpeedup),
  ])
  return [
    "1,000 pages of 100 Close-shaped leads (100,000 records), as TanStack Query hands them over: pagewise's incremental `ItemFlattener` against the usual `useMemo(() => dedupe(data.pages.flatMap((page) => page.data)), [data])`. Times in ms per run of the bench body.",
    figureTable('case', 'l', rows),
    'pagewise speed-up (naive time ÷ pagewise time, same run; > 1 means pagewise is faster):',
    table(['case', 'on means', 'on medians'], ratioRows, ['l', 'r', 'r']),
  ].join('\n\n')
}

function adapterSection(adapters: AdapterThroughput[]): string {
  if (adapters.length === 0) return 'Not in `bench/results/core.json`: not run.'
  const rows = adapters.map((row) => [
    code(row.adapter),
    row.api,
    rate(row.pagewisePagesPerSecond),
    sig3(row.pagewiseMicrosPerPage),
    rate(row.uncheckedPagesPerSecond),
    sig3(row.uncheckedMicrosPerPage),
    times(row.costRatio),
    sig3(row.pagewiseMicrosPerPage - row.uncheckedMicrosPerPage),
  ])
  return [
    'Pages parsed per second: what the hooks run for each page that arrives (`getItems`, `getNextPageParam` with the pages and params so far, `getTotal` when defined), against the same pages read with no checks (`page.data`, `page.has_more`, …), in the same run. Pages are a real 20-page traversal of the seeded mock APIs, with distinct page params; one iteration reads it 5 times.',
    table(
      [
        'adapter',
        'API, page size',
        'pagewise pages/s',
        'µs / page',
        'unchecked pages/s',
        'µs / page',
        'pagewise ÷ unchecked (time)',
        'checks cost, µs / page',
      ],
      rows,
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  ].join('\n\n')
}

function pageArrivalSection(arrivals: PageArrival[], scaling: PageArrivalScaling[]): string {
  if (arrivals.length === 0) return 'Not in `bench/results/core.json`: not run.'
  const rows = arrivals.flatMap((arrival) =>
    arrival.benchmarks.map((bench) => figureRow(integer(arrival.rowsLoaded), bench)),
  )
  const ratioRows = arrivals.flatMap((arrival) =>
    arrival.ratios.map((ratio) => [
      integer(arrival.rowsLoaded),
      ratio.pagewise,
      ...ratioCells(ratio.onMeans, ratio.onMedians),
    ]),
  )
  const from = integer(PAGE_ARRIVAL_ROWS.from)
  const to = integer(PAGE_ARRIVAL_ROWS.to)
  const scalingRows = scaling.map((row) => [row.implementation, ...ratioCells(row.onMeans, row.onMedians)])
  return [
    "What a page arrival costs `<InfiniteTable>`'s row window with 10,000 and 100,000 rows loaded: 100 more rows and a new key function (the table's `getKey` follows `items`), then the rows to render next, the view at the bottom of the rows loaded before (40 px rows, a 560 px viewport, overscan 8). pagewise's `rowLayout`, `rowWindow` and total height (`src/components/InfiniteTable/rowWindow.ts`), with no measured rows and with 50 rows measured at 60 px spread over the list, against TanStack Virtual's `Virtualizer` (what the table used before), which lays every row out again when `count` or `getItemKey` changes. Times in ms per page arrival.",
    figureTable('rows loaded', 'r', rows),
    'pagewise speed-up (TanStack Virtual time ÷ pagewise time, same run; > 1 means pagewise is faster). With pagewise in O(new page) and the peer in O(rows loaded), it grows about tenfold from 10,000 to 100,000 rows:',
    ratioRows.length === 0
      ? 'No TanStack Virtual bench beside pagewise in `bench/results/core.json`.'
      : table(['rows loaded', 'pagewise', 'on means', 'on medians'], ratioRows, ['r', 'l', 'r', 'r']),
    `Time with ${to} rows loaded ÷ time with ${from}, same run (about 1× is O(new page), about 10× is O(rows loaded)):`,
    scalingRows.length === 0
      ? `Not both groups (${from} and ${to} rows loaded) in \`bench/results/core.json\`.`
      : table(['implementation', 'on means', 'on medians'], scalingRows, ['l', 'r', 'r']),
  ].join('\n\n')
}

// ---------------------------------------------------------------------------------------------------------------
// Size

/** Above this, the floor (the smallest import) is worth pointing out: most of it is code the import does not use. */
const FLOOR_NOTE_BYTES = 1_000

function sizeSection(size: SizeResults | undefined): string {
  if (size === undefined) return 'Not run: `bench/results/size.json` is missing.'
  const rows = size.entries.map((entry) => [
    entry.package,
    entry.name,
    integer(entry.minified),
    integer(entry.gzip),
    entry.budget === undefined ? '' : integer(entry.budget),
    entry.budget === undefined
      ? ''
      : entry.overBudget
        ? `**over** by ${integer(entry.gzip - entry.budget)}`
        : 'ok',
  ])
  const versions = Object.entries(size.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ')
  const built = size.built ? '`dist/` rebuilt by the script' : '`dist/` measured as found (`--no-build`)'
  const parts = [
    `Method: ${size.method}. esbuild ${size.esbuild}; ${built}; measured ${size.date}. Versions: ${versions}.`,
    table(['package', 'entry', 'min B', 'min+gzip B', 'budget B', 'status'], rows, [
      'l',
      'l',
      'r',
      'r',
      'r',
      'l',
    ]),
    'What each entry bundles:',
    size.entries
      .map((entry) => `- **${entry.name}**: ${code(entry.source)}${entry.note ? ` — ${entry.note}` : ''}`)
      .join('\n'),
  ]
  const floor = size.entries.find(
    (entry) => entry.package === 'pagewise' && entry.name === 'defaultItemId alone',
  )
  if (floor && floor.gzip > FLOOR_NOTE_BYTES) {
    parts.push(
      `The floor, \`defaultItemId\` alone, is ${integer(floor.gzip)} B min+gzip: that much of the built package ` +
        'survives tree shaking whatever an app imports, so it is part of every pagewise figure above.',
    )
  }
  if (!size.peersMeasured) parts.push('Peers not measured (`--no-peers`): run `npx tsx bench/size.ts`.')
  if (size.ratios.length > 0) {
    parts.push(
      'pagewise ÷ peer, min+gzip (< 1 means pagewise is smaller):',
      table(
        ['pagewise', 'peer', 'ratio'],
        size.ratios.map((row) => [row.pagewise, row.peer, times(row.ratio)]),
        ['l', 'l', 'r'],
      ),
    )
  }
  return parts.join('\n\n')
}

function sizeTargets(size: SizeResults | undefined): Target[] {
  return Object.entries(SIZE_TARGETS).map(([name, budget]) => {
    const target = `${name} ≤ ${integer(budget)} B min+gzip`
    const entry = size?.entries.find((candidate) => candidate.name === name)
    if (!entry) return { target, measured: '—', status: 'not run' }
    return { target, measured: `${integer(entry.gzip)} B`, status: entry.gzip <= budget ? 'met' : 'missed' }
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Browser

function browserSection(file: ResultFile, browser: BrowserResults | undefined): string {
  if (file.status === 'missing')
    return 'Not run: `bench/results/browser.json` is missing (`bench/browser/run.ts`).'
  if (file.status === 'invalid') return `Not readable: ${fileState(file)}.`
  if (browser === undefined) {
    return (
      `The browser results (${fileState(file)}) come from an older runner, without CPU throttling or per-pair ` +
      'comparisons: run `npm run bench:browser`.'
    )
  }
  return browserTables(browser)
}

function heapSection(file: ResultFile, heap: HeapResults | undefined): string {
  if (file.status === 'missing')
    return 'Not run: `bench/results/heap.json` is missing (`npm run bench:heap`, that is `bench/browser/heap.ts`).'
  if (file.status === 'invalid') return `Not readable: ${fileState(file)}.`
  if (heap === undefined) return `No runs in ${fileState(file)}: run \`npm run bench:heap\`.`
  return heapTables(heap)
}

// ---------------------------------------------------------------------------------------------------------------

function machineSection(machine: MachineInfo, files: ResultFile[], size: SizeResults | undefined): string {
  const rows = [
    ['CPU', `${machine.cpu} (${machine.arch})`],
    ['Cores', String(machine.cores)],
    ['Memory', `${machine.memoryGiB} GiB`],
    ['OS', `${machine.os} (kernel ${machine.kernel})`],
    ['Node', machine.node],
    ['Load average (1 min) at report time', String(machine.loadAverage1m)],
    ['Report generated', new Date().toISOString()],
    ...files.map((file) => ['Results', fileState(file)]),
  ]
  if (size && size.machine.cpu !== machine.cpu) rows.push(['Size measured on', size.machine.cpu])
  return [
    'The machine is shared and noisy: absolute figures move from run to run, so every comparison is a ratio to a peer measured in the same run.',
    table(['', 'value'], rows),
  ].join('\n\n')
}

const STATUS_TEXT: Record<Target['status'], string> = {
  met: '✅ met',
  missed: '❌ missed',
  'not run': 'not run',
  unknown: '❔ unknown',
}

async function main(): Promise<void> {
  const machine = machineInfo()
  const coreFile = readResultFile(resultFiles.core)
  const sizeFile = readResultFile(resultFiles.size)
  const browserFile = readResultFile(resultFiles.browser)
  const heapFile = readResultFile(resultFiles.heap)

  const groups = coreFile.status === 'ok' ? readBenchGroups(coreFile.data, repoRoot) : []
  const comparisons = flattenComparisons(groups)
  const adapters = adapterThroughputs(groups)
  const arrivals = pageArrivals(groups)
  const arrivalScaling = pageArrivalScaling(arrivals)
  const size = sizeFile.status === 'ok' ? (sizeFile.data as SizeResults) : undefined
  const browser = browserFile.status === 'ok' ? readBrowserResults(browserFile.data) : undefined
  const heap = heapFile.status === 'ok' ? readHeapResults(heapFile.data) : undefined

  const targets: Target[] = [
    ...flattenTargets(coreFile.status === 'ok' ? comparisons : undefined),
    ...pageArrivalTargets(coreFile.status === 'ok' ? arrivals : undefined),
    ...sizeTargets(size),
    ...browserTargets(browser),
  ]

  const latest = {
    generated: new Date().toISOString(),
    machine,
    targets,
    summary: {
      flatten: comparisons,
      adapters,
      pageArrivals: arrivals,
      pageArrivalScaling: arrivalScaling,
      sizeRatios: size?.ratios ?? [],
    },
    results: {
      core: coreFile.status === 'ok' ? coreFile.data : coreFile.status,
      size: sizeFile.status === 'ok' ? sizeFile.data : sizeFile.status,
      browser: browserFile.status === 'ok' ? browserFile.data : browserFile.status,
      heap: heapFile.status === 'ok' ? heapFile.data : heapFile.status,
    },
  }
  mkdirSync(path.dirname(resultFiles.latest), { recursive: true })
  writeFileSync(resultFiles.latest, `${JSON.stringify(latest, null, 2)}\n`)

  const markdown = [
    '<!-- Generated by bench/report.ts from bench/results/*.json. Do not edit: run `npm run bench`. -->',
    '# Benchmarks',
    '> **Generated file.** `bench/report.ts` writes it from the results in `bench/results/`; edits by hand are lost at the next run.',
    '## How to run',
    [
      '```sh',
      'npm run bench   # core benches → bundle size → browser scroll → browser heap → this report',
      '```',
      '',
      'Or one at a time:',
      '',
      '```sh',
      'npx vitest bench --run --config bench/vitest.bench.config.ts --outputJson bench/results/core.json',
      'npx tsx bench/size.ts            # --no-peers: pagewise and its budgets only (CI); --no-build: measure dist/ as is',
      'npx tsx bench/browser/run.ts    # --quick: a few minutes; --cpu 1,4,6; --help',
      'npx tsx bench/browser/heap.ts   # npm run bench:heap: 1,000,000 rows down and back, about 15 minutes; --help',
      'npx tsx bench/report.ts          # bench/results/latest.json and BENCHMARKS.md',
      '```',
    ].join('\n'),
    '## Machine',
    machineSection(machine, [coreFile, sizeFile, browserFile, heapFile], size),
    '## Targets',
    table(
      ['target', 'measured', 'status'],
      targets.map((target) => [target.target, target.measured, STATUS_TEXT[target.status]]),
    ),
    '## Core: flattening pages into one list (`bench/flatten.bench.ts`)',
    coreFile.status === 'ok' ? flattenSection(comparisons, groups) : `Not run: ${fileState(coreFile)}.`,
    '## Core: adapter throughput (`bench/adapters.bench.ts`)',
    coreFile.status === 'ok' ? adapterSection(adapters) : `Not run: ${fileState(coreFile)}.`,
    "## Core: a page arrival in the table's row window (`bench/pageArrival.bench.ts`)",
    coreFile.status === 'ok'
      ? pageArrivalSection(arrivals, arrivalScaling)
      : `Not run: ${fileState(coreFile)}.`,
    '## Bundle size (`bench/size.ts`)',
    sizeSection(size),
    '## Browser scroll (`bench/browser/run.ts`)',
    browserSection(browserFile, browser),
    '## Browser heap: a million rows (`bench/browser/heap.ts`)',
    heapSection(heapFile, heap),
  ].join('\n\n')

  const options = (await resolveConfig(resultFiles.markdown)) ?? {}
  const formatted = await format(markdown, { ...options, parser: 'markdown', filepath: resultFiles.markdown })
  writeFileSync(resultFiles.markdown, formatted)
  console.log(`Wrote ${relative(resultFiles.latest)} and ${relative(resultFiles.markdown)}`)
  for (const target of targets)
    console.log(`  ${STATUS_TEXT[target.status].padEnd(10)} ${target.target}: ${target.measured}`)
}

await main()
