import { HttpResponse } from 'msw'
import { embedded, listOf, optionalText, text } from './closeClean'
import type { Check } from './closeClean'
import type { CloseDatasetBuild } from './closeDataset'
import { nextCloseTime } from './closeDrift'
import type { CloseDriftCounters } from './closeDrift'
import { closeLeadIdentity } from './closeLeads'
import { closeError, closeFieldErrors } from './closeResponses'
import type { CloseAddress, CloseContact, CloseLead } from './closeTypes'
import { closeTimestamp } from './dates'
import { flat } from './flat'
import { closeId } from './ids'
import { isMaterialised } from './lazy'
import { isJsonObject } from './params'
import { recordRng, SALT } from './random'
import type { RecordWrites } from './requestRecord'

/** A contact nested in the body of `POST /api/v1/lead/`. */
export interface CloseContactWrite {
  /** The person's name. @default '' */
  name?: string | null
  /** Job title. @default '' */
  title?: string | null
  /** E-mail addresses (stored with `type: 'office'`). @default [] */
  emails?: { email: string }[] | null
  /** Phone numbers (stored with `type: 'office'`). @default [] */
  phones?: { phone: string }[] | null
}

/**
 * The body of `POST /api/v1/lead/` (create) and `PUT /api/v1/lead/{id}/` (update only the fields given), as the
 * Close mock reads it. Other keys are ignored, as Close ignores them; changing a read-only field (`id`,
 * `date_created`, `date_updated`, `organization_id`, `created_by`, `updated_by`, `html_url`) is a 400.
 */
export interface CloseLeadWrite {
  /** The company's name; Close shows it as `display_name` too. `null` means `''`. */
  name?: string | null
  /** Read as `name` when the body has no `name` (Close derives `display_name` from `name`). */
  display_name?: string | null
  /** Free text about the lead. `null` means `''`. */
  description?: string | null
  /** The company's website. `''` means `null`. */
  url?: string | null
  /** A lead status id (`stat_…`); send either this or `status`, not both. @default the first status */
  status_id?: string
  /** A lead status label (`Potential`, `Bad Fit`, `Qualified`, `Customer`), as Close's docs name it. */
  status?: string
  /** Read as the status label only when the body has neither `status` nor `status_id` (it is the answer's name). */
  status_label?: string
  /** Postal addresses; replaces the lead's list on update. Missing parts are `''`. */
  addresses?: Partial<Omit<CloseAddress, 'label'>>[] | null
  /** Contacts to create with the lead (create only: Close updates contacts through its Contacts API). */
  contacts?: CloseContactWrite[] | null
}

/** Close's answer for a lead id it does not know (GET, PUT or DELETE). */
export const CLOSE_LEAD_NOT_FOUND = 'Empty query: Lead matching query does not exist.'

/** Fields a write may not change: sending one with another value than the lead's is a 400 (cleancat's message). */
const READ_ONLY = [
  'id',
  'organization_id',
  'date_created',
  'date_updated',
  'created_by',
  'updated_by',
  'html_url',
] as const

/** Contacts created by writes are numbered from here, far above the generated ones (4 per lead), so ids never meet. */
const WRITTEN_CONTACT_INDEX = 2 ** 31

type AddressFields = Omit<CloseAddress, 'label'>
const ADDRESS: Check<AddressFields> = embedded<AddressFields>({
  address_1: text,
  address_2: text,
  city: text,
  state: text,
  zipcode: text,
  country: text,
})

interface ContactFields {
  name: string
  title: string
  emails: { email: string }[]
  phones: { phone: string }[]
}
const CONTACT: Check<ContactFields> = embedded<ContactFields>({
  name: text,
  title: text,
  emails: listOf(embedded<{ email: string }>({ email: text })),
  phones: listOf(embedded<{ phone: string }>({ phone: text })),
})

/** What a valid body changes. */
interface LeadChanges {
  name?: string
  description?: string
  url?: string | null
  status?: { id: string; label: CloseLead['status_label'] }
  addresses?: CloseAddress[]
  contacts?: ContactFields[]
}

