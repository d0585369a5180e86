import { http, HttpResponse } from 'msw'
import { REFERENCE_TIME_MS } from './dates'
import { fakeCompany, fakeEmail, fakePerson, fakePhone } from './fakeValues'
import { badGatewayPage } from './gatewayPages'
import { closeId } from './ids'
import { selectPage } from './keyset'
import type { Compare } from './keyset'
import { assembleMockApi, trimBaseUrl } from './mockApi'
import type { MockApi, MockCommonOptions } from './mockTypes'
import { MockBadRequest } from './params'
import { recordRng } from './random'
import type { MockCall } from './requestRecord'
import type { ProviderProfile } from './runtime'
import { createMockRuntime } from './runtime'

/**
 * Where the Stripe mock listens unless told otherwise: handlers serve `${baseUrl}/v1/customers`.
 *
 * @example
 * const customers = await fetch(`${STRIPE_MOCK_BASE_URL}/v1/customers?limit=3`)
 */
export const STRIPE_MOCK_BASE_URL = 'https://api.stripe.com'

/** A Stripe customer, with the fields of the customer object the mock fills in. */
export interface StripeCustomer {
  /** `cus_` and 14 characters. */
  id: string
  object: 'customer'
  address: null
  balance: number
  /** Creation time, in Unix seconds: the list's order (newest first). */
  created: number
  currency: string | null
  delinquent: boolean
  description: string | null
  email: string | null
  livemode: false
  metadata: Record<string, string>
  name: string | null
  phone: string | null
  preferred_locales: string[]
  tax_exempt: 'none' | 'exempt' | 'reverse'
}

/** The records behind the Stripe mock. */
export interface StripeDataset {
  seed: number
  /** Customers, newest first (the order of `GET /v1/customers`). */
  customers: StripeCustomer[]
}

/** Options of `createStripeMock`. */
export interface StripeMockOptions extends MockCommonOptions {
  /** Origin the handlers answer on. @default STRIPE_MOCK_BASE_URL */
  baseUrl?: string
  /** Number of generated customers. @default 500 */
  customers?: number
  /**
   * When set, every request needs `Authorization: Bearer <apiKey>` (or HTTP Basic with the key as user, as Stripe
   * also accepts), else 401. @default undefined (no credentials needed)
   */
  apiKey?: string
}

const SALT_CUSTOMER = 401
const LIMIT = { default: 10, max: 100 }
/** Query parameters `GET /v1/customers` takes; any other is a 400, as with Stripe. */
const KNOWN =
  /^(limit|starting_after|ending_before|email|test_clock|created(\[(gt|gte|lt|lte)\])?|expand\[\d*\])$/
const CREATED_RANGES: Record<string, (created: number, bound: number) => boolean> = {
  created: (created, bound) => created === bound,
  'created[gt]': (created, bound) => created > bound,
  'created[gte]': (created, bound) => created >= bound,
  'created[lt]': (created, bound) => created < bound,
  'created[lte]': (created, bound) => created <= bound,
}

/** Customer `index`, as a pure function of (seed, index); `created` overrides its time (drift). */
function stripeCustomer(seed: number, index: number, created?: number): StripeCustomer {
  const rng = recordRng(seed, SALT_CUSTOMER, index)
  const person = fakePerson(rng)
  const company = rng.chance(0.6) ? fakeCompany(rng) : undefined
  // Newest first: customer 0 is the newest, an hour or less apart.
  const time = created ?? Math.floor(REFERENCE_TIME_MS / 1000) - (index + 1) * 3600 + rng.int(0, 1800)
  return {
    id: closeId('cus', seed, SALT_CUSTOMER, index, rng).slice(0, 18),
    object: 'customer',
    address: null,
    balance: rng.chance(0.1) ? -rng.int(1, 500) * 100 : 0,
    created: time,
    currency: rng.chance(0.7) ? rng.pick(['usd', 'eur', 'gbp']) : null,
    delinquent: rng.chance(0.05),
    description: company ? company.name : null,
    email: rng.chance(0.95) ? fakeEmail(person, company?.domain ?? 'example.com') : null,
    livemode: false,
    metadata: rng.chance(0.3) ? { plan: rng.pick(['starter', 'team', 'enterprise']) } : {},
    name: person.full,
    phone: rng.chance(0.4) ? fakePhone(rng, '1') : null,
    preferred_locales: [],
    tax_exempt: rng.chance(0.05) ? 'exempt' : 'none',
  }
}

