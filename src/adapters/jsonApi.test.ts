import { describe, expect, it } from 'vitest'
import { pageRequest, readListPage } from '../core/listPage'
import { ApiReportedError, CursorLoopError, InvalidOptionError } from '../core/errors'
import { jsonApiAdapter } from './jsonApi'
import type { JsonApiDocument, JsonApiResource } from './jsonApi'

type Article = JsonApiResource<{ title: string }>
type Page = JsonApiDocument<Article>

const BASE = 'https://api.example.com/articles'
const articles = (from: number, count: number): Article[] =>
  Array.from({ length: count }, (_, i) => ({
    type: 'articles',
    id: String(from + i),
    attributes: { title: `Article ${from + i}` },
  }))
/** A document; `extra` may hold deliberately wrong values, hence the cast. */
const doc = (data: unknown, extra: Record<string, unknown> = {}) => ({ data, ...extra }) as Page
const url = (number: number, size = 20) => `${BASE}?page%5Bnumber%5D=${number}&page%5Bsize%5D=${size}`

describe('jsonApiAdapter (following links)', () => {
  const adapter = jsonApiAdapter<Article>()

  it('sends page[size] on the first request, default 20, at most 100', () => {
    expect(adapter).toMatchObject({
      id: 'jsonApi',
      kind: 'cursor',
      initialPageParam: null,
      defaultLimit: 20,
      maxLimit: 100,
    })
    expect(adapter.toRequest(null, 20)).toEqual({ query: { 'page[size]': '20' } })
    expect(adapter.toRequest(null, 500)).toEqual({ query: { 'page[size]': '100' } })
    expect(adapter.pageParamAt).toBeUndefined()
  })

  it('loads links.next as the page URL, keeping the page size the link names', () => {
    expect(adapter.toRequest(url(2, 20), 20)).toEqual({ query: {}, url: url(2, 20) })
    expect(adapter.toRequest(`${BASE}?page[number]=2&page[size]=20`, 20).query).toEqual({})
    // The request's URL travels to fetchPage; createFetcher loads it.
    const request = pageRequest(adapter, url(3), 20, new AbortController().signal)
    expect(request).toMatchObject({ url: url(3), query: {}, limit: 20 })
  })

  it('adds page[size] through the query when links.next lacks it', () => {
    const cursorLink = `${BASE}?page%5Bcursor%5D=abc`
    expect(adapter.toRequest(cursorLink, 50)).toEqual({ query: { 'page[size]': '50' }, url: cursorLink })
    expect(adapter.toRequest('/articles?page[cursor]=abc', 50).query).toEqual({ 'page[size]': '50' })
    const custom = jsonApiAdapter({ sizeParam: 'page[limit]' })
    expect(custom.toRequest(null, 10)).toEqual({ query: { 'page[limit]': '10' } })
    expect(custom.toRequest(`${BASE}?page[offset]=10&page[limit]=10`, 10).query).toEqual({})
  })

  it('reads the records from data and follows links.next until it is null or absent', () => {
    const first = doc(articles(1, 20), { links: { self: url(1), next: url(2), prev: null } })
    expect(adapter.getItems(first)).toEqual(articles(1, 20))
    expect(adapter.getNextPageParam(first, [first], null, [null])).toBe(url(2))
    const last = doc(articles(21, 5), { links: { self: url(2), next: null, prev: url(1) } })
    expect(adapter.getNextPageParam(last, [first, last], url(2), [null, url(2)])).toBeUndefined()
    const noNext = doc(articles(21, 5), { links: { self: url(2) } })
    expect(adapter.getNextPageParam(noNext, [first, noNext], url(2), [null, url(2)])).toBeUndefined()
    const noLinks = doc(articles(1, 3))
    expect(adapter.getNextPageParam(noLinks, [noLinks], null, [null])).toBeUndefined()
  })

  it('accepts JSON:API 1.1 link objects', () => {
    const page = doc(articles(1, 1), { links: { next: { href: url(2), meta: { count: 1 } } } })
    expect(adapter.getNextPageParam(page, [page], null, [null])).toBe(url(2))
  })

  it('resolves relative links against links.self, the document’s own URL', () => {
    const at = 'https://api.example.com/v2/blog/articles?page%5Bcursor%5D=abc'
    const page = (links: Record<string, unknown>) => doc(articles(1, 1), { links })
    const next = (links: Record<string, unknown>) =>
      adapter.getNextPageParam(page(links), [page(links)], null, [null])
    expect(next({ self: at, next: '?page%5Bcursor%5D=def' })).toBe(
      'https://api.example.com/v2/blog/articles?page%5Bcursor%5D=def',
    )
    expect(next({ self: at, next: 'articles?page%5Bcursor%5D=def' })).toBe(
      'https://api.example.com/v2/blog/articles?page%5Bcursor%5D=def',
    )
    expect(next({ self: { href: at }, next: { href: '/articles?page%5Bcursor%5D=def' } })).toBe(
      'https://api.example.com/articles?page%5Bcursor%5D=def',
    )
    const prev = page({ self: at, prev: '?page%5Bcursor%5D=aaa' })
    expect(adapter.getPreviousPageParam?.(prev, [prev], at, [at])).toBe(
      'https://api.example.com/v2/blog/articles?page%5Bcursor%5D=aaa',
    )
    // Without an absolute self, the link is passed on as given (createFetcher resolves it against the endpoint).
    expect(next({ next: '?page%5Bcursor%5D=def' })).toBe('?page%5Bcursor%5D=def')
    expect(next({ self: '/articles', next: '?page%5Bcursor%5D=def' })).toBe('?page%5Bcursor%5D=def')
    // An absolute link stays on its own origin (createFetcher then refuses a foreign one).
    expect(next({ self: at, next: 'https://evil.test/x' })).toBe('https://evil.test/x')
  })

  it('pages back through links.prev', () => {
    const middle = doc(articles(21, 20), { links: { prev: url(1), next: url(3) } })
    expect(adapter.getPreviousPageParam?.(middle, [middle], url(2), [url(2)])).toBe(url(1))
    const first = doc(articles(1, 20), { links: { prev: null, next: url(2) } })
    expect(adapter.getPreviousPageParam?.(first, [first], null, [null])).toBeUndefined()
  })

  it('reads the total from meta.page.total, else meta.total, else none', () => {
    expect(adapter.getTotal?.(doc([], { meta: { page: { total: 42 } } }))).toBe(42)
    expect(adapter.getTotal?.(doc([], { meta: { total: 7 } }))).toBe(7)
    expect(adapter.getTotal?.(doc([], { meta: { page: { total: 0 }, total: 9 } }))).toBe(0)
    expect(adapter.getTotal?.(doc([]))).toBeUndefined()
    const custom = jsonApiAdapter({ total: 'meta.record_count' })
    expect(custom.getTotal?.(doc([], { meta: { record_count: 13, total: 99 } }))).toBe(13)
  })

  it("reads a total sent as a string of digits, as Drupal's JSON:API sends meta.count", () => {
    // Drupal answers `"meta": { "count": "1" }`.
    const drupal = jsonApiAdapter({ total: 'meta.count' })
    const page = doc(articles(1, 1), { meta: { count: '1' } })
    expect(drupal.getTotal?.(page)).toBe(1)
    expect(readListPage(drupal, page, null)).toEqual({ items: page.data, total: 1 })
    expect(adapter.getTotal?.(doc([], { meta: { page: { total: '45' } } }))).toBe(45)
  })

  it('loses no page to a total that does not read', () => {
    const page = doc(articles(1, 2), { links: { next: url(2) }, meta: { count: '1.5' } })
    const drupal = jsonApiAdapter({ total: 'meta.count' })
    expect(readListPage(drupal, page, null)).toEqual({ items: page.data, nextPageParam: url(2) })
    const numbered = jsonApiAdapter({ total: 'meta.count', numberParam: 'page[number]' })
    expect(readListPage(numbered, page, 1)).toEqual({ items: page.data, nextPageParam: 2 })
  })

  it.each([
    ['data missing', { links: {} }, 'data'],
    ['data an object', { data: { type: 'articles', id: '1' } }, 'data'],
    ['links.next a number', { data: [], links: { next: 2 } }, 'links.next'],
    ['links.next a link object without href', { data: [], links: { next: { url: 'x' } } }, 'links.next'],
    ['links a string', { data: [], links: 'next' }, 'links'],
  ])('throws MalformedResponseError naming the field for %s', (_case, response, field) => {
    expect(() => adapter.getNextPageParam(response as never, [], null, [null])).toThrow(
      expect.objectContaining({ name: 'MalformedResponseError', adapterId: 'jsonApi', field }),
    )
  })

  it.each([
    ['meta.page.total negative', { meta: { page: { total: -1 } } }, 'meta.page.total'],
    ['meta.total a decimal string', { meta: { total: '12.0' } }, 'meta.total'],
    ['meta.page a number', { meta: { page: 3 } }, 'meta.page'],
  ])('throws MalformedResponseError for a total with %s', (_case, extra, field) => {
    expect(() => adapter.getTotal?.(doc([], extra))).toThrow(
      expect.objectContaining({ name: 'MalformedResponseError', field }),
    )
  })

  it('refuses a 2xx document with errors, with the first error’s detail', () => {
    const errors = [
      { status: '400', title: 'Invalid parameter', detail: 'page[size] must be at most 100' },
      { status: '400', title: 'Invalid parameter' },
    ]
    let thrown: unknown
    try {
      adapter.getItems({ errors } as never)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ApiReportedError)
    expect(thrown).toMatchObject({ adapterId: 'jsonApi', field: 'errors', errors })
    expect((thrown as Error).message).toBe(
      '[pagewise] jsonApi: the API answered with "errors": page[size] must be at most 100 (+1 more)',
    )
    expect(() => adapter.getItems({ errors: [{ title: 'Forbidden' }] } as never)).toThrow(
      'the API answered with "errors": Forbidden',
    )
    expect(adapter.getItems(doc([], { errors: [] }))).toEqual([])
  })

  it('refuses a links.next that repeats a page it already loaded', () => {
    const page = doc(articles(21, 20), { links: { next: url(2) } })
    expect(() => adapter.getNextPageParam(page, [page, page], url(2), [null, url(2)])).toThrow(
      CursorLoopError,
    )
  })

  it('refuses an HTML page', () => {
    expect(() => adapter.getItems('<html>' as never)).toThrow(
      expect.objectContaining({ name: 'MalformedResponseError', field: '$' }),
    )
  })

  it('checks its options in development', () => {
    expect(() => jsonApiAdapter({ sizeParam: '' })).toThrow(InvalidOptionError)
    expect(() => jsonApiAdapter({ items: 3 as never })).toThrow('option "items" must be a non-empty string')
    expect(() => jsonApiAdapter({ maxLimit: 0 })).toThrow(InvalidOptionError)
    expect(() => jsonApiAdapter({ defaultLimit: 50, maxLimit: 30 })).toThrow('defaultLimit')
    expect(jsonApiAdapter({ maxLimit: 10 }).defaultLimit).toBe(10)
    expect(jsonApiAdapter({ id: 'blog.articles' }).id).toBe('blog.articles')
  })
})