type Statuses = CloseDatasetBuild['ctx']['fixtures']['leadStatuses']

/**
 * Reads a lead body like Close does, or answers its 400: `{"errors": [], "field-errors": {"status": "Not a valid
 * choice. …"}}`, `{"errors": ["Invalid request: JSON dictionary expected."], "field-errors": {}}`. Only the fields
 * present are read; `current` is the lead an update starts from.
 */
function readLead(raw: unknown, statuses: Statuses, current: CloseLead | undefined): LeadChanges | Response {
  if (!isJsonObject(raw)) return closeFieldErrors({}, ['Invalid request: JSON dictionary expected.'])
  const fieldErrors: Record<string, unknown> = {}
  const take = <T>(name: string, check: Check<T>): T | undefined => {
    if (!Object.hasOwn(raw, name)) return undefined
    const cleaned = check(raw[name])
    if (cleaned.ok) return cleaned.value
    fieldErrors[name] = cleaned.error
    return undefined
  }
  const name = take('name', text)
  const displayName = take('display_name', text)
  const changes: LeadChanges = {
    name: name ?? displayName,
    description: take('description', text),
    url: take('url', optionalText),
    addresses: take('addresses', listOf(ADDRESS))?.map((parts) => ({ label: 'business', ...parts })),
    // Close's docs: nested contacts cannot be updated through the lead endpoint; an update ignores them.
    contacts: current === undefined ? take('contacts', listOf(CONTACT)) : undefined,
  }
  const statusId = take('status_id', text) || undefined
  const statusLabel = take('status', text) || undefined
  // `status_label` (the answer's name for the label) is read only without the documented `status` / `status_id`,
  // so a lead sent back whole keeps its `status_id`.
  const label = statusLabel ?? (statusId === undefined ? take('status_label', text) || undefined : undefined)
  if (statusId !== undefined && statusLabel !== undefined) {
    fieldErrors.status = 'Post either status or status_id, not both.'
  } else if (statusId !== undefined || label !== undefined) {
    const status = statuses.find((s) => (statusId === undefined ? s.label === label : s.id === statusId))
    if (status === undefined) {
      // Close's answer to an unknown status, recorded for `status_id: "foo"` (the field reported is `status`).
      fieldErrors.status = `Not a valid choice. Please go to Customizations in your organization settings and add "${statusId ?? label}" to the list of lead statuses.`
    } else changes.status = status
  }
  for (const field of READ_ONLY) {
    if (Object.hasOwn(raw, field) && raw[field] !== current?.[field])
      fieldErrors[field] = 'Value cannot be changed.'
  }
  return Object.keys(fieldErrors).length > 0 ? closeFieldErrors(fieldErrors) : changes
}

/** Drops the items `drop` accepts, keeping the array (so views over it stay live). */
function removeWhere<T>(list: T[], drop: (item: T) => boolean): void {
  let kept = 0
  for (const item of list) if (!drop(item)) list[kept++] = item
  list.length = kept
}

/** Where the lead writes find the data: getters, so that `reset()` (a new build) is followed. */
export interface CloseWritesSpec {
  build: () => CloseDatasetBuild
  counters: () => CloseDriftCounters
}

/**
 * Lead writes on the mock's own data: a created lead goes to the head of `leads` (newest first) with the next lead id
 * and a `date_created` newer than every record; an update replaces the lead with a newer `date_updated` (and renames
 * its opportunities' `lead_name`); a delete removes the lead with its contacts and opportunities, which cannot exist
 * without it. Records are replaced, never edited in place: the generated lists other records are built from stay as
 * they were, so the data stays a function of the seed and the writes.
 */
