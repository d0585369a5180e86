/**
 * Runs examples/next-app the way a user would, against the mock Close API, and checks it in Chromium:
 *
 * 1. packs pagewise (`npm pack`) and installs the tarball into the example, after `npm ci` of its own lockfile, so a
 *    broken `exports` map or a missing `'use client'` fails here first;
 * 2. `next build`, then `next start` with a canary Close key, the mock (which requires that key) as the upstream;
 * 3. in Chromium: the server's HTML already holds the first rows; after hydration no request for page 1; scrolling
 *    loads page 2 through the proxy route; a lead's page and Back land on the same rows; the canary is in no byte the
 *    browser received; the proxy attacks of scripts/proxyAttacks.ts are refused by the Next.js route too.
 *
 *   npx tsx scripts/example-next-app.ts               # npm run build first, then all of the above
 *   npx tsx scripts/example-next-app.ts --no-build    # pack dist/ as it is (CI: the build step ran just before)
 *   npx tsx scripts/example-next-app.ts --no-install  # keep the example's node_modules (re-installs pagewise only)
 *   npx tsx scripts/example-next-app.ts --serve       # no check: `next dev` on :3000 against the mock, until Ctrl-C
 *   npx tsx scripts/example-next-app.ts --serve --real  # the same against the API in examples/next-app/.env.local
 *
 * Prints what it measured (the first screen's requests, the attacks and their answers) and exits 1 on any failure.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import type { Page } from 'playwright-core'
import { chromiumLaunchOptions } from './chromium.ts'
import { startMockServer } from './mock-api.ts'
import type { RunningMockServer } from './mock-api.ts'
import { proxyAttacks, rawRequest } from './proxyAttacks.ts'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const appDir = path.join(repoRoot, 'examples', 'next-app')
/** The Close key the app is started with: it must reach the mock, and never the browser. */
const CANARY = 'ci-canary-next-close-key-3b9f20'
const PAGE_SIZE = 50
const FIELDS = 'id,display_name,status_label'
/** A generous bound for each wait on a busy 2-core machine: a budget for hangs, not a measure. */
const WAIT_MS = 90_000

/** Runs a command; resolves with its output, rejects with it on a non-zero exit. */
function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)),
    )
  })
}

/** The environment without Vitest's and the test runner's variables: a user's `next build` sees neither. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
  )
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...extra }
}

/** `npm ci` in the example (unless kept), then the packed pagewise unpacked as its `node_modules/pagewise`. */
async function installApp(options: { build: boolean; install: boolean }): Promise<void> {
  if (options.build) await run('npm', ['run', 'build'], repoRoot)
  // A stale dist/ would test old code, silently.
  const dts = path.join(repoRoot, 'dist', 'server.d.ts')
  const src = readdirSync(path.join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' })
  const newest = Math.max(...src.map((file) => statSync(path.join(repoRoot, 'src', file)).mtimeMs))
  if (!existsSync(dts) || statSync(dts).mtimeMs < newest) {
    throw new Error('dist/ is missing or older than src/: run `npm run build` or drop --no-build')
  }
  if (options.install || !existsSync(path.join(appDir, 'node_modules', 'next'))) {
    await run('npm', ['ci', '--no-audit', '--no-fund', '--progress=false'], appDir)
  }
  const packDir = mkdtempSync(path.join(os.tmpdir(), 'pagewise-next-pack-'))
  try {
    // --ignore-scripts: prepack would build again.
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], repoRoot)
    const tarball = readdirSync(packDir).find((file) => file.endsWith('.tgz'))
    if (!tarball) throw new Error(`npm pack left no tarball in ${packDir}`)
    const target = path.join(appDir, 'node_modules', 'pagewise')
    rmSync(target, { recursive: true, force: true })
    mkdirSync(target, { recursive: true })
    // The package has no dependencies of its own (React and TanStack are peers the app installs): unpacking is
    // what `npm install <tarball>` would do, without touching the example's lockfile or the network.
    await run('tar', ['-xzf', path.join(packDir, tarball), '-C', target, '--strip-components=1'], appDir)
  } finally {
    rmSync(packDir, { recursive: true, force: true })
  }
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Starts `next start`; resolves once the proxy route answers, rejects if the server exits first. */
async function startNext(
  port: number,
  closeApiUrl: string,
): Promise<{ child: ChildProcess; origin: string }> {
  const next = path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next')
  const env = cleanEnv({ CLOSE_API_URL: closeApiUrl, CLOSE_API_KEY: CANARY })
  const child = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + WAIT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`)
    try {
      // Not a page the test looks at: the route answers 404 from the proxy itself, without the upstream.
      const probe = await fetch(`${origin}/api/close/ready-probe/`)
      if (probe.status === 404) return { child, origin }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  child.kill()
  throw new Error(`next start did not answer within ${WAIT_MS} ms:\n${output}`)
}

/** What React renders for text: `&`, `<`, `>`, `"` and `'` escaped. */
const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')

/** Fails with `message` unless `condition`. */
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`example check failed: ${message}`)
}

