import type { CloseContext, CloseRecordSource } from './closeLeads'
import type { CloseLogEvent, CloseEventObjectType } from './closeTypes'
import { closeTimestamp, DAY_MS, REFERENCE_TIME_MS } from './dates'
import { JOB_TITLES } from './crmWords'
import { closeFixedId, closeId } from './ids'
import type { Rng } from './random'
import { recordRng, SALT } from './random'

const METHODS = { created: 'POST', updated: 'PUT', deleted: 'DELETE', merged: 'POST' } as const

type Action = CloseLogEvent['action']

interface Subject {
  objectType: CloseEventObjectType
  objectId: string
  leadId: string
  snapshot: Record<string, unknown>
  /** Changed fields of an update, with their previous values. */
  change: Record<string, unknown>
}

function pickAction(rng: Rng, objectType: CloseEventObjectType): Action {
  const roll = rng.next()
  if (roll < 0.3) return 'created'
  if (roll < 0.85) return 'updated'
  if (roll < 0.95 || objectType !== 'lead') return 'deleted'
  return 'merged'
}

function subjectOf(
  ctx: CloseContext,
  source: CloseRecordSource,
  rng: Rng,
  objectType: CloseEventObjectType,
): Subject {
  if (objectType === 'opportunity') {
    const o = source.opportunityAt(rng.int(0, ctx.opportunityCount - 1))
    const snapshot = {
      id: o.id,
      lead_id: o.lead_id,
      status_type: o.status_type,
      value: o.value,
      note: o.note,
    }
    const change = rng.chance(0.5)
      ? { status_type: 'active', confidence: 50 }
      : { value: Math.round(o.value * 0.8) }
    return { objectType, objectId: o.id, leadId: o.lead_id, snapshot, change }
  }
  const lead = source.leadAt(rng.int(0, ctx.leadCount - 1))
  const contact = lead.contacts[0]
  if (objectType === 'contact' && contact !== undefined) {
    const snapshot = { id: contact.id, lead_id: lead.id, name: contact.name, title: contact.title }
    return {
      objectType,
      objectId: contact.id,
      leadId: lead.id,
      snapshot,
      change: { title: rng.pick(JOB_TITLES) },
    }
  }
  const snapshot = { id: lead.id, display_name: lead.display_name, status_label: lead.status_label }
  const previousStatus = rng.pick(ctx.fixtures.leadStatuses)
  return {
    objectType: 'lead',
    objectId: lead.id,
    leadId: lead.id,
    snapshot,
    change: { status_id: previousStatus.id, status_label: previousStatus.label },
  }
}

/**
 * Event `index` of the log (0 = newest) as a pure function of (seed, index). Events are spread over the 30 days
 * before the reference time; `updatedMs` overrides the time (drift inserts newer ones).
 *
 * @example
 * const event = generateCloseEvent(ctx, source, 0) // source: see `buildCloseDataset`
 */
export function generateCloseEvent(
  ctx: CloseContext,
  source: CloseRecordSource,
  index: number,
  updatedMs?: number,
): CloseLogEvent {
  const rng = recordRng(ctx.seed, SALT.closeEvent, index)
  const id = closeId('ev', ctx.seed, SALT.closeEvent, index, rng)
  const gap = Math.floor((30 * DAY_MS) / Math.max(1, ctx.eventCount))
  const updated = updatedMs ?? REFERENCE_TIME_MS - index * gap - Math.floor(rng.next() * gap)
  const kindRoll = rng.next()
  const wanted: CloseEventObjectType =
    kindRoll < 0.4 || ctx.opportunityCount === 0 ? 'lead' : kindRoll < 0.7 ? 'contact' : 'opportunity'
  const subject = subjectOf(ctx, source, rng, wanted)
  const action = pickAction(rng, subject.objectType)
  const user = rng.pick(ctx.fixtures.users)
  const viaApi = rng.chance(0.2)
  const changed = action === 'updated' ? Object.keys(subject.change) : []
  const meta: Record<string, unknown> = {
    request_path: `/api/v1/${subject.objectType}/${action === 'created' ? '' : `${subject.objectId}/`}`,
    request_method: METHODS[action],
  }
  if (action === 'merged') {
    meta.merge_source_lead_id = closeId('lead', ctx.seed, SALT.closeEvent, 1_000_000_000 + index, rng)
    meta.merge_destination_lead_id = subject.leadId
  }
  return {
    id,
    date_created: closeTimestamp(updated - rng.int(0, 1500)),
    date_updated: closeTimestamp(updated),
    organization_id: ctx.fixtures.organizationId,
    user_id: user.id,
    request_id: closeId('req', ctx.seed, SALT.closeEvent, index, rng),
    api_key_id: viaApi
      ? closeFixedId('api', ctx.seed, SALT.closeOrganization, 40 + ctx.fixtures.users.indexOf(user))
      : null,
    object_type: subject.objectType,
    object_id: subject.objectId,
    lead_id: subject.leadId,
    action,
    changed_fields: changed,
    meta,
    data: action === 'deleted' ? {} : { ...subject.snapshot },
    previous_data:
      action === 'updated' ? { ...subject.change } : action === 'deleted' ? { ...subject.snapshot } : {},
  }
}
