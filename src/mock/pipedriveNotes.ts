import { NOTE_SENTENCES, UNSAFE_NOTE_HTML } from './crmWords'
import { pipedriveV1Time } from './dates'
import { flat } from './flat'
import type { PipedriveContext, PipedriveRecordSource } from './pipedriveContext'
import { addTimeOf, organizationAt, personIdentity, updateTimeOf } from './pipedriveContext'
import type { PipedriveNote } from './pipedriveTypes'
import type { Rng } from './random'
import { recordRng, SALT } from './random'

/** Every 97th note, starting with id 14, carries hostile markup from `UNSAFE_NOTE_HTML`. */
export const UNSAFE_NOTE_EVERY = 97

function noteHtml(rng: Rng, firstName: string): string {
  const template = rng.pick(NOTE_SENTENCES)
  const at = template.indexOf('{name}')
  const sentence =
    at < 0 ? template : flat(template.slice(0, at), '<b>', firstName, '</b>', template.slice(at + 6))
  const shape = rng.next()
  if (shape < 0.6) return flat('<p>', sentence, '</p>')
  if (shape < 0.85) return flat('<p>', sentence, '<br>Next step: send the proposal &amp; pricing.</p>')
  return flat(
    '<p>',
    sentence,
    '</p><ul><li>Budget confirmed</li><li>Decision in Q',
    String(rng.int(1, 4)),
    '</li></ul>',
  )
}

/**
 * Note `index` (id `index + 1`) as a pure function of (seed, index). Content is HTML, as in Pipedrive; notes with
 * `index % 97 === 13` contain `<script>`, `onerror=` or `javascript:` markup to test safe rendering.
 *
 * @example
 * const note = generatePipedriveNote(ctx, { dealAt: (i) => generatePipedriveDeal(ctx, i) }, 0)
 */
export function generatePipedriveNote(
  ctx: PipedriveContext,
  source: PipedriveRecordSource,
  index: number,
  addMs?: number,
): PipedriveNote {
  const rng = recordRng(ctx.seed, SALT.pipedriveNote, index)
  const deal =
    ctx.dealCount > 0 && rng.chance(0.75) ? source.dealAt(rng.int(0, ctx.dealCount - 1)) : undefined
  const personIndex =
    deal !== undefined
      ? deal.person_id === null
        ? null
        : deal.person_id - 1
      : rng.int(0, Math.max(0, ctx.personCount - 1))
  const identity =
    personIndex === null || ctx.personCount === 0 ? undefined : personIdentity(ctx, personIndex)
  const orgIndex =
    deal !== undefined
      ? deal.org_id === null
        ? null
        : deal.org_id - 1
      : (identity?.organizationIndex ?? null)
  const user = rng.pick(ctx.users)
  const added = addMs ?? addTimeOf(rng, index, ctx.noteCount)
  const updated = addMs ?? updateTimeOf(rng, added)
  const unsafe = index % UNSAFE_NOTE_EVERY === 13
  const content = unsafe
    ? (UNSAFE_NOTE_HTML[Math.floor(index / UNSAFE_NOTE_EVERY) % UNSAFE_NOTE_HTML.length] as string)
    : noteHtml(rng, identity?.person.first ?? 'the team')
  return {
    id: index + 1,
    content,
    deal_id: deal?.id ?? null,
    person_id: identity === undefined ? null : (personIndex as number) + 1,
    org_id: orgIndex === null ? null : orgIndex + 1,
    lead_id: null,
    user_id: user.id,
    add_time: pipedriveV1Time(added),
    update_time: pipedriveV1Time(updated),
    active_flag: true,
    pinned_to_deal_flag: deal !== undefined && rng.chance(0.08),
    pinned_to_person_flag: false,
    pinned_to_organization_flag: false,
    deal: deal === undefined ? null : { title: deal.title },
    person: identity === undefined ? null : { name: identity.person.full },
    organization: orgIndex === null ? null : { name: organizationAt(ctx, orgIndex).name },
    user: { email: user.email, name: user.name, icon_url: null, is_you: user === ctx.users[0] },
  }
}
