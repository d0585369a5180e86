/**
 * No module of src/adapters takes part in an import cycle (type-only imports included: a reader, a bundler's
 * chunking and a `.d.ts` rollup all follow them). close.ts and closeKeyset.ts used to import each other.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const IMPORT = /\b(?:import|export)\s[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g

/** The source modules under `dir`, tests left out. */
function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return modules(path)
    return /\.tsx?$/.test(entry.name) && !/\.test(-d)?\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** The module a relative specifier names, as TypeScript's bundler resolution finds it. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier)
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
    (candidate) => candidate.startsWith(SRC) && /\.tsx?$/.test(candidate) && existsSync(candidate),
  )
}

/** Every cycle of the import graph that goes through `dir`, each as the list of its modules. */
function cyclesThrough(dir: string): string[][] {
  const graph = new Map<string, string[]>()
  for (const file of modules(SRC)) {
    const text = readFileSync(file, 'utf8')
    const targets = [...text.matchAll(IMPORT)].map((match) => resolveImport(file, match[1]!))
    graph.set(
      file,
      targets.filter((target): target is string => target !== undefined),
    )
  }
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (file: string) => {
    state.set(file, 'open')
    path.push(file)
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') cycles.push(path.slice(path.indexOf(target)))
      else if (!state.has(target)) visit(target)
    }
    path.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (!state.has(file)) visit(file)
  return cycles
    .filter((cycle) => cycle.some((file) => file.startsWith(dir)))
    .map((cycle) => cycle.map((file) => relative(SRC, file)))
}

describe('src/adapters imports', () => {
  it('form no cycle', () => {
    expect(cyclesThrough(join(SRC, 'adapters'))).toEqual([])
  })
})
