import type { CloseDatasetBuild } from './closeDataset'
import { generateCloseEvent } from './closeEvents'
import { generateCloseLead } from './closeLeads'
import { generateCloseOpportunity } from './closeOpportunities'
import { MINUTE_MS, REFERENCE_TIME_MS } from './dates'
import { isMaterialised } from './lazy'

/**
 * Counters of records inserted by drift and by writes (`closeWrites.ts`), so each new record gets a new index and a
 * newer time, and a lead created by a write never takes the id of a later drift lead.
 */
export interface CloseDriftCounters {
  leads: number
  opportunities: number
  events: number
  /** Contacts created by writes (nested in a new lead); drift contacts are numbered by their lead. */
  contacts: number
  /** Shared clock: every new or changed record is one minute newer than the previous one (after the reference time). */
  serial: number
}

/** Fresh drift counters. */
export function closeDriftCounters(): CloseDriftCounters {
  return { leads: 0, opportunities: 0, events: 0, contacts: 0, serial: 0 }
}

/** The next tick of the shared clock: newer than every generated, drifted or written record so far. */
export function nextCloseTime(counters: CloseDriftCounters): number {
  counters.serial += 1
  return REFERENCE_TIME_MS + counters.serial * MINUTE_MS
}

/** Inserts `count` new leads (one contact each) at the head of `leads` and, once built, `contacts`. */
export function insertCloseLeads(
  build: CloseDatasetBuild,
  counters: CloseDriftCounters,
  count: number,
): void {
  const created = Array.from({ length: count }, () => {
    counters.leads += 1
    return generateCloseLead(build.ctx, build.ctx.leadCount + counters.leads - 1, {
      createdMs: nextCloseTime(counters),
      contacts: 1,
    })
  }).reverse()
  const { dataset } = build
  const contactsBuilt = isMaterialised(dataset, 'contacts')
  dataset.leads.unshift(...created)
  if (contactsBuilt) dataset.contacts.unshift(...created.flatMap((lead) => lead.contacts))
}

/** Inserts `count` new opportunities (on existing leads) at the head of `opportunities`. */
export function insertCloseOpportunities(
  build: CloseDatasetBuild,
  counters: CloseDriftCounters,
  count: number,
): void {
  const created = Array.from({ length: count }, () => {
    counters.opportunities += 1
    const index = build.ctx.opportunityCount + counters.opportunities - 1
    return generateCloseOpportunity(build.ctx, build.source, index, nextCloseTime(counters))
  }).reverse()
  build.dataset.opportunities.unshift(...created)
}

/** Inserts `count` new events at the head of the event log. */
export function insertCloseEvents(
  build: CloseDatasetBuild,
  counters: CloseDriftCounters,
  count: number,
): void {
  const created = Array.from({ length: count }, () => {
    counters.events += 1
    const index = build.ctx.eventCount + counters.events - 1
    return generateCloseEvent(build.ctx, build.source, index, nextCloseTime(counters))
  }).reverse()
  build.dataset.events.unshift(...created)
}
