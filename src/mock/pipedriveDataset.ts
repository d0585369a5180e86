import { REFERENCE_TIME_MS } from './dates'
import { defineLazy } from './lazy'
import { pipedriveContext } from './pipedriveContext'
import type { PipedriveContext, PipedriveRecordSource } from './pipedriveContext'
import { generatePipedriveDeal } from './pipedriveDeals'
import { generatePipedriveLead } from './pipedriveLeads'
import { generatePipedriveNote } from './pipedriveNotes'
import { generatePipedrivePerson } from './pipedrivePersons'
import type { PipedriveDataset, PipedriveDeal, PipedrivePerson } from './pipedriveTypes'

/** Sizes and seed of a generated Pipedrive dataset. */
export interface PipedriveDatasetOptions {
  /** Seed of every generated value: the same seed and sizes give identical records. @default 1 */
  seed?: number
  /** Number of deals (ids 1…n). @default 2500 */
  deals?: number
  /** Number of persons (ids 1…n). @default 1000 */
  persons?: number
  /** Number of notes (ids 1…n). @default 2500 */
  notes?: number
  /** Number of leads. @default 500 */
  leads?: number
}

/** A generated Pipedrive dataset with what the mock needs to generate more records (drift). */
export interface PipedriveDatasetBuild {
  dataset: PipedriveDataset
  ctx: PipedriveContext
  source: PipedriveRecordSource
}

function times<T>(count: number, make: (index: number) => T): T[] {
  const out: T[] = new Array<T>(count)
  for (let i = 0; i < count; i += 1) out[i] = make(i)
  return out
}

const size = (value: number | undefined, fallback: number): number =>
  Math.max(0, Math.floor(value ?? fallback))

/** Builds the dataset and its record source; records refer to each other through the generated lists. */
export function buildPipedriveDataset(options: PipedriveDatasetOptions = {}): PipedriveDatasetBuild {
  const seed = options.seed ?? 1
  const ctx = pipedriveContext(seed, {
    deals: size(options.deals, 2500),
    persons: size(options.persons, 1000),
    notes: size(options.notes, 2500),
    leads: size(options.leads, 500),
  })
  let deals: PipedriveDeal[] | undefined
  const source: PipedriveRecordSource = { dealAt: (i) => deals?.[i] ?? generatePipedriveDeal(ctx, i) }
  const dataset = { seed, referenceTime: new Date(REFERENCE_TIME_MS).toISOString() } as PipedriveDataset
  defineLazy(dataset, 'deals', () =>
    (deals ??= times(ctx.dealCount, (i) => generatePipedriveDeal(ctx, i))).slice(),
  )
  defineLazy(dataset, 'persons', () => times(ctx.personCount, (i) => generatePipedrivePerson(ctx, i)))
  defineLazy(dataset, 'notes', () => times(ctx.noteCount, (i) => generatePipedriveNote(ctx, source, i)))
  defineLazy(dataset, 'leads', () => times(ctx.leadCount, (i) => generatePipedriveLead(ctx, i)))
  return { dataset, ctx, source }
}

/** A person by id: persons are stored by id ascending, from 1, with drift appending the next ids. */
export function personById(build: PipedriveDatasetBuild, id: number): PipedrivePerson | undefined {
  const persons = build.dataset.persons
  const at = persons[id - 1]
  return at?.id === id ? at : persons.find((person) => person.id === id)
}

/**
 * Generates a deterministic Pipedrive dataset (deals, persons, notes, leads); each resource is built on first
 * access. Note contents are HTML and include hostile samples (`<script>`, `onerror=`) to test safe rendering.
 *
 * @example
 * const dataset = createPipedriveDataset({ seed: 3, deals: 10_000 })
 * dataset.deals[0]?.id // 1
 */
export function createPipedriveDataset(options: PipedriveDatasetOptions = {}): PipedriveDataset {
  return buildPipedriveDataset(options).dataset
}
