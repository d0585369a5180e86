/**
 * Browser heap benchmark (issue 18 §2): scrolls a 1,000,000-record list to the end and back in headless Chromium,
 * with pagewise's `<InfiniteTable>` over `usePaginatedList({ maxPages: 10 })` and with react-virtuoso's
 * `TableVirtuoso` holding every row, and reads the JS heap (CDP, after forced GCs) when 10,000, 100,000 and
 * 1,000,000 rows have been reached, and back at the top. Writes `bench/results/heap.json` (full default run) and
 * prints a table. What the pages expose, and how the scroll goes: `heapContract.ts`, `pages/heapPage.tsx`.
 *
 *   npx tsx bench/browser/heap.ts                                  # both, to 1,000,000 rows and back
 *   npx tsx bench/browser/heap.ts --rows 10000,100000 --impl pagewise
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import type { CDPSession, Page } from 'playwright-core'
import { build } from 'vite'
import { chromiumLaunchOptions } from '../../scripts/chromium.ts'
import { machineInfo } from '../machine.ts'
import { HEAP_IMPLEMENTATIONS, HEAP_LAYOUT, HEAP_PROGRESS, HEAP_READY } from './heapContract.ts'
import type { HeapImplementation, HeapLeg, HeapLegOptions, HeapSnapshot } from './heapContract.ts'
import { serveDirectory } from './serve.ts'
import { packageVersion, sourceVersion } from './buildInfo.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')

const DEFAULTS = {
  rows: [10_000, 100_000, 1_000_000],
  implementations: [...HEAP_IMPLEMENTATIONS] as HeapImplementation[],
  stallSeconds: 30,
  settleSeconds: 10,
}
const VIEWPORT = { width: 1024, height: 768 }
/** issue 18 §2: pagewise's heap after 1,000,000 rows at most 1.5× its heap after 10,000. */
const TARGET_RATIO = 1.5

const usage = `Usage: npx tsx bench/browser/heap.ts [options]
  --rows <list>      checkpoints, in rows reached, comma-separated (default ${DEFAULTS.rows.join(',')}); the list has
                     as many records as the largest, unless --total says more
  --impl <list>      implementations, comma-separated: ${HEAP_IMPLEMENTATIONS.join(', ')} (default: both)
  --total <n>        records in the list (default: the largest checkpoint)
  --stall <s>        give up on a leg when the list has not moved for this long (default ${DEFAULTS.stallSeconds})
  --settle <s>       at a checkpoint, how long to wait for the list to be still (default ${DEFAULTS.settleSeconds})
  --out <file>       results file (default bench/results/heap.json for a full default run, else
                     bench/results/heap.tmp.json)
  --keep-dist        keep the built pages (their path is printed)
  --help`

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw.replaceAll('_', ''))
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`--${name}: a positive integer, not "${raw}"`)
  return value
}

function listOf(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      impl: { type: 'string' },
      total: { type: 'string' },
      stall: { type: 'string' },
      settle: { type: 'string' },
      out: { type: 'string' },
      'keep-dist': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  const rows = [
    ...new Set((listOf(values.rows) ?? DEFAULTS.rows.map(String)).map((raw) => positiveInteger('rows', raw))),
  ].sort((a, b) => a - b)
  if (rows.length === 0) throw new Error('--rows: at least one checkpoint')
  const implementations = (listOf(values.impl) ?? DEFAULTS.implementations).map((name) => {
    if (!(HEAP_IMPLEMENTATIONS as readonly string[]).includes(name)) {
      throw new Error(`--impl: unknown implementation "${name}" (${HEAP_IMPLEMENTATIONS.join(', ')})`)
    }
    return name as HeapImplementation
  })
  const largest = rows.at(-1)!
  const total = values.total === undefined ? largest : positiveInteger('total', values.total)
  if (total < largest)
    throw new Error(`--total (${total}) is smaller than the largest checkpoint (${largest})`)
  const stallSeconds =
    values.stall === undefined ? DEFAULTS.stallSeconds : positiveInteger('stall', values.stall)
  const settleSeconds =
    values.settle === undefined ? DEFAULTS.settleSeconds : positiveInteger('settle', values.settle)
  const isDefault =
    rows.join() === DEFAULTS.rows.join() &&
    implementations.join() === DEFAULTS.implementations.join() &&
    total === largest &&
    stallSeconds === DEFAULTS.stallSeconds &&
    settleSeconds === DEFAULTS.settleSeconds
  const out = path.resolve(
    values.out ?? path.join(repoRoot, 'bench/results', isDefault ? 'heap.json' : 'heap.tmp.json'),
  )
  return { rows, implementations, total, stallSeconds, settleSeconds, out, keepDist: values['keep-dist'] }
}
type Options = ReturnType<typeof parseOptions>

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits
const mib = (bytes: number) => round(bytes / 2 ** 20, 2)

