/**
 * The conformance kit over `linkHeaderAdapter`: with page-number links (GitHub, GitLab) and cursor links (Shopify),
 * absolute and relative, with a total header; and deliberately broken variants that the kit must reject.
 */
import { describe, expect, it } from 'vitest'
import { linkHeaderAdapter } from '../../src/adapters/linkHeader'
import type { CursorParam } from '../../src/adapters/cursorAdapter'
import type { FullResponse, PaginationAdapter } from '../../src/core/types'
import { AdapterConformanceError, verifyAdapter } from '../../src/testing'
import type { AdapterReport, ConformanceProperty } from '../../src/testing'
import type { SimulatedItem } from './serverParts'
import { linkHeaderServer } from './linkHeaderServer'
import {
  EVERY_ADAPTER_PROPERTIES,
  expectEveryMalformedPageSent,
  expectExercised,
  runsOf,
} from '../conformanceReport'

const RUNS = 100
/**
 * Each run walks up to 5,000 pages, and the loop guard compares every next URL with all those before it (long URLs
 * with a common prefix): several seconds per verification on a busy machine.
 */
const SLOW = { timeout: 60_000 }
type Adapter = PaginationAdapter<FullResponse<SimulatedItem>, SimulatedItem, CursorParam>

/** Every property a cursor adapter's runs check, and every malformed answer sent and refused at least once. */
function expectConforming(report: AdapterReport, extra: ConformanceProperty[] = []): void {
  expectExercised(report, [...EVERY_ADAPTER_PROPERTIES, ...extra])
  expect(runsOf(report, 'request-count')).toBe(RUNS)
  expectEveryMalformedPageSent(report)
}

describe('verifyAdapter over linkHeaderAdapter', () => {
  it('conforms on GitHub-style page-number links', SLOW, async () => {
    const server = linkHeaderServer()
    const report = await verifyAdapter(linkHeaderAdapter(), { server, numRuns: RUNS, seed: 9 })
    expect(report).toMatchObject({ adapterId: 'linkHeader', server: server.name, runs: 2 * RUNS })
    expect(report.malformedPages.map((page) => page.name)).toContain(
      'a rel="next" link to the page just loaded',
    )
    expectConforming(report)
  })

  it('conforms on GitLab-style links with an x-total header (its last links included)', SLOW, async () => {
    const report = await verifyAdapter(linkHeaderAdapter({ id: 'gitlab.issues', totalHeader: 'x-total' }), {
      server: linkHeaderServer({ totalHeader: 'x-total', relativeLinks: true }),
      numRuns: RUNS,
    })
    expectConforming(report, ['total'])
  })

  it(
    'conforms on Shopify-style cursor links, records under a field, with records inserted at the head',
    SLOW,
    async () => {
      const adapter = linkHeaderAdapter<SimulatedItem, { products: SimulatedItem[] }>({
        id: 'shopify.products',
        items: 'products',
        limitParam: 'limit',
        defaultLimit: 50,
        maxLimit: 250,
      })
      const server = linkHeaderServer({ pagination: 'cursor', items: 'products', limitParam: 'limit' })
      const report = await verifyAdapter(adapter, { server, numRuns: RUNS, drift: true })
      expect(report.inserted).toBeGreaterThan(0)
      expectConforming(report, ['no-loss-under-drift'])
    },
  )
})

describe('verifyAdapter rejects broken Link header adapters', () => {
  const correct = linkHeaderAdapter<SimulatedItem>()
  const broken = (overrides: Partial<Adapter>): Adapter => ({ ...correct, ...overrides })
  const rejection = async (
    adapter: Adapter,
    server = linkHeaderServer({ totalHeader: 'x-total-count' }),
  ): Promise<AdapterConformanceError> => {
    const verifying = verifyAdapter(adapter, { server, numRuns: 50, seed: 3 })
    await expect(verifying).rejects.toThrow(AdapterConformanceError)
    return (await verifying.catch((error: unknown) => error)) as AdapterConformanceError
  }

  it('an adapter that follows rel="last" instead of rel="next" loses records', async () => {
    const last = linkHeaderAdapter<SimulatedItem>()
    const followsLast = broken({
      getNextPageParam: (page) => {
        last.getItems(page)
        return /<([^>]*)>[^,]*rel="?[^",]*\blast\b/.exec(page.headers.get('link') ?? '')?.[1]
      },
    })
    const error = await rejection(followsLast)
    expect(error.property).toMatch(/exactly-once|request-count/)
    expect(error.message).toContain('was never received')
  })

  it('an adapter that ignores the Link header reads only the first page', async () => {
    const error = await rejection(broken({ getNextPageParam: () => undefined }))
    expect(error.property).toBe('exactly-once')
  })

  it('an adapter that does not ask for the full response is refused at its first request', async () => {
    const { response: _full, ...bodyOnly } = correct
    const error = await rejection(bodyOnly)
    expect(error.property).toBe('well-formed-requests')
    expect(error.message).toContain('response: "full"')
  })

  it('an adapter that follows the link but sends its own page size instead of the one asked for', async () => {
    const error = await rejection(
      broken({
        toRequest: (url, limit) => ({
          query: { per_page: String(Math.max(1, limit - 1)) },
          ...(url ? { url } : {}),
        }),
      }),
    )
    expect(error.property).toBe('well-formed-requests')
  })
})
