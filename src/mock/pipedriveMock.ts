import { HttpResponse, http } from 'msw'
import {
  pipedriveCursorMalformed,
  pipedriveLeadsMalformed,
  pipedriveNotesMalformed,
  pipedriveSearchMalformed,
  pipedriveWriteMalformed,
} from './malformed'
import { assembleMockApi, trimBaseUrl } from './mockApi'
import type { MockApi, MockCommonOptions } from './mockTypes'
import { idFilter, MockBadRequest } from './params'
import { organizationAt } from './pipedriveContext'
import { pipedriveCursorAnswer } from './pipedriveCursorHandler'
import { buildPipedriveDataset, personById } from './pipedriveDataset'
import type { PipedriveDatasetBuild, PipedriveDatasetOptions } from './pipedriveDataset'
import { STAGES_PER_PIPELINE } from './pipedriveDeals'
import { insertPipedriveRecords, pipedriveDriftCounters } from './pipedriveDrift'
import { pipedriveOffsetAnswer } from './pipedriveOffsetHandler'
import { pipedriveProfile } from './pipedriveResponses'
import { pipedriveSearchAnswer } from './pipedriveSearchHandler'
import type {
  PipedriveDataset,
  PipedriveDeal,
  PipedriveLead,
  PipedriveNote,
  PipedrivePerson,
} from './pipedriveTypes'
import type { MockCall } from './requestRecord'
import { createMockRuntime } from './runtime'
import { pipedriveDealWrites } from './pipedriveWrites'

/**
 * Where the Pipedrive mock listens unless told otherwise: `${baseUrl}/api/v1/...` and `${baseUrl}/api/v2/...`.
 *
 * @example
 * const deals = await fetch(`${PIPEDRIVE_MOCK_BASE_URL}/api/v2/deals?limit=10`)
 */
export const PIPEDRIVE_MOCK_BASE_URL = 'https://pagewise-demo.pipedrive.com'

/** Largest `limit` per Pipedrive endpoint. */
export interface PipedriveMaxLimits {
  /** `GET /api/v2/deals`. @default 500 */
  deals?: number
  /** `GET /api/v2/persons`. @default 500 */
  persons?: number
  /** `GET /api/v1/notes`. @default 500 */
  notes?: number
  /** `GET /api/v1/leads`. @default 500 */
  leads?: number
  /** `GET /api/v2/deals/search` and `/api/v2/persons/search`. @default 500 */
  search?: number
}

/** Options of `createPipedriveMock`. */
export interface PipedriveMockOptions extends MockCommonOptions, PipedriveDatasetOptions {
  /** Company origin the handlers answer on. @default PIPEDRIVE_MOCK_BASE_URL */
  baseUrl?: string
  /**
   * When set, every request needs `x-api-token: <token>` or `Authorization: Bearer <token>`, else 401. The
   * legacy `api_token` query parameter is refused on purpose. @default undefined
   */
  apiToken?: string
  /** Largest `limit` per endpoint; above it the answer is HTTP 400. @default 500 each */
  maxLimit?: PipedriveMaxLimits
}

const NOTE_FILTERS = ['deal_id', 'person_id', 'org_id', 'user_id'] as const
const LEAD_FILTERS = ['owner_id', 'person_id', 'organization_id'] as const

function noteFilter(query: Record<string, string>): ((note: PipedriveNote) => boolean) | undefined {
  const wanted = NOTE_FILTERS.map((name) => [name, idFilter(query, name)] as const).filter(
    ([, v]) => v !== undefined,
  )
  const pinned = query.pinned_to_deal_flag
  if (wanted.length === 0 && pinned === undefined) return undefined
  return (note) =>
    wanted.every(([name, value]) => note[name] === value) &&
    (pinned === undefined || note.pinned_to_deal_flag === (pinned === '1'))
}

function leadFilter(query: Record<string, string>): (lead: PipedriveLead) => boolean {
  const wanted = LEAD_FILTERS.map((name) => [name, idFilter(query, name)] as const).filter(
    ([, v]) => v !== undefined,
  )
  const archived = query.archived_status ?? 'all'
  if (archived !== 'archived' && archived !== 'not_archived' && archived !== 'all') {
    throw new MockBadRequest('archived_status must be one of archived, not_archived, all')
  }
  return (lead) =>
    wanted.every(([name, value]) => lead[name] === value) &&
    (archived === 'all' || lead.is_archived === (archived === 'archived'))
}

/** A new company's default deal stages, repeated in each pipeline. */
const STAGE_NAMES = ['Qualified', 'Contact Made', 'Demo Scheduled', 'Proposal Made', 'Negotiations Started']

