import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'

// Test doubles for the proxy's tests: an upstream that records what reached it, and the helpers around it. The raw
// HTTP client is scripts/rawHttp.ts, shared with the example's browser check.

/** What the upstream received. */
export interface UpstreamCall {
  method: string
  /** The request target as sent on the wire: path and query. */
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** Answers one upstream request; the default echoes the call as JSON. */
export type UpstreamRespond = (call: UpstreamCall, response: ServerResponse, request: IncomingMessage) => void

/** A running upstream on 127.0.0.1. */
export interface TestUpstream {
  /** `http://127.0.0.1:<port>/api/v1`, the root the proxy forwards to. */
  root: string
  calls: UpstreamCall[]
  /** Replaces how the upstream answers, for the current test. */
  respond(answer: UpstreamRespond): void
}

const echo: UpstreamRespond = (call, response) => {
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(call))
}

/** Starts `server` on a free port of 127.0.0.1; it is closed after the current test. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** An upstream that records every request and echoes it, closed after the current test. */
export async function startUpstream(): Promise<TestUpstream> {
  const calls: UpstreamCall[] = []
  let answer = echo
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const call: UpstreamCall = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      calls.push(call)
      answer(call, response, request)
    })
  })
  const origin = await listen(server)
  return {
    root: `${origin}/api/v1`,
    calls,
    respond: (next) => {
      answer = next
    },
  }
}

/** A port nothing listens on: one that was free a moment ago, now closed. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
