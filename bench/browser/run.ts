/**
 * Real-browser scroll benchmark: builds the bench pages (Vite, production), serves them, and scrolls each through
 * the mock Close leads in headless Chromium at a fixed speed, at each CPU throttling rate and mock latency, in
 * alternating rounds (one fresh browser per run). Writes `bench/results/browser.json` (full default run) and prints
 * the comparison tables. See bench/browser/README.md.
 *
 *   npx tsx bench/browser/run.ts                     # full run, about 26 minutes on 2 cores
 *   npx tsx bench/browser/run.ts --quick --cpu 4     # a few minutes
 */
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'
import { chromiumLaunchOptions } from '../../scripts/chromium.ts'
import { FIRST_PAGE_SHOWN, IMPLEMENTATIONS, LAYOUT, OVERSCAN_ROWS } from './contract.ts'
import type { Implementation, ScrollOptions, ScrollResult } from './contract.ts'
import { BLANK_PAGE, serveDirectory } from './serve.ts'
import { packageVersion, sourceVersion } from './buildInfo.ts'
import { analyseTrace, busyPerFrame } from './traceSummary.ts'
import { checkTargets, compareRuns, formatTable, summarise } from './summary.ts'
import type { RunFigures } from './summary.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')

/** The peers compared by default; `plain` (not virtualized) only when asked for. */
const DEFAULT_IMPLEMENTATIONS: Implementation[] = [
  'pagewise',
  'virtuoso',
  'virtuoso-overscan',
  'virtual',
  'aggrid',
]

/**
 * The full run: 5 implementations × 3 pairs × 2 CPU rates × 2 latencies = 60 runs of a 15 s scroll, about 26 s each
 * with the start-up (browser, 20,000-lead mock, first page, GC, trace) on a busy 2-core machine: about 26 minutes.
 * 20,000 px/s is 500 rows/s, a fast fling kept up; in 15 s it reaches row 7,500 at most.
 */
const DEFAULTS = {
  rows: 20_000,
  speed: 20_000,
  latencies: [0, 100],
  cpuRates: [1, 4],
  pairs: 3,
  capSeconds: 15,
  implementations: DEFAULT_IMPLEMENTATIONS,
}
/** `--quick`: a few minutes per CPU rate, to check a change before a full run. */
const QUICK = { rows: 6_000, latencies: [0], capSeconds: 10 }
const VIEWPORT = { width: 1024, height: 768 }
/** The User Timing mark the page makes when the scroll starts; it places the page's frames on the trace's clock. */
const START_MARK = 'pagewise-bench:scroll-start'

const usage = `Usage: npx tsx bench/browser/run.ts [options]
  --cpu <list>        CPU throttling rates (CDP Emulation.setCPUThrottlingRate, set before navigation),
                      comma-separated (default ${DEFAULTS.cpuRates.join(',')}; e.g. 1,4,6)
  --pairs <n>         rounds of the alternation: each round runs every implementation once, in a fresh browser
                      each, and the per-pair ratios against pagewise are taken within a round (default ${DEFAULTS.pairs})
  --rows <n>          leads in the mock API (default ${DEFAULTS.rows})
  --impl <list>       implementations, comma-separated: ${IMPLEMENTATIONS.join(', ')}
                      (default: ${DEFAULT_IMPLEMENTATIONS.join(', ')}); pagewise is always added
  --latency <list>    mock latencies in ms, comma-separated (default ${DEFAULTS.latencies.join(',')})
  --speed <px/s>      scroll speed (default ${DEFAULTS.speed})
  --cap <s>           wall-clock cap of every scroll (default ${DEFAULTS.capSeconds})
  --quick             ${QUICK.rows} rows, ${QUICK.latencies.join(',')} ms latency, a ${QUICK.capSeconds} s cap (other options still apply)
  --overscan <rows>   overscan of pagewise, virtuoso-overscan and virtual (default ${OVERSCAN_ROWS})
  --threshold <rows>  pagewise only: loadThreshold of <InfiniteTable> (default: the component's default)
  --out <file>        results file (default bench/results/browser.json for a full default run, else
                      bench/results/browser.tmp.json)
  --profile <dir>     write a CPU profile of each scroll to <dir>/<impl>-<cpu>x-<latency>ms-<pair>.cpuprofile
                      (profiling slows the page down: figures of such a run are not comparable)
  --trace <dir>       write a detailed Chrome trace of each scroll to <dir>/<impl>-<cpu>x-<latency>ms-<pair>.trace.json
                      (for DevTools' Performance panel; slows the page down, and makes large files)
  --keep-dist         keep the built pages (their path is printed)
  --help`

