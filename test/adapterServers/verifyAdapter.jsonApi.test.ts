/**
 * `jsonApiAdapter` against simulated JSON:API collections: following `links.next` (cursor links, page-number links,
 * links without `page[size]`) and paging by `page[number]`, every malformed answer refused. The kit rejects variants
 * that drop the page size or number pages from 0.
 */
import { describe, expect, it } from 'vitest'
import { jsonApiAdapter } from '../../src/adapters/jsonApi'
import type { JsonApiDocument } from '../../src/adapters/jsonApi'
import type { PageRequest, PaginationAdapter } from '../../src/core/types'
import { AdapterConformanceError, verifyAdapter } from '../../src/testing'
import type { SimulatedRecord } from '../../src/testing'
import { jsonApiServer } from './jsonApiServer'
import type { JsonApiServerOptions } from './jsonApiServer'
import { expectEveryMalformedPageSent, expectExercised, runsOf } from '../conformanceReport'

const RUNS = 100
type Document = JsonApiDocument<SimulatedRecord>

/** The server, counting the requests that loaded a page URL and those that sent `page[size]` in their query. */
function countingServer(options?: JsonApiServerOptions) {
  const server = jsonApiServer(options)
  const counts = { requests: 0, followedLinks: 0, sizeInQuery: 0 }
  const counting: typeof server = {
    ...server,
    readRequest: (request: PageRequest<unknown>) => {
      counts.requests++
      if (request.url !== undefined) counts.followedLinks++
      if (request.query['page[size]'] !== undefined) counts.sizeInQuery++
      return server.readRequest(request)
    },
  }
  return { server: counting, counts }
}

describe('verifyAdapter over jsonApiAdapter', () => {
  it('following links.next of a page[cursor] collection: every record once, each malformed answer refused', async () => {
    const { server, counts } = countingServer()
    const report = await verifyAdapter(jsonApiAdapter(), { server, numRuns: RUNS })
    expect(report).toMatchObject({ adapterId: 'jsonApi', runs: 2 * RUNS, inserted: 0 })
    expect(runsOf(report, 'exactly-once')).toBe(RUNS)
    expect(runsOf(report, 'total')).toBeGreaterThan(0)
    expectEveryMalformedPageSent(report, server)
    // After each first page, the requests load links.next; the links name page[size], so it is not sent again.
    expect(counts.followedLinks).toBeGreaterThan(RUNS)
    expect(counts.sizeInQuery).toBe(counts.requests - counts.followedLinks)
  })

  it('adds page[size] to links that lack it', async () => {
    const { server, counts } = countingServer({ sizeInLinks: false })
    const report = await verifyAdapter(jsonApiAdapter(), { server, numRuns: RUNS })
    expect(runsOf(report, 'well-formed-requests')).toBe(RUNS)
    expect(counts.followedLinks).toBeGreaterThan(RUNS)
    expect(counts.sizeInQuery).toBe(counts.requests)
  })

  it('following links.next of a page[number] collection too', async () => {
    const { server, counts } = countingServer({ pagination: 'number' })
    const report = await verifyAdapter(jsonApiAdapter(), { server, numRuns: RUNS, malformed: false })
    expect(runsOf(report, 'exactly-once')).toBe(RUNS)
    expect(counts.followedLinks).toBeGreaterThan(RUNS)
  })

  it('by page[number]: random access, no record lost while articles are published meanwhile', async () => {
    const server = jsonApiServer({ pagination: 'number' })
    const report = await verifyAdapter(jsonApiAdapter({ numberParam: 'page[number]' }), {
      server,
      numRuns: RUNS,
    })
    expect(report).toMatchObject({ adapterId: 'jsonApi.pageNumber', runs: 2 * RUNS })
    expect(report.inserted).toBeGreaterThan(0)
    expectExercised(report, ['random-access', 'no-loss-under-drift', 'exactly-once', 'total'])
    expectEveryMalformedPageSent(report, server)
  })
})

describe('verifyAdapter rejects broken JSON:API adapters', () => {
  type LinksAdapter = PaginationAdapter<Document, SimulatedRecord, string | null>

  it('one that loads links.next without adding the page size the link lacks', async () => {
    const adapter = jsonApiAdapter<SimulatedRecord>()
    const broken: LinksAdapter = {
      ...adapter,
      toRequest: (url, limit) => (url === null ? adapter.toRequest(url, limit) : { query: {}, url }),
    }
    const verifying = verifyAdapter(broken, {
      server: jsonApiServer({ sizeInLinks: false }),
      numRuns: RUNS,
      seed: 1,
    })
    await expect(verifying).rejects.toThrow(AdapterConformanceError)
    await expect(verifying).rejects.toMatchObject({
      property: 'well-formed-requests',
      reason: expect.stringContaining('neither the query nor the page URL has "page[size]"'),
    })
  })

  it('one that numbers pages from 0', async () => {
    const adapter = jsonApiAdapter<SimulatedRecord>({ numberParam: 'page[number]' })
    const broken = { ...adapter, pageParamAt: (index: number) => index }
    const verifying = verifyAdapter(broken, {
      server: jsonApiServer({ pagination: 'number' }),
      numRuns: RUNS,
      seed: 1,
    })
    await expect(verifying).rejects.toMatchObject({
      name: 'AdapterConformanceError',
      property: 'random-access',
    })
  })

  it('one configured past the server’s largest page size', async () => {
    const verifying = verifyAdapter(jsonApiAdapter({ maxLimit: 250 }), {
      server: jsonApiServer(),
      numRuns: RUNS,
      seed: 1,
    })
    await expect(verifying).rejects.toMatchObject({
      name: 'AdapterConformanceError',
      property: 'well-formed-requests',
      reason: expect.stringContaining("above the server's maximum of 100"),
    })
  })
})
