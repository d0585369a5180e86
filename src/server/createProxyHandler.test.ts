/**
 * The proxy by its Request/Response contract, the one Next.js route handlers, Hono and Cloudflare Workers use: a
 * `Request` in, a `Response` out, against a real upstream on 127.0.0.1. Canary keys stand in for real ones, and every
 * test looks for them in what the browser would receive and in the log.
 */
import type { ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { closedPort, startUpstream } from '../../test/serverUpstream'
import type { UpstreamCall } from '../../test/serverUpstream'
import { InvalidOptionError } from '../core/errors'
import { createProxyHandler } from './createProxyHandler'
import type { ProxyHandlerOptions, ProxyLogEntry } from './createProxyHandler'
import { createRequestBudget } from './requestBudget'

const CANARY = 'canary-close-key-5d1e77'
const CLIENT_CANARY = 'canary-client-secret-90ab3f'
const basic = (key: string): string => `Basic ${btoa(`${key}:`)}`
const APP = 'http://app.test'

/** A proxy to `root` mounted at /api/close, logging into `logs`; `options` override. */
function proxyTo(root: string, options: Partial<ProxyHandlerOptions> = {}) {
  const logs: ProxyLogEntry[] = []
  const handler = createProxyHandler({
    upstream: root,
    basePath: '/api/close',
    allow: ['/lead/', 'POST /data/search/'],
    headers: { authorization: basic(CANARY) },
    log: (entry) => logs.push(entry),
    ...options,
  })
  return { handler, logs }
}

/** Everything the browser receives: status line, headers and body, as one string to search for canaries. */
async function received(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
  return `${response.status} ${response.statusText}\n${headers}\n\n${await response.text()}`
}

describe('createProxyHandler: forwarding', () => {
  it('forwards a GET with its query to the upstream path and answers with its status, body and type', async () => {
    const upstream = await startUpstream()
    const { handler, logs } = proxyTo(upstream.root)
    const response = await handler(
      new Request(`${APP}/api/close/lead/?_skip=0&_limit=2&_fields=id,display_name`),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    const call = (await response.json()) as UpstreamCall
    expect(call.method).toBe('GET')
    expect(call.url).toBe('/api/v1/lead/?_skip=0&_limit=2&_fields=id,display_name')
    expect(upstream.calls).toHaveLength(1)
    expect(logs).toEqual([
      { method: 'GET', path: '/api/close/lead/', status: 200, durationMs: expect.any(Number) },
    ])
  })

  it('adds the server’s credentials and drops every credential the browser sent', async () => {
    const upstream = await startUpstream()
    const { handler, logs } = proxyTo(upstream.root)
    const query = `api_token=${CLIENT_CANARY}&apiKey=${CLIENT_CANARY}&access-token=${CLIENT_CANARY}&_limit=1`
    const response = await handler(
      new Request(`${APP}/api/close/lead/?${query}`, {
        headers: {
          authorization: basic(CLIENT_CANARY),
          cookie: `session=${CLIENT_CANARY}`,
          'x-api-token': CLIENT_CANARY,
          'x-forwarded-for': '203.0.113.9',
          'proxy-authorization': CLIENT_CANARY,
          accept: 'application/json',
        },
      }),
    )
    expect(response.status).toBe(200)
    const [call] = upstream.calls
    expect(call?.headers.authorization).toBe(basic(CANARY))
    expect(call?.headers.accept).toBe('application/json')
    expect(call?.url).toBe('/api/v1/lead/?_limit=1')
    expect(JSON.stringify(call)).not.toContain(CLIENT_CANARY)
    for (const name of ['cookie', 'x-api-token', 'x-forwarded-for', 'proxy-authorization']) {
      expect(call?.headers[name]).toBeUndefined()
    }
    expect(JSON.stringify(logs)).not.toContain(CANARY)
  })

  it('sends Pipedrive’s x-api-token, a Bearer token, or per-user headers from a function of the request', async () => {
    const upstream = await startUpstream()
    const pipedrive = proxyTo(upstream.root, { headers: { 'x-api-token': CANARY } }).handler
    await pipedrive(new Request(`${APP}/api/close/lead/`))
    expect(upstream.calls[0]?.headers['x-api-token']).toBe(CANARY)

    const tokens: Record<string, string> = { alice: 'oauth-alice-canary' }
    const perUser = proxyTo(upstream.root, {
      headers: (request) => {
        const user = /user=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1]
        const token = user && tokens[user]
        if (!token) return Response.json({ error: 'Sign in first.' }, { status: 401 })
        return { authorization: `Bearer ${token}` }
      },
    }).handler
    const alice = await perUser(new Request(`${APP}/api/close/lead/`, { headers: { cookie: 'user=alice' } }))
    expect(alice.status).toBe(200)
    expect(upstream.calls[1]?.headers.authorization).toBe('Bearer oauth-alice-canary')
    // The cookie identifies the user to the app; the upstream never sees it.
    expect(upstream.calls[1]?.headers.cookie).toBeUndefined()

    const stranger = await perUser(
      new Request(`${APP}/api/close/lead/`, { headers: { cookie: 'user=mallory' } }),
    )
    expect(stranger.status).toBe(401)
    expect(await stranger.json()).toEqual({ error: 'Sign in first.' })
    expect(upstream.calls).toHaveLength(2)
  })

  it('forwards a JSON POST body, and refuses a body that is not JSON (a cross-site form can send text/plain)', async () => {
    const upstream = await startUpstream()
    const { handler } = proxyTo(upstream.root)
    const search = { query: { type: 'object_type', object_type: 'lead' }, cursor: null, _limit: 2 }
    const response = await handler(
      new Request(`${APP}/api/close/data/search/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(search),
      }),
    )
    expect(response.status).toBe(200)
    expect(JSON.parse(upstream.calls[0]?.body ?? '')).toEqual(search)

    const form = await handler(
      new Request(`${APP}/api/close/data/search/`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'query=x',
      }),
    )
    expect(form.status).toBe(415)
    expect(upstream.calls).toHaveLength(1)
  })

  it('passes Retry-After and the rate-limit headers of Close and Pipedrive on; drops cookies and others', async () => {
    const upstream = await startUpstream()
    upstream.respond((_call, response) => {
      response
        .writeHead(429, 'Too Many Requests', {
          'content-type': 'application/json',
          'retry-after': '8',
          ratelimit: 'limit=160, remaining=0, reset=8',
          'ratelimit-reset': '8',
          'x-ratelimit-limit': '80',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '2',
          'set-cookie': `upstream_session=${CANARY}`,
          'x-upstream-debug': `auth=${CANARY}`,
        })
        .end(JSON.stringify({ error: 'API call limit exceeded.' }))
    })
    const { handler } = proxyTo(upstream.root)
    const response = await handler(new Request(`${APP}/api/close/lead/`))
    expect(response.status).toBe(429)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'retry-after': '8',
      ratelimit: 'limit=160, remaining=0, reset=8',
      'ratelimit-reset': '8',
      'x-ratelimit-limit': '80',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '2',
    })
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('x-upstream-debug')).toBeNull()
    expect(await received(response)).not.toContain(CANARY)
  })

  it('re-sends a compressed body decoded, without the encoding and length that no longer match it', async () => {
    const upstream = await startUpstream()
    const body = JSON.stringify({ data: [{ id: 'lead_1' }], has_more: false })
    upstream.respond((_call, response) => {
      const gzipped = gzipSync(body)
      response
        .writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': String(gzipped.byteLength),
        })
        .end(gzipped)
    })
    const { handler } = proxyTo(upstream.root)
    const response = await handler(new Request(`${APP}/api/close/lead/`))
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(response.headers.get('content-length')).toBeNull()
    expect(await response.text()).toBe(body)
  })

  it('never follows a redirect, and never passes its Location on', async () => {
    const upstream = await startUpstream()
    upstream.respond((call, response) => {
      response.writeHead(302, { location: `${upstream.root}/elsewhere/?api_key=${CANARY}` }).end()
    })
    const { handler, logs } = proxyTo(upstream.root)
    const response = await handler(new Request(`${APP}/api/close/lead/`))
    expect(response.status).toBe(502)
    expect(response.headers.get('location')).toBeNull()
    const text = await received(response)
    expect(text).toContain('redirected (302)')
    expect(text).not.toContain(CANARY)
    expect(upstream.calls.map((call) => call.url)).toEqual(['/api/v1/lead/'])
    expect(logs[0]).toMatchObject({ status: 502, reason: expect.stringContaining('redirect') })
  })

  it('streams the body: the first bytes reach the browser before the upstream has finished', async () => {
    const upstream = await startUpstream()
    let finish = (): void => {}
    const finished = new Promise<void>((resolve) => (finish = resolve))
    upstream.respond((_call, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"data":[')
      void finished.then(() => response.end(']}'))
    })
    const { handler } = proxyTo(upstream.root)
    const response = await handler(new Request(`${APP}/api/close/lead/`))
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe('{"data":[')
    finish()
    let rest = ''
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value)
    }
    expect(rest).toBe(']}')
  })

  it('passes the browser’s abort on: the upstream request is closed', async () => {
    const upstream = await startUpstream()
    let upstreamClosed = (): void => {}
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve))
    let arrived = (): void => {}
    const hasArrived = new Promise<void>((resolve) => (arrived = resolve))
    upstream.respond((_call, response: ServerResponse) => {
      // Never answers: only the abort can end this request.
      response.on('close', upstreamClosed)
      arrived()
    })
    const { handler, logs } = proxyTo(upstream.root)
    const controller = new AbortController()
    const pending = handler(new Request(`${APP}/api/close/lead/`, { signal: controller.signal }))
    await hasArrived
    controller.abort()
    await closed
    expect((await pending).status).toBe(499)
    expect(logs[0]).toMatchObject({ status: 499 })
  })
})

describe('createProxyHandler: failures the browser can read', () => {
  it('answers an unreachable upstream with 502 and { error }, the body HttpError reads', async () => {
    const port = await closedPort()
    const { handler, logs } = proxyTo(`http://127.0.0.1:${port}/api/v1`)
    const response = await handler(new Request(`${APP}/api/close/lead/`))
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ error: 'The upstream API could not be reached.' })
    expect(logs[0]).toMatchObject({ status: 502, reason: 'The upstream API could not be reached.' })
  })

  it('answers 504 when the upstream sends no headers within timeoutMs', async () => {
    const upstream = await startUpstream()
    upstream.respond(() => {}) // never answers
    const { handler } = proxyTo(upstream.root, { timeoutMs: 50 })
    const response = await handler(new Request(`${APP}/api/close/lead/`))
    expect(response.status).toBe(504)
    expect(await response.json()).toEqual({ error: 'The upstream API did not answer within 50 ms.' })
  })

  it('never puts a key in an answer or a log, even when the key is broken or a headers function throws', async () => {
    const upstream = await startUpstream()
    const broken = proxyTo(upstream.root, { headers: () => ({ authorization: `Basic ${CANARY}\r\nx: y` }) })
    const brokenAnswer = await broken.handler(new Request(`${APP}/api/close/lead/`))
    expect(brokenAnswer.status).toBe(500)
    const throwing = proxyTo(upstream.root, {
      headers: () => {
        throw new Error(`token ${CANARY} expired`)
      },
    })
    const throwingAnswer = await throwing.handler(new Request(`${APP}/api/close/lead/`))
    expect(throwingAnswer.status).toBe(500)
    expect(await throwingAnswer.clone().json()).toEqual({ error: 'The proxy failed (Error).' })
    for (const text of [await received(brokenAnswer), await received(throwingAnswer)]) {
      expect(text).not.toContain(CANARY)
    }
    expect(JSON.stringify([...broken.logs, ...throwing.logs])).not.toContain(CANARY)
    expect(upstream.calls).toHaveLength(0)
  })

  it('refuses a broken static key when it is made, without quoting it', () => {
    let error: unknown
    try {
      createProxyHandler({
        upstream: 'https://api.close.com/api/v1',
        allow: ['/lead/'],
        headers: { a: `${CANARY}\n\0` },
      })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InvalidOptionError)
    expect(String((error as Error).message)).toMatch(/option "headers"/)
    expect(String((error as Error).message)).not.toContain(CANARY)
  })

  it.each([
    [{ upstream: 'ftp://api.close.com' }, 'upstream'],
    [{ upstream: `https://${CANARY}@api.close.com/api/v1` }, 'upstream'],
    [{ upstream: 'https://api.close.com/api/v1?api_key=x' }, 'upstream'],
    [{ allow: [] }, 'allow'],
    [{ allow: ['lead/'] }, 'allow[0]'],
    [{ allow: ['/lead/../user/'] }, 'allow[0]'],
    [{ allow: ['TRACE /lead/'] }, 'allow[0]'],
    [{ basePath: '/api/close/' }, 'basePath'],
    [{ maxBodyBytes: 0 }, 'maxBodyBytes'],
    [{ budget: { requests: 0, windowMs: 1000, clientKey: () => 'a' } }, 'budget.requests'],
  ] as const)('refuses bad options with InvalidOptionError: %j', (override, option) => {
    const make = () =>
      createProxyHandler({ upstream: 'https://api.close.com/api/v1', allow: ['/lead/'], ...override })
    expect(make).toThrow(InvalidOptionError)
    expect(make).toThrow(`option "${option}"`)
    expect(make).not.toThrow(CANARY)
  })
})

describe('createProxyHandler: per-client budget', () => {
  it('answers 429 with Retry-After once a client has spent its budget; others and upstream are unaffected', async () => {
    const upstream = await startUpstream()
    const { handler } = proxyTo(upstream.root, {
      budget: {
        requests: 2,
        windowMs: 60_000,
        clientKey: (request) => request.headers.get('x-session') ?? undefined,
      },
    })
    const as = (session: string) =>
      handler(new Request(`${APP}/api/close/lead/`, { headers: { 'x-session': session } }))
    expect((await as('a')).status).toBe(200)
    expect((await as('a')).status).toBe(200)
    const over = await as('a')
    expect(over.status).toBe(429)
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await over.json()) as unknown).toEqual({ error: expect.stringMatching(/^Too many requests/) })
    expect((await as('b')).status).toBe(200)
    expect(upstream.calls).toHaveLength(3)
  })

  it('gives a client a new window once its window has passed', () => {
    let time = 1_000
    const budget = createRequestBudget({ requests: 1, windowMs: 10_000 }, () => time)
    expect(budget.take('a')).toEqual({ allowed: true })
    time += 4_000
    expect(budget.take('a')).toEqual({ allowed: false, retryAfterMs: 6_000 })
    time += 6_000
    expect(budget.take('a')).toEqual({ allowed: true })
  })
})
