/**
 * Type-checks every ```ts and ```tsx block of README.md and stories/**\/*.mdx the way a user's app would see it: the
 * package is built and packed (`npm pack`), unpacked as `node_modules/pagewise` of a temporary Vite-style app, and
 * each block becomes one module of that app, named after its source line (`src/README.md:112.tsx`). The app is
 * checked twice: with the repo's TypeScript 5.9 and with the TypeScript a fresh Vite app gets (7, the native
 * compiler; devDependency `typescript-7`). Prints each failure as `file:line:column TSnnnn message`; exits 1 on any.
 *
 *   npx tsx scripts/check-snippets.ts                    # npm run build, npm pack, check README.md + stories/**\/*.mdx
 *   npx tsx scripts/check-snippets.ts --no-build         # pack dist/ as it is (refused when older than src/)
 *   npx tsx scripts/check-snippets.ts --files a.md b.mdx # other files (e.g. a scratch file); --keep keeps the app
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)

/**
 * compilerOptions of `template-react-ts/tsconfig.app.json` in create-vite 9.3.0 (`npm create vite@latest -- --template
 * react-ts`; its package.json has typescript ~7.0.2, vite ^8.3.4, @types/react ^19.3.0), less `tsBuildInfoFile`, which
 * only matters to its `tsc -b`. Update it from a newer create-vite when the template changes.
 */
const viteAppOptions = {
  target: 'es2023',
  lib: ['ES2023', 'DOM'],
  module: 'esnext',
  types: ['vite/client'],
  allowArbitraryExtensions: true,
  skipLibCheck: true,
  moduleResolution: 'bundler',
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  moduleDetection: 'force',
  noEmit: true,
  jsx: 'react-jsx',
  noUnusedLocals: true,
  noUnusedParameters: true,
  erasableSyntaxOnly: true,
  noFallthroughCasesInSwitch: true,
}

/** What a user's app installs next to pagewise: linked from the repo's node_modules, so no network is needed. */
const appDependencies = [
  ...['react', 'react-dom', '@tanstack/react-query', 'msw', 'fast-check', 'vite'],
  ...['@types/react', '@types/react-dom', '@types/node'],
]
/** The repo's TypeScript (5.9), and TypeScript 7 (a native compiler behind a JS launcher) as a fresh Vite app has. */
const compilers = [
  // The template leaves these to TypeScript 7's defaults (true); TypeScript 5.9's are false, so it is told.
  { pkg: 'typescript', options: { strict: true, noUncheckedSideEffectImports: true } },
  { pkg: 'typescript-7', options: {} },
]

/**
 * One fenced block: `file` is repo-relative (absolute outside the repo), `line` that of its opening fence, `indent`
 * the width of the fence's indentation, removed from the code.
 */
export interface Snippet {
  file: string
  line: number
  indent: number
  lang: 'ts' | 'tsx'
  code: string
}
/** One compiler error, at its place in the Markdown file, with the compilers (name and version) that reported it. */
export interface SnippetFailure {
  location: string
  snippet: string
  message: string
  compilers: string[]
}
export interface SnippetReport {
  snippets: Snippet[]
  compilers: string[]
  failures: SnippetFailure[]
}

/** The module name of a snippet, e.g. `README.md:112.tsx`: a compiler error names the source line. */
export const snippetName = (s: Snippet): string => `${s.file}:${s.line}.${s.lang}`

/**
 * The ```ts and ```tsx blocks of one Markdown or MDX file. Follows CommonMark's fences (``` or ~~~, closed by a fence
 * of the same character at least as long, so a ````ts block may show ```), but allows any indentation, since MDX
 * blocks may sit inside JSX; that indentation is removed from the block's lines.
 */
