import { LEAD_SOURCES } from './crmWords'
import { DAY_MS, dateOnly, isoWithMs } from './dates'
import { fakeAmount } from './fakeValues'
import { flat } from './flat'
import { uuid } from './ids'
import type { PipedriveContext } from './pipedriveContext'
import { addTimeOf, organizationAt, personIdentity, updateTimeOf } from './pipedriveContext'
import type { PipedriveLead } from './pipedriveTypes'
import { recordRng, SALT } from './random'

/**
 * Lead `index` as a pure function of (seed, index); ids are UUIDs, as in Pipedrive. `addMs` overrides the creation
 * time (drift inserts newer leads).
 *
 * @example
 * const lead = generatePipedriveLead(pipedriveContext(1, { deals: 0, persons: 10, notes: 0, leads: 10 }), 0)
 */
export function generatePipedriveLead(ctx: PipedriveContext, index: number, addMs?: number): PipedriveLead {
  const rng = recordRng(ctx.seed, SALT.pipedriveLead, index)
  const id = uuid(ctx.seed, SALT.pipedriveLead, index, rng)
  const personIndex = ctx.personCount > 0 && rng.chance(0.7) ? rng.int(0, ctx.personCount - 1) : null
  const identity = personIndex === null ? undefined : personIdentity(ctx, personIndex)
  const orgIndex = identity !== undefined ? identity.organizationIndex : rng.int(0, ctx.organizationCount - 1)
  const name = orgIndex !== null ? organizationAt(ctx, orgIndex).name : (identity?.person.full ?? 'Unknown')
  const owner = rng.pick(ctx.users)
  const labels = ctx.leadLabelIds.filter(() => rng.chance(0.25))
  const added = addMs ?? addTimeOf(rng, index, ctx.leadCount)
  const updated = addMs ?? updateTimeOf(rng, added)
  return {
    id,
    title: flat(name, ' lead'),
    owner_id: owner.id,
    creator_id: rng.chance(0.7) ? owner.id : rng.pick(ctx.users).id,
    label_ids: labels,
    person_id: personIndex === null ? null : personIndex + 1,
    organization_id: orgIndex === null ? null : orgIndex + 1,
    source_name: rng.pick(LEAD_SOURCES),
    is_archived: rng.chance(0.12),
    was_seen: rng.chance(0.6),
    value: rng.chance(0.7)
      ? { amount: fakeAmount(rng, 500, 80_000), currency: rng.chance(0.7) ? 'USD' : 'EUR' }
      : null,
    expected_close_date: rng.chance(0.4) ? dateOnly(added + rng.int(14, 180) * DAY_MS) : null,
    next_activity_id: rng.chance(0.3) ? rng.int(1, 50_000) : null,
    add_time: isoWithMs(added),
    update_time: isoWithMs(updated),
    visible_to: '3',
    cc_email: flat('pagewise-demo+', id.slice(0, 8), '@pipedrivemail.com'),
  }
}
