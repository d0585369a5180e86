/**
 * Real-browser scroll benchmark: builds the bench pages (Vite, production), serves them, and scrolls each through
 * the mock Close leads in headless Chromium at a fixed speed, at each mock latency. Writes
 * `bench/results/browser.json` (full default run) and prints a table. See bench/browser/README.md.
 *
 *   npx tsx bench/browser/run.ts                                  # full run
 *   npx tsx bench/browser/run.ts --rows 5000 --impl pagewise --latency 0
 */
import { execFileSync } from 'node:child_process'
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
import { IMPLEMENTATIONS, LAYOUT } from './contract.ts'
import type { Implementation, ScrollOptions, ScrollResult, UnusableRule } from './contract.ts'
import { serveDirectory } from './serve.ts'
import { summariseTrace } from './traceSummary.ts'
import { checkTargets, formatTable, summarise } from './summary.ts'
import type { RunFigures } from './summary.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')

const DEFAULTS = {
  rows: 100_000,
  speed: 20_000,
  latencies: [0, 100],
  implementations: [...IMPLEMENTATIONS] as Implementation[],
  /** Wall-clock cap of the plain table's scroll, in s (it is expected to become unusable long before the end). */
  plainCapSeconds: 120,
}
/** Applied to every implementation alike; only the plain table is expected to hit it. */
const UNUSABLE: UnusableRule = { maxFrameMs: 1_000, windowMs: 1_000, windowP95Ms: 100 }
const VIEWPORT = { width: 1024, height: 768 }

