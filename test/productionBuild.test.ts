/**
 * What an application's production build keeps of pagewise: the checks of the developer's own options and props
 * (and the warnings) are development-only and must disappear, while every check of API data stays.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import type * as Pagewise from '../src'

async function bundle(nodeEnv: 'production' | 'development'): Promise<string> {
  const result = await build({
    entryPoints: ['src/index.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'],
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

const developmentOnly = [
  'free of a user name and password', // createFetcher's baseUrl check
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
  // createFetcher refuses a credential in a query parameter, whether the app or an API's page URL put it there.
  // (A user name or password in baseUrl is a development error; production never sends it: only the origin and
  // path of baseUrl are used.)
  'send credentials in a header',
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

  it('never send a user name or password written into baseUrl (the loud check is development-only)', async () => {
    // The production bundle runs from a folder of the repository, so its imports of React and TanStack resolve.
    const folder = mkdtempSync(path.join(process.cwd(), 'test', '.production-'))
    try {
      const file = path.join(folder, 'pagewise.mjs')
      writeFileSync(file, await bundle('production'))
      const pagewise = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as typeof Pagewise
      const sent: string[] = []
      const fetch = async (url: RequestInfo | URL) => {
        sent.push(String(url))
        return new Response('{"data":[],"has_more":false}', {
          headers: { 'content-type': 'application/json' },
        })
      }
      const close = pagewise.createFetcher({ baseUrl: 'https://leaked-key:@api.close.com/api/v1', fetch })
      await close('/lead/')({
        pageParam: 0,
        limit: 10,
        query: { _skip: '0' },
        signal: new AbortController().signal,
      })
      expect(sent).toEqual(['https://api.close.com/api/v1/lead/?_skip=0'])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
