/**
 * What pagewise adds to an application's production bundle, and what its peers add, measured the same way: esbuild
 * `bundle` + `minify`, ESM, `process.env.NODE_ENV` = `"production"`, each package's own peerDependencies external
 * (the app brings those anyway), then gzip level 9. Every package is imported by name from the repository root, as an
 * app imports it: pagewise through its own `exports` (package self-reference), that is the built `dist/`; the peers
 * from node_modules.
 *
 *   npx tsx bench/size.ts              # npm run build, then pagewise and the peers
 *   npx tsx bench/size.ts --no-peers   # pagewise only: the quick budget check for CI
 *   npx tsx bench/size.ts --no-build   # measure dist/ as it is (fails when dist/ is missing)
 *   npx tsx bench/size.ts --no-fail    # exit 0 even when over budget (npm run bench goes on to the report)
 *   npx tsx bench/size.ts --no-peers --no-build --files 'usePaginatedList + closeOffset + createFetcher'
 *                                      # also: where that entry's bytes come from, per source file
 *
 * `dist/` is rebuilt on every run (about 7 s) unless `--no-build`: a stale `dist/` would measure old code silently.
 * Prints a table and the size targets (met or missed), writes bench/results/size.json (not with --no-peers: a budget
 * check leaves the benchmark's results alone) and exits 1 naming each entry over its budget (sizeBudgets.ts), or
 * short of its target once `ENFORCE_TARGETS` is on; exits 2 when it cannot measure (build or bundling failed).
 *
 * `--files <entry>` bundles that entry again from `src/` (esbuild metafile, same settings) and lists each source file's
 * minified bytes, with its share of the min+gzip size estimated in proportion: what to cut, file by file.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { build, transform, version as esbuildVersion } from 'esbuild'
import { machineInfo } from './machine'
import { repoRoot, resultFiles } from './resultFiles'
import type { SizeEntry, SizeRatio, SizeResults } from './resultFiles'
import { ENFORCE_TARGETS, SIZE_BUDGETS, SIZE_TARGETS } from './sizeBudgets'

const METHOD =
  'esbuild bundle + minify, format esm, platform browser, process.env.NODE_ENV = "production", ' +
  "each package's own peerDependencies (and their subpaths) external; CSS minified by esbuild; gzip level 9"

const { values: flags } = parseArgs({
  options: {
    'no-peers': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'no-fail': { type: 'boolean', default: false },
    files: { type: 'string' },
  },
})
const withPeers = !flags['no-peers']
const withBuild = !flags['no-build']

interface PackageJson {
  name: string
  version: string
  peerDependencies?: Record<string, string>
}

function readPackageJson(directory: string): PackageJson {
  return JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as PackageJson
}

/** A package's peer dependencies and their subpaths (`react`, `react/*`): what the app provides. */
function peerExternals(manifest: PackageJson): string[] {
  return Object.keys(manifest.peerDependencies ?? {}).flatMap((name) => [name, `${name}/*`])
}

const gzipSize = (text: string): number => gzipSync(Buffer.from(text), { level: 9 }).length

