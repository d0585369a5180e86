import { http, HttpResponse } from 'msw'
import { isObject } from '../core/isObject'
import { isoWithMs, MINUTE_MS, HOUR_MS, REFERENCE_TIME_MS } from './dates'
import { fakePerson } from './fakeValues'
import { badGatewayPage } from './gatewayPages'
import { assembleMockApi, trimBaseUrl } from './mockApi'
import type { MockApi, MockCommonOptions } from './mockTypes'
import { MockBadRequest } from './params'
import { recordRng } from './random'
import type { RateLimitState } from './rateLimiter'
import type { MockCall } from './requestRecord'
import { createMockRuntime } from './runtime'
import type { ProviderProfile } from './runtime'

/**
 * Where the JSON:API mock listens unless told otherwise: `GET ${baseUrl}/articles`. A reserved example domain: no
 * real server answers there.
 *
 * @example
 * const page = await fetch(`${JSON_API_MOCK_BASE_URL}/articles?page[size]=10`)
 */
export const JSON_API_MOCK_BASE_URL = 'https://jsonapi.example.com'

/** The JSON:API media type, of every answer and error document of the mock. */
const MEDIA_TYPE = 'application/vnd.api+json'
const SIZE = 'page[size]'
const NUMBER = 'page[number]'
/** Seeds the random stream of articles, apart from the CRM mocks' streams. */
const ARTICLE_SALT = 401

/** An article of the JSON:API mock: a JSON:API resource object. */
export interface JsonApiArticle {
  /** The resource type. */
  type: 'articles'
  /** A string, as JSON:API requires: `'1'` is the oldest article. */
  id: string
  /** The article's fields. */
  attributes: {
    /** The headline (headlines repeat across articles). */
    title: string
    /** The author's name. */
    author: string
    /** ISO 8601, UTC, such as `'2026-02-28T09:14:00.000Z'`. Articles are listed newest first. */
    publishedAt: string
  }
  /** `self`: the article's own URL. */
  links: { self: string }
}

/** The data behind the JSON:API mock. */
export interface JsonApiMockDataset {
  /** The live articles, newest first (drift inserts at the head). */
  articles: JsonApiArticle[]
}

/** Options of `createJsonApiMock`. */
export interface JsonApiMockOptions extends MockCommonOptions {
  /** Origin (and optional path prefix) the handler answers on. @default JSON_API_MOCK_BASE_URL */
  baseUrl?: string
  /** Number of articles. @default 500 */
  articles?: number
  /** When set, every request needs `Authorization: Bearer <apiToken>`, else 401. @default undefined */
  apiToken?: string
  /** `page[size]` when the request has none. @default 20 */
  defaultPageSize?: number
  /** Largest `page[size]`; above it the answer is 400 with a JSON:API error document. @default 100 */
  maxPageSize?: number
}

const TOPICS: readonly string[] = [
  'pagination',
  'cursor stability',
  'rate limits',
  'offline-first forms',
  'accessible tables',
  'virtual scrolling',
  'query caching',
  'optimistic updates',
  'API versioning',
  'error budgets',
  'dark mode',
  'keyboard navigation',
  'bundle size',
  'type-safe fetching',
  'server rendering',
  'feature flags',
]
const HEADLINES: readonly ((topic: string) => string)[] = [
  (topic) => `A field guide to ${topic}`,
  (topic) => `What we learned about ${topic}`,
  (topic) => `Notes on ${topic}`,
  (topic) => `${topic[0]?.toUpperCase()}${topic.slice(1)} without the guesswork`,
  (topic) => `Why ${topic} matters more than you think`,
  (topic) => `Rethinking ${topic}`,
  (topic) => `${topic[0]?.toUpperCase()}${topic.slice(1)}, one step at a time`,
  (topic) => `Five mistakes in ${topic}`,
]

/** Article `index` (0 = the newest) of `count`: a pure function of (seed, index), published before the reference time. */
function generateArticle(seed: number, index: number, count: number, base: string): JsonApiArticle {
  const rng = recordRng(seed, ARTICLE_SALT, index)
  const id = String(count - index)
  // 7 hours apart, give or take 6: strictly newest first.
  const published = REFERENCE_TIME_MS - index * 7 * HOUR_MS - rng.int(0, 6 * 60) * MINUTE_MS
  return {
    type: 'articles',
    id,
    attributes: {
      title: rng.pick(HEADLINES)(rng.pick(TOPICS)),
      author: fakePerson(rng).full,
      publishedAt: isoWithMs(published),
    },
    links: { self: `${base}/articles/${id}` },
  }
}

const respond = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new HttpResponse(JSON.stringify(body), { status, headers: { 'content-type': MEDIA_TYPE, ...headers } })

