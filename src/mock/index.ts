/**
 * `pagewise/mock`: seeded, deterministic mock APIs of Close and Pipedrive for MSW, the default backend of the
 * stories, tests and benchmarks. They run in the browser (MSW service worker) and in Node (`msw/node`, or the HTTP
 * server in `scripts/mock-api.ts`).
 *
 * Endpoints (envelopes, limits and error bodies as the providers document them):
 *
 * - Close `GET /api/v1/lead/` (max `_limit` 200, `query` filter adds `total_results`), `/contact/` (100),
 *   `/opportunity/` (250, always `total_results`): `_skip`, `_limit` (default 100), `_fields`; `_skip` above
 *   `maxSkip` (250000) is a 400 with Close's message. `date_created__lt`, `__lte`, `__gt`, `__gte` (ISO 8601)
 *   keep records in a range, for keyset windows past `maxSkip`; `date_updated__…` too. `_order_by=field` or
 *   `-field` sorts (opportunities: Close's documented fields; another field is a 400 `{"error"}`); filters: lead
 *   `query` (`status:"Potential"` tokens and a name substring), `status_id`, `status_label`; contact `lead_id`;
 *   opportunity `lead_id`, `status_id`, `status_label`, `status_type`, `user_id`, `value_period` (comma-separated
 *   for several), `date_won__…`. Unknown parameters are ignored, as Close ignores them.
 * - Close `GET /api/v1/event/`: `_cursor`, `_limit` (default and max 50), filters `object_type`, `object_id`,
 *   `lead_id`, `action`, `user_id`; `_skip` is a 400. Cursors are opaque, checksummed keyset positions.
 * - Close `POST /api/v1/data/search/`: supported `query` subset = one `{ type: 'object_type' }` (lead, contact or
 *   opportunity), any `{ type: 'text', value }` (case-insensitive substring of a lead's `display_name`, a contact's
 *   `name`, an opportunity's `lead_name`) and `{ type: 'and', queries }` nesting; `sort` by top-level fields;
 *   `cursor`, `_limit` (default 100, max 200), `results_limit`, `_fields` (without it, results carry only
 *   `__object_type` and `id`, as in Close). Other query types, and a sort by an unknown field, are a 400 with
 *   `field-errors`; a cursor is valid only with the query and sort it was issued for (else a 400).
 * - Pipedrive `GET /api/v1/notes` and `/api/v1/leads`: `start`, `limit` (default 100, max 500), `sort`
 *   (`field ASC, field2 DESC`), filters (`deal_id`, `person_id`, `org_id`, `user_id`; `owner_id`,
 *   `person_id`, `organization_id`, `archived_status`). `data: null` when a page is empty.
 * - Pipedrive `GET /api/v2/deals` and `/api/v2/persons`: `cursor`, `limit` (default 100, max 500), `sort_by`,
 *   `sort_direction`, `updated_since`, `updated_until`, `ids`, equality filters. The cursor is base64url JSON
 *   `{"field","fieldValue","sortDirection","id"}`, valid only with the sort it was issued for (else a 400).
 * - Pipedrive `GET /api/v2/deals/search` and `/api/v2/persons/search`: `term` (at least 2 characters, 1 with
 *   `exact_match`), `fields`, `exact_match`, filters, `cursor`, `limit`; `{ data: { items: [{ result_score, item }] } }`,
 *   best match first.
 * - GitHub issues: `sort`, `direction`, `state`, `labels`, `creator`, the `Link` URLs carrying them on. JSON:API
 *   articles: `sort=field,-other`, `filter[author]`, `filter[title]`. HubSpot contact search: `sorts`.
 * - Writes. Close `POST /api/v1/lead/`, `GET`, `PUT` (only the fields given) and `DELETE /api/v1/lead/{id}/` (`{}`);
 *   404 `{"error": "Empty query: Lead matching query does not exist."}`, 400 `{"errors": [], "field-errors": {…}}`
 *   (`CloseLeadWrite`). Pipedrive `POST /api/v2/deals`, `GET`, `PATCH` and `DELETE /api/v2/deals/{id}`
 *   (`{ success: true, data: { id } }`); 404 `Deal not found`, 400 `Validation failed: …` with
 *   `code: 'ERR_SCHEMA_VALIDATION_FAILED'` or `Stage not found`-style errors (`PipedriveDealWrite`). A write changes
 *   that mock's data until `reset()` (lists, sorts, filters and searches show it) and passes the same faults.
 *
 * Faults (`MockFaults`), applied in this order to reads and writes alike: latency → auth (401) → rate limit (429) →
 * malformed 200 on the Nth request → seeded 5xx (502 HTML gateway page or 503 provider JSON) → drift → answer. The
 * rate limit is one window per mock, shared by all its endpoints and methods. Malformed bodies:
 * Close lists `has_more: "yes"`; Close events no `data`; Close search and Pipedrive v1 leads an HTML page with
 * `content-type: text/html`; Pipedrive v2 `next_cursor` as a number; Pipedrive v1 notes no `data`.
 *
 * Pipedrive note contents are HTML and include hostile samples (`UNSAFE_NOTE_HTML`) on purpose.
 *
 * @packageDocumentation
 */