/** The bundle of `source`, an ES module resolved from the repository root, with esbuild's metafile. */
async function bundle(name: string, source: string, external: string[]) {
  try {
    const result = await build({
      stdin: { contents: source, resolveDir: repoRoot, sourcefile: 'size-entry.js', loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      jsx: 'automatic',
      loader: { '.css': 'empty' },
      define: { 'process.env.NODE_ENV': '"production"' },
      external,
      // Bundling drops the `'use client'` banner, with a warning: nothing to act on here.
      logLevel: 'silent',
    })
    return { text: result.outputFiles.map((file) => file.text).join(''), metafile: result.metafile }
  } catch (error) {
    const messages = (error as { errors?: { text: string }[] }).errors?.map((message) => message.text)
    throw new Error(`${name}: esbuild could not bundle it: ${messages?.join('; ') ?? String(error)}`)
  }
}

/** Minified and min+gzip bytes of the bundle of `source`. */
async function measureJs(name: string, source: string, external: string[]) {
  const { text } = await bundle(name, source, external)
  return { minified: Buffer.byteLength(text), gzip: gzipSize(text) }
}

/**
 * Where an entry's bytes come from: the entry bundled again from `src/` (pagewise's own subpaths mapped to their
 * source entry files), each source file's minified bytes and, in proportion, its estimated share of min+gzip.
 */
async function printFiles(entry: SizeEntry): Promise<void> {
  const source = entry.source.replace(/'pagewise(\/testing)?'/g, (_, testing?: string) =>
    testing ? "'./src/testing/index.ts'" : "'./src/index.ts'",
  )
  const { text, metafile } = await bundle(entry.name, source, entry.external)
  const minified = Buffer.byteLength(text)
  const gzip = gzipSize(text)
  const files = Object.values(metafile.outputs)
    .flatMap((output) => Object.entries(output.inputs))
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
  console.log(`\n${entry.name}, bundled from src/: ${bytes(minified)} B min, ${bytes(gzip)} B min+gzip`)
  console.log(`  ${'min B'.padStart(7)}  ${'share'.padStart(6)}  ${'~gzip B'.padStart(7)}  file`)
  for (const { file, bytes: size } of files) {
    const share = size / minified
    console.log(
      `  ${bytes(size).padStart(7)}  ${`${(share * 100).toFixed(1)}%`.padStart(6)}  ${bytes(Math.round(share * gzip)).padStart(7)}  ${file}`,
    )
  }
}

async function measureCss(file: string) {
  const { code } = await transform(readFileSync(file, 'utf8'), { loader: 'css', minify: true })
  return { minified: Buffer.byteLength(code), gzip: gzipSize(code) }
}

function buildDist(): void {
  console.log('Building dist/ (npm run build) …')
  const started = Date.now()
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' })
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr)
    throw new Error(`npm run build failed (exit ${result.status})`)
  }
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

const dist = (file: string): string => path.join(repoRoot, 'dist', file)

const HOOKS_AND_ADAPTERS = [
  'usePaginatedList',
  'usePagedList',
  'useSuspensePaginatedList',
  'paginatedListOptions',
  'closeOffset',
  'closeEventsCursor',
  'closeSearchCursor',
  'pipedriveOffset',
  'pipedriveCursor',
  'offsetAdapter',
  'cursorAdapter',
  'defineAdapter',
  'linkHeaderAdapter',
  'startingAfterAdapter',
  'hubspotAdapter',
  'jsonApiAdapter',
  'relayConnectionAdapter',
]

/** A bundle to measure: `source` is the entry module. */
interface JsEntrySpec {
  name: string
  source: string
  note?: string
  external: string[]
}

async function measure(packageName: string, spec: JsEntrySpec): Promise<SizeEntry> {
  const size = await measureJs(spec.name, spec.source, spec.external)
  const { name, source, note, external } = spec
  return { package: packageName, name, source, ...(note === undefined ? {} : { note }), ...size, external }
}

async function measurePagewise(): Promise<SizeEntry[]> {
  const manifest = readPackageJson(repoRoot)
  const external = peerExternals(manifest)
  const one = (name: string): JsEntrySpec => ({
    name: `${name} alone`,
    source: `export { ${name} } from 'pagewise'`,
    external,
  })
  const specs: JsEntrySpec[] = [
    {
      name: 'hooks + adapters',
      source: `export { ${HOOKS_AND_ADAPTERS.join(', ')} } from 'pagewise'`,
      external,
    },
    {
      name: 'full JS',
      source: `export * from 'pagewise'`,
      external,
    },
    {
      ...one('defaultItemId'),
      note: 'a one-line function: the floor any import of pagewise pays',
    },
    {
      name: 'usePaginatedList + closeOffset + createFetcher',
      note: 'the typical import: an infinite list of Close leads, loaded through createFetcher',
      source: `export { usePaginatedList, closeOffset, createFetcher } from 'pagewise'`,
      external,
    },
    {
      name: 'usePaginatedList + closeOffset',
      note: 'a typical infinite list of Close leads, with a fetchPage of your own',
      source: `export { usePaginatedList, closeOffset } from 'pagewise'`,
      external,
    },
    {
      name: 'usePagedList + pipedriveCursor',
      note: 'a typical pager over Pipedrive v2 deals',
      source: `export { usePagedList, pipedriveCursor } from 'pagewise'`,
      external,
    },
    one('createFetcher'),
    {
      ...one('InfiniteTable'),
      note: 'directly comparable to react-virtuoso TableVirtuoso: both carry their own virtualizer',
    },
    one('Pager'),
    {
      name: 'pagewise/testing',
      note: 'fast-check external, an optional peer dependency',
      source: `export * from 'pagewise/testing'`,
      external,
    },
  ]
  const entries: SizeEntry[] = []
  for (const spec of specs) entries.push(await measure('pagewise', spec))
  const css = await measureCss(dist('styles.css'))
  entries.push({
    package: 'pagewise',
    name: 'styles.css',
    source: "import 'pagewise/styles.css'",
    note: 'minified by esbuild, loader css',
    ...css,
    external: [],
  })
  const js = entries.find((entry) => entry.name === 'full JS') as SizeEntry
  entries.push({
    package: 'pagewise',
    name: 'full (JS + CSS)',
    source: "export * from 'pagewise'; import 'pagewise/styles.css'",
    note: 'full JS + styles.css, each minified and gzipped on its own, summed',
    minified: js.minified + css.minified,
    gzip: js.gzip + css.gzip,
    external,
  })
  return entries
}