/** A JSON:API error document with one error. */
function errorDocument(
  status: number,
  title: string,
  detail: string,
  extra: { source?: Record<string, string>; headers?: Record<string, string> } = {},
): Response {
  const error = { status: String(status), title, detail, ...(extra.source ? { source: extra.source } : {}) }
  return respond({ jsonapi: { version: '1.1' }, errors: [error] }, status, extra.headers)
}

const rateLimitHeaders = (state: RateLimitState): Record<string, string> => ({
  'RateLimit-Limit': String(state.limit),
  'RateLimit-Remaining': String(state.remaining),
  'RateLimit-Reset': String(state.resetSeconds),
})

function jsonApiProfile(apiToken: string | undefined): ProviderProfile {
  return {
    authorize: (request) =>
      apiToken === undefined || request.headers.get('authorization') === `Bearer ${apiToken}`,
    unauthorized: () =>
      errorDocument(401, 'Unauthorized', 'A valid bearer token is required to list articles.', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      }),
    rateLimited: (state) =>
      errorDocument(
        429,
        'Too Many Requests',
        `At most ${state.limit} requests per ${state.windowSeconds} seconds; retry in ${state.resetSeconds}.`,
        {
          headers: {
            ...rateLimitHeaders({ ...state, remaining: 0 }),
            'Retry-After': String(state.resetSeconds),
          },
        },
      ),
    rateLimitHeaders,
    serverError: (status) =>
      status === 502
        ? badGatewayPage()
        : errorDocument(503, 'Service Unavailable', 'The server is temporarily unavailable.', {
            headers: { 'Retry-After': '1' },
          }),
  }
}

/** A positive integer query parameter, `fallback` when absent; else a 400 naming the parameter. */
function pageParam(query: Record<string, string>, name: string, fallback: number): number {
  const raw = query[name]
  if (raw === undefined) return fallback
  if (!/^[1-9]\d{0,8}$/.test(raw))
    throw new MockBadRequest(`${name} must be a positive integer, got "${raw}".`, name)
  return Number(raw)
}

/** What each sortable field of an article sorts by (`id` as a number: `'10'` comes after `'9'`). */
const SORT_FIELDS: Readonly<Record<string, (article: JsonApiArticle) => string | number>> = {
  publishedAt: (article) => article.attributes.publishedAt,
  title: (article) => article.attributes.title,
  author: (article) => article.attributes.author,
  id: (article) => Number(article.id),
}

/**
 * Reads a JSON:API `sort` (`title,-publishedAt`: fields in order of precedence, `-` for descending) into a
 * comparator; ties go by id, newest first. A field the server cannot sort by is a 400, as the specification requires
 * ("If the server does not support sorting as specified in the query parameter sort, it MUST return 400 Bad Request").
 */
function articleOrder(raw: string): (a: JsonApiArticle, b: JsonApiArticle) => number {
  const keys = raw.split(',').map((part) => {
    const descending = part.startsWith('-')
    const field = descending ? part.slice(1) : part
    const key = Object.hasOwn(SORT_FIELDS, field) ? SORT_FIELDS[field] : undefined
    if (key === undefined) {
      throw new MockBadRequest(
        `Sorting by "${field}" is not supported: use ${Object.keys(SORT_FIELDS).join(', ')}, each with an optional "-".`,
        'sort',
      )
    }
    return { key, sign: descending ? -1 : 1 }
  })
  return (a, b) => {
    for (const { key, sign } of keys) {
      const left = key(a)
      const right = key(b)
      if (left !== right) return sign * (left < right ? -1 : 1)
    }
    return Number(b.id) - Number(a.id)
  }
}

/**
 * The `filter` family, whose meaning JSON:API leaves to the server: `filter[author]` (the exact name) and
 * `filter[title]` (a case-insensitive substring). Another `filter[…]` is a 400 naming it, as for `page[…]`.
 */
function articleFilter(query: Record<string, string>): (article: JsonApiArticle) => boolean {
  for (const name of Object.keys(query)) {
    if (name.startsWith('filter') && name !== 'filter[author]' && name !== 'filter[title]') {
      throw new MockBadRequest(
        `${name} is not supported: this server filters by filter[author] and filter[title].`,
        name,
      )
    }
  }
  const author = query['filter[author]']
  const title = query['filter[title]']?.toLowerCase()
  return (article) =>
    (author === undefined || article.attributes.author === author) &&
    (title === undefined || article.attributes.title.toLowerCase().includes(title))
}

/** The `malformedOnRequest` answer: the normal document with `links.next` as a page number instead of a URL. */
function malformedDocument(body: unknown): Response {
  const normal = isObject(body) ? body : { data: [] }
  const links = isObject(normal.links) ? normal.links : {}
  const meta = isObject(normal.meta) && isObject(normal.meta.page) ? normal.meta.page : {}
  const number = typeof meta.number === 'number' ? meta.number : 1
  return respond({ ...normal, links: { ...links, next: number + 1 } })
}