/** The organization `{ id, name, address }` of a search item, or `null`. */
function searchOrganization(build: PipedriveDatasetBuild, orgId: number | null) {
  if (orgId === null) return null
  return { id: orgId, name: organizationAt(build.ctx, orgId - 1).name, address: null }
}

/** A deal as `/api/v2/deals/search` lists it: a summary, not the full deal. */
function dealSearchItem(build: PipedriveDatasetBuild, deal: PipedriveDeal): Record<string, unknown> {
  const person = deal.person_id === null ? undefined : personById(build, deal.person_id)
  return {
    id: deal.id,
    type: 'deal',
    title: deal.title,
    value: deal.value,
    currency: deal.currency,
    status: deal.status,
    visible_to: 3,
    owner: { id: deal.owner_id },
    stage: { id: deal.stage_id, name: STAGE_NAMES[(deal.stage_id - 1) % STAGES_PER_PIPELINE] },
    person: person === undefined ? null : { id: person.id, name: person.name },
    organization: searchOrganization(build, deal.org_id),
    custom_fields: [],
    notes: [],
    is_archived: false,
  }
}

/** A person as `/api/v2/persons/search` lists it. */
function personSearchItem(build: PipedriveDatasetBuild, person: PipedrivePerson): Record<string, unknown> {
  return {
    id: person.id,
    type: 'person',
    name: person.name,
    phones: person.phones.map((phone) => phone.value),
    emails: person.emails.map((email) => email.value),
    visible_to: 3,
    owner: { id: person.owner_id },
    organization: searchOrganization(build, person.org_id),
    custom_fields: [],
    notes: [],
  }
}

const nothing = (): readonly string[] => []

/**
 * A mock of Pipedrive's REST API for MSW: v2 cursor lists `GET /api/v2/deals` and `/api/v2/persons`, v1 offset lists
 * `GET /api/v1/notes` and `/api/v1/leads`, v2 searches `GET /api/v2/deals/search` and `/api/v2/persons/search`,
 * `GET /api/v1/users` and v2 deal writes, with Pipedrive's envelopes, limits and errors. Note contents are HTML and include hostile samples (`<script>`,
 * `onerror=`) on purpose.
 *
 * Sort and filter: v1 `sort=add_time DESC, id ASC` on the lists' first-level fields; v2 `sort_by` (`id`,
 * `update_time`, `add_time`) and `sort_direction` (`asc`, `desc`), anything else a 400, and a v2 cursor used with
 * another sort is a 400; v2 filters `owner_id`, `person_id`, `org_id`, `pipeline_id`, `stage_id`, `status` (deals),
 * `owner_id`, `org_id` (persons), `ids`, `updated_since`, `updated_until`. Searches take `term` (at least 2
 * characters), `fields`, `exact_match`, `person_id`, `organization_id`, `status` (deals) or `organization_id`
 * (persons), best match first (a title or name equal to the term, then starting with it, then containing it).
 *
 * Drift (`faults.drift`) counts answered requests per list endpoint and adds records with the next ids and the
 * newest times: the head of `sort_by=update_time&sort_direction=desc`, the end of the default id order.
 *
 * Writes: `POST /api/v2/deals` creates a deal (the next id, the newest `add_time`), `GET /api/v2/deals/{id}` reads
 * one, `PATCH /api/v2/deals/{id}` updates the fields given (a newer `update_time`), `DELETE /api/v2/deals/{id}`
 * answers `{ success: true, data: { id } }` and removes it from every list and search. An unknown id is a 404
 * `Deal not found`, a bad body a 400 in Pipedrive's error shape (see `PipedriveDealWrite`). Writes change this mock's
 * own data until `reset()`, and pass the same faults and rate limit as reads.
 *
 * @example
 * const pipedrive = createPipedriveMock({ apiToken: 'demo', faults: { rateLimit: { requests: 20, windowMs: 2000 } } })
 * const server = setupServer(...pipedrive.handlers)
 */