function buildCustomers(seed: number, count: number): StripeCustomer[] {
  return Array.from({ length: count }, (_, index) => stripeCustomer(seed, index))
}

/** Newest first; customers created in the same second by id, descending. */
const newestFirst: Compare<StripeCustomer> = (a, b) =>
  b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

/** A Stripe error answer: `{ error: { type, message, param?, code? } }`. */
function stripeError(status: number, error: Record<string, string>): Response {
  return HttpResponse.json({ error }, { status })
}

/** A 400 `invalid_request_error`, naming the parameter. */
class StripeBadRequest extends MockBadRequest {
  constructor(
    message: string,
    param: string,
    readonly code?: string,
  ) {
    super(message, param)
  }
}

function readLimit(query: Record<string, string>): number {
  const raw = query.limit
  if (raw === undefined) return LIMIT.default
  if (!/^-?\d{1,15}$/.test(raw)) throw new StripeBadRequest(`Invalid integer: ${raw}`, 'limit')
  const limit = Number(raw)
  if (limit < 1 || limit > LIMIT.max) {
    throw new StripeBadRequest(`Invalid limit: must be between 1 and ${LIMIT.max}`, 'limit')
  }
  return limit
}

function readFilter(query: Record<string, string>): (customer: StripeCustomer) => boolean {
  const checks: Array<(customer: StripeCustomer) => boolean> = []
  for (const [name, holds] of Object.entries(CREATED_RANGES)) {
    const raw = query[name]
    if (raw === undefined) continue
    if (!/^\d{1,12}$/.test(raw)) throw new StripeBadRequest(`Invalid integer: ${raw}`, name)
    checks.push((customer) => holds(customer.created, Number(raw)))
  }
  // Stripe: a case-sensitive filter on the email field.
  if (query.email !== undefined) checks.push((customer) => customer.email === query.email)
  return (customer) => checks.every((check) => check(customer))
}

/** Answers `GET /v1/customers`. */
function customersAnswer(records: () => StripeCustomer[]): (call: MockCall) => Response {
  return ({ query }) => {
    try {
      const unknown = Object.keys(query).find((name) => !KNOWN.test(name))
      if (unknown !== undefined) throw new StripeBadRequest(`Received unknown parameter: ${unknown}`, unknown)
      const limit = readLimit(query)
      const { starting_after: after, ending_before: before } = query
      if (after !== undefined && before !== undefined) {
        throw new StripeBadRequest(
          'You may only specify one of these parameters: starting_after, ending_before.',
          'starting_after',
        )
      }
      const all = records()
      const cursorName = after !== undefined ? 'starting_after' : 'ending_before'
      const cursorId = after ?? before
      let position: ((customer: StripeCustomer) => number) | undefined
      if (cursorId !== undefined) {
        const anchor = all.find((customer) => customer.id === cursorId)
        if (anchor === undefined) {
          throw new StripeBadRequest(`No such customer: '${cursorId}'`, cursorName, 'resource_missing')
        }
        position = (customer) => newestFirst(customer, anchor)
      }
      const page = selectPage(all, {
        compare: newestFirst,
        limit,
        accept: readFilter(query),
        position,
        direction: before !== undefined ? 'before' : 'after',
      })
      return HttpResponse.json({
        object: 'list',
        url: '/v1/customers',
        has_more: page.hasMore,
        data: page.items,
      })
    } catch (error) {
      if (!(error instanceof MockBadRequest)) throw error
      const code = error instanceof StripeBadRequest ? error.code : undefined
      return stripeError(400, {
        ...(code === undefined ? {} : { code }),
        message: error.message,
        ...(error.field === undefined ? {} : { param: error.field }),
        type: 'invalid_request_error',
      })
    }
  }
}

function hasKey(header: string | null, apiKey: string): boolean {
  if (header === null) return false
  if (header === `Bearer ${apiKey}`) return true
  if (!/^basic /i.test(header)) return false
  try {
    return atob(header.slice(6).trim()).split(':')[0] === apiKey
  } catch {
    return false
  }
}

