import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { jsonApiAdapter } from '../adapters/jsonApi'
import type { JsonApiDocument } from '../adapters/jsonApi'
import { MalformedResponseError } from '../core/errors'
import { fetchAll } from '../core/fetchAll'
import { walkPages } from '../core/walkPages'
import { createFetcher } from '../http/createFetcher'
import { HttpError } from '../http/HttpError'
import { createJsonApiMock, JSON_API_MOCK_BASE_URL } from './jsonApiMock'
import type { JsonApiArticle, JsonApiMockOptions } from './jsonApiMock'

const { serve } = setupMockServer()
const mock = (options: JsonApiMockOptions = {}) => serve(createJsonApiMock(options))

type Page = Omit<JsonApiDocument<JsonApiArticle>, 'links' | 'meta'> & {
  links: Record<string, string | null>
  meta: { page: { number: number; size: number; total: number; totalPages: number } }
  errors?: { status: string; title: string; detail: string; source?: { parameter: string } }[]
}

async function get(query: string, headers: HeadersInit = {}) {
  const response = await fetch(`${JSON_API_MOCK_BASE_URL}/articles${query}`, { headers })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Page }
}

const articles = createFetcher({ baseUrl: JSON_API_MOCK_BASE_URL })('/articles')

describe('JSON:API mock: GET /articles', () => {
  it('answers a JSON:API document: 20 articles newest first, absolute pagination links, meta.page.total', async () => {
    const api = mock({ articles: 45 })
    const { status, headers, body } = await get('')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('application/vnd.api+json')
    expect(Object.keys(body)).toEqual(['jsonapi', 'data', 'links', 'meta'])
    expect(body.data).toEqual(api.dataset.articles.slice(0, 20))
    expect(body.data[0]).toMatchObject({
      type: 'articles',
      id: '45',
      links: { self: `${JSON_API_MOCK_BASE_URL}/articles/45` },
    })
    expect(Object.keys(body.data[0]!.attributes)).toEqual(['title', 'author', 'publishedAt'])
    const dates = body.data.map((article) => article.attributes.publishedAt)
    expect(dates).toEqual([...dates].sort().reverse())
    const page = (n: number) => `${JSON_API_MOCK_BASE_URL}/articles?page%5Bnumber%5D=${n}&page%5Bsize%5D=20`
    expect(body.links).toEqual({ self: page(1), first: page(1), prev: null, next: page(2), last: page(3) })
    expect(body.meta).toEqual({ page: { number: 1, size: 20, total: 45, totalPages: 3 } })
    const last = await get('?page[number]=3')
    expect(last.body.data).toEqual(api.dataset.articles.slice(40))
    expect(last.body.links).toMatchObject({ prev: page(2), next: null })
  })

  it('is deterministic for a seed and differs across seeds', () => {
    const one = createJsonApiMock({ seed: 3, articles: 30 }).dataset.articles
    expect(createJsonApiMock({ seed: 3, articles: 30 }).dataset.articles).toEqual(one)
    expect(createJsonApiMock({ seed: 4, articles: 30 }).dataset.articles).not.toEqual(one)
  })

  it('keeps other parameters in its links and sorts by publishedAt either way', async () => {
    const api = mock({ articles: 30 })
    const { body } = await get('?sort=publishedAt&page[size]=10')
    expect(body.data.map((article) => article.id)).toEqual(
      api.dataset.articles
        .slice(-10)
        .reverse()
        .map((article) => article.id),
    )
    expect(new URL(body.links.next!).searchParams.get('sort')).toBe('publishedAt')
  })

  it('is walked whole by jsonApiAdapter() following links.next through createFetcher', async () => {
    const api = mock({ articles: 230 })
    const pages = []
    for await (const page of walkPages(jsonApiAdapter<JsonApiArticle>(), articles, { limit: 50 }))
      pages.push(page)
    expect(pages.map((page) => page.items.length)).toEqual([50, 50, 50, 50, 30])
    expect(pages.flatMap((page) => page.items)).toEqual(api.dataset.articles)
    expect(api.requests.map((request) => request.query)).toEqual([
      { 'page[size]': '50' },
      ...[2, 3, 4, 5].map((n) => ({ 'page[number]': String(n), 'page[size]': '50' })),
    ])
  })

  it('is walked by page number by jsonApiAdapter({ numberParam })', async () => {
    const api = mock({ articles: 120 })
    const adapter = jsonApiAdapter<JsonApiArticle>({ numberParam: 'page[number]' })
    const all = await fetchAll({ adapter, fetchPage: articles })
    expect(all).toEqual(api.dataset.articles)
    expect(api.requests.map((request) => request.query['page[number]'])).toEqual(['1', '2'])
  })

  it('answers 400 with a JSON:API error document for a page[size] above 100 and other bad parameters', async () => {
    mock()
    const tooLarge = await get('?page[size]=101')
    expect(tooLarge.status).toBe(400)
    expect(tooLarge.headers.get('content-type')).toBe('application/vnd.api+json')
    expect(tooLarge.body).toEqual({
      jsonapi: { version: '1.1' },
      errors: [
        {
          status: '400',
          title: 'Invalid query parameter',
          detail: 'page[size] must be at most 100, got 101.',
          source: { parameter: 'page[size]' },
        },
      ],
    })
    expect((await get('?page[size]=0')).body.errors?.[0]?.source).toEqual({ parameter: 'page[size]' })
    expect((await get('?page[number]=-1')).body.errors?.[0]?.source).toEqual({ parameter: 'page[number]' })
    expect((await get('?page[cursor]=abc')).body.errors?.[0]).toMatchObject({
      status: '400',
      source: { parameter: 'page[cursor]' },
    })
    expect((await get('?sort=body')).status).toBe(400)
    // createFetcher reads the error document's detail into HttpError's message.
    const adapter = jsonApiAdapter({ maxLimit: 200 })
    const failing = fetchAll({ adapter, fetchPage: articles, retry: false })
    await expect(failing).rejects.toBeInstanceOf(HttpError)
    await expect(failing).rejects.toMatchObject({ status: 400 })
    await expect(failing).rejects.toThrow('page[size] must be at most 100, got 200.')
  })

  it('needs the bearer token when one is configured', async () => {
    mock({ apiToken: 'secret' })
    const denied = await get('')
    expect(denied.status).toBe(401)
    expect(denied.headers.get('www-authenticate')).toBe('Bearer')
    expect(denied.body.errors?.[0]).toMatchObject({ status: '401', title: 'Unauthorized' })
    expect((await get('', { authorization: 'Bearer nope' })).status).toBe(401)
    expect((await get('', { authorization: 'Bearer secret' })).status).toBe(200)
  })

  it('logs each request and adds the configured latency', async () => {
    const api = mock({ faults: { latency: { fixedMs: 40, jitterMs: 0 } } })
    const started = performance.now()
    await get('?page[size]=5&page[number]=2')
    expect(performance.now() - started).toBeGreaterThanOrEqual(35)
    expect(api.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/articles',
        query: { 'page[size]': '5', 'page[number]': '2' },
        status: 200,
      }),
    ])
    api.reset()
    expect(api.requests).toEqual([])
  })

  it('answers 429 with Retry-After and RateLimit headers past the rate limit', async () => {
    let now = 0
    const api = mock({ faults: { rateLimit: { requests: 1, windowMs: 2000 } }, now: () => now })
    expect((await get('')).headers.get('ratelimit-remaining')).toBe('0')
    const limited = await get('')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('2')
    expect(limited.body.errors?.[0]).toMatchObject({ status: '429', title: 'Too Many Requests' })
    now = 2000
    expect((await get('')).status).toBe(200)
    expect(api.requests.map((request) => request.status)).toEqual([200, 429, 200])
  })

  it('sends links.next as a page number on the malformed request, which the adapter names', async () => {
    mock({ faults: { malformedOnRequest: 2 } })
    const walking = fetchAll({ adapter: jsonApiAdapter(), fetchPage: articles, pageSize: 20 })
    await expect(walking).rejects.toBeInstanceOf(MalformedResponseError)
    await expect(walking).rejects.toMatchObject({ adapterId: 'jsonApi', field: 'links.next', received: 3 })
  })

  it('publishes new articles at the head under drift, which shifts page-number pages', async () => {
    const api = mock({ articles: 40, faults: { drift: { insertEvery: 2, count: 3 } } })
    const first = await get('?page[size]=10')
    const second = await get('?page[size]=10&page[number]=2')
    expect(api.dataset.articles).toHaveLength(43)
    expect(api.dataset.articles.slice(0, 3).map((article) => article.id)).toEqual(['43', '42', '41'])
    expect(
      api.dataset.articles[0]!.attributes.publishedAt > api.dataset.articles[3]!.attributes.publishedAt,
    ).toBe(true)
    // Three articles moved from page 1 to page 2.
    expect(second.body.data.slice(0, 3)).toEqual(first.body.data.slice(7))
    expect(second.body.meta.page.total).toBe(43)
  })
})