export function closeLeadWrites(spec: CloseWritesSpec): RecordWrites {
  const find = (id: string | undefined): { at: number; lead: CloseLead } | undefined => {
    const leads = spec.build().dataset.leads
    const at = leads.findIndex((lead) => lead.id === id)
    const lead = leads[at]
    return lead === undefined ? undefined : { at, lead }
  }
  const notFound = (): Response => closeError(404, CLOSE_LEAD_NOT_FOUND)

  return {
    read: ({ params }) => {
      const found = find(params?.id)
      return found === undefined ? notFound() : HttpResponse.json(found.lead)
    },

    create: ({ body }) => {
      const { ctx, dataset } = spec.build()
      const changes = readLead(body, ctx.fixtures.leadStatuses, undefined)
      if (changes instanceof Response) return changes
      const counters = spec.counters()
      counters.leads += 1
      const index = ctx.leadCount + counters.leads - 1
      const id = closeLeadIdentity(ctx, index).id
      const time = closeTimestamp(nextCloseTime(counters))
      // The API key's user: the mock's first user.
      const actor = ctx.fixtures.users[0]?.id ?? ''
      const status = changes.status ?? ctx.fixtures.leadStatuses[0]
      const contacts = (changes.contacts ?? []).map((contact): CloseContact => {
        counters.contacts += 1
        const contactIndex = WRITTEN_CONTACT_INDEX + counters.contacts - 1
        const rng = recordRng(ctx.seed, SALT.closeContact, contactIndex)
        return {
          id: closeId('cont', ctx.seed, SALT.closeContact, contactIndex, rng),
          lead_id: id,
          organization_id: ctx.fixtures.organizationId,
          name: contact.name,
          title: contact.title,
          emails: contact.emails.map(({ email }) => ({ email, type: 'office' })),
          phones: contact.phones.map(({ phone }) => ({ phone, type: 'office' })),
          date_created: time,
          date_updated: time,
          created_by: actor,
        }
      })
      const name = changes.name ?? ''
      const lead: CloseLead = {
        id,
        display_name: name,
        name,
        status_id: status?.id ?? '',
        status_label: status?.label ?? 'Potential',
        description: changes.description ?? '',
        url: changes.url ?? null,
        html_url: flat('https://app.close.com/lead/', id, '/'),
        contacts,
        addresses: changes.addresses ?? [],
        date_created: time,
        date_updated: time,
        created_by: actor,
        updated_by: actor,
        organization_id: ctx.fixtures.organizationId,
      }
      const contactsBuilt = isMaterialised(dataset, 'contacts')
      dataset.leads.unshift(lead)
      if (contactsBuilt) dataset.contacts.unshift(...contacts)
      return HttpResponse.json(lead)
    },

    update: ({ params, body }) => {
      const found = find(params?.id)
      if (found === undefined) return notFound()
      const { ctx, dataset } = spec.build()
      const changes = readLead(body, ctx.fixtures.leadStatuses, found.lead)
      if (changes instanceof Response) return changes
      const { name, status } = changes
      const updated: CloseLead = {
        ...found.lead,
        ...(name !== undefined && { name, display_name: name }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.url !== undefined && { url: changes.url }),
        ...(status !== undefined && { status_id: status.id, status_label: status.label }),
        ...(changes.addresses !== undefined && { addresses: changes.addresses }),
        date_updated: closeTimestamp(nextCloseTime(spec.counters())),
        updated_by: ctx.fixtures.users[0]?.id ?? found.lead.updated_by,
      }
      dataset.leads[found.at] = updated
      if (name !== undefined && name !== found.lead.name) {
        const opportunities = dataset.opportunities
        opportunities.forEach((opportunity, at) => {
          if (opportunity.lead_id === updated.id) opportunities[at] = { ...opportunity, lead_name: name }
        })
      }
      return HttpResponse.json(updated)
    },

    remove: ({ params }) => {
      const found = find(params?.id)
      if (found === undefined) return notFound()
      const { dataset } = spec.build()
      const id = found.lead.id
      dataset.leads.splice(found.at, 1)
      // Not yet built contacts are derived from the live leads when first read, so they already leave it out.
      if (isMaterialised(dataset, 'contacts'))
        removeWhere(dataset.contacts, (contact) => contact.lead_id === id)
      // Opportunities are generated from the generated leads: build them now, or the lead's would come back later.
      removeWhere(dataset.opportunities, (opportunity) => opportunity.lead_id === id)
      return HttpResponse.json({})
    },
  }
}
