/**
 * `hubspotAdapter` against simulated HubSpot CRM v3 lists and searches: it conforms, and the kit rejects variants
 * that read the end of the list, the placement of the params or the total wrong.
 */
import { describe, expect, it } from 'vitest'
import { cursorAdapter } from '../../src/adapters/cursorAdapter'
import { hubspotAdapter } from '../../src/adapters/hubspot'
import type { HubspotPage } from '../../src/adapters/hubspot'
import { AdapterConformanceError, verifyAdapter } from '../../src/testing'
import type { SimulatedRecord } from '../../src/testing'
import { hubspotSearchServer, hubspotServer } from './hubspotServers'
import { expectEveryMalformedPageSent, runsOf } from '../conformanceReport'

const RUNS = 100

describe('verifyAdapter over hubspotAdapter', () => {
  it('conforms to a CRM object list (after and limit in the query)', async () => {
    const report = await verifyAdapter(hubspotAdapter(), { server: hubspotServer(), numRuns: RUNS })
    expect(report).toMatchObject({ adapterId: 'hubspot', runs: 2 * RUNS })
    expect(runsOf(report, 'exactly-once')).toBe(RUNS)
    expect(report.malformedPages).toHaveLength(8)
    expectEveryMalformedPageSent(report)
  })

  it('conforms to a CRM search (after and limit in the JSON body, a total on every page)', async () => {
    const report = await verifyAdapter(hubspotAdapter({ placement: 'body' }), {
      server: hubspotSearchServer(),
      numRuns: RUNS,
    })
    expect(runsOf(report, 'total')).toBe(RUNS)
    expect(report.malformedPages).toHaveLength(7)
    expectEveryMalformedPageSent(report)
  })

  it('holds while contacts are created during the walk', async () => {
    const report = await verifyAdapter(hubspotAdapter(), {
      server: hubspotServer(),
      numRuns: 50,
      drift: true,
      malformed: false,
    })
    expect(runsOf(report, 'no-loss-under-drift')).toBeGreaterThan(0)
  })

  it('rejects a naive cursorAdapter spec that reads paging.next.after where the last page has no paging', async () => {
    const naive = cursorAdapter<HubspotPage<SimulatedRecord>, SimulatedRecord>({
      id: 'naive.hubspot',
      items: 'results',
      nextCursor: 'paging.next.after',
      cursorParam: 'after',
      maxLimit: 100,
    })
    const verifying = verifyAdapter(naive, { server: hubspotServer(), numRuns: RUNS, seed: 1 })
    await expect(verifying).rejects.toThrow(AdapterConformanceError)
    await expect(verifying).rejects.toMatchObject({
      property: 'valid-pages-read',
      reason: expect.stringContaining('paging.next.after'),
    })
  })

  it('rejects the list adapter on the search endpoint: after and limit are not in the body', async () => {
    const verifying = verifyAdapter(hubspotAdapter(), {
      server: hubspotSearchServer(),
      numRuns: RUNS,
      seed: 1,
    })
    await expect(verifying).rejects.toMatchObject({
      name: 'AdapterConformanceError',
      property: 'well-formed-requests',
    })
  })

  it('rejects a variant whose total counts the page instead of reading total', async () => {
    const broken = {
      ...hubspotAdapter<SimulatedRecord>({ placement: 'body' }),
      getTotal: (page: HubspotPage<SimulatedRecord>) => page.results.length,
    }
    const verifying = verifyAdapter(broken, { server: hubspotSearchServer(), numRuns: RUNS, seed: 1 })
    await expect(verifying).rejects.toMatchObject({ name: 'AdapterConformanceError', property: 'total' })
  })

  it("rejects a search adapter configured past HubSpot search's largest limit of 200", async () => {
    const verifying = verifyAdapter(hubspotAdapter({ placement: 'body', maxLimit: 500 }), {
      server: hubspotSearchServer(),
      numRuns: RUNS,
      seed: 1,
    })
    await expect(verifying).rejects.toMatchObject({
      property: 'well-formed-requests',
      reason: expect.stringContaining("above HubSpot's maximum of 200"),
    })
  })
})