describe('jsonApiAdapter({ numberParam }) (page numbers)', () => {
  const adapter = jsonApiAdapter<Article>({ numberParam: 'page[number]' })

  it('requests pages by number, from 1, with random access', () => {
    expect(adapter).toMatchObject({ id: 'jsonApi.pageNumber', kind: 'offset', initialPageParam: 1 })
    expect(adapter.toRequest(1, 20)).toEqual({ query: { 'page[number]': '1', 'page[size]': '20' } })
    expect(adapter.toRequest(4, 250)).toEqual({ query: { 'page[number]': '4', 'page[size]': '100' } })
    expect(adapter.pageParamAt?.(0, 20)).toBe(1)
    expect(adapter.pageParamAt?.(9, 20)).toBe(10)
  })

  it('goes on while links.next is a link, and pages back by number', () => {
    const first = doc(articles(1, 20), { links: { next: url(2) }, meta: { page: { total: 45 } } })
    expect(adapter.getNextPageParam(first, [first], 1, [1])).toBe(2)
    expect(adapter.getTotal?.(first)).toBe(45)
    const last = doc(articles(41, 5), { links: { next: null } })
    expect(adapter.getNextPageParam(last, [first, last], 3, [1, 3])).toBeUndefined()
    expect(adapter.getPreviousPageParam?.(last, [last], 3, [3])).toBe(2)
    expect(adapter.getPreviousPageParam?.(first, [first], 1, [1])).toBeUndefined()
  })

  it('names the field of a malformed page and refuses "more" after an empty page', () => {
    expect(() => adapter.getNextPageParam(doc([], { links: { next: 2 } }), [], 1, [1])).toThrow(
      expect.objectContaining({
        name: 'MalformedResponseError',
        adapterId: 'jsonApi.pageNumber',
        field: 'links.next',
      }),
    )
    expect(() => adapter.getItems({ links: {} } as never)).toThrow(
      expect.objectContaining({ name: 'MalformedResponseError', field: 'data' }),
    )
    expect(() => adapter.getItems({ errors: [{ detail: 'Boom' }] } as never)).toThrow(
      'jsonApi.pageNumber: the API answered with "errors": Boom',
    )
    const empty = doc([], { links: { next: url(3) } })
    expect(() => adapter.getNextPageParam(empty, [empty], 2, [2])).toThrow(
      expect.objectContaining({ name: 'CursorLoopError', reason: 'no-progress' }),
    )
  })

  it('checks numberParam in development', () => {
    expect(() => jsonApiAdapter({ numberParam: '' as string })).toThrow('option "numberParam"')
  })
})