/** Peers: the whole entry, and the one export comparable to a pagewise entry. Export names are checked by esbuild. */
const PEERS = [
  { name: 'react-virtuoso', exportName: 'TableVirtuoso' },
  { name: 'ra-core', exportName: 'useInfiniteListController' },
  { name: '@refinedev/core', exportName: 'useInfiniteList' },
] as const

async function measurePeers(): Promise<{ entries: SizeEntry[]; versions: Record<string, string> }> {
  const entries: SizeEntry[] = []
  const versions: Record<string, string> = {}
  for (const peer of PEERS) {
    const manifest = readPackageJson(path.join(repoRoot, 'node_modules', peer.name))
    versions[peer.name] = manifest.version
    const external = peerExternals(manifest)
    entries.push(
      await measure(peer.name, {
        name: `${peer.name} (whole entry)`,
        source: `export * from '${peer.name}'`,
        external,
      }),
      await measure(peer.name, {
        name: `${peer.name} ${peer.exportName}`,
        source: `export { ${peer.exportName} } from '${peer.name}'`,
        external,
      }),
    )
  }
  return { entries, versions }
}

/** pagewise entry ÷ peer entry: like for like where there is one. */
const RATIO_PAIRS: [pagewise: string, peer: string][] = [
  ['hooks + adapters', 'ra-core useInfiniteListController'],
  ['hooks + adapters', '@refinedev/core useInfiniteList'],
  ['InfiniteTable alone', 'react-virtuoso TableVirtuoso'],
  ['full (JS + CSS)', 'react-virtuoso (whole entry)'],
  ['full (JS + CSS)', 'ra-core (whole entry)'],
  ['full (JS + CSS)', '@refinedev/core (whole entry)'],
]

function ratios(entries: SizeEntry[]): SizeRatio[] {
  const gzipOf = (name: string) => entries.find((entry) => entry.name === name)?.gzip
  return RATIO_PAIRS.flatMap(([pagewise, peer]) => {
    const mine = gzipOf(pagewise)
    const theirs = gzipOf(peer)
    return mine === undefined || theirs === undefined
      ? []
      : [{ pagewise, peer, ratio: Math.round((mine / theirs) * 1000) / 1000 }]
  })
}

const bytes = (value: number): string => value.toLocaleString('en-US')

