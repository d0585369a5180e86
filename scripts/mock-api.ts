/**
 * Serves the mock APIs over real HTTP on 127.0.0.1, for curl, demos outside Storybook and benchmarks.
 *
 *   tsx scripts/mock-api.ts [--port 4010] [--seed 1] [--leads 2500] [--latency 200[:jitter]] [--rate-limit 10/2000]
 *                           [--failure-rate 0.1] [--drift 5:3] [--malformed-on 7]
 *
 * Close answers under http://127.0.0.1:<port>/close/api/v1/…, Pipedrive under http://127.0.0.1:<port>/pipedrive/api/…,
 * GitHub under /github/repos/pagewise/pagewise/issues, HubSpot under /hubspot/crm/v3/objects/contacts and JSON:API
 * under /jsonapi/articles. Each sorts and filters as its provider does (see `pagewise/mock`), faults apply to all.
 * Close takes lead writes (POST /lead/, PUT and DELETE /lead/{id}/) and Pipedrive deal writes (POST /v2/deals, PATCH
 * and DELETE /v2/deals/{id}); they last until the server stops. Restart it for the seeded data again.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { getResponse } from 'msw'
import {
  createCloseMock,
  createGithubMock,
  createHubspotMock,
  createJsonApiMock,
  createPipedriveMock,
} from '../src/mock'
import type {
  CloseDataset,
  GithubMock,
  HubspotDataset,
  JsonApiMockDataset,
  MockApi,
  MockFaults,
  PipedriveDataset,
} from '../src/mock'

/** Options of `startMockServer`. */
export interface MockServerOptions {
  /** Port on 127.0.0.1; 0 picks a free one. @default 4010 */
  port?: number
  /** Seed of both mocks. @default 1 */
  seed?: number
  /** Number of Close leads. @default 2500 */
  leads?: number
  /** Faults applied to both mocks. @default none */
  faults?: Partial<MockFaults>
  /** The key the Close mock requires (HTTP Basic), as a proxy test's canary. @default none: no auth */
  closeApiKey?: string
}

/** A running mock server. */
export interface RunningMockServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** Base URL of the Close mock (`${url}/close`); Close paths follow: `/api/v1/lead/`. */
  closeBaseUrl: string
  /** Base URL of the Pipedrive mock (`${url}/pipedrive`); `/api/v1/notes`, `/api/v2/deals` follow. */
  pipedriveBaseUrl: string
  /** Base URL of the GitHub mock (`${url}/github`); `/repos/pagewise/pagewise/issues` follows. */
  githubBaseUrl: string
  /** Base URL of the HubSpot mock (`${url}/hubspot`); `/crm/v3/objects/contacts` follows. */
  hubspotBaseUrl: string
  /** Base URL of the JSON:API mock (`${url}/jsonapi`); `/articles` follows. */
  jsonApiBaseUrl: string
  closeMock: MockApi<CloseDataset>
  pipedriveMock: MockApi<PipedriveDataset>
  githubMock: GithubMock
  hubspotMock: MockApi<HubspotDataset>
  jsonApiMock: MockApi<JsonApiMockDataset>
  close(): Promise<void>
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  // Writes: Close POST / PUT / DELETE /lead/, Pipedrive POST / PATCH / DELETE /v2/deals.
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, x-api-token',
  'access-control-expose-headers':
    'link, ratelimit, ratelimit-reset, retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset',
}

async function readBody(message: IncomingMessage): Promise<ArrayBuffer | undefined> {
  const chunks: Buffer[] = []
  for await (const chunk of message) chunks.push(chunk as Buffer)
  if (chunks.length === 0) return undefined
  const bytes = Buffer.concat(chunks)
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}

async function toFetchRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const method = message.method ?? 'GET'
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(message)
  // The URL is rebuilt on our own origin, so the Host header (localhost, a proxy) does not matter.
  return new Request(new URL(message.url ?? '/', origin), { method, headers, body })
}

async function answer(
  handlers: MockApi<unknown>['handlers'],
  message: IncomingMessage,
  response: ServerResponse,
  origin: string,
): Promise<void> {
  if (message.method === 'OPTIONS') {
    response.writeHead(204, CORS_HEADERS).end()
    return
  }
  const request = await toFetchRequest(message, origin)
  const mocked = await getResponse(handlers, request)
  if (mocked === undefined) {
    const body = JSON.stringify({ error: `No mock for ${request.method} ${new URL(request.url).pathname}` })
    response.writeHead(404, { ...CORS_HEADERS, 'content-type': 'application/json' }).end(body)
    return
  }
  const headers: Record<string, string> = { ...CORS_HEADERS }
  mocked.headers.forEach((value, name) => {
    headers[name] = value
  })
  response.writeHead(mocked.status, headers).end(Buffer.from(await mocked.arrayBuffer()))
}

