import { http, HttpResponse } from 'msw'
import { isoWithMs, REFERENCE_TIME_MS } from './dates'
import { fakeCompany, fakeEmail, fakePerson } from './fakeValues'
import { badGatewayPage } from './gatewayPages'
import { uuid } from './ids'
import { compareValues } from './keyset'
import { assembleMockApi, trimBaseUrl } from './mockApi'
import type { MockApi, MockCommonOptions } from './mockTypes'
import { MockBadRequest } from './params'
import { recordRng } from './random'
import type { RateLimitState } from './rateLimiter'
import type { MockCall } from './requestRecord'
import type { ProviderProfile } from './runtime'
import { createMockRuntime } from './runtime'

/**
 * Where the HubSpot mock listens unless told otherwise: handlers serve `${baseUrl}/crm/v3/objects/contacts`.
 *
 * @example
 * const contacts = await fetch(`${HUBSPOT_MOCK_BASE_URL}/crm/v3/objects/contacts?limit=5`)
 */
export const HUBSPOT_MOCK_BASE_URL = 'https://api.hubapi.com'

/** The properties of a mock HubSpot contact (HubSpot sends every property as a string, or `null`). */
export interface HubspotContactProperties {
  createdate: string
  email: string | null
  firstname: string | null
  hs_object_id: string
  lastmodifieddate: string
  lastname: string | null
  company: string | null
}

/** A HubSpot contact as the CRM v3 object endpoints return it. */
export interface HubspotContact {
  /** A numeric string; ids ascend with `createdate`. */
  id: string
  properties: HubspotContactProperties
  createdAt: string
  updatedAt: string
  archived: boolean
}

/** The records behind the HubSpot mock. */
export interface HubspotDataset {
  seed: number
  /** Contacts by id, ascending (the order of `GET /crm/v3/objects/contacts`). */
  contacts: HubspotContact[]
}

/** Options of `createHubspotMock`. */
export interface HubspotMockOptions extends MockCommonOptions {
  /** Origin the handlers answer on. @default HUBSPOT_MOCK_BASE_URL */
  baseUrl?: string
  /** Number of generated contacts. @default 1000 */
  contacts?: number
  /** When set, every request needs `Authorization: Bearer <accessToken>`, else 401. @default undefined */
  accessToken?: string
}

const SALT_CONTACT = 501
const SALT_CORRELATION = 502
const FIRST_ID = 51
const LIST = { default: 10, max: 100 }
const SEARCH = { default: 10, max: 200, maxResults: 10_000, groups: 5, filtersPerGroup: 10, filters: 25 }
/** Returned by the list without `properties`, and by search without `properties`. */
const DEFAULT_PROPERTIES = [
  'createdate',
  'email',
  'firstname',
  'hs_object_id',
  'lastmodifieddate',
  'lastname',
]
/** Always returned, whatever `properties` asks for. */
const ALWAYS = ['createdate', 'hs_object_id', 'lastmodifieddate']
/** Searched by a search's `query` (a case-insensitive substring here). */
const QUERY_PROPERTIES = ['firstname', 'lastname', 'email', 'company'] as const
/** Dates whose filters compare as instants. */
const DATE_PROPERTIES = new Set(['createdate', 'lastmodifieddate'])

/** Contact `index` (id 51 + index) as a pure function of (seed, index); `createdMs` overrides its time (drift). */
function hubspotContact(seed: number, index: number, count: number, createdMs?: number): HubspotContact {
  const rng = recordRng(seed, SALT_CONTACT, index)
  const person = fakePerson(rng)
  const company = fakeCompany(rng)
  // Ids ascend with creation time: the oldest contact first, up to four years back.
  const gap = Math.max(60_000, Math.floor((4 * 365 * 86_400_000) / Math.max(1, count)))
  const created = createdMs ?? REFERENCE_TIME_MS - (count - index) * gap + rng.int(0, gap - 1)
  const modified = createdMs ?? created + Math.floor(rng.next() ** 2 * (REFERENCE_TIME_MS - created))
  const id = String(FIRST_ID + index)
  return {
    id,
    properties: {
      createdate: isoWithMs(created),
      email: rng.chance(0.97) ? fakeEmail(person, company.domain) : null,
      firstname: person.first,
      hs_object_id: id,
      lastmodifieddate: isoWithMs(modified),
      lastname: rng.chance(0.98) ? person.last : null,
      company: rng.chance(0.8) ? company.name : null,
    },
    createdAt: isoWithMs(created),
    updatedAt: isoWithMs(modified),
    archived: false,
  }
}

