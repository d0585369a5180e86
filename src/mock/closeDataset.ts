import { generateCloseEvent } from './closeEvents'
import { closeContext, generateCloseLead } from './closeLeads'
import type { CloseContext, CloseRecordSource } from './closeLeads'
import { generateCloseOpportunity } from './closeOpportunities'
import type { CloseDataset, CloseLead, CloseOpportunity } from './closeTypes'
import { REFERENCE_TIME_MS } from './dates'
import { defineLazy } from './lazy'

/** Sizes and seed of a generated Close dataset. */
export interface CloseDatasetOptions {
  /** Seed of every generated value: the same seed and sizes give identical records. @default 1 */
  seed?: number
  /** Number of leads. @default 2500 */
  leads?: number
  /** Number of opportunities, each attached to a random lead. @default 60% of `leads` */
  opportunities?: number
  /** Number of events in the 30-day event log. @default 1000 */
  events?: number
}

/** A generated Close dataset with what the mock needs to generate more records (drift). */
export interface CloseDatasetBuild {
  dataset: CloseDataset
  ctx: CloseContext
  source: CloseRecordSource
}

function times<T>(count: number, make: (index: number) => T): T[] {
  const out: T[] = new Array<T>(count)
  for (let i = 0; i < count; i += 1) out[i] = make(i)
  return out
}

type Dated = { date_created: string; id: string }
const newestFirst = (a: Dated, b: Dated): number =>
  a.date_created < b.date_created
    ? 1
    : a.date_created > b.date_created
      ? -1
      : a.id < b.id
        ? 1
        : a.id > b.id
          ? -1
          : 0

/**
 * Builds the dataset and its record source. Records refer to each other through the *generated* lists (in
 * generation order), never the live ones, so drift inserts and the order of first access change nothing.
 */
export function buildCloseDataset(options: CloseDatasetOptions = {}): CloseDatasetBuild {
  const seed = options.seed ?? 1
  const leadCount = Math.max(0, Math.floor(options.leads ?? 2500))
  const opportunityCount =
    leadCount === 0 ? 0 : Math.max(0, Math.floor(options.opportunities ?? leadCount * 0.6))
  const eventCount = leadCount === 0 ? 0 : Math.max(0, Math.floor(options.events ?? 1000))
  const ctx = closeContext(seed, leadCount, opportunityCount, eventCount)
  let leads: CloseLead[] | undefined
  let opportunities: CloseOpportunity[] | undefined
  const source: CloseRecordSource = {
    leadAt: (i) => leads?.[i] ?? generateCloseLead(ctx, i),
    opportunityAt: (i) => opportunities?.[i] ?? generateCloseOpportunity(ctx, source, i),
  }
  const generatedLeads = (): CloseLead[] => (leads ??= times(leadCount, (i) => generateCloseLead(ctx, i)))
  const generatedOpportunities = (): CloseOpportunity[] =>
    (opportunities ??= times(opportunityCount, (i) => generateCloseOpportunity(ctx, source, i)))
  const dataset = { seed, referenceTime: new Date(REFERENCE_TIME_MS).toISOString() } as CloseDataset
  defineLazy(dataset, 'leads', () => generatedLeads().slice())
  defineLazy(dataset, 'contacts', () => dataset.leads.flatMap((lead) => lead.contacts))
  defineLazy(dataset, 'opportunities', () => generatedOpportunities().slice().sort(newestFirst))
  defineLazy(dataset, 'events', () => times(eventCount, (i) => generateCloseEvent(ctx, source, i)))
  return { dataset, ctx, source }
}

/**
 * Generates a deterministic Close dataset: record i depends only on (seed, i) and the sizes, and each resource is
 * built on first access, so 100,000 leads cost nothing until read.
 *
 * @example
 * const dataset = createCloseDataset({ seed: 7, leads: 100_000 })
 * dataset.leads.length // 100000
 */
export function createCloseDataset(options: CloseDatasetOptions = {}): CloseDataset {
  return buildCloseDataset(options).dataset
}