export function extractSnippets(file: string, text: string): Snippet[] {
  const snippets: Snippet[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i] ?? '')
    if (!open) continue
    const [, indent = '', fence = '', info = ''] = open
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`)
    let end = i + 1
    while (end < lines.length && !close.test(lines[end] ?? '')) end++
    const lang = info.toLowerCase()
    if (lang === 'ts' || lang === 'tsx') {
      const body = lines
        .slice(i + 1, end)
        .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()))
      snippets.push({ file, line: i + 1, indent: indent.length, lang, code: body.join('\n') + '\n' })
    }
    i = end // A block is never scanned for fences of its own.
  }
  return snippets
}

/** README.md and every .mdx file under stories/, repo-relative. */
export function docFiles(): string[] {
  const mdx = readdirSync(path.join(repoRoot, 'stories'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => path.join('stories', f).split(path.sep).join('/'))
  return ['README.md', ...mdx.sort()]
}

/** Runs a command without a shell; resolves with its exit code and output (never rejects on a non-zero exit). */
function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  // Under Vitest, NODE_ENV=test and VITEST* would leak into `vite build`: a user's build has neither.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
  )
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, output: `${stdout}${stderr}` })
    })
  })
}

/** Builds (unless `build` is false) and packs the package; unpacks the tarball as `<app>/node_modules/pagewise`. */
async function installPackedPackage(app: string, build: boolean): Promise<void> {
  if (build) {
    const built = await run('npm', ['run', 'build'], repoRoot)
    if (built.code !== 0) throw new Error(`npm run build failed (exit ${built.code}):\n${built.output}`)
  } else {
    // A stale dist/ would check the snippets against old types, silently.
    const src = readdirSync(path.join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' })
    const newest = Math.max(...src.map((f) => statSync(path.join(repoRoot, 'src', f)).mtimeMs))
    const dts = path.join(repoRoot, 'dist', 'index.d.ts')
    if (!existsSync(dts) || statSync(dts).mtimeMs < newest) {
      throw new Error(
        '--no-build: dist/ is missing or older than src/: run `npm run build` or drop --no-build',
      )
    }
  }
  const packDir = path.join(app, '.pack')
  mkdirSync(packDir)
  // --ignore-scripts: prepack would build again.
  const packed = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], repoRoot)
  if (packed.code !== 0) throw new Error(`npm pack failed (exit ${packed.code}):\n${packed.output}`)
  const tarball = path.join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz')) ?? 'missing.tgz')
  const target = path.join(app, 'node_modules', 'pagewise')
  mkdirSync(target, { recursive: true })
  const unpacked = await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], app)
  if (unpacked.code !== 0) throw new Error(`tar could not unpack ${tarball}:\n${unpacked.output}`)
}

/** Writes the app: its package.json and tsconfig, the dependencies (linked) and one module per snippet, by path. */
function writeApp(app: string, snippets: Snippet[]): Map<string, Snippet> {
  writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }')
  const tsconfig = { compilerOptions: viteAppOptions, include: ['src'] }
  writeFileSync(path.join(app, 'tsconfig.app.json'), JSON.stringify(tsconfig, null, 2))
  for (const name of appDependencies) {
    const from = path.join(repoRoot, 'node_modules', name)
    if (!existsSync(from)) throw new Error(`node_modules/${name} is missing: run npm ci`)
    mkdirSync(path.dirname(path.join(app, 'node_modules', name)), { recursive: true })
    symlinkSync(from, path.join(app, 'node_modules', name), 'junction')
  }
  const byPath = new Map<string, Snippet>()
  for (const snippet of snippets) {
    // A file outside the repo (a scratch file) is named by its absolute path: the app keeps its base name.
    const file = `src/${path.isAbsolute(snippet.file) ? path.basename(snippetName(snippet)) : snippetName(snippet)}`
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true })
    writeFileSync(path.join(app, file), snippet.code)
    byPath.set(file, snippet)
  }
  return byPath
}

type CompilerError = { file?: string; line: number; column: number; message: string }
type Compiler = (typeof compilers)[number]

/**
 * Every error one compiler reports on the app's modules. tsc reports no type error while any file has a syntax
 * error, so one broken snippet would hide the type errors of all others: the files with errors are set aside and the
 * others checked again, until a pass finds no error in them.
 */
async function compile(app: string, compiler: Compiler, files: string[]): Promise<CompilerError[]> {
  const tsc = path.join(path.dirname(require.resolve(`${compiler.pkg}/package.json`)), 'bin', 'tsc')
  const all: CompilerError[] = []
  for (let remaining = files; remaining.length > 0;) {
    const pass = {
      extends: './tsconfig.app.json',
      compilerOptions: compiler.options,
      include: [],
      files: remaining,
    }
    writeFileSync(path.join(app, 'tsconfig.pass.json'), JSON.stringify(pass, null, 2))
    const args = [tsc, '-p', 'tsconfig.pass.json', '--pretty', 'false']
    const { code, output } = await run(process.execPath, args, app)
    // `file(line,col): error TSnnnn: message`, continued on indented lines; else a message with no file.
    const errors = output.split(/\r?\n(?=\S)/).filter((e) => e.trim() !== '')
    if (code !== 0 && errors.length === 0) errors.push(`tsc exited with ${code} and no message`)
    const found = errors.map((error): CompilerError => {
      const at = /^(.+?)\((\d+),(\d+)\): (?:error )?(.*)$/s.exec(error)
      if (!at) return { line: 0, column: 0, message: error.trim() }
      return { file: at[1], line: Number(at[2]), column: Number(at[3]), message: (at[4] ?? '').trim() }
    })
    all.push(...found)
    const failed = new Set(found.map((e) => e.file))
    if (found.length === 0 || found.some((e) => !remaining.includes(e.file ?? ''))) break // Clean, or not a snippet.
    remaining = remaining.filter((f) => !failed.has(f))
  }
  return all
}

/**
 * Extracts the snippets of `files` (default: {@link docFiles}), installs the packed package in a temporary app and
 * type-checks them with TypeScript 5.9 and 7. The app is removed afterwards unless `keep`.
 */
export async function checkSnippets(
  options: { files?: string[]; build?: boolean; keep?: boolean } = {},
): Promise<SnippetReport> {
  const snippets = (options.files ?? docFiles()).flatMap((f) => {
    const file = path.resolve(repoRoot, f)
    const relative = path.relative(repoRoot, file)
    const name =
      relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/')
    return extractSnippets(name, readFileSync(file, 'utf8'))
  })
  const app = mkdtempSync(path.join(os.tmpdir(), 'pagewise-snippets-'))
  const failures = new Map<string, SnippetFailure>()
  const versions: string[] = []
  try {
    await installPackedPackage(app, options.build ?? true)
    const byPath = writeApp(app, snippets)
    for (const compiler of compilers) {
      const manifest = readFileSync(require.resolve(`${compiler.pkg}/package.json`), 'utf8')
      const version = `TypeScript ${(JSON.parse(manifest) as { version: string }).version}`
      versions.push(version)
      for (const error of await compile(app, compiler, [...byPath.keys()])) {
        const snippet = byPath.get(error.file ?? '')
        // The place in the Markdown file: the snippet's first line is the one after its opening fence.
        const at = snippet && `${snippet.file}:${snippet.line + error.line}:${snippet.indent + error.column}`
        const location = at ?? '(app)'
        const key = `${location}\0${error.message}`
        // One entry for an error both compilers report, naming both.
        const reportedBy = [...(failures.get(key)?.compilers ?? []), version]
        const name = snippet ? snippetName(snippet) : ''
        failures.set(key, { location, snippet: name, message: error.message, compilers: reportedBy })
      }
    }
  } finally {
    if (options.keep) console.log(`Kept the app in ${app}`)
    else rmSync(app, { recursive: true, force: true })
  }
  // By place in the docs: numeric, so README.md:99 comes before README.md:100.
  const byPlace = new Intl.Collator('en', { numeric: true })
  const sorted = [...failures.values()].sort((a, b) => byPlace.compare(a.location, b.location))
  return { snippets, compilers: versions, failures: sorted }
}

/** The report printed by the script and shown by the test when a snippet does not compile. */
export function formatReport(report: SnippetReport): string {
  const files = new Set(report.snippets.map((s) => s.file)).size
  const lines = report.failures.map(
    (f) => `${f.location}  ${f.message}\n    (${f.snippet || 'not in a snippet'}; ${f.compilers.join(', ')})`,
  )
  const summary = `${report.snippets.length} snippets from ${files} files, ${report.compilers.join(' and ')}`
  return [...lines, `${summary}: ${report.failures.length} errors`].join('\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      files: { type: 'string', multiple: true },
    },
    allowPositionals: true,
  })
  // `--files a.md b.mdx`: the names after the first come as positionals. Relative to the working directory.
  const files = values.files && [...values.files, ...positionals].map((f) => path.resolve(f))
  const started = Date.now()
  try {
    const report = await checkSnippets({ files, build: !values['no-build'], keep: values.keep })
    console.log(`${formatReport(report)} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    process.exitCode = report.failures.length === 0 ? 0 : 1
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 2
  }
}