/** Everything the browser received, kept as text: URL, status, headers and body of each response. */
function recordResponses(page: Page): Promise<string>[] {
  const received: Promise<string>[] = []
  page.on('response', (response) => {
    received.push(
      (async () => {
        let body = ''
        try {
          body = (await response.body()).toString('latin1')
        } catch {
          // Redirects and aborted responses have no body.
        }
        return `${response.status()} ${response.url()}\n${JSON.stringify(await response.allHeaders())}\n${body}`
      })(),
    )
  })
  return received
}

/**
 * Where Next.js answers an attack before the proxy's handler sees it, unlike Node's http (scripts/proxyAttacks.ts).
 * Its router resolves `..` first (the result is still matched against the allow-list), redirects `\\` and `//` to
 * a normalised path on the same origin (which the proxy then refuses or serves), answers OPTIONS itself and fails
 * on TRACE. The absolute-form target is redirected to the host it names: browsers never send that form, only HTTP
 * proxies do, and the redirect carries no key.
 */
const NEXT_ANSWERS: Record<string, number> = {
  // Resolved by Next.js to a path outside the allow-list: the proxy's 404.
  '.. (plain)': 404,
  '%2e%2e': 404,
  '%2E%2e (mixed case)': 404,
  '.%2e (half encoded)': 404,
  // Refused by Next.js itself.
  'unknown method PROPFIND': 400,
  // The example exports GET only: Next.js answers 405 for POST before any body is read.
  'body over the cap, with Content-Length': 405,
  'body over the cap, chunked (no Content-Length)': 405,
  'form body (text/plain, no preflight)': 405,
  '.. resolving inside the allow-list': 200,
  '\\ (backslash)': 308,
  '// (empty segment: another host)': 308,
  'https:// inside the path': 308,
  'absolute-form request target': 308,
  'protocol-relative request target': 308,
  OPTIONS: 204,
  TRACE: 500,
}

interface Lead {
  id: string
  display_name: string
}

/**
 * `--serve`: `next dev` on http://localhost:3000 until Ctrl-C, against the mock Close API (which then requires the key
 * `mock-key`), or with `--real` against the API that `examples/next-app/.env.local` names (`CLOSE_API_KEY`, and
 * `CLOSE_API_URL` if not Close's own).
 */