/**
 * Starts the mocks on 127.0.0.1.
 *
 * @example
 * const server = await startMockServer({ port: 0 })
 * await fetch(`${server.closeBaseUrl}/api/v1/lead/?_limit=5`)
 * await server.close()
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  let handlers: MockApi<unknown>['handlers'] = []
  let origin = ''
  const server = createServer((message, response) => {
    answer(handlers, message, response, origin).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 4010, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  const common = { seed: options.seed, faults: options.faults }
  const closeMock = createCloseMock({
    ...common,
    leads: options.leads,
    baseUrl: `${origin}/close`,
    apiKey: options.closeApiKey,
  })
  const pipedriveMock = createPipedriveMock({ ...common, baseUrl: `${origin}/pipedrive` })
  const githubMock = createGithubMock({ ...common, baseUrl: `${origin}/github` })
  const hubspotMock = createHubspotMock({ ...common, baseUrl: `${origin}/hubspot` })
  const jsonApiMock = createJsonApiMock({ ...common, baseUrl: `${origin}/jsonapi` })
  handlers = [
    ...closeMock.handlers,
    ...pipedriveMock.handlers,
    ...githubMock.handlers,
    ...hubspotMock.handlers,
    ...jsonApiMock.handlers,
  ]
  return {
    url: origin,
    closeBaseUrl: `${origin}/close`,
    pipedriveBaseUrl: `${origin}/pipedrive`,
    githubBaseUrl: `${origin}/github`,
    hubspotBaseUrl: `${origin}/hubspot`,
    jsonApiBaseUrl: `${origin}/jsonapi`,
    closeMock,
    pipedriveMock,
    githubMock,
    hubspotMock,
    jsonApiMock,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      }),
  }
}

function pair(text: string, separator: string, flag: string): [number, number | undefined] {
  const [first, second] = text.split(separator).map(Number)
  if (first === undefined || Number.isNaN(first) || (second !== undefined && Number.isNaN(second))) {
    throw new Error(`Cannot read --${flag} ${text}`)
  }
  return [first, second]
}

/** Reads command-line flags into server options. */
export function parseMockServerArgs(
  args: string[],
  env: Record<string, string | undefined> = {},
): MockServerOptions {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      leads: { type: 'string' },
      latency: { type: 'string' },
      'rate-limit': { type: 'string' },
      'failure-rate': { type: 'string' },
      drift: { type: 'string' },
      'malformed-on': { type: 'string' },
    },
  })
  const faults: Partial<MockFaults> = {}
  if (values.latency !== undefined) {
    const [fixedMs, jitterMs = 0] = pair(values.latency, ':', 'latency')
    faults.latency = { fixedMs, jitterMs }
  }
  if (values['rate-limit'] !== undefined) {
    const [requests, windowMs = 2000] = pair(values['rate-limit'], '/', 'rate-limit')
    faults.rateLimit = { requests, windowMs }
  }
  if (values['failure-rate'] !== undefined) faults.failureRate = Number(values['failure-rate'])
  if (values.drift !== undefined) {
    const [insertEvery, count = 1] = pair(values.drift, ':', 'drift')
    faults.drift = { insertEvery, count }
  }
  if (values['malformed-on'] !== undefined) faults.malformedOnRequest = Number(values['malformed-on'])
  const number = (text: string | undefined): number | undefined =>
    text === undefined ? undefined : Number(text)
  return {
    port: number(values.port ?? env.PORT) ?? 4010,
    seed: number(values.seed),
    leads: number(values.leads),
    faults,
  }
}

async function main(): Promise<void> {
  const server = await startMockServer(parseMockServerArgs(process.argv.slice(2), process.env))
  console.log(`pagewise mock APIs on ${server.url}`)
  console.log(
    `  Close:     ${server.closeBaseUrl}/api/v1/  (lead/, contact/, opportunity/, event/, data/search/; ` +
      'POST lead/, PUT and DELETE lead/{id}/)',
  )
  console.log(
    `  Pipedrive: ${server.pipedriveBaseUrl}/api/  (v2/deals, v2/persons, v2/deals/search, v2/persons/search, ` +
      'v1/notes, v1/leads, v1/users; POST v2/deals, PATCH and DELETE v2/deals/{id})',
  )
  console.log(`  GitHub:    ${server.githubBaseUrl}/repos/pagewise/pagewise/issues`)
  console.log(`  HubSpot:   ${server.hubspotBaseUrl}/crm/v3/objects/contacts  (and /search, POST)`)
  console.log(`  JSON:API:  ${server.jsonApiBaseUrl}/articles`)
  console.log(
    `Try: curl '${server.closeBaseUrl}/api/v1/lead/?_limit=2&_fields=id,display_name&_order_by=-date_updated'`,
  )
  console.log(
    `     curl '${server.pipedriveBaseUrl}/api/v2/deals?limit=2&sort_by=update_time&sort_direction=desc&status=won'`,
  )
  console.log(`     curl '${server.pipedriveBaseUrl}/api/v2/deals/search?term=renewal&limit=2'`)
  console.log(
    `     curl -X PATCH -H 'content-type: application/json' -d '{"status":"won"}' ` +
      `'${server.pipedriveBaseUrl}/api/v2/deals/1'`,
  )
  console.log(
    `     curl -i '${server.githubBaseUrl}/repos/pagewise/pagewise/issues?sort=comments&direction=desc&labels=bug'`,
  )
  process.once('SIGINT', () => {
    console.log('\nStopping the mock APIs')
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