/** The JS heap after two forced GCs (a second one collects what the first one's finalizers let go). */
interface HeapReading {
  usedBytes: number
  usedMiB: number
  totalBytes: number
  domNodes: number
  jsEventListeners: number
}

async function readHeap(cdp: CDPSession): Promise<HeapReading> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage')
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters')
  return {
    usedBytes: usedSize,
    usedMiB: mib(usedSize),
    totalBytes: totalSize,
    domNodes: nodes,
    jsEventListeners,
  }
}

interface Checkpoint {
  /** The checkpoint asked for, in rows reached. */
  rows: number
  /** Since the start of the scroll, in ms. */
  elapsedMs: number
  heap: HeapReading
  leg: HeapLeg
}

interface ImplementationResult {
  implementation: HeapImplementation
  total: number
  /** From navigation to the first page on screen, in ms. */
  readyMs: number
  /** After the first page, before scrolling. */
  start: { heap: HeapReading; at: HeapSnapshot }
  checkpoints: Checkpoint[]
  /** Back at the top (or where the scroll back stalled: see `leg.stop`). */
  top: { heap: HeapReading; leg: HeapLeg; elapsedMs: number }
  /** Wall time of the scroll down and back, in ms (the heap readings excluded). */
  scrollMs: number
  /** Wall time of the whole run of this implementation, browser start to close, in ms. */
  wallMs: number
  requests: number
  /** Heap at the largest checkpoint ÷ heap at the smallest (1,000,000 ÷ 10,000 by default). */
  ratio: { from: number; to: number; value: number } | null
  pageErrors: string[]
}

async function evaluateLeg(page: Page, call: string): Promise<HeapLeg> {
  return (await page.evaluate(call)) as HeapLeg
}

function describeLeg(leg: HeapLeg): string {
  const at = leg.at
  const step = leg.stepMs === null ? '' : `, step p50 ${leg.stepMs.p50} / p95 ${leg.stepMs.p95} ms`
  return (
    `${leg.stop} in ${round(leg.ms / 1000)} s, ${leg.requests} requests${step}; ` +
    `held ${at.itemsHeld} rows (${at.loadedStart}–${at.loadedEnd}, ${at.pagesHeld} pages), ` +
    `scrollHeight ${at.scrollHeight} px, ${at.viewRecordRows} rows in view ` +
    `(${at.viewRowsAtAbsoluteOffset} at their absolute offset` +
    (at.viewRowsWithAbsoluteAriaRowIndex === null
      ? ''
      : `, ${at.viewRowsWithAbsoluteAriaRowIndex} with an absolute aria-rowindex`) +
    `), ${at.domElements} elements`
  )
}

