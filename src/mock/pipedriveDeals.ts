import { DEAL_SUBJECTS } from './crmWords'
import { DAY_MS, dateOnly, rfc3339 } from './dates'
import { fakeAmount } from './fakeValues'
import { flat } from './flat'
import type { PipedriveContext } from './pipedriveContext'
import { addTimeOf, organizationAt, personIdentity, updateTimeOf } from './pipedriveContext'
import type { PipedriveDeal } from './pipedriveTypes'
import { recordRng, SALT } from './random'

const CURRENCIES = ['USD', 'USD', 'EUR', 'EUR', 'GBP'] as const
const LOST_REASONS = ['Too expensive', 'Chose a competitor', 'No budget this year', 'No response', 'Timing']

/** Stages per pipeline: stage ids are `(pipeline_id - 1) * 5 + 1 … + 5`. */
export const STAGES_PER_PIPELINE = 5

/** Pipelines of the mock company: ids 1 and 2. */
export const PIPELINES = 2

/**
 * Deal `index` (id `index + 1`) as a pure function of (seed, index). `addMs` overrides the creation time
 * (drift inserts newer deals).
 *
 * @example
 * const deal = generatePipedriveDeal(pipedriveContext(1, { deals: 10, persons: 10, notes: 0, leads: 0 }), 0)
 */
export function generatePipedriveDeal(ctx: PipedriveContext, index: number, addMs?: number): PipedriveDeal {
  const rng = recordRng(ctx.seed, SALT.pipedriveDeal, index)
  const personIndex = ctx.personCount > 0 && rng.chance(0.9) ? rng.int(0, ctx.personCount - 1) : null
  const identity = personIndex === null ? undefined : personIdentity(ctx, personIndex)
  const orgIndex =
    identity !== undefined
      ? identity.organizationIndex
      : rng.chance(0.5)
        ? rng.int(0, ctx.organizationCount - 1)
        : null
  const customer = orgIndex !== null ? organizationAt(ctx, orgIndex).name : identity?.person.full
  const roll = rng.next()
  const status = roll < 0.6 ? 'open' : roll < 0.85 ? 'won' : 'lost'
  const pipeline = rng.int(1, PIPELINES)
  const stage =
    (pipeline - 1) * STAGES_PER_PIPELINE + (status === 'won' ? STAGES_PER_PIPELINE : rng.int(1, 5))
  const added = addMs ?? addTimeOf(rng, index, ctx.dealCount)
  const updated = addMs ?? updateTimeOf(rng, added)
  const stageChanged = rng.chance(0.7) ? added + Math.floor(rng.next() * (updated - added)) : null
  const closed = status === 'open' ? null : rfc3339(updated)
  return {
    id: index + 1,
    title:
      customer === undefined ? rng.pick(DEAL_SUBJECTS) : flat(rng.pick(DEAL_SUBJECTS), ' for ', customer),
    value: fakeAmount(rng, 200, 150_000),
    currency: rng.pick(CURRENCIES),
    status,
    stage_id: stage,
    pipeline_id: pipeline,
    person_id: personIndex === null ? null : personIndex + 1,
    org_id: orgIndex === null ? null : orgIndex + 1,
    owner_id: rng.pick(ctx.users).id,
    add_time: rfc3339(added),
    update_time: rfc3339(updated),
    stage_change_time: stageChanged === null ? null : rfc3339(stageChanged),
    close_time: closed,
    won_time: status === 'won' ? closed : null,
    lost_time: status === 'lost' ? closed : null,
    lost_reason: status === 'lost' ? rng.pick(LOST_REASONS) : null,
    expected_close_date: rng.chance(0.7) ? dateOnly(added + rng.int(7, 120) * DAY_MS) : null,
    probability: rng.chance(0.5) ? null : rng.int(1, 9) * 10,
    is_deleted: false,
  }
}