const buildContacts = (seed: number, count: number) =>
  Array.from({ length: count }, (_, index) => hubspotContact(seed, index, count))

/** The contact with only the properties asked for, plus those HubSpot always returns. */
function withProperties(contact: HubspotContact, names: readonly string[]): HubspotContact {
  const properties: Record<string, string | null> = {}
  for (const name of [...names, ...ALWAYS].sort()) {
    if (Object.hasOwn(contact.properties, name)) {
      properties[name] = contact.properties[name as keyof HubspotContactProperties]
    }
  }
  return { ...contact, properties: properties as unknown as HubspotContactProperties }
}

/** A 400 `VALIDATION_ERROR`. */
function invalid(message: string): never {
  throw new MockBadRequest(message)
}

function readLimit(raw: unknown, limits: { default: number; max: number }): number {
  if (raw === undefined || raw === null) return limits.default
  const limit =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN
  if (!Number.isInteger(limit) || limit < 1)
    invalid(`limit must be a positive integer, got ${JSON.stringify(raw)}`)
  if (limit > limits.max) invalid(`limit must be at most ${limits.max}, got ${limit}`)
  return limit
}

/**
 * The opaque `after` of the list, as HubSpot sends it: base64 of the last id sent, percent-encoded (`NTI1Cg%3D%3D`).
 * HubSpot's `paging.next.link` carries it as is (`?after=NTI1Cg%3D%3D`), so a request that sends what the link does
 * arrives as base64 (`NTI1Cg==`); one that encodes it again (`NTI1Cg%253D%253D`) is not a cursor: 400.
 */
const encodeAfter = (id: string) => encodeURIComponent(btoa(`contact:${id}`))
function decodeAfter(after: string): number {
  let decoded: string | undefined
  try {
    decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(after) ? atob(after) : undefined
  } catch {
    decoded = undefined
  }
  const id = decoded?.startsWith('contact:') ? decoded.slice('contact:'.length) : undefined
  if (id === undefined || !/^\d{1,15}$/.test(id)) {
    invalid('Invalid after cursor: send back paging.next.after of a previous answer.')
  }
  return Number(id)
}

/** Answers `GET /crm/v3/objects/contacts?limit&after&properties&archived`. */
function listAnswer(base: string, records: () => HubspotContact[]): (call: MockCall) => Response {
  return ({ query }) => {
    const limit = readLimit(query.limit, LIST)
    const after = query.after === undefined || query.after === '' ? 0 : decodeAfter(query.after)
    const archived = query.archived === 'true'
    const names = query.properties === undefined ? DEFAULT_PROPERTIES : query.properties.split(',')
    const matching = records().filter(
      (contact) => Number(contact.id) > after && contact.archived === archived,
    )
    const page = matching.slice(0, limit)
    const body: Record<string, unknown> = { results: page.map((contact) => withProperties(contact, names)) }
    const last = page[page.length - 1]
    if (last !== undefined && matching.length > limit) {
      const next = encodeAfter(last.id)
      const { after: _after, ...rest } = query
      const others = new URLSearchParams(rest).toString()
      // The link carries `after` as it is in the answer, already encoded.
      const link = `${base}/crm/v3/objects/contacts?${others === '' ? '' : `${others}&`}after=${next}`
      body.paging = { next: { after: next, link } }
    }
    return HttpResponse.json(body)
  }
}

type Filter = { propertyName?: unknown; operator?: unknown; value?: unknown }