async function runImplementation(
  baseUrl: string,
  implementation: HeapImplementation,
  options: Options,
): Promise<ImplementationResult> {
  const runStarted = Date.now()
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true })
  try {
    const page = await browser.newPage({ viewport: VIEWPORT })
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    let scrollStarted = Date.now()
    page.on('console', (message) => {
      const text = message.text()
      if (message.type() === 'error') pageErrors.push(text)
      else if (text.startsWith(HEAP_PROGRESS)) {
        const [loaded] = text.slice(HEAP_PROGRESS.length).trim().split(' ')
        console.log(
          `    ${Number(loaded).toLocaleString('en-US')} rows loaded, ` +
            `${round((Date.now() - scrollStarted) / 1000, 0)} s`,
        )
      }
    })
    const cdp = await page.context().newCDPSession(page)
    const ready = page.waitForEvent('console', {
      predicate: (message) => message.text() === HEAP_READY,
      timeout: 120_000,
    })
    await page.goto(`${baseUrl}/heap-${implementation}.html?total=${options.total}`)
    await ready
    const readyMs = (await page.evaluate('performance.now()')) as number
    await page.waitForTimeout(500)
    const start = {
      heap: await readHeap(cdp),
      at: (await page.evaluate('window.__heap.snapshot()')) as HeapSnapshot,
    }
    console.log(`  start: ${start.heap.usedMiB} MiB, ${start.at.itemsHeld} rows held`)
    if (start.at.viewRowsAtAbsoluteOffset !== start.at.viewRecordRows || start.at.viewRecordRows === 0) {
      console.warn(
        `  the rows in view are not ${HEAP_LAYOUT.rowHeight} px rows from the top: ` +
          `${start.at.viewRowsAtAbsoluteOffset} of ${start.at.viewRecordRows} where they belong`,
      )
    }
    const legOptions: HeapLegOptions = {
      stallMs: options.stallSeconds * 1000,
      settleMs: options.settleSeconds * 1000,
      progressEvery: Math.max(10_000, Math.round(options.total / 20 / 10_000) * 10_000),
    }
    const checkpoints: Checkpoint[] = []
    let scrollMs = 0
    scrollStarted = Date.now()
    // A leg that stalls (the table stopped loading, or rows in view never became records) is reported as such, and
    // the next leg still runs: its heap reading says what the page holds anyway.
    for (const rows of options.rows) {
      const legStarted = Date.now()
      const leg = await evaluateLeg(page, `window.__heap.scrollDown(${rows}, ${JSON.stringify(legOptions)})`)
      scrollMs += Date.now() - legStarted
      const heap = await readHeap(cdp)
      checkpoints.push({ rows, elapsedMs: scrollMs, heap, leg })
      console.log(
        `  ${rows.toLocaleString('en-US')} rows: ${heap.usedMiB} MiB after ${round(scrollMs / 1000)} s; ` +
          describeLeg(leg),
      )
      if (leg.detail !== null) console.log(`    ${leg.detail}`)
    }
    const legStarted = Date.now()
    const topLeg = await evaluateLeg(page, `window.__heap.scrollToTop(${JSON.stringify(legOptions)})`)
    scrollMs += Date.now() - legStarted
    const top = { heap: await readHeap(cdp), leg: topLeg, elapsedMs: scrollMs }
    console.log(`  back at the top: ${top.heap.usedMiB} MiB; ${describeLeg(topLeg)}`)
    if (topLeg.detail !== null) console.log(`    ${topLeg.detail}`)
    const requests = (await page.evaluate('window.__heap.requests()')) as number
    const first = checkpoints[0]
    const last = checkpoints.at(-1)
    const ratio =
      first !== undefined && last !== undefined && last !== first
        ? { from: first.rows, to: last.rows, value: round(last.heap.usedBytes / first.heap.usedBytes, 3) }
        : null
    if (pageErrors.length > 0) console.warn(`  page errors: ${pageErrors.slice(0, 5).join(' | ')}`)
    return {
      implementation,
      total: options.total,
      readyMs: round(readyMs, 0),
      start,
      checkpoints,
      top,
      scrollMs,
      wallMs: Date.now() - runStarted,
      requests,
      ratio,
      pageErrors,
    }
  } finally {
    await browser.close()
  }
}

function formatTable(results: ImplementationResult[], rows: number[]): string {
  const header = [
    'implementation',
    'start',
    ...rows.map((row) => `${row.toLocaleString('en-US')} rows`),
    'back at top',
    `ratio ${rows.at(-1)!.toLocaleString('en-US')} / ${rows[0]!.toLocaleString('en-US')}`,
    'requests',
    'scroll time',
  ]
  const lines = results.map((result) => [
    result.implementation,
    `${result.start.heap.usedMiB} MiB`,
    ...rows.map((row) => {
      const checkpoint = result.checkpoints.find((candidate) => candidate.rows === row)
      if (checkpoint === undefined) return '-'
      const note = checkpoint.leg.stop === 'reached' ? '' : ` (${checkpoint.leg.stop})`
      return `${checkpoint.heap.usedMiB} MiB${note}`
    }),
    `${result.top.heap.usedMiB} MiB${result.top.leg.stop === 'top' ? '' : ` (${result.top.leg.stop})`}`,
    result.ratio === null ? '-' : `${result.ratio.value}×`,
    result.requests.toLocaleString('en-US'),
    `${round(result.scrollMs / 1000, 0)} s`,
  ])
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...lines.map((line) => line[column]!.length)),
  )
  const format = (cells: string[]) => `| ${cells.map((cell, at) => cell.padEnd(widths[at]!)).join(' | ')} |`
  return [
    format(header),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...lines.map(format),
  ].join('\n')
}

