/**
 * What an application's production build keeps of pagewise: the checks of the developer's own options and props
 * (and the warnings) are development-only and must disappear, while every check of API data stays.
 */
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

async function bundle(nodeEnv: 'production' | 'development'): Promise<string> {
  const result = await build({
    entryPoints: ['src/index.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', '@tanstack/react-virtual'],
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

const developmentOnly = [
  'a non-empty array of { id, header, cell }', // <InfiniteTable columns>
  'the result of usePagedList', // <Pager list>
  'a function or absent', // defineAdapter's shape check
  'give the table an accessible name', // warning
  'to silence this warning', // pageSize clamp warning
  'a whole number >= 0', // siblingCount / boundaryCount
]

const alwaysChecked = [
  'stopping instead of looping forever', // CursorLoopError
  'past the API', // OffsetLimitError
  'free of a user name and password', // createFetcher refuses credentials in baseUrl
]

describe('production builds', () => {
  it('drop the development-only checks and warnings, and keep every check of API data', async () => {
    const [production, development] = await Promise.all([bundle('production'), bundle('development')])
    for (const text of developmentOnly) {
      expect(development, text).toContain(text)
      expect(production, text).not.toContain(text)
    }
    for (const text of alwaysChecked) expect(production, text).toContain(text)
    expect(production).toMatch(/expected \$\{\w+\} to be \$\{\w+\}, received/) // MalformedResponseError's message
    expect(production.length).toBeLessThan(development.length)
  })
})