/** One search filter as a test on a contact. */
function filterTest(filter: Filter): (contact: HubspotContact) => boolean {
  const { propertyName: name, operator, value } = filter
  if (typeof name !== 'string' || typeof operator !== 'string') {
    invalid('Each filter needs a propertyName and an operator.')
  }
  const read = (contact: HubspotContact) =>
    (contact.properties as unknown as Record<string, string | null | undefined>)[name] ?? null
  if (operator === 'HAS_PROPERTY') return (contact) => read(contact) !== null
  if (operator === 'NOT_HAS_PROPERTY') return (contact) => read(contact) === null
  if (typeof value !== 'string' && typeof value !== 'number') invalid(`Filter on ${name} needs a value.`)
  const wanted = String(value).toLowerCase()
  // Dates compare as instants (HubSpot takes milliseconds or ISO 8601); other values as case-insensitive text.
  const key = (text: string) =>
    DATE_PROPERTIES.has(name) ? (/^\d+$/.test(text) ? Number(text) : Date.parse(text)) : text
  const compare = (contact: HubspotContact) => {
    const actual = read(contact)
    return actual === null ? undefined : compareValues(key(actual.toLowerCase()), key(wanted))
  }
  const tests: Record<string, (contact: HubspotContact) => boolean> = {
    EQ: (contact) => compare(contact) === 0,
    NEQ: (contact) => compare(contact) !== 0,
    LT: (contact) => (compare(contact) ?? 0) < 0,
    LTE: (contact) => (compare(contact) ?? 1) <= 0,
    GT: (contact) => (compare(contact) ?? 0) > 0,
    GTE: (contact) => (compare(contact) ?? -1) >= 0,
    CONTAINS_TOKEN: (contact) => read(contact)?.toLowerCase().includes(wanted.replace(/\*/g, '')) ?? false,
  }
  const test = tests[operator]
  if (test === undefined)
    invalid(`Unsupported operator ${operator} (this mock knows ${Object.keys(tests).join(', ')}).`)
  return test
}

/** `filterGroups`: OR of groups, AND of each group's filters; at most 5 groups, 10 filters each, 25 in all. */
function searchFilter(groups: unknown): (contact: HubspotContact) => boolean {
  if (groups === undefined) return () => true
  if (!Array.isArray(groups) || groups.length > SEARCH.groups) {
    invalid(`filterGroups must be a list of at most ${SEARCH.groups} groups.`)
  }
  let total = 0
  const tests = groups.map((group: { filters?: unknown }) => {
    const filters = group?.filters
    if (!Array.isArray(filters) || filters.length > SEARCH.filtersPerGroup) {
      invalid(`Each filter group needs a list of at most ${SEARCH.filtersPerGroup} filters.`)
    }
    total += filters.length
    return filters.map((filter: Filter) => filterTest(filter))
  })
  if (total > SEARCH.filters) invalid(`A search takes at most ${SEARCH.filters} filters, got ${total}.`)
  return (contact) => tests.length === 0 || tests.some((group) => group.every((test) => test(contact)))
}

/** The properties a mock contact has: sorting by another is a 400, as HubSpot refuses a property that does not exist. */
const KNOWN_PROPERTIES = new Set<string>([...DEFAULT_PROPERTIES, 'company'])

/**
 * `sorts`: one sort at most, `{ propertyName, direction: 'ASCENDING' | 'DESCENDING' }` or a property name (`-name`
 * descending). Ties go by id; `hs_object_id` sorts as a number. An unknown property or direction is a 400
 * `VALIDATION_ERROR`. The search's `after` is an offset into the sorted results (HubSpot's is too), so it is not tied
 * to a sort: a client that changes the sort must start again without it.
 */
function searchOrder(sorts: unknown): (a: HubspotContact, b: HubspotContact) => number {
  const byId = (a: HubspotContact, b: HubspotContact) => Number(a.id) - Number(b.id)
  if (sorts === undefined || (Array.isArray(sorts) && sorts.length === 0)) return byId
  if (!Array.isArray(sorts) || sorts.length > 1) invalid('sorts takes one sort at most.')
  const sort = sorts[0] as unknown
  const name =
    typeof sort === 'string'
      ? sort.replace(/^-/, '')
      : (sort as Filter & { propertyName?: unknown })?.propertyName
  const direction = typeof sort === 'string' ? undefined : (sort as { direction?: unknown })?.direction
  if (typeof name !== 'string' || name === '') invalid('Each sort needs a propertyName.')
  if (!KNOWN_PROPERTIES.has(name))
    invalid(`Property "${name}" does not exist on contacts: cannot sort by it.`)
  if (direction !== undefined && direction !== 'ASCENDING' && direction !== 'DESCENDING') {
    invalid(`direction must be ASCENDING or DESCENDING, got ${JSON.stringify(direction)}.`)
  }
  const descending = typeof sort === 'string' ? sort.startsWith('-') : direction === 'DESCENDING'
  const value = (contact: HubspotContact) => {
    const text = (contact.properties as unknown as Record<string, string | null | undefined>)[name] ?? null
    return name === 'hs_object_id' && text !== null ? Number(text) : text
  }
  return (a, b) => (descending ? -1 : 1) * compareValues(value(a), value(b)) || byId(a, b)
}

