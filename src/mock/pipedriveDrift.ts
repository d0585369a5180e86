import { MINUTE_MS, REFERENCE_TIME_MS } from './dates'
import type { PipedriveDatasetBuild } from './pipedriveDataset'
import { generatePipedriveDeal } from './pipedriveDeals'
import { generatePipedriveLead } from './pipedriveLeads'
import { generatePipedriveNote } from './pipedriveNotes'
import { generatePipedrivePerson } from './pipedrivePersons'

/**
 * Counters of records inserted by drift and by writes (`pipedriveWrites.ts`), so each new record gets the next id and
 * a newer time, and a deal created by a write never shares its id with a drift deal.
 */
export interface PipedriveDriftCounters {
  deals: number
  persons: number
  notes: number
  leads: number
  /** Shared clock: every new or changed record is one minute newer than the previous one (after the reference time). */
  serial: number
}

/** Fresh drift counters. */
export function pipedriveDriftCounters(): PipedriveDriftCounters {
  return { deals: 0, persons: 0, notes: 0, leads: 0, serial: 0 }
}

type Kind = 'deals' | 'persons' | 'notes' | 'leads'

/** The next tick of the shared clock: newer than every generated, drifted or written record so far. */
export function nextPipedriveTime(counters: PipedriveDriftCounters): number {
  counters.serial += 1
  return REFERENCE_TIME_MS + counters.serial * MINUTE_MS
}

/**
 * Appends `count` new records of `kind`: the next ids, `add_time` = `update_time` = newer than everything. They are
 * stored in id order (the end of the arrays), which puts them at the head of `sort_by=update_time|add_time` with
 * `sort_direction=desc` and at the end of the default `id asc` order, as new records are in Pipedrive.
 */
export function insertPipedriveRecords(
  build: PipedriveDatasetBuild,
  counters: PipedriveDriftCounters,
  kind: Kind,
  count: number,
): void {
  const { ctx, dataset, source } = build
  for (let i = 0; i < count; i += 1) {
    counters[kind] += 1
    const time = nextPipedriveTime(counters)
    const offset = counters[kind] - 1
    if (kind === 'deals') dataset.deals.push(generatePipedriveDeal(ctx, ctx.dealCount + offset, time))
    else if (kind === 'persons')
      dataset.persons.push(generatePipedrivePerson(ctx, ctx.personCount + offset, time))
    else if (kind === 'notes')
      dataset.notes.push(generatePipedriveNote(ctx, source, ctx.noteCount + offset, time))
    else dataset.leads.push(generatePipedriveLead(ctx, ctx.leadCount + offset, time))
  }
}
