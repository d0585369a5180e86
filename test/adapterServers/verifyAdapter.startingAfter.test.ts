/**
 * `startingAfterAdapter` against a simulated Stripe list, whose cursor is the id of the last record received: it
 * conforms, with and without records inserted at the head, and the kit rejects variants that get the cursor wrong.
 */
import { describe, expect, it } from 'vitest'
import { startingAfterAdapter } from '../../src/adapters/startingAfter'
import type { StartingAfterParam, StripeListResponse } from '../../src/adapters/startingAfter'
import type { PaginationAdapter } from '../../src/core/types'
import { AdapterConformanceError, verifyAdapter } from '../../src/testing'
import type { SimulatedRecord } from '../../src/testing'
import { stripeListServer } from './stripeServers'
import { expectEveryMalformedPageSent, runsOf } from '../conformanceReport'

const RUNS = 100
type Page = StripeListResponse<SimulatedRecord>
type Adapter = PaginationAdapter<Page, SimulatedRecord, StartingAfterParam>

/** The adapter with its next-page logic replaced: no loop guard, so the kit alone has to notice. */
const withNext = (getNextPageParam: Adapter['getNextPageParam']): Adapter => ({
  ...startingAfterAdapter<SimulatedRecord>(),
  getNextPageParam,
})

describe('verifyAdapter over startingAfterAdapter', () => {
  it('conforms to a Stripe list: every record once, each malformed answer refused', async () => {
    const report = await verifyAdapter(startingAfterAdapter(), { server: stripeListServer(), numRuns: RUNS })
    expect(report).toMatchObject({ adapterId: 'stripe.startingAfter', runs: 2 * RUNS, inserted: 0 })
    expect(runsOf(report, 'exactly-once')).toBe(RUNS)
    expect(runsOf(report, 'malformed-pages')).toBeGreaterThanOrEqual(RUNS)
    expect(report.malformedPages).toHaveLength(8)
    expectEveryMalformedPageSent(report)
  })

  it('loses nothing while customers are created during the walk (the cursor is a record, not a position)', async () => {
    const report = await verifyAdapter(startingAfterAdapter(), {
      server: stripeListServer(),
      numRuns: 50,
      drift: true,
      malformed: false,
    })
    expect(report.inserted).toBeGreaterThan(0)
    expect(runsOf(report, 'no-loss-under-drift')).toBeGreaterThan(0)
  })

  it('rejects a variant that starts after the first record of the page instead of the last', async () => {
    const broken = withNext((page) =>
      page.has_more ? { startingAfter: (page.data[0] as SimulatedRecord).id } : undefined,
    )
    const verifying = verifyAdapter(broken, { server: stripeListServer(), numRuns: RUNS, seed: 1 })
    await expect(verifying).rejects.toThrow(AdapterConformanceError)
    await expect(verifying).rejects.toMatchObject({ property: 'well-formed-requests' })
  })

  it('rejects a variant that ignores has_more and reads on until an empty page', async () => {
    const broken = withNext((page) => {
      const last = page.data[page.data.length - 1] as SimulatedRecord | undefined
      return last === undefined ? undefined : { startingAfter: last.id }
    })
    const verifying = verifyAdapter(broken, { server: stripeListServer(), numRuns: RUNS, seed: 1 })
    await expect(verifying).rejects.toMatchObject({
      name: 'AdapterConformanceError',
      property: 'stops-at-end',
    })
  })

  it("rejects a variant configured past Stripe's largest limit of 100", async () => {
    const verifying = verifyAdapter(startingAfterAdapter({ maxLimit: 250 }), {
      server: stripeListServer(),
      numRuns: RUNS,
      seed: 1,
    })
    await expect(verifying).rejects.toThrow(AdapterConformanceError)
    await expect(verifying).rejects.toMatchObject({
      property: 'well-formed-requests',
      reason: expect.stringContaining("above Stripe's maximum of 100"),
    })
  })
})