export { CLOSE_MOCK_BASE_URL, createCloseMock } from './closeMock'
export { createCloseDataset } from './closeDataset'
export { PIPEDRIVE_MOCK_BASE_URL, createPipedriveMock } from './pipedriveMock'
export { createPipedriveDataset } from './pipedriveDataset'
export { UNSAFE_NOTE_HTML } from './crmWords'
export { GITHUB_MOCK_BASE_URL, createGithubMock } from './githubMock'
export { createGithubDataset } from './githubDataset'
export { STRIPE_MOCK_BASE_URL, createStripeMock } from './stripeMock'
export { HUBSPOT_MOCK_BASE_URL, createHubspotMock } from './hubspotMock'
export { JSON_API_MOCK_BASE_URL, createJsonApiMock } from './jsonApiMock'
export { GRAPHQL_MOCK_BASE_URL, createGraphqlMock } from './graphqlMock'

export type { CloseMaxLimits, CloseMockOptions } from './closeMock'
export type { CloseDatasetOptions } from './closeDataset'
export type { CloseContactWrite, CloseLeadWrite } from './closeWrites'
export type {
  CloseAddress,
  CloseContact,
  CloseDataset,
  CloseEmail,
  CloseLogEvent,
  CloseEventObjectType,
  CloseLead,
  CloseLeadStatusLabel,
  CloseOpportunity,
  ClosePhone,
} from './closeTypes'
export type { PipedriveMaxLimits, PipedriveMockOptions } from './pipedriveMock'
export type { PipedriveDatasetOptions } from './pipedriveDataset'
export type { PipedriveDealWrite } from './pipedriveWrites'
export type {
  PipedriveContactPoint,
  PipedriveDataset,
  PipedriveDeal,
  PipedriveLead,
  PipedriveNote,
  PipedrivePerson,
} from './pipedriveTypes'
export type {
  MockApi,
  MockCommonOptions,
  MockDrift,
  MockFaults,
  MockLatency,
  MockRateLimit,
  MockRequestRecord,
} from './mockTypes'
export type { GithubMock, GithubMockOptions } from './githubMock'
export type {
  GithubDataset,
  GithubDatasetOptions,
  GithubIssue,
  GithubLabel,
  GithubUser,
} from './githubDataset'
export type { StripeCustomer, StripeDataset, StripeMockOptions } from './stripeMock'
export type {
  HubspotContact,
  HubspotContactProperties,
  HubspotDataset,
  HubspotMockOptions,
} from './hubspotMock'
export type { JsonApiArticle, JsonApiMockDataset, JsonApiMockOptions } from './jsonApiMock'
export type { GraphqlIssue, GraphqlMockDataset, GraphqlMockOptions } from './graphqlMock'