export function createPipedriveMock(options: PipedriveMockOptions = {}): MockApi<PipedriveDataset> {
  const base = trimBaseUrl(options.baseUrl ?? PIPEDRIVE_MOCK_BASE_URL)
  const limits = { deals: 500, persons: 500, notes: 500, leads: 500, search: 500, ...options.maxLimit }
  let build = buildPipedriveDataset(options)
  let counters = pipedriveDriftCounters()
  const runtime = createMockRuntime(pipedriveProfile(options.apiToken), options)
  const drift = (kind: 'deals' | 'persons' | 'notes' | 'leads') => (count: number) =>
    insertPipedriveRecords(build, counters, kind, count)
  const deals = pipedriveDealWrites({ build: () => build, counters: () => counters })
  const dealEndpoint = (answer: (call: MockCall) => Response) =>
    runtime.endpoint({ answer, malformed: pipedriveWriteMalformed })
  const handlers = [
    // The company's users, as `GET /api/v1/users` lists them (one answer, no pages): the owners a deal filter offers.
    http.get(
      `${base}/api/v1/users`,
      runtime.endpoint({
        answer: () =>
          HttpResponse.json({
            success: true,
            data: build.ctx.users.map((user) => ({ ...user, active_flag: true, is_admin: 0 })),
          }),
        malformed: () => HttpResponse.json({ success: true, data: 'users' }),
      }),
    ),
    http.get(
      `${base}/api/v2/deals/search`,
      runtime.endpoint({
        answer: pipedriveSearchAnswer<PipedriveDeal>({
          records: () => build.dataset.deals,
          maxLimit: limits.search,
          // Pipedrive's deal search fields; the mock's deals have no custom fields and their notes are not indexed.
          fields: { title: (deal) => [deal.title], notes: nothing, custom_fields: nothing },
          idFilters: { person_id: (deal) => deal.person_id, organization_id: (deal) => deal.org_id },
          choiceFilters: { status: { values: ['open', 'won', 'lost'], of: (deal) => deal.status } },
          item: (deal) => dealSearchItem(build, deal),
        }),
        malformed: pipedriveSearchMalformed,
      }),
    ),
    http.get(
      `${base}/api/v2/persons/search`,
      runtime.endpoint({
        answer: pipedriveSearchAnswer<PipedrivePerson>({
          records: () => build.dataset.persons,
          maxLimit: limits.search,
          fields: {
            name: (person) => [person.name],
            email: (person) => person.emails.map((email) => email.value),
            phone: (person) => person.phones.map((phone) => phone.value),
            notes: nothing,
            custom_fields: nothing,
          },
          idFilters: { organization_id: (person) => person.org_id },
          item: (person) => personSearchItem(build, person),
        }),
        malformed: pipedriveSearchMalformed,
      }),
    ),
    http.get(
      `${base}/api/v2/deals`,
      runtime.endpoint({
        answer: pipedriveCursorAnswer({
          records: () => build.dataset.deals,
          maxLimit: limits.deals,
          idFilters: ['owner_id', 'person_id', 'org_id', 'pipeline_id', 'stage_id'],
          textFilters: ['status'],
        }),
        malformed: pipedriveCursorMalformed,
        drift: drift('deals'),
      }),
    ),
    // After `/api/v2/deals/search`, which `:id` would otherwise take.
    http.post(`${base}/api/v2/deals`, dealEndpoint(deals.create)),
    http.get(`${base}/api/v2/deals/:id`, dealEndpoint(deals.read)),
    http.patch(`${base}/api/v2/deals/:id`, dealEndpoint(deals.update)),
    http.delete(`${base}/api/v2/deals/:id`, dealEndpoint(deals.remove)),
    http.get(
      `${base}/api/v2/persons`,
      runtime.endpoint({
        answer: pipedriveCursorAnswer({
          records: () => build.dataset.persons,
          maxLimit: limits.persons,
          idFilters: ['owner_id', 'org_id'],
        }),
        malformed: pipedriveCursorMalformed,
        drift: drift('persons'),
      }),
    ),
    http.get(
      `${base}/api/v1/notes`,
      runtime.endpoint({
        answer: pipedriveOffsetAnswer<PipedriveNote>({
          records: () => build.dataset.notes,
          maxLimit: limits.notes,
          sortFields: [
            'id',
            'user_id',
            'deal_id',
            'person_id',
            'org_id',
            'content',
            'add_time',
            'update_time',
          ],
          filter: noteFilter,
        }),
        malformed: pipedriveNotesMalformed,
        drift: drift('notes'),
      }),
    ),
    http.get(
      `${base}/api/v1/leads`,
      runtime.endpoint({
        answer: pipedriveOffsetAnswer<PipedriveLead>({
          records: () => build.dataset.leads,
          maxLimit: limits.leads,
          sortFields: [
            'id',
            'title',
            'owner_id',
            'creator_id',
            'was_seen',
            'expected_close_date',
            'add_time',
            'update_time',
          ],
          filter: leadFilter,
        }),
        malformed: pipedriveLeadsMalformed,
        drift: drift('leads'),
      }),
    ),
  ]
  return assembleMockApi(runtime, handlers, {
    current: () => build.dataset,
    reset: () => {
      build = buildPipedriveDataset(options)
      counters = pipedriveDriftCounters()
    },
  })
}
