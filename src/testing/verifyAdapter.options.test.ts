import { describe, expect, it } from 'vitest'
import { closeEventsCursor, closeOffset } from '../adapters/close'
import type { CloseListResponse } from '../adapters/close'
import { InvalidOptionError } from '../core/errors'
import type { PaginationAdapter } from '../core/types'
import { closeEventsServer, closeOffsetServer } from '../../test/adapterServers/closeServers'
import { runsOf } from '../../test/conformanceReport'
import { AdapterConformanceError } from './AdapterConformanceError'
import { SimulatedServerFault } from './simulatedServer'
import type { SimulatedRecord } from './simulatedServer'
import { verifyAdapter } from './verifyAdapter'
import type { AdapterReport } from './verifyAdapter'

const withoutTime = ({ durationMs: _durationMs, ...report }: AdapterReport) => report

describe('verifyAdapter options', () => {
  it('numRuns sets the runs of each property group; the report counts what the server did', async () => {
    const report = await verifyAdapter(closeOffset(), { server: closeOffsetServer(), numRuns: 30, seed: 5 })
    expect(report).toMatchObject({
      adapterId: 'close.offset',
      server: 'Close offset list',
      seed: 5,
      runs: 60,
    })
    expect(report.properties.map((property) => property.name)).toEqual([
      'valid-pages-read',
      'well-formed-requests',
      'request-count',
      'distinct-page-params',
      'stops-at-end',
      'page-items',
      'exactly-once',
      'no-loss-under-drift',
      'random-access',
      'total',
      'malformed-pages',
    ])
    expect(runsOf(report, 'exactly-once')! + runsOf(report, 'no-loss-under-drift')!).toBe(30)
    expect(report.malformedPages.reduce((sum, page) => sum + page.runs, 0)).toBe(
      runsOf(report, 'malformed-pages'),
    )
    expect(report.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('the same seed gives the same runs', async () => {
    const options = { server: closeOffsetServer(), numRuns: 20, seed: 42 }
    const first = await verifyAdapter(closeOffset(), options)
    const again = await verifyAdapter(closeOffset(), options)
    expect(withoutTime(again)).toEqual(withoutTime(first))
  })

  it('maxRecords bounds the generated lists: with 0, every run is one request for an empty page', async () => {
    const report = await verifyAdapter(closeOffset(), {
      server: closeOffsetServer(),
      numRuns: 10,
      maxRecords: 0,
      malformed: false,
    })
    expect(report).toMatchObject({ runs: 10, requests: 10, records: 0 })
  })

  it('drift defaults to true for offset adapters and false for cursor adapters; drift: false turns it off', async () => {
    const offset = await verifyAdapter(closeOffset(), {
      server: closeOffsetServer(),
      numRuns: 20,
      drift: false,
    })
    expect(offset.inserted).toBe(0)
    expect(runsOf(offset, 'no-loss-under-drift')).toBe(0)
    expect(runsOf(offset, 'exactly-once')).toBe(20)
    const cursor = await verifyAdapter(closeEventsCursor(), { server: closeEventsServer(), numRuns: 20 })
    expect(cursor.inserted).toBe(0)
  })

  it('malformed: false skips the malformed-page runs', async () => {
    const report = await verifyAdapter(closeOffset(), {
      server: closeOffsetServer(),
      numRuns: 10,
      malformed: false,
    })
    expect(report.runs).toBe(10)
    expect(runsOf(report, 'malformed-pages')).toBe(0)
  })

  it('getItemId reads the record id of an adapter that reshapes records', async () => {
    const base = closeOffset<SimulatedRecord>()
    const reshaping: PaginationAdapter<CloseListResponse<SimulatedRecord>, { key: string }, number> = {
      ...base,
      getItems: (page) => base.getItems(page).map((record) => ({ key: record.id })),
    }
    const report = await verifyAdapter(reshaping, {
      server: closeOffsetServer(),
      numRuns: 20,
      getItemId: (item) => item.key,
    })
    expect(report.runs).toBe(40)
    const error = await verifyAdapter(reshaping, { server: closeOffsetServer(), numRuns: 20 }).catch(
      (rejection: unknown) => rejection,
    )
    expect(error).toBeInstanceOf(AdapterConformanceError)
    expect(error).toMatchObject({ property: 'page-items' })
  })

  it.each([
    ['numRuns', { numRuns: 0 }, 'a positive integer'],
    ['extraRequests', { extraRequests: 0 }, 'a positive integer'],
    ['maxRecords', { maxRecords: -1 }, 'a non-negative integer'],
    ['seed', { seed: 1.5 }, 'an integer'],
  ])('refuses an invalid %s', async (option, invalid, expected) => {
    const verifying = verifyAdapter(closeOffset(), { server: closeOffsetServer(), ...invalid })
    await expect(verifying).rejects.toThrow(InvalidOptionError)
    await expect(verifying).rejects.toThrow(`verifyAdapter: option "${option}" must be ${expected}`)
  })

  it('refuses a missing server and an adapter without a maxLimit', async () => {
    // @ts-expect-error: the server is required
    await expect(verifyAdapter(closeOffset(), {})).rejects.toThrow(
      'option "server" must be a simulated server',
    )
    const noMaxLimit = { ...closeOffset(), maxLimit: 0 }
    await expect(verifyAdapter(noMaxLimit, { server: closeOffsetServer() })).rejects.toThrow(
      'option "adapter.maxLimit" must be a positive integer, received 0',
    )
  })

  it('says so when a malformed answer applies to no page', async () => {
    const server = {
      ...closeOffsetServer(),
      malformed: [{ name: 'never', appliesTo: () => false, corrupt: () => ({}) }],
    }
    await expect(verifyAdapter(closeOffset(), { server, numRuns: 2, maxRecords: 10 })).rejects.toThrow(
      '[pagewise/testing] close.offset: the malformed answer "never" of "Close offset list" applied to no page',
    )
  })

  it("a simulated server that throws is the server's fault, not the adapter's", async () => {
    const server = {
      ...closeOffsetServer(),
      respond: () => {
        throw new Error('respond is not implemented')
      },
    }
    const verifying = verifyAdapter(closeOffset(), { server, numRuns: 5 })
    await expect(verifying).rejects.toThrow(SimulatedServerFault)
    await expect(verifying).rejects.toThrow(
      'the simulated server "Close offset list" threw in respond: respond is not implemented',
    )
  })
})
