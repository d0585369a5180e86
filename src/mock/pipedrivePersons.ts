import { CITIES } from './companies'
import { rfc3339 } from './dates'
import { fakeEmail, fakePhone } from './fakeValues'
import type { PipedriveContext } from './pipedriveContext'
import { addTimeOf, organizationAt, personIdentity, updateTimeOf } from './pipedriveContext'
import type { PipedriveContactPoint, PipedrivePerson } from './pipedriveTypes'

const PERSONAL_DOMAINS = ['gmail.com', 'outlook.com', 'proton.me', 'icloud.com', 'yahoo.com']

/**
 * Person `index` (id `index + 1`) as a pure function of (seed, index). `addMs` overrides the creation time
 * (drift inserts newer persons).
 *
 * @example
 * const person = generatePipedrivePerson(pipedriveContext(1, { deals: 10, persons: 10, notes: 0, leads: 0 }), 0)
 */
export function generatePipedrivePerson(
  ctx: PipedriveContext,
  index: number,
  addMs?: number,
): PipedrivePerson {
  const { person, organizationIndex, rng } = personIdentity(ctx, index)
  const domain =
    organizationIndex === null ? rng.pick(PERSONAL_DOMAINS) : organizationAt(ctx, organizationIndex).domain
  const emails: PipedriveContactPoint[] = [{ value: fakeEmail(person, domain), primary: true, label: 'work' }]
  if (rng.chance(0.2)) {
    emails.push({ value: fakeEmail(person, rng.pick(PERSONAL_DOMAINS)), primary: false, label: 'home' })
  }
  const dial = rng.pick(CITIES).dial
  const phones: PipedriveContactPoint[] = rng.chance(0.8)
    ? [{ value: fakePhone(rng, dial), primary: true, label: rng.chance(0.6) ? 'work' : 'mobile' }]
    : []
  const added = addMs ?? addTimeOf(rng, index, ctx.personCount)
  const updated = addMs ?? updateTimeOf(rng, added)
  return {
    id: index + 1,
    name: person.full,
    first_name: person.first,
    last_name: person.last,
    emails,
    phones,
    org_id: organizationIndex === null ? null : organizationIndex + 1,
    owner_id: rng.pick(ctx.users).id,
    add_time: rfc3339(added),
    update_time: rfc3339(updated),
    is_deleted: false,
  }
}
