/**
 * Measures what the key-keeping proxy adds to a request: the mock Close API and the proxy (createProxyHandler under
 * createNodeListener) each run in a process of their own, and this process times the same requests made directly to
 * the mock and through the proxy, interleaved, in the same run. Prints median and p95 per size, and of the
 * difference between each proxied request and the direct one just before it.
 *
 *   npx tsx scripts/proxy-latency.ts [--requests 1000]
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createNodeListener, createProxyHandler } from '../src/server'

const script = fileURLToPath(import.meta.url)
const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url))

/** Starts a child process and resolves with the first `http://…` URL it prints. */
function startChild(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0]
      if (url) resolve({ child, url })
    })
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`)))
  })
}

/** The proxy process: serves createProxyHandler in front of `upstream` and prints its URL. */
async function serveProxy(upstream: string): Promise<void> {
  const handler = createProxyHandler({
    upstream,
    basePath: '/api/close',
    allow: ['/lead/'],
    headers: { authorization: `Basic ${btoa('latency-canary-key:')}` },
  })
  const server = createServer(createNodeListener(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  console.log(`proxy on http://127.0.0.1:${(server.address() as AddressInfo).port}`)
}

/** Milliseconds one request takes, until its whole body has arrived. */
async function time(url: string): Promise<number> {
  const start = performance.now()
  const response = await fetch(url)
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return performance.now() - start
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

const ms = (value: number): string => `${value.toFixed(2)} ms`

async function measure(requests: number): Promise<void> {
  const mock = await startChild(['scripts/mock-api.ts', '--port', '0'])
  const upstream = `${mock.url}/close/api/v1`
  const proxy = await startChild([script, '--serve-proxy', upstream])
  try {
    const sizes = [
      { name: '10 leads, 2 fields', query: '?_skip=0&_limit=10&_fields=id,display_name' },
      { name: '200 full leads', query: '?_skip=0&_limit=200' },
    ]
    console.log(`${requests} requests per path and size, interleaved; Node ${process.version}`)
    for (const size of sizes) {
      const direct = `${upstream}/lead/${size.query}`
      const proxied = `${proxy.url}/api/close/lead/${size.query}`
      const bytes = (await (await fetch(direct)).arrayBuffer()).byteLength
      for (let i = 0; i < 50; i++) await Promise.all([time(direct), time(proxied)]) // warm-up: JIT, connections
      const directMs: number[] = []
      const proxiedMs: number[] = []
      const addedMs: number[] = []
      for (let i = 0; i < requests; i++) {
        const d = await time(direct)
        const p = await time(proxied)
        directMs.push(d)
        proxiedMs.push(p)
        addedMs.push(p - d)
      }
      console.log(`\n${size.name} (${(bytes / 1024).toFixed(1)} KiB)`)
      console.log(`  direct   median ${ms(quantile(directMs, 0.5))}, p95 ${ms(quantile(directMs, 0.95))}`)
      console.log(`  proxied  median ${ms(quantile(proxiedMs, 0.5))}, p95 ${ms(quantile(proxiedMs, 0.95))}`)
      console.log(`  added    median ${ms(quantile(addedMs, 0.5))}, p95 ${ms(quantile(addedMs, 0.95))}`)
    }
  } finally {
    proxy.child.kill()
    mock.child.kill()
  }
}

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '1000' }, 'serve-proxy': { type: 'string' } },
})
const run = values['serve-proxy'] ? serveProxy(values['serve-proxy']) : measure(Number(values.requests))
run.catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
