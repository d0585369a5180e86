import { JOB_TITLES, LEAD_DESCRIPTIONS } from './crmWords'
import type { CloseContact, CloseLead, CloseOpportunity } from './closeTypes'
import { closeFixtures } from './closeFixtures'
import type { CloseFixtures } from './closeFixtures'
import { closeTimestamp, DAY_MS, MINUTE_MS, REFERENCE_TIME_MS } from './dates'
import { fakeCompany, fakeEmail, fakeLocation, fakePerson, fakePhone } from './fakeValues'
import type { FakeCompany } from './fakeValues'
import { closeId } from './ids'
import type { Rng } from './random'
import { recordRng, SALT } from './random'
import { flat } from './flat'

/** What every Close generator needs: the seed, the fixed entities and the dataset sizes. */
export interface CloseContext {
  seed: number
  fixtures: CloseFixtures
  leadCount: number
  opportunityCount: number
  eventCount: number
  /** Average time between two consecutive leads' `date_created`. */
  leadGapMs: number
}

/** Looks up generated records by index (from the materialised list when there is one, else generated). */
export interface CloseRecordSource {
  leadAt(index: number): CloseLead
  opportunityAt(index: number): CloseOpportunity
}

/** Builds the generator context; leads spread over up to 3 years before the reference time. */
export function closeContext(
  seed: number,
  leadCount: number,
  opportunityCount: number,
  eventCount: number,
): CloseContext {
  const leadGapMs = Math.max(
    MINUTE_MS,
    Math.min(DAY_MS, Math.floor((3 * 365 * DAY_MS) / Math.max(1, leadCount))),
  )
  return { seed, fixtures: closeFixtures(seed), leadCount, opportunityCount, eventCount, leadGapMs }
}

/** The first, cheap part of lead `index`: enough for other records to refer to it. */
export interface CloseLeadIdentity {
  id: string
  company: FakeCompany
  createdMs: number
  /** The lead's random stream, positioned after the identity draws. */
  rng: Rng
}

/** Id, name and creation time of lead `index` (newest first: larger indexes are older). */
export function closeLeadIdentity(ctx: CloseContext, index: number): CloseLeadIdentity {
  const rng = recordRng(ctx.seed, SALT.closeLead, index)
  const id = closeId('lead', ctx.seed, SALT.closeLead, index, rng)
  const company = fakeCompany(rng)
  const createdMs = REFERENCE_TIME_MS - index * ctx.leadGapMs - Math.floor(rng.next() * ctx.leadGapMs)
  return { id, company, createdMs, rng }
}

function contactOf(
  ctx: CloseContext,
  lead: CloseLeadIdentity,
  leadIndex: number,
  slot: number,
  dial: string,
): CloseContact {
  const { rng } = lead
  const person = fakePerson(rng)
  const created = closeTimestamp(lead.createdMs + slot * rng.int(1_000, 600_000))
  return {
    id: closeId('cont', ctx.seed, SALT.closeContact, leadIndex * 4 + slot, rng),
    lead_id: lead.id,
    organization_id: ctx.fixtures.organizationId,
    name: person.full,
    title: rng.pick(JOB_TITLES),
    emails: [{ email: fakeEmail(person, lead.company.domain), type: 'office' }],
    phones: rng.chance(0.85) ? [{ phone: fakePhone(rng, dial), type: 'office' }] : [],
    date_created: created,
    date_updated: created,
    created_by: rng.pick(ctx.fixtures.users).id,
  }
}

/** Overrides for leads inserted by the drift fault. */
export interface CloseLeadOverrides {
  /** Creation time instead of the index-derived one. */
  createdMs?: number
  /** Number of contacts (1–3) instead of a random one. */
  contacts?: number
}

/**
 * Lead `index` as a pure function of (seed, index): indexes beyond the dataset size give new leads (drift).
 *
 * @example
 * const lead = generateCloseLead(closeContext(1, 2500, 1500, 1000), 0)
 */
export function generateCloseLead(
  ctx: CloseContext,
  index: number,
  overrides: CloseLeadOverrides = {},
): CloseLead {
  const identity = closeLeadIdentity(ctx, index)
  if (overrides.createdMs !== undefined) identity.createdMs = overrides.createdMs
  const { rng, company, createdMs } = identity
  const status = rng.pick(ctx.fixtures.leadStatuses)
  const location = fakeLocation(rng)
  const contactCount = overrides.contacts ?? rng.int(1, 3)
  const contacts: CloseContact[] = []
  for (let slot = 0; slot < contactCount; slot += 1)
    contacts.push(contactOf(ctx, identity, index, slot, location.dial))
  const sinceCreated = Math.max(0, REFERENCE_TIME_MS - createdMs)
  const updatedMs = createdMs + Math.floor(rng.next() ** 2 * sinceCreated)
  const creator = rng.pick(ctx.fixtures.users)
  const updater = rng.chance(0.5) ? creator : rng.pick(ctx.fixtures.users)
  return {
    id: identity.id,
    display_name: company.name,
    name: company.name,
    status_id: status.id,
    status_label: status.label,
    description: rng.pick(LEAD_DESCRIPTIONS),
    url: rng.chance(0.8) ? flat('https://www.', company.domain) : null,
    html_url: flat('https://app.close.com/lead/', identity.id, '/'),
    contacts,
    addresses: rng.chance(0.9)
      ? [
          {
            label: 'business',
            address_1: location.street,
            address_2: location.suite,
            city: location.city,
            state: location.state,
            zipcode: location.zipcode,
            country: location.country,
          },
        ]
      : [],
    date_created: closeTimestamp(createdMs),
    date_updated: closeTimestamp(updatedMs),
    created_by: creator.id,
    updated_by: updater.id,
    organization_id: ctx.fixtures.organizationId,
  }
}
