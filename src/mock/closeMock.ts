import { http } from 'msw'
import { buildCloseDataset } from './closeDataset'
import type { CloseDatasetOptions } from './closeDataset'
import {
  closeDriftCounters,
  insertCloseEvents,
  insertCloseLeads,
  insertCloseOpportunities,
} from './closeDrift'
import { closeEventsAnswer } from './closeEventsHandler'
import {
  closeEqualityFilter,
  closeLeadFilter,
  closeListAnswer,
  closeOrderFields,
  withDateRanges,
} from './closeListHandler'
import type { CloseOrderFields } from './closeListHandler'
import { closeProfile } from './closeResponses'
import { closeSearchAnswer } from './closeSearchHandler'
import type { CloseContact, CloseDataset, CloseLead, CloseOpportunity } from './closeTypes'
import { closeLeadWrites } from './closeWrites'
import {
  closeEventsMalformed,
  closeListMalformed,
  closeSearchMalformed,
  closeWriteMalformed,
} from './malformed'
import { assembleMockApi, trimBaseUrl } from './mockApi'
import type { MockApi, MockCommonOptions } from './mockTypes'
import type { MockCall } from './requestRecord'
import { createMockRuntime } from './runtime'

/**
 * Where the Close mock listens unless told otherwise: handlers serve `${baseUrl}/api/v1/...`.
 *
 * @example
 * const leads = await fetch(`${CLOSE_MOCK_BASE_URL}/api/v1/lead/?_limit=10`)
 */
export const CLOSE_MOCK_BASE_URL = 'https://api.close.com'

/** Largest `_limit` per Close endpoint. */
export interface CloseMaxLimits {
  /** `GET /lead/`. @default 200 */
  lead?: number
  /** `GET /contact/`. @default 100 */
  contact?: number
  /** `GET /opportunity/`. @default 250 */
  opportunity?: number
  /** `GET /event/` (also its default `_limit`). @default 50 */
  event?: number
  /** `POST /data/search/`. @default 200 */
  search?: number
}

/** Options of `createCloseMock`. */
export interface CloseMockOptions extends MockCommonOptions, CloseDatasetOptions {
  /** Origin (and optional path prefix) the handlers answer on. @default CLOSE_MOCK_BASE_URL */
  baseUrl?: string
  /** When set, every request needs HTTP Basic with this key as user and an empty password, else 401. @default undefined */
  apiKey?: string
  /** Largest `_limit` per endpoint; above it the answer is HTTP 400. @default see `CloseMaxLimits` */
  maxLimit?: CloseMaxLimits
  /** Largest `_skip` of the offset lists; above it the answer is HTTP 400. @default 250000 */
  maxSkip?: number
}

/** `_order_by` fields of `/lead/`: Close's lead list does not list them; these are the lead's own sortable fields. */
const LEAD_ORDER = closeOrderFields<CloseLead>([
  'date_created',
  'date_updated',
  'display_name',
  'name',
  'status_label',
  'status_id',
  'id',
])
const CONTACT_ORDER = closeOrderFields<CloseContact>(['date_created', 'date_updated', 'name', 'title', 'id'])

/** Monthly values count 12 times a year; one-time and annual ones once (Close's `annualized_value`). */
const annualized = (o: CloseOpportunity): number => o.value * (o.value_period === 'monthly' ? 12 : 1)

/**
 * `_order_by` fields of `/opportunity/`, as Close's opportunity list documents them: `date_won`, `date_updated`,
 * `date_created`, `confidence`, `user_name`, `value`, `annualized_value`, `annualized_expected_value`.
 */
const OPPORTUNITY_ORDER: CloseOrderFields<CloseOpportunity> = {
  ...closeOrderFields<CloseOpportunity>([
    'date_won',
    'date_updated',
    'date_created',
    'confidence',
    'user_name',
    'value',
  ]),
  annualized_value: annualized,
  annualized_expected_value: (o) => (annualized(o) * o.confidence) / 100,
}