/** Stripe's auth, rate-limit and server-error answers (Stripe sends no rate-limit headers). */
function stripeProfile(apiKey: string | undefined): ProviderProfile {
  return {
    authorize: (request) => apiKey === undefined || hasKey(request.headers.get('authorization'), apiKey),
    unauthorized: () =>
      stripeError(401, {
        message:
          'You did not provide an API key. You need to provide your API key in the Authorization header, ' +
          "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        type: 'invalid_request_error',
      }),
    rateLimited: () =>
      stripeError(429, {
        code: 'rate_limit',
        message:
          'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
        type: 'invalid_request_error',
      }),
    rateLimitHeaders: () => ({}),
    serverError: (status) =>
      status === 502
        ? badGatewayPage()
        : stripeError(503, { message: 'Stripe is temporarily unavailable.', type: 'api_error' }),
  }
}

/** The `malformedOnRequest` answer: the normal page, its last customer without `id`, and `has_more: true`. */
function stripeMalformed(body: unknown): Response {
  const normal = (typeof body === 'object' && body !== null ? body : {}) as { data?: unknown[] }
  const data = Array.isArray(normal.data) ? normal.data.slice() : []
  const last = data.pop()
  const withoutId =
    typeof last === 'object' && last !== null ? { ...last, id: undefined } : { object: 'customer' }
  return HttpResponse.json({ ...normal, has_more: true, data: [...data, withoutId] })
}

/**
 * A mock of Stripe's `GET /v1/customers` for MSW, with Stripe's list envelope, limits and errors. Facts relied on
 * (Stripe API reference, "Pagination" and "List all customers"):
 *
 * - Answers `{ object: 'list', url: '/v1/customers', has_more, data }`, customers newest first (by `created`).
 * - `limit` 1–100, default 10; outside, or not an integer, a 400 `invalid_request_error` with `param: 'limit'`
 *   (the mock's wording: `Invalid limit: must be between 1 and 100`, `Invalid integer: …`).
 * - `starting_after=<id>`: the records after that customer; `ending_before=<id>`: the records just before it, still
 *   newest first, with `has_more` saying whether more precede them. An unknown id is a 400 `No such customer:
 *   'cus_…'` (`code: 'resource_missing'`, `param` the parameter); both parameters at once a 400 `You may only specify
 *   one of these parameters: starting_after, ending_before.`
 * - Filters `email` (exact, case-sensitive) and `created` / `created[gt|gte|lt|lte]` (Unix seconds); any other
 *   parameter is a 400 `Received unknown parameter: …`.
 * - 401 `{ error: { type: 'invalid_request_error', message } }` without the key (with `apiKey` set); 429
 *   `{ error: { code: 'rate_limit', … } }` over `faults.rateLimit`, without `Retry-After` (Stripe advises
 *   exponential backoff).
 *
 * Drift (`faults.drift`) creates customers newer than all others: the head of the list, which a `starting_after`
 * cursor (a record id) never shifts. `malformedOnRequest` answers the page with its last customer's `id` missing.
 *
 * @example
 * const stripe = createStripeMock({ customers: 1000, faults: { latency: { fixedMs: 150, jitterMs: 50 } } })
 * const server = setupServer(...stripe.handlers)
 */
export function createStripeMock(options: StripeMockOptions = {}): MockApi<StripeDataset> {
  const seed = options.seed ?? 1
  const count = Math.max(0, Math.floor(options.customers ?? 500))
  const base = trimBaseUrl(options.baseUrl ?? STRIPE_MOCK_BASE_URL)
  let dataset: StripeDataset = { seed, customers: buildCustomers(seed, count) }
  let created = 0
  const runtime = createMockRuntime(stripeProfile(options.apiKey), options)
  const handlers = [
    http.get(
      `${base}/v1/customers`,
      runtime.endpoint({
        answer: customersAnswer(() => dataset.customers),
        malformed: stripeMalformed,
        drift: (inserts) => {
          const newest = dataset.customers[0]?.created ?? Math.floor(REFERENCE_TIME_MS / 1000)
          for (let i = 0; i < inserts; i += 1) {
            created += 1
            dataset.customers.unshift(stripeCustomer(seed, count + created, newest + i + 1))
          }
        },
      }),
    ),
  ]
  return assembleMockApi(runtime, handlers, {
    current: () => dataset,
    reset: () => {
      dataset = { seed, customers: buildCustomers(seed, count) }
      created = 0
    },
  })
}
