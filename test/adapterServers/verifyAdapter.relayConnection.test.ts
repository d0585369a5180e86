/**
 * `relayConnectionAdapter` against a simulated GraphQL server: `first`/`after` in the request's `variables`, the
 * connection at a path, `edges` or `nodes`, POST or GET. It conforms and refuses every malformed answer; the kit
 * rejects a variant that forgets `after` and one configured past the server's largest `first`.
 */
import { describe, expect, it } from 'vitest'
import { relayConnectionAdapter } from '../../src/adapters/relayConnection'
import type { RelayConnectionOptions } from '../../src/adapters/relayConnection'
import { AdapterConformanceError, verifyAdapter } from '../../src/testing'
import type { SimulatedRecord } from '../../src/testing'
import { relayConnectionServer } from './relayConnectionServer'
import { expectEveryMalformedPageSent, runsOf } from '../conformanceReport'

const RUNS = 100
const PATH = 'data.repository.issues'
const QUERY = `query Issues($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    issues(first: $first, after: $after) {
      totalCount
      edges { node { id number title } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`
const issues = (options: Partial<RelayConnectionOptions> = {}) =>
  relayConnectionAdapter<SimulatedRecord>({
    path: PATH,
    query: QUERY,
    variables: { owner: 'octo', name: 'hello' },
    ...options,
  })

describe('verifyAdapter over relayConnectionAdapter', () => {
  it('conforms: every record once, totalCount read back, each malformed answer refused', async () => {
    const server = relayConnectionServer({ path: PATH })
    const report = await verifyAdapter(issues(), { server, numRuns: RUNS })
    expect(report).toMatchObject({ adapterId: 'relay.connection', runs: 2 * RUNS, inserted: 0 })
    expect(runsOf(report, 'exactly-once')).toBe(RUNS)
    expect(runsOf(report, 'total')).toBeGreaterThan(0)
    expect(report.malformedPages).toHaveLength(server.malformed?.length ?? -1)
    expectEveryMalformedPageSent(report)
  })

  it('reads a nodes list at a shorter path, over GET, with records added meanwhile', async () => {
    const report = await verifyAdapter(issues({ path: 'data.viewer.starred', placement: 'query' }), {
      server: relayConnectionServer({ path: 'data.viewer.starred', list: 'nodes' }),
      numRuns: RUNS,
      drift: true,
    })
    expect(report.inserted).toBeGreaterThan(0)
    expect(runsOf(report, 'no-loss-under-drift')).toBeGreaterThan(0)
    expect(runsOf(report, 'malformed-pages')).toBeGreaterThanOrEqual(RUNS)
  })
})

describe('verifyAdapter rejects broken Relay adapters', () => {
  it('one that sends first but forgets after: the first page again and again', async () => {
    const adapter = issues()
    const broken = {
      ...adapter,
      toRequest: (_after: string | null, limit: number) => adapter.toRequest(null, limit),
    }
    const verifying = verifyAdapter(broken, {
      server: relayConnectionServer({ path: PATH }),
      numRuns: RUNS,
      seed: 1,
    })
    await expect(verifying).rejects.toThrow(AdapterConformanceError)
    // The loop guard of the adapter it was spread from stops it on the first page served twice.
    await expect(verifying).rejects.toMatchObject({
      property: 'valid-pages-read',
      reason: expect.stringContaining('threw CursorLoopError'),
    })
  })

  it('one configured past GitHub’s largest first of 100', async () => {
    const verifying = verifyAdapter(issues({ maxLimit: 250 }), {
      server: relayConnectionServer({ path: PATH }),
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