async function serve(real: boolean): Promise<void> {
  const mock = real ? undefined : await startMockServer({ port: 0, closeApiKey: 'mock-key' })
  // Variables set here win over .env.local: the mock's only when serving the mock.
  const env = cleanEnv(
    mock ? { CLOSE_API_URL: `${mock.closeBaseUrl}/api/v1`, CLOSE_API_KEY: 'mock-key' } : {},
  )
  const next = path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next')
  const child = spawn(process.execPath, [next, 'dev', '-p', '3000'], { cwd: appDir, env, stdio: 'inherit' })
  console.log(
    mock ? `mock Close API on ${mock.closeBaseUrl}/api/v1` : 'upstream: from examples/next-app/.env.local',
  )
  process.once('SIGINT', () => child.kill('SIGINT'))
  await new Promise((resolve) => child.on('exit', resolve))
  await mock?.close()
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      'no-install': { type: 'boolean', default: false },
      serve: { type: 'boolean', default: false },
      real: { type: 'boolean', default: false },
    },
  })
  const started = Date.now()
  await installApp({ build: !values['no-build'], install: !values['no-install'] })
  console.log(`installed the packed package (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  if (values.serve) return serve(values.real)
  // The build needs no key and no upstream: every page is rendered per request.
  await run(
    process.execPath,
    [path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
    appDir,
    cleanEnv(),
  )
  console.log(`next build done (${((Date.now() - started) / 1000).toFixed(0)} s)`)

  const mock = await startMockServer({ port: 0, closeApiKey: CANARY, leads: 500 })
  try {
    await checkInBrowser(mock, started)
  } finally {
    await mock.close()
  }
}

/** Steps 2 and 3 of the header: `next start` against `mock`, then the checks in Chromium. */
async function checkInBrowser(mock: RunningMockServer, started: number): Promise<void> {
  const closeApiUrl = `${mock.closeBaseUrl}/api/v1`
  const basic = `Basic ${Buffer.from(`${CANARY}:`).toString('base64')}`
  const leadsPage = async (skip: number): Promise<Lead[]> => {
    const url = `${closeApiUrl}/lead/?_skip=${skip}&_limit=${PAGE_SIZE}&_fields=${FIELDS}`
    const answer = (await (await fetch(url, { headers: { authorization: basic } })).json()) as {
      data: Lead[]
    }
    return answer.data
  }
  const [firstPage, secondPage] = [await leadsPage(0), await leadsPage(PAGE_SIZE)]
  check(firstPage.length === PAGE_SIZE && secondPage.length === PAGE_SIZE, 'the mock serves two full pages')

  const { child, origin } = await startNext(await freePort(), closeApiUrl)
  const browser = await chromium
    .launch({ ...chromiumLaunchOptions, headless: true })
    .catch((error: unknown) => {
      child.kill()
      throw error
    })
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } })
    page.setDefaultTimeout(WAIT_MS)
    const requests: { url: string; type: string }[] = []
    page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }))
    const received = recordResponses(page)
    const isApi = (url: string): boolean => url.includes('/api/close/') || url.startsWith(mock.url)
    const upstreamBefore = mock.closeMock.requests.length

    // 1. The server's HTML holds the first rows.
    const documentResponse = await page.goto(`${origin}/`)
    check(documentResponse?.status() === 200, `GET / answered ${documentResponse?.status()}`)
    const html = await documentResponse.text()
    const first = firstPage[0]!
    check(
      html.includes(`href="/leads/${first.id}"`),
      `the server HTML has no row for the first lead (${first.id})`,
    )
    check(html.includes(escapeHtml(first.display_name)), `the server HTML lacks "${first.display_name}"`)
    check(
      html.includes(`${PAGE_SIZE}<!-- --> leads loaded`),
      'the server HTML does not say 50 leads are loaded',
    )

    // 2. Hydrated without a request for page 1: the server's prefetch was the only upstream call.
    await page.waitForSelector('section[data-hydrated="true"]')
    const firstScreen = [...requests]
    const apiOnFirstScreen = firstScreen.filter((request) => isApi(request.url))
    check(
      apiOnFirstScreen.length === 0,
      `API requests before any scroll: ${JSON.stringify(apiOnFirstScreen)}`,
    )
    const upstreamForFirstScreen = mock.closeMock.requests.length - upstreamBefore
    check(
      upstreamForFirstScreen === 1,
      `the upstream saw ${upstreamForFirstScreen} requests for the first screen`,
    )

    // 3. Scrolling to the end loads page 2 through the proxy.
    const pageTwo = page.waitForResponse((response) => {
      const url = new URL(response.url())
      return url.pathname === '/api/close/lead/' && url.searchParams.get('_skip') === String(PAGE_SIZE)
    })
    await page
      .locator('.pw-infinite-table__grid')
      .evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }))
    const pageTwoResponse = await pageTwo
    check(pageTwoResponse.status() === 200, `page 2 through the proxy answered ${pageTwoResponse.status()}`)
    await page.getByText(`${2 * PAGE_SIZE} leads loaded`).waitFor()
    const lead51 = secondPage[0]!
    const lead51Link = page.locator(`a[href="/leads/${lead51.id}"]`)
    await lead51Link.waitFor()

    // 4. A lead's page, then Back: the same rows, page 2 included, without loading them again.
    const apiBeforeLeadPage = requests.filter((request) => isApi(request.url)).length
    await lead51Link.click()
    await page.waitForURL(`**/leads/${lead51.id}`)
    await page.getByRole('heading', { name: `Contacts of ${lead51.id}` }).waitFor()
    await page.goBack()
    await page.waitForURL(`${origin}/`)
    await page.getByText(`${2 * PAGE_SIZE} leads loaded`).waitFor()
    const apiAfterBack = requests.filter((request) => isApi(request.url)).length - apiBeforeLeadPage
    check(apiAfterBack === 0, `going back made ${apiAfterBack} API requests`)

    // Observed, not checked: a link to / (rather than Back) renders the server component again, and its newer first
    // page may replace the loaded ones (TanStack Query #8810).
    await page.locator('a[href^="/leads/"]').first().click()
    await page.waitForURL('**/leads/**')
    await page.getByRole('link', { name: 'All leads' }).click()
    await page.waitForURL(`${origin}/`)
    await page.waitForLoadState('networkidle')
    // Two frames: HydrationBoundary hydrates a query already in the cache in an effect after the render.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    )
    const afterLink = await page.getByText(/^\d+ leads loaded$/).textContent()

    // 5. The attacks, against the Next.js route this time.
    const upstreamBeforeAttacks = mock.closeMock.requests.length
    const attacks: { name: string; status: number; location?: string }[] = []
    for (const attack of proxyAttacks('/api/close')) {
      const answer = await rawRequest(origin, attack.request)
      const location = /^location: *(.*)$/im.exec(answer.head)?.[1]?.trim()
      attacks.push({ name: attack.name, status: answer.status, ...(location !== undefined && { location }) })
      received.push(Promise.resolve(`${answer.head}\n${answer.body}`))
    }
    const unexpected = attacks.filter(
      (attack, index) => attack.status !== (NEXT_ANSWERS[attack.name] ?? proxyAttacks('')[index]?.status),
    )
    check(unexpected.length === 0, `Next.js answered attacks unlike before: ${JSON.stringify(unexpected)}`)
    // What did reach the upstream: only GETs of the allow-listed lead list (the `..` Next.js resolved first).
    const reached = mock.closeMock.requests.slice(upstreamBeforeAttacks)
    const outside = reached.filter(
      (call) => call.method !== 'GET' || !call.path.startsWith('/close/api/v1/lead/'),
    )
    check(
      outside.length === 0,
      `attacks reached the upstream outside the allow-list: ${JSON.stringify(outside)}`,
    )

    // 6. The key is in no byte the browser (or the attacker) received.
    const everything = (await Promise.all(received)).join('\n')
    const base64Key = Buffer.from(`${CANARY}:`).toString('base64')
    for (const secret of [CANARY, base64Key, basic]) {
      check(
        !everything.includes(secret),
        `the browser received the Close key (as ${secret === CANARY ? 'text' : 'base64'})`,
      )
    }

    const byType = Object.entries(
      firstScreen.reduce<Record<string, number>>((counts, request) => {
        counts[request.type] = (counts[request.type] ?? 0) + 1
        return counts
      }, {}),
    )
      .map(([type, count]) => `${type} ${count}`)
      .join(', ')
    console.log(
      `first screen: ${firstScreen.length} requests (${byType}); to the API: ${apiOnFirstScreen.length}`,
    )
    console.log(`upstream requests for the first screen: ${upstreamForFirstScreen} (the server's prefetch)`)
    console.log(
      `page 2 via ${new URL(pageTwoResponse.url()).pathname}?${new URL(pageTwoResponse.url()).searchParams}`,
    )
    console.log(`lead page and Back: ${2 * PAGE_SIZE} leads still loaded, ${apiAfterBack} API requests`)
    console.log(`lead page, then the "All leads" link (observed, not checked): ${afterLink}`)
    console.log(`bytes searched for the key: ${everything.length} (${received.length} responses)`)
    console.log('attacks on the Next.js route:')
    for (const attack of attacks) {
      console.log(
        `  ${attack.status}  ${attack.name}${attack.location ? ` (Location: ${attack.location})` : ''}`,
      )
    }
    console.log(`example check passed in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  } finally {
    await browser.close()
    child.kill()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
