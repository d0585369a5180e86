/**
 * Opens the static Storybook build in Debian's Chromium, served from a sub-folder, and checks what a new user sees
 * first: Close leads from the embedded mock API, and 50 more after the story's play function clicks "Load more".
 * Fails on any page error, console error (a failing play function reports there) or HTTP error.
 *
 *   npm run build-storybook && npm run smoke:storybook [-- --screenshot out.png]
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { chromium } from 'playwright-core'

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
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
  const failures: string[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } })
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`))
    // A failing play function is reported on the console by Storybook's preview.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        failures.push(`console error: ${message.text().slice(0, 300)}`)
      }
    })
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.svg')) {
        failures.push(`HTTP ${response.status()} for ${response.url()}`)
      }
    })
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
  } finally {
    await browser.close()
    site.close()
  }
  if (failures.length > 0) throw new Error(failures.join('\n'))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