async function main() {
  const options = parseOptions()
  const started = Date.now()
  // Read before the build: the sources the pages are built from.
  const source = sourceVersion()
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'pagewise-bench-heap-'))
  console.log(`Building the bench pages into ${outDir} …`)
  await build({ configFile: path.join(here, 'vite.config.ts'), build: { outDir } })
  const server = await serveDirectory(outDir)
  const results: ImplementationResult[] = []
  let chromiumVersion = 'unknown'
  try {
    const probe = await chromium.launch({ ...chromiumLaunchOptions, headless: true })
    chromiumVersion = probe.version()
    await probe.close()
    console.log(
      `Chromium ${chromiumVersion}; ${options.total.toLocaleString('en-US')} records, checkpoints at ` +
        `${options.rows.map((row) => row.toLocaleString('en-US')).join(', ')} rows`,
    )
    for (const implementation of options.implementations) {
      console.log(`${implementation} …`)
      results.push(await runImplementation(server.url, implementation, options))
    }
  } finally {
    await server.close()
    if (options.keepDist) console.log(`Built pages kept in ${outDir}`)
    else await rm(outDir, { recursive: true, force: true })
  }

  const pagewise = results.find((result) => result.implementation === 'pagewise')
  const target =
    pagewise?.ratio == null
      ? null
      : {
          rule: `pagewise: JS heap after ${pagewise.ratio.to} rows ≤ ${TARGET_RATIO}× the heap after ${pagewise.ratio.from}`,
          ratio: pagewise.ratio.value,
          met: pagewise.ratio.value <= TARGET_RATIO,
        }
  const wallSeconds = round((Date.now() - started) / 1000, 0)
  const output = {
    benchmark:
      'browser heap: a million-record list scrolled to the end and back; pagewise <InfiniteTable> with ' +
      'usePaginatedList({ maxPages }) against react-virtuoso TableVirtuoso holding every row',
    date: new Date().toISOString(),
    wallTimeSeconds: wallSeconds,
    machine: machineInfo(),
    software: {
      pagewise: source,
      chromium: chromiumVersion,
      chromiumLaunch: { ...chromiumLaunchOptions, headless: true, viewport: VIEWPORT },
      playwrightCore: packageVersion('playwright-core'),
      react: packageVersion('react'),
      tanstackReactQuery: packageVersion('@tanstack/react-query'),
      reactVirtuoso: packageVersion('react-virtuoso'),
    },
    settings: {
      total: options.total,
      checkpoints: options.rows,
      implementations: options.implementations,
      ...HEAP_LAYOUT,
      latencyMs: 0,
      stallSeconds: options.stallSeconds,
      settleSeconds: options.settleSeconds,
    },
    definitions: {
      heap:
        'CDP Runtime.getHeapUsage usedSize after two HeapProfiler.collectGarbage, with the view still at the ' +
        'checkpoint (the last loaded rows in view, every row in view a record, no request in flight)',
      scroll:
        'driven in the page, one animation frame per check: the row after the last loaded one is put at the ' +
        "bottom of the view, the table's own loading brings the next page, and the next move waits until every " +
        'row in view is a record; going back, the row before the first loaded one is put at the top of the view ' +
        '(react-virtuoso holds every row: one move to the top)',
      ratio: 'heap at the largest checkpoint ÷ heap at the smallest',
    },
    target,
    results,
  }
  await mkdir(path.dirname(options.out), { recursive: true })
  await writeFile(options.out, `${JSON.stringify(output, null, 2)}\n`)
  console.log('')
  console.log(formatTable(results, options.rows))
  if (target !== null) {
    console.log(`${target.rule}: ${target.ratio}× (${target.met ? 'met' : 'NOT met'})`)
  }
  console.log(`Wrote ${path.relative(process.cwd(), options.out)} (${wallSeconds} s)`)
}

await main()