/**
 * A mock JSON:API server (jsonapi.org, v1.1) for MSW: `GET /articles`, articles newest first, paged with the
 * page-number strategy that the specification's examples and most servers use.
 *
 * Facts it models, from the specification: `Content-Type: application/vnd.api+json`; resource objects
 * `{ type, id (a string), attributes, links }`; pagination links `self`, `first`, `prev`, `next`, `last` in the
 * top-level `links`, as absolute URLs, `null` when unavailable (`prev` on page 1, `next` on the last page); the
 * `page` query family reserved for pagination (`page[number]` from 1, `page[size]`, default 20, at most 100); a
 * 400 error document `{ errors: [{ status: '400', title, detail, source: { parameter } }] }` for a bad parameter,
 * an unsupported `page[…]` parameter (such as `page[cursor]`), an unsupported `sort` or `filter[…]`. The total is in
 * `meta.page.total` (the Laravel / Spatie convention: `meta` is free-form in the specification).
 * `sort` takes `publishedAt`, `title`, `author` and `id`, comma-separated, each with an optional `-` for descending
 * (`-publishedAt`, newest first, by default); `filter[author]` (exact) and `filter[title]` (substring) narrow the
 * list. The pagination links are the request's URL with another page, so they carry `sort` and `filter` on.
 *
 * Faults: latency, 401 (with `apiToken`), 429 with `Retry-After` and `RateLimit-*` headers, 502 / 503, drift (new
 * articles at the head, so page-number pages shift), and a malformed 200 whose `links.next` is a page number.
 *
 * @example
 * const blog = createJsonApiMock({ articles: 250, faults: { latency: { fixedMs: 120, jitterMs: 0 } } })
 * const server = setupServer(...blog.handlers)
 */
export function createJsonApiMock(options: JsonApiMockOptions = {}): MockApi<JsonApiMockDataset> {
  const base = trimBaseUrl(options.baseUrl ?? JSON_API_MOCK_BASE_URL)
  const seed = options.seed ?? 1
  const count = Math.max(0, Math.floor(options.articles ?? 500))
  const defaultSize = options.defaultPageSize ?? 20
  const maxSize = options.maxPageSize ?? 100
  const build = (): JsonApiMockDataset => ({
    articles: Array.from({ length: count }, (_, index) => generateArticle(seed, index, count, base)),
  })
  let dataset = build()
  let published = 0
  const runtime = createMockRuntime(jsonApiProfile(options.apiToken), options)

  const answer = ({ url, query }: MockCall): Response => {
    try {
      for (const name of Object.keys(query)) {
        if (name.startsWith('page[') && name !== SIZE && name !== NUMBER) {
          throw new MockBadRequest(`${name} is not supported: this server pages with page[number].`, name)
        }
      }
      const size = pageParam(query, SIZE, defaultSize)
      if (size > maxSize)
        throw new MockBadRequest(`page[size] must be at most ${maxSize}, got ${size}.`, SIZE)
      const number = pageParam(query, NUMBER, 1)
      const compare = articleOrder(query.sort ?? '-publishedAt')
      const accept = articleFilter(query)
      const articles = dataset.articles.filter(accept).sort(compare)
      const total = articles.length
      const last = Math.max(1, Math.ceil(total / size))
      const link = (page: number): string => {
        const target = new URL(url)
        target.searchParams.set(NUMBER, String(page))
        target.searchParams.set(SIZE, String(size))
        return target.href
      }
      return respond({
        jsonapi: { version: '1.1' },
        data: articles.slice((number - 1) * size, number * size),
        links: {
          self: link(number),
          first: link(1),
          prev: number > 1 ? link(Math.min(number - 1, last)) : null,
          next: number < last ? link(number + 1) : null,
          last: link(last),
        },
        meta: { page: { number, size, total, totalPages: Math.ceil(total / size) } },
      })
    } catch (error) {
      if (!(error instanceof MockBadRequest)) throw error
      const source = error.field === undefined ? {} : { source: { parameter: error.field } }
      return errorDocument(400, 'Invalid query parameter', error.message, source)
    }
  }

  const handlers = [
    http.get(
      `${base}/articles`,
      runtime.endpoint({
        answer,
        malformed: malformedDocument,
        drift: (insert) => {
          const newest = Number(dataset.articles[0]?.id ?? count)
          // Oldest of them first: each gets the next id and a later date than every article before it.
          const fresh = Array.from({ length: insert }, (_, k) => {
            published += 1
            const article = generateArticle(seed, count + published, count, base)
            const id = String(newest + 1 + k)
            return {
              ...article,
              id,
              attributes: {
                ...article.attributes,
                publishedAt: isoWithMs(REFERENCE_TIME_MS + published * MINUTE_MS),
              },
              links: { self: `${base}/articles/${id}` },
            }
          })
          dataset.articles.unshift(...fresh.reverse())
        },
      }),
    ),
  ]
  return assembleMockApi(runtime, handlers, {
    current: () => dataset,
    reset: () => {
      dataset = build()
      published = 0
    },
  })
}
