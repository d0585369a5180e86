import { expect } from 'vitest'
import type { PageRequest } from '../src/core/types'
import type { AdapterReport, ConformanceProperty, SimulatedServer } from '../src/testing'

/** How many runs of a `verifyAdapter` report checked the property `name` (`undefined` when none did). */
export function runsOf(report: AdapterReport, name: string): number | undefined {
  return report.properties.find((property) => property.name === name)?.runs
}

/** The properties every adapter's runs check; offset adapters add `no-loss-under-drift` and `random-access`. */
export const EVERY_ADAPTER_PROPERTIES: readonly ConformanceProperty[] = [
  'valid-pages-read',
  'well-formed-requests',
  'request-count',
  'distinct-page-params',
  'stops-at-end',
  'page-items',
  'exactly-once',
  'malformed-pages',
]

/** Each of `properties` was checked on at least one run of the report. */
export function expectExercised(report: AdapterReport, properties: readonly ConformanceProperty[]): void {
  for (const property of properties) expect(runsOf(report, property), property).toBeGreaterThan(0)
}

/**
 * Every malformed answer of the report was sent, and refused, on at least one run; with `server`, the report lists
 * every one of that server's malformed answers.
 */
export function expectEveryMalformedPageSent(report: AdapterReport, server?: SimulatedServer<unknown>): void {
  if (server) expect(report.malformedPages).toHaveLength(server.malformed?.length ?? -1)
  for (const page of report.malformedPages) expect(page.runs, page.name).toBeGreaterThan(0)
}

/** A request as a simulated server reads it: `query`, and `body` for servers that take their params in JSON. */
export const simulatedRequest = (
  query: Record<string, string>,
  body?: Record<string, unknown>,
): PageRequest<unknown> => ({
  pageParam: null,
  limit: 0,
  query,
  ...(body ? { body } : {}),
  signal: new AbortController().signal,
})