function printTable(entries: SizeEntry[], ratioRows: SizeRatio[]): void {
  const nameWidth = Math.max(...entries.map((entry) => entry.name.length), 5)
  const row = (cells: string[]) =>
    console.log(
      `  ${cells[0]?.padEnd(nameWidth)}  ${cells
        .slice(1, 4)
        .map((cell) => cell.padStart(9))
        .join('  ')}  ${cells[4] ?? ''}`,
    )
  row(['entry', 'min B', 'gzip B', 'budget B', ''])
  let previous = ''
  for (const entry of entries) {
    if (entry.package !== previous) console.log(`${entry.package}`)
    previous = entry.package
    const status =
      entry.budget === undefined
        ? ''
        : entry.overBudget
          ? `OVER by ${bytes(entry.gzip - entry.budget)} B`
          : 'ok'
    const budget = entry.budget === undefined ? '' : bytes(entry.budget)
    row([entry.name, bytes(entry.minified), bytes(entry.gzip), budget, status])
  }
  if (ratioRows.length === 0) return
  console.log('\npagewise ÷ peer (min+gzip)')
  for (const { pagewise, peer, ratio } of ratioRows)
    console.log(`  ${pagewise} ÷ ${peer}: ${ratio.toFixed(2)}×`)
}

/** Prints each size target as met or missed; returns the names of the entries that missed theirs. */
function printTargets(entries: SizeEntry[]): string[] {
  const missed: string[] = []
  console.log(
    `\nSize targets (sizeBudgets.ts; ${ENFORCE_TARGETS ? 'enforced' : 'reported, not enforced yet'})`,
  )
  for (const [name, target] of Object.entries(SIZE_TARGETS)) {
    const gzip = entries.find((entry) => entry.name === name)?.gzip ?? Infinity
    if (gzip > target) missed.push(name)
    const status = gzip > target ? `missed by ${bytes(gzip - target)} B` : 'met'
    console.log(`  ${name}: ${bytes(gzip)} B min+gzip, target ${bytes(target)} B: ${status}`)
  }
  return missed
}

async function main(): Promise<number> {
  if (withBuild) buildDist()
  for (const file of ['index.js', 'testing.js', 'styles.css']) {
    if (!existsSync(dist(file)))
      throw new Error(`dist/${file} is missing: run npm run build (or drop --no-build)`)
  }
  const entries = await measurePagewise()
  for (const entry of entries) {
    const budget = SIZE_BUDGETS[entry.name]
    if (budget !== undefined) Object.assign(entry, { budget, overBudget: entry.gzip > budget })
  }
  const unknownBudgets = [...Object.keys(SIZE_BUDGETS), ...Object.keys(SIZE_TARGETS)].filter(
    (name) => !entries.some((e) => e.name === name),
  )
  if (unknownBudgets.length > 0)
    throw new Error(`budgets or targets for unknown entries: ${unknownBudgets.join(', ')}`)
  const peers = withPeers ? await measurePeers() : { entries: [], versions: {} }
  const all = [...entries, ...peers.entries]
  const ratioRows = ratios(all)
  const overBudget = entries.filter((entry) => entry.overBudget).map((entry) => entry.name)
  const results: SizeResults = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    method: METHOD,
    esbuild: esbuildVersion,
    built: withBuild,
    peersMeasured: withPeers,
    versions: { pagewise: readPackageJson(repoRoot).version, ...peers.versions },
    entries: all,
    ratios: ratioRows,
    overBudget,
  }
  console.log(`\nBundle size (${METHOD})\n`)
  printTable(all, ratioRows)
  const missedTargets = printTargets(entries)
  if (flags.files !== undefined) {
    const entry = entries.find((candidate) => candidate.name === flags.files)
    if (entry === undefined) throw new Error(`--files: no entry named "${flags.files}"`)
    await printFiles(entry)
  }
  // The budget check alone (--no-peers, as CI runs it) leaves the benchmark's results, peers included, as they are.
  if (withPeers) {
    mkdirSync(path.dirname(resultFiles.size), { recursive: true })
    writeFileSync(resultFiles.size, `${JSON.stringify(results, null, 2)}\n`)
    console.log(`\nWrote ${path.relative(process.cwd(), resultFiles.size)}`)
  }
  for (const entry of entries.filter((e) => e.overBudget)) {
    console.error(
      `Over budget: ${entry.name} is ${bytes(entry.gzip)} B min+gzip, budget ${bytes(entry.budget ?? 0)} B`,
    )
  }
  if (ENFORCE_TARGETS) {
    for (const name of missedTargets) console.error(`Target missed: ${name}`)
  }
  const failed = overBudget.length > 0 || (ENFORCE_TARGETS && missedTargets.length > 0)
  return failed && !flags['no-fail'] ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 2
  },
)
