import { DAY_MS, MINUTE_MS, REFERENCE_TIME_MS } from './dates'
import { fakeCompany, fakePerson } from './fakeValues'
import type { FakeCompany, FakePerson } from './fakeValues'
import { uuid } from './ids'
import type { Rng } from './random'
import { createRng, hashSeed, recordRng, SALT } from './random'
import type { PipedriveDeal } from './pipedriveTypes'

/** A user (owner) of the mock Pipedrive company. */
export interface PipedriveUser {
  id: number
  name: string
  email: string
}

/** What every Pipedrive generator needs: the seed, the sizes and the fixed entities. */
export interface PipedriveContext {
  seed: number
  dealCount: number
  personCount: number
  noteCount: number
  leadCount: number
  organizationCount: number
  users: PipedriveUser[]
  leadLabelIds: string[]
}

/** Looks up generated deals by index (from the materialised list when there is one, else generated). */
export interface PipedriveRecordSource {
  dealAt(index: number): PipedriveDeal
}

const USER_NAMES = ['Mira Castell', 'Jonah Pike', 'Ines Barros', 'Tobias Lund', 'Rina Sato', 'Kwame Mensah']

/** Builds the generator context for the given sizes. */
export function pipedriveContext(
  seed: number,
  sizes: { deals: number; persons: number; notes: number; leads: number },
): PipedriveContext {
  const firstUserId = 10_000_000 + (hashSeed(seed, SALT.pipedriveUser) % 8_000_000)
  const labels = createRng(hashSeed(seed, SALT.pipedriveUser, 1))
  return {
    seed,
    dealCount: sizes.deals,
    personCount: sizes.persons,
    noteCount: sizes.notes,
    leadCount: sizes.leads,
    organizationCount: Math.max(1, Math.ceil(sizes.persons / 4)),
    users: USER_NAMES.map((name, i) => ({
      id: firstUserId + i * 17,
      name,
      email: `${name.split(' ')[0]?.toLowerCase() ?? 'user'}@pagewise-demo.com`,
    })),
    leadLabelIds: [0, 1, 2].map((i) => uuid(seed, SALT.pipedriveUser, i, labels)),
  }
}

/**
 * Creation time of record `index` of `count`: ids ascend with time, the newest generated record is just before the
 * reference time, and records are spread over at most 4 years.
 */
export function addTimeOf(rng: Rng, index: number, count: number): number {
  const gap = Math.max(MINUTE_MS, Math.min(DAY_MS, Math.floor((4 * 365 * DAY_MS) / Math.max(1, count))))
  return REFERENCE_TIME_MS - (count - index) * gap + Math.floor(rng.next() * gap)
}

/** A later time for `update_time`, never after the reference time (unless `addMs` already is). */
export function updateTimeOf(rng: Rng, addMs: number): number {
  return addMs + Math.floor(rng.next() ** 2 * Math.max(0, REFERENCE_TIME_MS - addMs))
}

/** Organization `index` (organizations have no endpoint here; records refer to them by id = index + 1). */
export function organizationAt(ctx: PipedriveContext, index: number): FakeCompany {
  return fakeCompany(recordRng(ctx.seed, SALT.pipedriveOrganization, index))
}

/** The cheap first part of person `index`: name and organization. */
export interface PipedrivePersonIdentity {
  person: FakePerson
  organizationIndex: number | null
  rng: Rng
}

/** Name and organization of person `index` (id `index + 1`). */
export function personIdentity(ctx: PipedriveContext, index: number): PipedrivePersonIdentity {
  const rng = recordRng(ctx.seed, SALT.pipedrivePerson, index)
  const person = fakePerson(rng)
  const organizationIndex = rng.chance(0.85) ? rng.int(0, ctx.organizationCount - 1) : null
  return { person, organizationIndex, rng }
}
