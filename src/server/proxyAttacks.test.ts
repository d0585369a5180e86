/**
 * The proxy served by Node's `http` through `createNodeListener`, attacked with raw requests: each request line and
 * header goes on the wire exactly as written, so nothing is normalised before the server sees it. Every refusal must
 * be a 4xx that reached no upstream; the key must be in no answer. The attacks are in scripts/proxyAttacks.ts, shared with the Next.js example's check.
 */
import { createServer } from 'node:http'
import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { proxyAttacks, rawRequest, requestText } from '../../scripts/proxyAttacks'
import { closedPort, listen, startUpstream } from '../../test/serverUpstream'
import { createFetcher } from '../http/createFetcher'
import { HttpError } from '../http/HttpError'
import { createProxyHandler } from './createProxyHandler'
import { createNodeListener } from './nodeListener'

const CANARY = 'canary-close-key-a41c09'
/** One page request, as TanStack Query would hand it to the fetcher. */
const page = {
  pageParam: 0,
  limit: 1,
  query: { _skip: '0', _limit: '1' },
  signal: new AbortController().signal,
}

async function startProxy(maxBodyBytes = 1024) {
  const upstream = await startUpstream()
  const handler = createProxyHandler({
    upstream: upstream.root,
    basePath: '/api/close',
    allow: ['/lead/', 'POST /data/search/'],
    headers: { authorization: `Basic ${btoa(`${CANARY}:`)}` },
    maxBodyBytes,
  })
  const origin = await listen(createServer(createNodeListener(handler)))
  return { upstream, origin }
}

describe('the proxy under Node http: attacks', () => {
  it.each(proxyAttacks('/api/close'))(
    '$name → $status, and nothing reaches the upstream',
    async ({ request, status }) => {
      const { upstream, origin } = await startProxy()
      const answer = await rawRequest(origin, request)
      expect(answer.status, answer.head).toBe(status)
      expect(upstream.calls).toEqual([])
      expect(`${answer.head}\n${answer.body}`).not.toContain(CANARY)
      expect(answer.head.toLowerCase()).not.toMatch(/^(set-cookie|injected|location):/m)
    },
  )

  it('keeps another Host header and an @host in the path on the configured upstream', async () => {
    const { upstream, origin } = await startProxy()
    const viaHost = await rawRequest(
      origin,
      requestText('GET', '/api/close/lead/', ['X-Forwarded-Host: evil.example']).replace(
        'Host: app.test',
        'Host: evil.example',
      ),
    )
    const viaAt = await rawRequest(origin, requestText('GET', '/api/close/lead/@evil.example/'))
    expect([viaHost.status, viaAt.status]).toEqual([200, 200])
    expect(upstream.calls.map((call) => [call.url, call.headers.host])).toEqual([
      ['/api/v1/lead/', new URL(upstream.root).host],
      ['/api/v1/lead/@evil.example/', new URL(upstream.root).host],
    ])
  })

  it('answers a streamed upload over the cap with 413 while the client is still sending', async () => {
    const { upstream, origin } = await startProxy(4096)
    const { port } = new URL(origin)
    const status = await new Promise<number>((resolve, reject) => {
      const upload = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/close/data/search/',
        headers: { 'content-type': 'application/json' }, // no content-length: chunked, as a stream is sent
      })
      upload.on('response', (response) => {
        resolve(response.statusCode ?? 0)
        upload.destroy()
      })
      upload.on('error', (error) => (upload.destroyed ? undefined : reject(error)))
      // Sends 1 KiB chunks until the answer comes: the stream has no end the proxy could wait for.
      const more = (): void => {
        if (upload.destroyed) return
        if (upload.write('x'.repeat(1024))) setImmediate(more)
        else upload.once('drain', more)
      }
      more()
    })
    expect(status).toBe(413)
    expect(upstream.calls).toEqual([])
  })
})

describe('the proxy under Node http: what pagewise’s fetcher sees', () => {
  it('reads the 502 JSON body of an unreachable upstream as HttpError.detail, and a 429’s Retry-After', async () => {
    const { upstream, origin } = await startProxy()
    upstream.respond((_call, response) => {
      response
        .writeHead(429, {
          'content-type': 'application/json',
          'retry-after': '3',
          ratelimit: 'limit=160, remaining=0, reset=3',
        })
        .end(JSON.stringify({ error: 'API call limit exceeded.' }))
    })
    const close = createFetcher({ baseUrl: `${origin}/api/close` })
    const error = await close('/lead/')(page).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3000, detail: 'API call limit exceeded.' })

    const port = await closedPort()
    const unreachable = createProxyHandler({ upstream: `http://127.0.0.1:${port}/api/v1`, allow: ['/lead/'] })
    const deadOrigin = await listen(createServer(createNodeListener(unreachable)))
    const dead = await createFetcher({ baseUrl: deadOrigin })('/lead/')(page).catch(
      (caught: unknown) => caught,
    )
    expect(dead).toBeInstanceOf(HttpError)
    expect(dead).toMatchObject({ status: 502, detail: 'The upstream API could not be reached.' })
  })

  it('streams a large body through Node http intact', async () => {
    const { upstream, origin } = await startProxy()
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: `lead_${i}`, display_name: `Lead ${i}` }))
    const payload = JSON.stringify({ data: rows, has_more: false })
    upstream.respond((_call, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(payload)
    })
    const response = await fetch(`${origin}/api/close/lead/`)
    expect(response.headers.get('content-length')).toBeNull()
    expect(await response.text()).toBe(payload)
  })
})
