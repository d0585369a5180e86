import { closeTimestamp, dateOnly, REFERENCE_TIME_MS } from './dates'
import { DEAL_SUBJECTS, NOTE_SENTENCES } from './crmWords'
import type { CloseContext, CloseRecordSource } from './closeLeads'
import type { CloseOpportunity } from './closeTypes'
import { fakeAmount } from './fakeValues'
import { closeId } from './ids'
import { recordRng, SALT } from './random'

const PERIODS = ['one_time', 'one_time', 'monthly', 'annual'] as const

/**
 * Opportunity `index` as a pure function of (seed, index), attached to a random generated lead.
 * `createdMs` overrides the creation time (drift inserts newer ones).
 *
 * @example
 * const ctx = closeContext(1, 2500, 1500, 1000)
 * const opportunity = generateCloseOpportunity(ctx, { leadAt: (i) => generateCloseLead(ctx, i) }, 0)
 */
export function generateCloseOpportunity(
  ctx: CloseContext,
  source: Pick<CloseRecordSource, 'leadAt'>,
  index: number,
  createdMs?: number,
): CloseOpportunity {
  const rng = recordRng(ctx.seed, SALT.closeOpportunity, index)
  const id = closeId('oppo', ctx.seed, SALT.closeOpportunity, index, rng)
  const lead = source.leadAt(rng.int(0, Math.max(0, ctx.leadCount - 1)))
  const leadCreatedMs = Date.parse(lead.date_created.slice(0, 23) + 'Z')
  const contact = lead.contacts.length > 0 ? rng.pick(lead.contacts) : undefined
  const roll = rng.next()
  const status = ctx.fixtures.opportunityStatuses[roll < 0.55 ? 0 : roll < 0.8 ? 1 : 2]!
  const created =
    createdMs ?? leadCreatedMs + Math.floor(rng.next() * Math.max(0, REFERENCE_TIME_MS - leadCreatedMs))
  const updated = created + Math.floor(rng.next() * Math.max(0, REFERENCE_TIME_MS - created))
  const user = rng.pick(ctx.fixtures.users)
  const sentence = rng.pick(NOTE_SENTENCES).replace('{name}', contact?.name.split(' ')[0] ?? 'the team')
  return {
    id,
    lead_id: lead.id,
    lead_name: lead.display_name,
    contact_id: contact?.id ?? null,
    status_id: status.id,
    status_type: status.type,
    status_label: status.label,
    value: fakeAmount(rng, 500, 250_000) * 100,
    value_currency: 'USD',
    value_period: rng.pick(PERIODS),
    confidence: status.type === 'won' ? 100 : status.type === 'lost' ? 0 : rng.int(1, 18) * 5,
    note: `${rng.pick(DEAL_SUBJECTS)}. ${sentence}`,
    user_id: user.id,
    user_name: user.name,
    date_created: closeTimestamp(created),
    date_updated: closeTimestamp(updated),
    date_won: status.type === 'won' ? dateOnly(updated) : null,
    organization_id: ctx.fixtures.organizationId,
  }
}
