import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// What a browser benchmark's pages were built from, for its results file: the versions of the packages on the page,
// and the commit of pagewise's sources.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The installed version of package `name`. */
export function packageVersion(name: string): string {
  const file = path.join(repoRoot, 'node_modules', name, 'package.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}

/** The commit of the sources the pages were built from, and whether src/ had uncommitted changes (read-only git). */
export function sourceVersion(): { commit: string; srcModified: boolean } | 'unknown' {
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
