/**
 * Every ```ts and ```tsx block of README.md and stories/**\/*.mdx compiles in a fresh Vite app that installed the
 * packed package, with TypeScript 5.9 and with TypeScript 7 (scripts/check-snippets.ts). It builds dist/ itself: CI
 * runs `npm test` before `npm run build`.
 */
import { describe, expect, it } from 'vitest'
import { checkSnippets, formatReport } from '../scripts/check-snippets.ts'

describe('documentation snippets', () => {
  // Build, pack and two compilations: about a minute alone, several on a busy 2-core machine. Nothing here is timed.
  it('compile against the packed package with TypeScript 5.9 and 7', { timeout: 600_000 }, async () => {
    const report = await checkSnippets({ build: true })
    expect(
      report.snippets.filter((s) => s.file === 'README.md').length,
      'README.md has no ts or tsx block: is the extraction broken?',
    ).toBeGreaterThan(0)
    expect(report.compilers).toHaveLength(2)
    expect(report.failures.length, `Snippets that do not compile:\n${formatReport(report)}`).toBe(0)
  })
})
