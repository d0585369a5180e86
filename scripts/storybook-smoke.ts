/**
 * Opens the static Storybook build in Debian's Chromium, served from a sub-folder, and checks what a new user sees
 * first: Close leads from the embedded mock API, and 50 more after the story's play function clicks "Load more".
 * Then opens every other story and waits for its play function to finish, and every docs page (MDX pages and each
 * component's autodocs) and waits for it to render.
 * Fails on any page error, console error (a failing play function or a crashing docs page reports there), HTTP
 * error, a story whose play function errored or did not finish within 30 s, or a docs page that shows Storybook's
 * error display or renders nothing within 30 s.
 *
 *   npm run build-storybook && npm run smoke:storybook [-- --screenshot out.png]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { CLOSE_MOCK_BASE_URL, PIPEDRIVE_MOCK_BASE_URL } from '../src/mock'
import { chromiumLaunchOptions } from './chromium'

const root = resolve('storybook-static')
const prefix = '/some/folder/'
const storyId = 'adapters-close-leads-closeoffset--leads'
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}

function serve(): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    const relative = path.slice(prefix.length)
    const file = path.startsWith(prefix)
      ? join(root, normalize(relative === '' ? 'index.html' : relative))
      : ''
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found')
      return
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      done({ url: `http://127.0.0.1:${port}${prefix}`, close: () => server.close() })
    }),
  )
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'iframe.html')))
    throw new Error('No storybook-static/: run `npm run build-storybook` first.')
  const screenshot = process.argv.includes('--screenshot')
    ? process.argv[process.argv.indexOf('--screenshot') + 1]
    : ''
  const site = await serve()
  const browser = await chromium.launch(chromiumLaunchOptions)
  const failures: string[] = []
  try {
    const page = await openPage(browser, failures, '')
    await page.goto(`${site.url}iframe.html?id=${storyId}&viewMode=story`)
    const rows = page.getByRole('table', { name: 'Close leads' }).getByRole('row')
    await rows.nth(50).waitFor({ timeout: 30_000 })
    const first = await rows.nth(1).innerText()
    // The story's play function clicks "Load more" once; wait for its result, then for any failure it reports.
    await page.getByText(/^100 leads loaded/).waitFor({ timeout: 15_000 })
    await page.waitForTimeout(1000)
    const count = await rows.count()
    if (count !== 101) failures.push(`expected 100 lead rows after one "Load more", saw ${count - 1}`)
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: false })
    console.log(
      `storybook smoke: ${count - 1} Close leads shown from the mock API; first row: ${first.replace(/\s+/g, ' ')}`,
    )
    await page.close()
    const stories = entryIds('story').filter((id) => id !== storyId)
    for (const id of stories) {
      const story = await openPage(browser, failures, `${id}: `)
      await story.goto(`${site.url}iframe.html?id=${id}&viewMode=story`)
      const phase = await playPhase(story)
      if (phase !== 'completed' && phase !== 'finished')
        failures.push(`${id}: play function ended in phase "${phase}"`)
      await story.close()
    }
    console.log(`storybook smoke: ${stories.length + 1} stories, every play function completed`)
    const docs = entryIds('docs')
    for (const id of docs) {
      const doc = await openPage(browser, failures, `${id}: `)
      await doc.goto(`${site.url}iframe.html?id=${id}&viewMode=docs`)
      const outcome = await docsOutcome(doc)
      if (outcome !== 'rendered') failures.push(`${id}: docs page ${outcome}`)
      await doc.close()
    }
    console.log(`storybook smoke: ${docs.length} docs pages, each rendered without an error`)
  } finally {
    await browser.close()
    site.close()
  }
  if (failures.length > 0) throw new Error(failures.join('\n'))
}

/** A page that reports page errors, console errors and HTTP errors into `failures`, each prefixed with `label`. */
async function openPage(browser: Browser, failures: string[], label: string) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } })
  page.on('pageerror', (error) => failures.push(`${label}page error: ${error.message}`))
  // A failing play function is reported on the console by Storybook's preview.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      failures.push(`${label}console error: ${message.text().slice(0, 300)}`)
    }
  })
  page.on('response', (response) => {
    // The mock APIs answer with errors on purpose in the failure stories; those stories assert what the user sees.
    if (response.url().startsWith(CLOSE_MOCK_BASE_URL) || response.url().startsWith(PIPEDRIVE_MOCK_BASE_URL))
      return
    if (response.status() >= 400 && !response.url().endsWith('/favicon.svg')) {
      failures.push(`${label}HTTP ${response.status()} for ${response.url()}`)
    }
  })
  return page
}

/** Every story, or every docs page, in the build's index. */
function entryIds(type: 'story' | 'docs'): string[] {
  const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as {
    entries: Record<string, { type: string }>
  }
  return Object.entries(index.entries)
    .filter(([, entry]) => entry.type === type)
    .map(([id]) => id)
}

/**
 * Waits for a docs page: `'rendered'` once its content has text and has stayed without Storybook's error display
 * for a second (a crashing MDX expression shows that display), else what went wrong.
 */
async function docsOutcome(page: Page): Promise<string> {
  const state = () =>
    page.evaluate(() => {
      if (document.body.classList.contains('sb-show-errordisplay')) {
        const message = document.querySelector('#error-message')?.textContent ?? ''
        return `shows an error: ${message.trim().slice(0, 200)}`
      }
      const content = document.querySelector('#storybook-docs .sbdocs-content')
      return (content?.textContent ?? '').trim().length > 0 ? 'rendered' : 'empty'
    })
  const deadline = Date.now() + 30_000
  let outcome = await state()
  while (outcome === 'empty' && Date.now() < deadline) {
    await page.waitForTimeout(200)
    outcome = await state()
  }
  if (outcome !== 'rendered') return outcome === 'empty' ? 'rendered nothing within 30 s' : outcome
  // Errors of what renders after the first text (embedded stories, late expressions) show within this second.
  await page.waitForTimeout(1000)
  return state()
}

/** Waits for the story's render to settle and returns its final phase (`'completed'` when its play function passed). */
async function playPhase(page: Page): Promise<string> {
  const settled = ['completed', 'finished', 'errored', 'aborted']
  const read = () =>
    page.evaluate(() => {
      const preview = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
        .__STORYBOOK_PREVIEW__
      return preview?.currentRender?.phase ?? 'none'
    })
  const deadline = Date.now() + 30_000
  let phase = await read()
  while (!settled.includes(phase) && Date.now() < deadline) {
    await page.waitForTimeout(200)
    phase = await read()
  }
  return phase
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