const usage = `Usage: npx tsx bench/browser/run.ts [options]
  --rows <n>          leads in the mock API (default ${DEFAULTS.rows})
  --impl <list>       implementations, comma-separated: ${IMPLEMENTATIONS.join(', ')} (default: all)
  --latency <list>    mock latencies in ms, comma-separated (default ${DEFAULTS.latencies.join(',')})
  --speed <px/s>      scroll speed (default ${DEFAULTS.speed})
  --cap <s>           wall-clock cap of every scroll (default: ${DEFAULTS.plainCapSeconds} s for plain, else 3 x the
                      ideal scroll time + 60 s)
  --threshold <rows>  pagewise only: loadThreshold of <InfiniteTable> (default: the component's default)
  --out <file>        results file (default bench/results/browser.json for a full default run, else
                      bench/results/browser.tmp.json)
  --profile <dir>     write a CPU profile of each scroll to <dir>/<impl>-<latency>ms.cpuprofile (profiling
                      slows the page down: figures of such a run are not comparable)
  --trace <dir>       write a detailed Chrome trace of each scroll to <dir>/<impl>-<latency>ms.trace.json (for
                      DevTools' Performance panel; slows the page down, and makes large files)
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
      rows: { type: 'string' },
      impl: { type: 'string' },
      latency: { type: 'string' },
      speed: { type: 'string' },
      cap: { type: 'string' },
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
  const implementations = (listOf(values.impl) ?? DEFAULTS.implementations).map((name) => {
    if (!(IMPLEMENTATIONS as readonly string[]).includes(name)) {
      throw new Error(`--impl: unknown implementation "${name}" (${IMPLEMENTATIONS.join(', ')})`)
    }
    return name as Implementation
  })
  const latencies = (listOf(values.latency) ?? DEFAULTS.latencies.map(String)).map((raw) =>
    nonNegativeNumber('latency', raw, 0),
  )
  const rows = Math.floor(nonNegativeNumber('rows', values.rows, DEFAULTS.rows))
  const speed = nonNegativeNumber('speed', values.speed, DEFAULTS.speed)
  const capSeconds = values.cap === undefined ? undefined : nonNegativeNumber('cap', values.cap, 0)
  const threshold =
    values.threshold === undefined ? undefined : nonNegativeNumber('threshold', values.threshold, 0)
  const isDefault =
    rows === DEFAULTS.rows &&
    speed === DEFAULTS.speed &&
    capSeconds === undefined &&
    threshold === undefined &&
    values.profile === undefined &&
    values.trace === undefined &&
    implementations.join() === DEFAULTS.implementations.join() &&
    latencies.join() === DEFAULTS.latencies.join()
  const out = path.resolve(
    values.out ?? path.join(repoRoot, 'bench/results', isDefault ? 'browser.json' : 'browser.tmp.json'),
  )
  if (rows < 1 || speed <= 0) throw new Error('--rows and --speed must be positive')
  return {
    rows,
    speed,
    capSeconds,
    threshold,
    implementations,
    latencies,
    out,
    profileDir: values.profile === undefined ? undefined : path.resolve(values.profile),
    traceDir: values.trace === undefined ? undefined : path.resolve(values.trace),
    keepDist: values['keep-dist'],
  }
}

function packageVersion(name: string): string {
  const file = path.join(repoRoot, 'node_modules', name, 'package.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}

/** The commit of the sources the pages were built from, and whether src/ had uncommitted changes (read-only git). */
function sourceVersion(): { commit: string; srcModified: boolean } | 'unknown' {
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim()
    return {
      commit: git(['rev-parse', 'HEAD']),
      srcModified: git(['status', '--porcelain', '--', 'src']) !== '',
    }
  } catch {
    return 'unknown'
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
  // A blank page of the bench server (its 404 page): cross-origin isolated like the bench pages.
  await page.goto(`${baseUrl}/idle.html`)
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
  latencyMs: number
  rows: number
  options: ScrollOptions
  threshold: number | undefined
  /** Where to write a CPU profile of the scroll (`.cpuprofile`, opens in Chrome DevTools), if anywhere. */
  profileFile: string | undefined
  /** Where to write a Chrome trace of the scroll (opens in DevTools' Performance panel), if anywhere. */
  traceFile: string | undefined
}

/**
 * Every scroll is traced with the `toplevel` category only (tasks and their thread CPU time, a few MB, little
 * overhead), to tell the page's own long tasks from the machine's. `--trace` adds what DevTools' timeline shows
 * inside them and keeps the file.
 */
const LIGHT_TRACE = ['toplevel']
const FULL_TRACE = ['toplevel', 'devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing']

async function runOne(baseUrl: string, plan: RunPlan): Promise<RunFigures> {
  const browser = await launch()
  try {
    const page = await browser.newPage({ viewport: VIEWPORT })
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
    const query = new URLSearchParams({ rows: String(plan.rows), latency: String(plan.latencyMs) })
    if (plan.threshold !== undefined) query.set('threshold', String(plan.threshold))
    const loadAverageBefore = os.loadavg()[0] ?? 0
    await page.goto(`${baseUrl}/${plan.implementation}.html?${query}`)
    await page.waitForFunction(
      'window.__bench !== undefined && window.__bench.renderedRowCount() > 0',
      null,
      {
        timeout: 180_000,
        polling: 100,
      },
    )
    const setup = (await page.evaluate('window.__bench.setup')) as {
      datasetReadyMs: number
      firstPageShownMs: number
    }
    // Let the first page's work settle, and start every scroll from a collected heap.
    await page.waitForTimeout(500)
    const cdp = await devtools(page)
    const before = await cdp.metrics(true)
    if (plan.profileFile !== undefined) await cdp.startProfile()
    const categories = plan.traceFile === undefined ? LIGHT_TRACE : FULL_TRACE
    await cdp.startTrace(categories)
    const result = (await page.evaluate(
      `window.__bench.scroll(${JSON.stringify(plan.options)})`,
    )) as ScrollResult
    const trace = await cdp.stopTrace()
    const traced = summariseTrace(trace)
    if (traced.spanMs < result.durationMs - 1000) {
      console.warn(`  the trace covers ${traced.spanMs} ms of the ${Math.round(result.durationMs)} ms scroll`)
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
      latencyMs: plan.latencyMs,
      rows: plan.rows,
      speed: plan.options.speedPxPerSecond,
      capMs: plan.options.capMs,
      result,
      setup,
      before,
      after,
      collected,
      pageErrors,
      loadAverage: [round(loadAverageBefore, 2), round(os.loadavg()[0] ?? 0, 2)],
      traced,
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
  const capSecondsOf = (implementation: Implementation) =>
    options.capSeconds ??
    (implementation === 'plain' ? DEFAULTS.plainCapSeconds : Math.ceil(3 * idealSeconds + 60))

  const runs: RunFigures[] = []
  try {
    for (const latencyMs of options.latencies) {
      for (const implementation of options.implementations) {
        const capMs = capSecondsOf(implementation) * 1000
        console.log(`${implementation} at ${latencyMs} ms latency (cap ${capMs / 1000} s) …`)
        const figures = await runOne(server.url, {
          implementation,
          latencyMs,
          rows: options.rows,
          threshold: implementation === 'pagewise' ? options.threshold : undefined,
          profileFile:
            options.profileDir === undefined
              ? undefined
              : path.join(options.profileDir, `${implementation}-${latencyMs}ms.cpuprofile`),
          traceFile:
            options.traceDir === undefined
              ? undefined
              : path.join(options.traceDir, `${implementation}-${latencyMs}ms.trace.json`),
          options: { speedPxPerSecond: options.speed, capMs, unusable: UNUSABLE },
        })
        runs.push(figures)
        console.log(`  ${figures.stop}${figures.stopDetail === null ? '' : `: ${figures.stopDetail}`}`)
      }
    }
  } finally {
    await server.close()
    if (options.keepDist) console.log(`Built pages kept in ${outDir}`)
    else await rm(outDir, { recursive: true, force: true })
  }

  const wallSeconds = round((Date.now() - started) / 1000, 0)
  const targets = checkTargets(runs, frameRate.p95Ms)
  const results = {
    benchmark: 'browser scroll: pagewise <InfiniteTable> vs react-virtuoso TableVirtuoso vs plain <table>',
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
    },
    idleFrameRate: frameRate,
    settings: {
      rows: options.rows,
      pageSize: LAYOUT.pageSize,
      rowHeightPx: LAYOUT.rowHeight,
      viewportHeightPx: LAYOUT.viewportHeight,
      headerHeightPx: LAYOUT.rowHeight,
      tableWidthPx: LAYOUT.tableWidth,
      speedPxPerSecond: options.speed,
      idealScrollSeconds: round(idealSeconds, 1),
      latenciesMs: options.latencies,
      latencyJitterMs: 0,
      pagewiseOverscan: 8,
      pagewiseLoadThreshold: options.threshold ?? "<InfiniteTable>'s default",
      unusableRule: UNUSABLE,
      capSeconds: Object.fromEntries(options.implementations.map((name) => [name, capSecondsOf(name)])),
    },
    definitions: {
      frameMs: 'requestAnimationFrame deltas during the scroll',
      longTasks:
        "PerformanceObserver 'longtask' entries (over 50 ms) during the scroll; tracedLongTasks: the same from a " +
        'Chrome trace, with the CPU time the main thread got in them (cpuBoundCount: 50 ms of CPU or more)',
      peakRenderedRows: 'most data rows in the DOM in any frame (sampled every frame)',
      timeToLastRowSeconds: 'from the start of the scroll to the first frame showing the last row entirely',
      loadingRowVisibleShare:
        'share of the scroll time (weighted by frame time) in which a loading row intersected the viewport',
      stalledShare: 'share of the scroll time in which the scroll was held at the bottom of the loaded rows',
      prefetch:
        'per request: distance from the scroll position to the bottom of the loaded rows when fetch was called ' +
        '(leadPx, leadMs at the scroll speed), and time from the call to the first frame showing its rows (fetchMs)',
      jsHeapMiB: 'JSHeapUsedSize after a forced GC at the end; includes the in-page mock dataset',
    },
    runs,
    pagewiseTargets: targets,
  }
  await mkdir(path.dirname(options.out), { recursive: true })
  await writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`)
  console.log('')
  console.log(formatTable(runs, targets))
  console.log('')
  console.log(`Wrote ${path.relative(process.cwd(), options.out)} (${wallSeconds} s)`)
}

await main()
