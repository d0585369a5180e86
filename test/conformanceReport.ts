import { expect } from 'vitest'
import type { SimulatedServer } from '../src/testing/simulatedServer'
import type { AdapterReport } from '../src/testing/verifyAdapter'

/** How many runs of a `verifyAdapter` report checked the property `name` (`undefined` when none did). */
export function runsOf(report: AdapterReport, name: string): number | undefined {
  return report.properties.find((property) => property.name === name)?.runs
}

/**
 * Every malformed answer of the report was sent, and refused, on at least one run; with `server`, the report lists
 * every one of that server's malformed answers.
 */
export function expectEveryMalformedPageSent(report: AdapterReport, server?: SimulatedServer<unknown>): void {
  if (server) expect(report.malformedPages).toHaveLength(server.malformed?.length ?? -1)
  for (const page of report.malformedPages) expect(page.runs, page.name).toBeGreaterThan(0)
}