/** Answers `POST /crm/v3/objects/contacts/search` with `{ total, results, paging? }`. */
function searchAnswer(records: () => HubspotContact[]): (call: MockCall) => Response {
  return ({ body }) => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      invalid('The request body must be a JSON object.')
    }
    const request = body as Record<string, unknown>
    const limit = readLimit(request.limit, SEARCH)
    const rawAfter = request.after
    if (
      rawAfter !== undefined &&
      rawAfter !== null &&
      !(typeof rawAfter === 'string' && /^\d{1,9}$/.test(rawAfter))
    ) {
      invalid(`after must be the paging.next.after of a previous answer, got ${JSON.stringify(rawAfter)}`)
    }
    const offset = typeof rawAfter === 'string' ? Number(rawAfter) : 0
    if (offset >= SEARCH.maxResults) {
      invalid(
        `Search results are limited to ${SEARCH.maxResults}: narrow the search (by createdate, say) to go further.`,
      )
    }
    const text = typeof request.query === 'string' ? request.query.trim().toLowerCase() : ''
    const accept = searchFilter(request.filterGroups)
    const matching = records()
      .filter(
        (contact) =>
          !contact.archived &&
          accept(contact) &&
          (text === '' ||
            QUERY_PROPERTIES.some((name) => contact.properties[name]?.toLowerCase().includes(text))),
      )
      .sort(searchOrder(request.sorts))
    const names = Array.isArray(request.properties) ? (request.properties as string[]) : DEFAULT_PROPERTIES
    const page = matching.slice(offset, offset + limit)
    const answer: Record<string, unknown> = {
      total: matching.length,
      results: page.map((contact) => withProperties(contact, names)),
    }
    if (offset + limit < matching.length) answer.paging = { next: { after: String(offset + limit) } }
    return HttpResponse.json(answer)
  }
}

/** HubSpot's error body: `{ status: 'error', message, correlationId, category }` (plus what a case adds). */
function hubspotProfile(accessToken: string | undefined, correlationId: () => string): ProviderProfile {
  const error = (status: number, body: Record<string, unknown>, headers?: Record<string, string>) =>
    HttpResponse.json({ status: 'error', ...body, correlationId: correlationId() }, { status, headers })
  const limitHeaders = (state: RateLimitState): Record<string, string> => ({
    'X-HubSpot-RateLimit-Interval-Milliseconds': String(state.windowSeconds * 1000),
    'X-HubSpot-RateLimit-Max': String(state.limit),
    'X-HubSpot-RateLimit-Remaining': String(state.remaining),
  })
  return {
    authorize: (request) =>
      accessToken === undefined || request.headers.get('authorization') === `Bearer ${accessToken}`,
    unauthorized: () =>
      error(401, {
        message:
          'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more ' +
          'details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
        category: 'INVALID_AUTHENTICATION',
      }),
    rateLimited: (state) =>
      error(
        429,
        {
          message: 'You have reached your ten_secondly_rolling limit.',
          errorType: 'RATE_LIMIT',
          policyName: 'TEN_SECONDLY_ROLLING',
        },
        limitHeaders({ ...state, remaining: 0 }),
      ),
    rateLimitHeaders: limitHeaders,
    serverError: (status) =>
      status === 502
        ? badGatewayPage()
        : error(503, { message: 'Service Unavailable', category: 'SERVICE_UNAVAILABLE' }),
  }
}

/** The `malformedOnRequest` answer: the normal page with `paging.next.after` as a number. */
function hubspotMalformed(body: unknown): Response {
  const normal = (typeof body === 'object' && body !== null ? body : {}) as { results?: unknown }
  return HttpResponse.json({ ...normal, paging: { next: { after: 100 } } })
}

