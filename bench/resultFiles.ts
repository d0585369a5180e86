import { fileURLToPath } from 'node:url'
import type { MachineInfo } from './machine'

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url))

/** Where each benchmark writes its machine-readable results, and where the report goes. */
export const resultFiles = {
  /** `vitest bench --outputJson`: flatten.bench.ts, adapters.bench.ts and pageArrival.bench.ts. */
  core: fileURLToPath(new URL('results/core.json', import.meta.url)),
  /** `bench/size.ts`. */
  size: fileURLToPath(new URL('results/size.json', import.meta.url)),
  /** `bench/browser/run.ts` (another script; its format is read defensively). */
  browser: fileURLToPath(new URL('results/browser.json', import.meta.url)),
  /** `bench/browser/heap.ts` (another script; its format is read defensively). */
  heap: fileURLToPath(new URL('results/heap.json', import.meta.url)),
  /** `bench/report.ts`: every result above plus the machine. */
  latest: fileURLToPath(new URL('results/latest.json', import.meta.url)),
  /** `bench/report.ts`: the human-readable report. */
  markdown: fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url)),
} as const

/** One bundle measured by `bench/size.ts`. */
export interface SizeEntry {
  /** `'pagewise'` or the peer's package name. */
  package: string
  /** Name in the table, such as `'hooks + adapters'`. */
  name: string
  /** The entry module that was bundled (what an app imports). */
  source: string
  /** How this entry differs from the plain rule, if it does. */
  note?: string
  /** Minified bytes. */
  minified: number
  /** Minified, then gzip level 9, bytes. */
  gzip: number
  /** Budget on `gzip`, in bytes, when the entry has one. */
  budget?: number
  /** Whether `gzip` is over `budget`. */
  overBudget?: boolean
  /** Modules left out of the bundle (the package's own peer dependencies). */
  external: string[]
}

/** pagewise's size divided by a peer's, both min+gzip. */
export interface SizeRatio {
  pagewise: string
  peer: string
  ratio: number
}

/** `bench/results/size.json`. */
export interface SizeResults {
  date: string
  machine: MachineInfo
  method: string
  esbuild: string
  /** Whether `npm run build` ran first (else `dist/` was measured as found). */
  built: boolean
  peersMeasured: boolean
  versions: Record<string, string>
  entries: SizeEntry[]
  ratios: SizeRatio[]
  /** Names of the entries over budget. */
  overBudget: string[]
}