/**
 * A mock of Close's REST API for MSW: `GET /lead/`, `/contact/`, `/opportunity/` (offset), `GET /event/` (cursor),
 * `POST /data/search/` (cursor in the body) and lead writes, with Close's envelopes, limits and errors. The offset
 * lists take `date_created__lt` / `__lte` / `__gt` / `__gte` range filters (leads and opportunities come newest first by
 * `date_created`, so keyset windows past `maxSkip` work on them; contacts follow their leads' order), and
 * `date_updated__…` too.
 *
 * Sort and filter: `_order_by=field` / `_order_by=-field` on every offset list (leads: `date_created`,
 * `date_updated`, `display_name`, `name`, `status_label`, `status_id`, `id`; contacts: `date_created`,
 * `date_updated`, `name`, `title`, `id`; opportunities: Close's documented `date_won`, `date_updated`,
 * `date_created`, `confidence`, `user_name`, `value`, `annualized_value`, `annualized_expected_value`), another field
 * is a 400 `{"error": …}`. Leads filter by `query` (`status:"Potential"` tokens and a name substring), `status_id`,
 * `status_label`; contacts by `lead_id`; opportunities by `lead_id`, `status_id`, `status_label`, `status_type`,
 * `user_id`, `value_period` (comma-separated for several) and `date_won__…`. Other parameters are ignored, as Close
 * ignores them. The search sorts by its body's `sort`, and its cursors are bound to that sort.
 *
 * Drift (`faults.drift`) counts answered requests per list endpoint; leads and contacts drift by new leads with
 * one contact each, opportunities and events by new records. All are newer than every generated record, so they
 * land at the head of the default (newest first) order; cursor endpoints are keyset-based and are not shifted.
 *
 * Writes: `POST /lead/` creates a lead (at the head of the list, newest first), `GET /lead/{id}/` reads one,
 * `PUT /lead/{id}/` updates the fields given (a newer `date_updated`), `DELETE /lead/{id}/` answers `{}` and removes
 * the lead with its contacts and opportunities. An unknown id is a 404 `{"error": "Empty query: Lead matching query
 * does not exist."}`; a bad body a 400 `{"errors": [], "field-errors": {…}}` (see `CloseLeadWrite`). Writes change
 * this mock's own data until `reset()`, and pass the same faults and rate limit as reads.
 *
 * @example
 * const close = createCloseMock({ leads: 10_000, faults: { latency: { fixedMs: 150, jitterMs: 100 } } })
 * const server = setupServer(...close.handlers)
 */
export function createCloseMock(options: CloseMockOptions = {}): MockApi<CloseDataset> {
  const base = `${trimBaseUrl(options.baseUrl ?? CLOSE_MOCK_BASE_URL)}/api/v1`
  const limits = { lead: 200, contact: 100, opportunity: 250, event: 50, search: 200, ...options.maxLimit }
  const maxSkip = options.maxSkip ?? 250_000
  let build = buildCloseDataset(options)
  let counters = closeDriftCounters()
  const runtime = createMockRuntime(closeProfile(options.apiKey), options)
  const list = { maxSkip, alwaysTotal: false }
  const leads = closeLeadWrites({ build: () => build, counters: () => counters })
  const leadEndpoint = (answer: (call: MockCall) => Response) =>
    runtime.endpoint({ answer, malformed: closeWriteMalformed })
  const handlers = [
    http.get(
      `${base}/lead/`,
      runtime.endpoint({
        answer: closeListAnswer<CloseLead>({
          ...list,
          records: () => build.dataset.leads,
          maxLimit: limits.lead,
          filter: withDateRanges<CloseLead>(['date_created', 'date_updated'], closeLeadFilter),
          orderBy: LEAD_ORDER,
        }),
        malformed: closeListMalformed,
        drift: (count) => insertCloseLeads(build, counters, count),
      }),
    ),
    http.post(`${base}/lead/`, leadEndpoint(leads.create)),
    http.get(`${base}/lead/:id/`, leadEndpoint(leads.read)),
    http.put(`${base}/lead/:id/`, leadEndpoint(leads.update)),
    http.delete(`${base}/lead/:id/`, leadEndpoint(leads.remove)),
    http.get(
      `${base}/contact/`,
      runtime.endpoint({
        answer: closeListAnswer<CloseContact>({
          ...list,
          records: () => build.dataset.contacts,
          maxLimit: limits.contact,
          filter: withDateRanges<CloseContact>(
            ['date_created', 'date_updated'],
            closeEqualityFilter<CloseContact>(['lead_id']),
          ),
          orderBy: CONTACT_ORDER,
        }),
        malformed: closeListMalformed,
        drift: (count) => insertCloseLeads(build, counters, count),
      }),
    ),
    http.get(
      `${base}/opportunity/`,
      runtime.endpoint({
        answer: closeListAnswer<CloseOpportunity>({
          ...list,
          alwaysTotal: true,
          records: () => build.dataset.opportunities,
          maxLimit: limits.opportunity,
          filter: withDateRanges<CloseOpportunity>(
            ['date_created', 'date_updated', 'date_won'],
            closeEqualityFilter<CloseOpportunity>([
              'lead_id',
              'status_id',
              'status_label',
              'status_type',
              'user_id',
              'value_period',
            ]),
          ),
          orderBy: OPPORTUNITY_ORDER,
        }),
        malformed: closeListMalformed,
        drift: (count) => insertCloseOpportunities(build, counters, count),
      }),
    ),
    http.get(
      `${base}/event/`,
      runtime.endpoint({
        answer: closeEventsAnswer({ records: () => build.dataset.events, maxLimit: limits.event }),
        malformed: closeEventsMalformed,
        drift: (count) => insertCloseEvents(build, counters, count),
      }),
    ),
    http.post(
      `${base}/data/search/`,
      runtime.endpoint({
        answer: closeSearchAnswer({
          records: (type) =>
            type === 'lead'
              ? build.dataset.leads
              : type === 'contact'
                ? build.dataset.contacts
                : build.dataset.opportunities,
          maxLimit: limits.search,
        }),
        malformed: closeSearchMalformed,
      }),
    ),
  ]
  return assembleMockApi(runtime, handlers, {
    current: () => build.dataset,
    reset: () => {
      build = buildCloseDataset(options)
      counters = closeDriftCounters()
    },
  })
}