/**
 * A mock of HubSpot's CRM v3 contacts for MSW, with HubSpot's envelopes, limits and errors. Facts relied on (HubSpot
 * developer docs, "CRM API | Contacts" and "CRM API | Search"):
 *
 * - `GET /crm/v3/objects/contacts?limit&after&properties&archived`: `limit` default 10, at most 100; answers
 *   `{ results, paging: { next: { after, link } } }`, without `paging` on the last page; contacts by id, ascending;
 *   without `properties`, the default ones (`createdate`, `email`, `firstname`, `hs_object_id`,
 *   `lastmodifieddate`, `lastname`). `after` is opaque and percent-encoded (here base64 of the last id sent, such as
 *   `Y29udGFjdDo2MA%3D%3D`); `link` carries it as is, so it reads back as base64, and an `after` encoded twice is a
 *   400 (HubSpot's OpenAPI examples: `after: 'NTI1Cg%3D%3D'`, `link: '?after=NTI1Cg%3D%3D'`).
 * - `POST /crm/v3/objects/contacts/search` with `{ filterGroups?, sorts?, query?, properties?, limit?, after? }`:
 *   `limit` default 10, at most 200; answers `{ total, results, paging? }`; `after` is the offset of the next page as
 *   a string; one sort at most; at most 5 filter groups of 10 filters, 25 filters in all; at most 10,000 results per
 *   query (a larger `after` is a 400). The mock's filters: `EQ`, `NEQ`, `LT`, `LTE`, `GT`, `GTE`,
 *   `CONTAINS_TOKEN`, `HAS_PROPERTY`, `NOT_HAS_PROPERTY`; `query` is a substring of name, e-mail or company.
 * - Errors: `{ status: 'error', message, correlationId, category }`, `category: 'VALIDATION_ERROR'` for a 400;
 *   401 `INVALID_AUTHENTICATION` without the token (with `accessToken` set); 429 with `errorType: 'RATE_LIMIT'` and
 *   `X-HubSpot-RateLimit-*` headers, without `Retry-After`.
 *
 * Drift (`faults.drift`) creates contacts with the next ids: the end of the id order, which an `after` cursor never
 * shifts. `malformedOnRequest` answers `paging.next.after` as a number.
 *
 * @example
 * const hubspot = createHubspotMock({ contacts: 2000, accessToken: 'demo' })
 * const server = setupServer(...hubspot.handlers)
 */
export function createHubspotMock(options: HubspotMockOptions = {}): MockApi<HubspotDataset> {
  const seed = options.seed ?? 1
  const count = Math.max(0, Math.floor(options.contacts ?? 1000))
  const base = trimBaseUrl(options.baseUrl ?? HUBSPOT_MOCK_BASE_URL)
  const fresh = (): HubspotDataset => ({ seed, contacts: buildContacts(seed, count) })
  let dataset = fresh()
  let errors = 0
  const correlationId = () => {
    errors += 1
    return uuid(seed, SALT_CORRELATION, errors, recordRng(seed, SALT_CORRELATION, errors))
  }
  const profile = hubspotProfile(options.accessToken, correlationId)
  const runtime = createMockRuntime(profile, options)
  /** Answers a 400 for `MockBadRequest`, as HubSpot does. */
  const validated =
    (answer: (call: MockCall) => Response) =>
    (call: MockCall): Response => {
      try {
        return answer(call)
      } catch (caught) {
        if (!(caught instanceof MockBadRequest)) throw caught
        return HttpResponse.json(
          {
            status: 'error',
            message: caught.message,
            correlationId: correlationId(),
            category: 'VALIDATION_ERROR',
          },
          { status: 400 },
        )
      }
    }
  const contacts = () => dataset.contacts
  const handlers = [
    http.post(
      `${base}/crm/v3/objects/contacts/search`,
      runtime.endpoint({ answer: validated(searchAnswer(contacts)), malformed: hubspotMalformed }),
    ),
    http.get(
      `${base}/crm/v3/objects/contacts`,
      runtime.endpoint({
        answer: validated(listAnswer(base, contacts)),
        malformed: hubspotMalformed,
        drift: (inserts) => {
          for (let i = 0; i < inserts; i += 1) {
            const index = dataset.contacts.length
            dataset.contacts.push(hubspotContact(seed, index, count, REFERENCE_TIME_MS + index * 1000))
          }
        },
      }),
    ),
  ]
  return assembleMockApi(runtime, handlers, {
    current: () => dataset,
    reset: () => {
      dataset = fresh()
      errors = 0
    },
  })
}