function listOf(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

function nonNegativeNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} must be a non-negative number, not "${raw}"`)
  return value
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      cpu: { type: 'string' },
      pairs: { type: 'string' },
      rows: { type: 'string' },
      impl: { type: 'string' },
      latency: { type: 'string' },
      speed: { type: 'string' },
      cap: { type: 'string' },
      quick: { type: 'boolean', default: false },
      overscan: { type: 'string' },
      threshold: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'string' },
      trace: { type: 'string' },
      'keep-dist': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  const base = values.quick ? { ...DEFAULTS, ...QUICK } : DEFAULTS
  const named = (listOf(values.impl) ?? base.implementations).map((name) => {
    if (!(IMPLEMENTATIONS as readonly string[]).includes(name)) {
      throw new Error(`--impl: unknown implementation "${name}" (${IMPLEMENTATIONS.join(', ')})`)
    }
    return name as Implementation
  })
  // Every figure is a ratio to pagewise in the same round: it is always run, first in each round.
  const implementations: Implementation[] = ['pagewise', ...named.filter((name) => name !== 'pagewise')]
  const latencies = (listOf(values.latency) ?? base.latencies.map(String)).map((raw) =>
    nonNegativeNumber('latency', raw, 0),
  )
  const cpuRates = (listOf(values.cpu) ?? base.cpuRates.map(String)).map((raw) => {
    const rate = nonNegativeNumber('cpu', raw, 1)
    if (rate < 1) throw new Error(`--cpu rates are 1 (no throttling) or more, not "${raw}"`)
    return rate
  })
  const pairs = Math.floor(nonNegativeNumber('pairs', values.pairs, base.pairs))
  const rows = Math.floor(nonNegativeNumber('rows', values.rows, base.rows))
  const speed = nonNegativeNumber('speed', values.speed, base.speed)
  const capSeconds = nonNegativeNumber('cap', values.cap, base.capSeconds)
  const overscan = Math.floor(nonNegativeNumber('overscan', values.overscan, OVERSCAN_ROWS))
  const threshold =
    values.threshold === undefined ? undefined : nonNegativeNumber('threshold', values.threshold, 0)
  const isDefault =
    !values.quick &&
    rows === DEFAULTS.rows &&
    speed === DEFAULTS.speed &&
    capSeconds === DEFAULTS.capSeconds &&
    pairs === DEFAULTS.pairs &&
    overscan === OVERSCAN_ROWS &&
    threshold === undefined &&
    values.profile === undefined &&
    values.trace === undefined &&
    implementations.join() === DEFAULTS.implementations.join() &&
    latencies.join() === DEFAULTS.latencies.join() &&
    cpuRates.join() === DEFAULTS.cpuRates.join()
  const out = path.resolve(
    values.out ?? path.join(repoRoot, 'bench/results', isDefault ? 'browser.json' : 'browser.tmp.json'),
  )
  if (rows < 1 || speed <= 0 || pairs < 1 || capSeconds <= 0) {
    throw new Error('--rows, --speed, --pairs and --cap must be positive')
  }
  return {
    quick: values.quick,
    rows,
    speed,
    capSeconds,
    overscan,
    threshold,
    implementations,
    latencies,
    cpuRates,
    pairs,
    out,
    profileDir: values.profile === undefined ? undefined : path.resolve(values.profile),
    traceDir: values.trace === undefined ? undefined : path.resolve(values.trace),
    keepDist: values['keep-dist'],
  }
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8')
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1] ?? `${os.type()} ${os.release()}`
  } catch {
    return `${os.type()} ${os.release()}`
  }
}

async function launch(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions, headless: true })
}

/** requestAnimationFrame deltas of an idle page for 2 s: whether rAF ticks at display rate here. */
async function probeFrameRate(browser: Browser, baseUrl: string) {
  const page = await browser.newPage({ viewport: VIEWPORT })
  // A blank page of the bench server: cross-origin isolated like the bench pages.
  await page.goto(`${baseUrl}${BLANK_PAGE}`)
  const isolated = (await page.evaluate('self.crossOriginIsolated')) as boolean
  const deltas = (await page.evaluate(`new Promise((resolve) => {
    const deltas = []
    let last = 0
    const start = performance.now()
    const tick = (now) => {
      if (last !== 0) deltas.push(now - last)
      last = now
      if (now - start < 2000) requestAnimationFrame(tick)
      else resolve(deltas)
    }
    requestAnimationFrame(tick)
  })`)) as number[]
  await page.close()
  const sorted = [...deltas].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] ?? 0
  return {
    crossOriginIsolated: isolated,
    frames: deltas.length,
    fps: round(1000 / (deltas.reduce((sum, delta) => sum + delta, 0) / deltas.length), 1),
    p50Ms: round(at(0.5), 3),
    p95Ms: round(at(0.95), 3),
    maxMs: round(sorted.at(-1) ?? 0, 3),
  }
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits

type CdpMetrics = Record<string, number>

/**
 * A CDP session on the page: Performance metrics (cumulative since `Performance.enable`, optionally after a forced
 * GC), a Chrome trace, and a sampling CPU profile of the scroll when asked for one.
 */
async function devtools(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  return {
    /** CDP `Emulation.setCPUThrottlingRate`: 1 turns throttling off, 4 makes the renderer about 4× slower. */
    async setCpuThrottling(rate: number): Promise<void> {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate })
    },
    async metrics(collectGarbage: boolean): Promise<CdpMetrics> {
      if (collectGarbage) await cdp.send('HeapProfiler.collectGarbage')
      const { metrics } = await cdp.send('Performance.getMetrics')
      return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]))
    },
    async startProfile(): Promise<void> {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 })
      await cdp.send('Profiler.start')
    },
    async stopProfile(): Promise<unknown> {
      const { profile } = await cdp.send('Profiler.stop')
      return profile
    },
    /** Starts a Chrome trace; its buffer is large enough for a 5-minute scroll with the light categories. */
    async startTrace(categories: string[]): Promise<void> {
      await cdp.send('Tracing.start', {
        transferMode: 'ReturnAsStream',
        traceConfig: {
          recordMode: 'recordUntilFull',
          traceBufferSizeInKb: 1_000_000,
          includedCategories: categories,
        },
      })
    },
    async stopTrace(): Promise<Buffer> {
      const complete = new Promise<string | undefined>((resolve) =>
        cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream)),
      )
      await cdp.send('Tracing.end')
      const handle = await complete
      if (handle === undefined) return Buffer.alloc(0)
      const chunks: Buffer[] = []
      for (;;) {
        const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle, size: 16 * 2 ** 20 })
        chunks.push(Buffer.from(data, base64Encoded === true ? 'base64' : 'utf8'))
        if (eof) break
      }
      await cdp.send('IO.close', { handle })
      return Buffer.concat(chunks)
    },
  }
}

interface RunPlan {
  implementation: Implementation
  cpuThrottle: number
  pair: number
  latencyMs: number
  rows: number
  options: ScrollOptions
  overscan: number
  threshold: number | undefined
  /** Where to write a CPU profile of the scroll (`.cpuprofile`, opens in Chrome DevTools), if anywhere. */
  profileFile: string | undefined
  /** Where to write a Chrome trace of the scroll (opens in DevTools' Performance panel), if anywhere. */
  traceFile: string | undefined
}

/**
 * Every scroll is traced with the `toplevel` category (the main thread's tasks and their thread CPU time, a few MB,
 * little overhead) and `blink.user_timing` (the start mark, which ties the page's frame times to the trace's clock).
 * `--trace` adds what DevTools' timeline shows inside the tasks and keeps the file.
 */
const LIGHT_TRACE = ['toplevel', 'blink.user_timing']
const FULL_TRACE = [...LIGHT_TRACE, 'devtools.timeline', 'v8', 'v8.execute']

/**
 * A fixed amount of script work, timed in the page: how long it takes shows that the CPU throttle is in force
 * (at 4×, about 4 times as long as at 1×).
 */
const CPU_CHECK = `(() => {
  const start = performance.now()
  let sum = 0
  for (let index = 0; index < 20_000_000; index += 1) sum += index % 7
  return sum > 0 ? performance.now() - start : -1
})()`

async function runOne(baseUrl: string, plan: RunPlan): Promise<RunFigures> {
  const browser = await launch()
  try {
    const page = await browser.newPage({ viewport: VIEWPORT })
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
    const cdp = await devtools(page)
    // Throttle before the bench page loads, so its start-up (bundle, mount, first page) is throttled too. The
    // throttle belongs to the renderer process: a blank page of the same origin first puts the tab in the process
    // the bench page will use (a cross-site navigation could swap processes and drop it), and the CPU check after
    // the load shows it held.
    await page.goto(`${baseUrl}${BLANK_PAGE}`)
    await cdp.setCpuThrottling(plan.cpuThrottle)
    const query = new URLSearchParams({
      rows: String(plan.rows),
      latency: String(plan.latencyMs),
      overscan: String(plan.overscan),
    })
    if (plan.threshold !== undefined) query.set('threshold', String(plan.threshold))
    const loadAverageBefore = os.loadavg()[0] ?? 0
    const firstPageShown = page.waitForEvent('console', {
      predicate: (message) => message.text() === FIRST_PAGE_SHOWN,
      timeout: 180_000,
    })
    await page.goto(`${baseUrl}/${plan.implementation}.html?${query}`)
    await firstPageShown
    const setup = (await page.evaluate(
      '({ datasetReadyMs: window.__bench.datasetReadyMs, firstPageShownMs: window.__bench.firstPageShownMs() })',
    )) as { datasetReadyMs: number; firstPageShownMs: number }
    // Let the first page's work settle, and start every scroll from a collected heap.
    await page.waitForTimeout(500)
    const cpuCheck = (await page.evaluate(CPU_CHECK)) as number
    const before = await cdp.metrics(true)
    if (plan.profileFile !== undefined) await cdp.startProfile()
    const categories = plan.traceFile === undefined ? LIGHT_TRACE : FULL_TRACE
    await cdp.startTrace(categories)
    const result = (await page.evaluate(
      `window.__bench.scroll(${JSON.stringify(plan.options)})`,
    )) as ScrollResult
    const trace = await cdp.stopTrace()
    const traced = analyseTrace(trace, plan.options.startMark)
    if (traced.summary.spanMs < result.durationMs - 1000) {
      console.warn(
        `  the trace covers ${traced.summary.spanMs} ms of the ${Math.round(result.durationMs)} ms scroll`,
      )
    }
    let frameBusy: number[] | null = null
    let frameRendering: number[] | null = null
    if (traced.markUs === null) {
      console.warn('  the trace has no start mark: no per-frame busy time')
    } else {
      // The page's clock (ms since its time origin) on the trace's clock (µs), through the mark seen by both.
      const offsetUs = traced.markUs - result.startMarkMs * 1000
      const boundaries = result.frameTimes.map((time) => time * 1000 + offsetUs)
      frameBusy = busyPerFrame(traced.tasks, boundaries).map((us) => us / 1000)
      if (traced.rendering.length > 0)
        frameRendering = busyPerFrame(traced.rendering, boundaries).map((us) => us / 1000)
    }
    if (plan.traceFile !== undefined) {
      await writeFile(plan.traceFile, trace)
      console.log(`  trace: ${path.relative(process.cwd(), plan.traceFile)}`)
    }
    if (plan.profileFile !== undefined) {
      await writeFile(plan.profileFile, JSON.stringify(await cdp.stopProfile()))
      console.log(`  CPU profile: ${path.relative(process.cwd(), plan.profileFile)}`)
    }
    const after = await cdp.metrics(false)
    const collected = await cdp.metrics(true)
    if (pageErrors.length > 0) console.warn(`  page errors: ${pageErrors.slice(0, 5).join(' | ')}`)
    return summarise({
      implementation: plan.implementation,
      cpuThrottle: plan.cpuThrottle,
      pair: plan.pair,
      latencyMs: plan.latencyMs,
      rows: plan.rows,
      speed: plan.options.speedPxPerSecond,
      capMs: plan.options.capMs,
      result,
      setup,
      frameBusy,
      frameRendering,
      cpuCheckMs: round(cpuCheck, 1),
      before,
      after,
      collected,
      pageErrors,
      loadAverage: [round(loadAverageBefore, 2), round(os.loadavg()[0] ?? 0, 2)],
      traced: traced.summary,
    })
  } finally {
    await browser.close()
  }
}

async function main() {
  const options = parseOptions()
  const started = Date.now()
  for (const dir of [options.profileDir, options.traceDir]) {
    if (dir !== undefined) await mkdir(dir, { recursive: true })
  }
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'pagewise-bench-browser-'))
  console.log(`Building the bench pages into ${outDir} …`)
  await build({ configFile: path.join(here, 'vite.config.ts'), build: { outDir } })
  const server = await serveDirectory(outDir)
  console.log(`Serving them at ${server.url}`)

  const probeBrowser = await launch()
  const chromiumVersion = probeBrowser.version()
  const frameRate = await probeFrameRate(probeBrowser, server.url)
  await probeBrowser.close()
  console.log(
    `Chromium ${chromiumVersion}, idle requestAnimationFrame: ${frameRate.fps} fps ` +
      `(p50 ${frameRate.p50Ms} ms, p95 ${frameRate.p95Ms} ms, cross-origin isolated: ${frameRate.crossOriginIsolated})`,
  )
  if (frameRate.fps < 55) console.warn('  requestAnimationFrame is throttled: frame times are not comparable')

  const scrollPx = options.rows * LAYOUT.rowHeight - (LAYOUT.viewportHeight - LAYOUT.rowHeight)
  const idealSeconds = scrollPx / options.speed
  const total =
    options.cpuRates.length * options.latencies.length * options.pairs * options.implementations.length
  console.log(
    `${total} runs: ${options.implementations.join(', ')} × ${options.pairs} pairs × CPU ` +
      `${options.cpuRates.join(', ')}× × ${options.latencies.join(', ')} ms; ${options.rows} rows, ` +
      `cap ${options.capSeconds} s per scroll (the whole list takes ${round(idealSeconds, 1)} s at ${options.speed} px/s)`,
  )

  const runs: RunFigures[] = []
  const fileName = (implementation: string, cpu: number, latency: number, pair: number, ext: string) =>
    `${implementation}-${cpu}x-${latency}ms-${pair + 1}.${ext}`
  try {
    for (const cpuThrottle of options.cpuRates) {
      for (const latencyMs of options.latencies) {
        // A B C … A B C …: each round runs every implementation once, so that the machine's drift (other
        // processes, heat) reaches all of them alike, and each ratio compares runs made a minute apart.
        for (let pair = 0; pair < options.pairs; pair += 1) {
          for (const implementation of options.implementations) {
            const label = `[${runs.length + 1}/${total}] ${implementation}, ${cpuThrottle}× CPU, ${latencyMs} ms, pair ${pair + 1}`
            console.log(`${label} …`)
            const runStarted = Date.now()
            const figures = await runOne(server.url, {
              implementation,
              cpuThrottle,
              pair,
              latencyMs,
              rows: options.rows,
              overscan: options.overscan,
              threshold: implementation === 'pagewise' ? options.threshold : undefined,
              profileFile:
                options.profileDir === undefined
                  ? undefined
                  : path.join(
                      options.profileDir,
                      fileName(implementation, cpuThrottle, latencyMs, pair, 'cpuprofile'),
                    ),
              traceFile:
                options.traceDir === undefined
                  ? undefined
                  : path.join(
                      options.traceDir,
                      fileName(implementation, cpuThrottle, latencyMs, pair, 'trace.json'),
                    ),
              options: {
                speedPxPerSecond: options.speed,
                capMs: options.capSeconds * 1000,
                // No cut-off: a page that is slow at a throttled CPU is what this measures; the cap ends the run.
                unusable: null,
                startMark: START_MARK,
              },
            })
            runs.push(figures)
            const { frameBusyMs: busy, rendering } = figures
            console.log(
              `  ${figures.stop}, ${figures.scrollSeconds} s (${round((Date.now() - runStarted) / 1000, 0)} s with ` +
                `start-up); busy p95 ${busy?.p95 ?? '-'} ms, ` +
                (rendering === null
                  ? ''
                  : `style+layout+paint ${rendering.msPerFrame} ms per frame ` +
                    `(${round(rendering.shareOfBusy * 100, 1)}% of busy), `) +
                `blank ${round(figures.blankShare * 100, 1)}%, CPU check ${figures.cpuCheckMs} ms`,
            )
          }
        }
      }
    }
  } finally {
    await server.close()
    if (options.keepDist) console.log(`Built pages kept in ${outDir}`)
    else await rm(outDir, { recursive: true, force: true })
  }

  const wallSeconds = round((Date.now() - started) / 1000, 0)
  const comparisons = compareRuns(runs)
  const targets = checkTargets(comparisons)
  const results = {
    benchmark:
      'browser scroll: pagewise <InfiniteTable> against react-virtuoso TableVirtuoso (default and with the same ' +
      'overscan), a bare @tanstack/react-virtual table and AG Grid Community (infinite row model), at throttled CPU rates',
    date: new Date().toISOString(),
    wallTimeSeconds: wallSeconds,
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      os: osName(),
      kernel: os.release(),
    },
    software: {
      node: process.version,
      pagewise: sourceVersion(),
      chromium: chromiumVersion,
      chromiumLaunch: { ...chromiumLaunchOptions, headless: true, viewport: VIEWPORT },
      playwrightCore: packageVersion('playwright-core'),
      vite: packageVersion('vite'),
      react: packageVersion('react'),
      tanstackReactQuery: packageVersion('@tanstack/react-query'),
      tanstackReactVirtual: packageVersion('@tanstack/react-virtual'),
      reactVirtuoso: packageVersion('react-virtuoso'),
      agGridCommunity: packageVersion('ag-grid-community'),
      agGridReact: packageVersion('ag-grid-react'),
    },
    idleFrameRate: frameRate,
    settings: {
      quick: options.quick,
      rows: options.rows,
      pageSize: LAYOUT.pageSize,
      rowHeightPx: LAYOUT.rowHeight,
      viewportHeightPx: LAYOUT.viewportHeight,
      headerHeightPx: LAYOUT.rowHeight,
      tableWidthPx: LAYOUT.tableWidth,
      speedPxPerSecond: options.speed,
      idealScrollSeconds: round(idealSeconds, 1),
      capSeconds: options.capSeconds,
      cpuThrottlingRates: options.cpuRates,
      pairs: options.pairs,
      implementations: options.implementations,
      order: 'for each CPU rate, for each latency, for each pair: every implementation in the order listed',
      latenciesMs: options.latencies,
      latencyJitterMs: 0,
      overscanRows: options.overscan,
      pagewiseLoadThreshold: options.threshold ?? "<InfiniteTable>'s default",
      unusableRule: 'none: every scroll runs to the last row or the cap',
    },
    definitions: {
      frameBusyMs:
        "per requestAnimationFrame interval, the wall time of the renderer main thread's top-level tasks in a " +
        'Chrome trace (toplevel category) that falls inside it; p50/p95/p99 and the shares of intervals over 16.7 ' +
        'and 33 ms',
      blankShare:
        'per frame, the share of the viewport below the header that no data row covers (loading rows are blank), ' +
        'sampled right after the scroll moved; weighted by how long each frame was on screen (blankFrameMean: ' +
        'unweighted mean over frames)',
      domElements:
        "document.body.getElementsByTagName('*').length during the scroll, every 30th frame: median, max",
      setupMs:
        'from navigation start: mock dataset generated (datasetReady); first animation frame with a data row in the ' +
        'DOM (firstPageShown); firstPageAfterMock: the difference (mount, first request, first rows)',
      jsHeapMiB: 'JSHeapUsedSize after a forced GC at the end; includes the in-page mock dataset',
      cpuCheckMs:
        'a fixed loop in the page, before the bench page loaded and before the scroll: the throttle at work',
      frameMs: 'requestAnimationFrame deltas during the scroll',
      comparisons:
        'per CPU rate, latency and peer: medians of each side over its runs, and the median over the pairs of ' +
        "pagewise's figure divided by the peer's from the same pair (ratio > 1: pagewise's figure is higher)",
      loadingRowVisibleShare:
        'share of the scroll time (weighted by frame time) in which a loading row intersected the viewport',
      stalledShare: 'share of the scroll time in which the scroll was held at the bottom of the loaded rows',
    },
    comparisons,
    pagewiseTargets: targets,
    runs,
  }
  await mkdir(path.dirname(options.out), { recursive: true })
  await writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`)
  console.log('')
  console.log(formatTable(runs, comparisons, targets))
  console.log('')
  console.log(`Wrote ${path.relative(process.cwd(), options.out)} (${wallSeconds} s)`)
}

await main()
