import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { pageRequest } from '../core/listPage'
import { CursorLoopError, InvalidOptionError, MalformedResponseError } from '../core/errors'
import type { FullResponse, PageRequest } from '../core/types'
import { linkHeaderAdapter } from './linkHeader'

type Issue = { id: number }
const API = 'https://api.github.com/repositories/1300192/issues'

/** A full response with `link` (when given) and any other headers. */
function page(
  link: string | undefined,
  body: unknown = [{ id: 1 }],
  headers: Record<string, string> = {},
): FullResponse<Issue[]> {
  const all = new Headers(headers)
  if (link !== undefined) all.set('link', link)
  return { body: body as Issue[], headers: all, status: 200 }
}

const adapter = linkHeaderAdapter<Issue>()
const next = (response: FullResponse<Issue[]>, params: (string | null)[] = [null]) =>
  adapter.getNextPageParam(response, [response], params.at(-1) ?? null, params)
const malformed = (field: string) =>
  expect.objectContaining({ name: 'MalformedResponseError', adapterId: 'linkHeader', field })

describe('linkHeaderAdapter: requests', () => {
  it('is a cursor adapter on full responses, GitHub limits by default', () => {
    expect(adapter).toMatchObject({
      id: 'linkHeader',
      kind: 'cursor',
      response: 'full',
      initialPageParam: null,
      defaultLimit: 30,
      maxLimit: 100,
    })
  })

  it('asks for the first page with per_page, clamped to maxLimit', () => {
    expect(adapter.toRequest(null, 30)).toEqual({ query: { per_page: '30' } })
    expect(adapter.toRequest(null, 500)).toEqual({ query: { per_page: '100' } })
  })

  it('loads a next URL as given, adding the page size only when the URL lacks it', () => {
    expect(adapter.toRequest(`${API}?page=2&per_page=50`, 50)).toEqual({
      query: {},
      url: `${API}?page=2&per_page=50`,
    })
    expect(adapter.toRequest(`${API}?page=2`, 50)).toEqual({
      query: { per_page: '50' },
      url: `${API}?page=2`,
    })
    // A name that merely contains the parameter's is not it; a fragment is not the query.
    expect(adapter.toRequest(`${API}?xper_page=5#per_page=5`, 10).query).toEqual({ per_page: '10' })
    expect(adapter.toRequest('?page_info=abc', 10)).toEqual({
      query: { per_page: '10' },
      url: '?page_info=abc',
    })
    const shopify = linkHeaderAdapter({ limitParam: 'limit', defaultLimit: 50, maxLimit: 250 })
    expect(
      shopify.toRequest(
        'https://shop.myshopify.com/admin/api/2024-01/products.json?limit=50&page_info=x',
        50,
      ),
    ).toEqual({
      query: {},
      url: 'https://shop.myshopify.com/admin/api/2024-01/products.json?limit=50&page_info=x',
    })
    expect(shopify.toRequest(null, 1000)).toEqual({ query: { limit: '250' } })
  })

  it('marks every request it builds as wanting the full response', () => {
    const request: PageRequest<string | null> = pageRequest(
      adapter,
      `${API}?page=2`,
      30,
      new AbortController().signal,
    )
    expect(request).toMatchObject({ response: 'full', url: `${API}?page=2`, query: { per_page: '30' } })
  })
})

describe('linkHeaderAdapter: reading the Link header', () => {
  const github =
    `<${API}?page=2>; rel="prev", <${API}?page=4>; rel="next", ` +
    `<${API}?page=515>; rel="last", <${API}?page=1>; rel="first"`

  it('follows GitHub\'s rel="next" and pages back with rel="prev"', () => {
    expect(next(page(github), [null, `${API}?page=2`, `${API}?page=3`])).toBe(`${API}?page=4`)
    expect(adapter.getPreviousPageParam?.(page(github), [], `${API}?page=3`, [`${API}?page=3`])).toBe(
      `${API}?page=2`,
    )
  })

  it('ends the list without a next link: no header, an empty one, or only prev/first on the last page', () => {
    expect(next(page(undefined))).toBeUndefined()
    expect(next(page(''))).toBeUndefined()
    expect(next(page(`<${API}?page=4>; rel="prev", <${API}?page=1>; rel="first"`))).toBeUndefined()
    expect(adapter.getPreviousPageParam?.(page(undefined), [], null, [null])).toBeUndefined()
  })

  it.each([
    ['an unquoted rel', '<https://a.test/2>; rel=next', 'https://a.test/2'],
    ['several relation types in one rel', '<https://a.test/9>; rel="next last"', 'https://a.test/9'],
    ['next as the second relation type', '<https://a.test/9>; rel="last  next"', 'https://a.test/9'],
    ['upper case', '<https://a.test/2>; REL="NEXT"', 'https://a.test/2'],
    [
      'params before rel',
      '<https://a.test/2>; type="application/json"; title="Page 2"; rel="next"',
      'https://a.test/2',
    ],
    ['a value-less param', '<https://a.test/2>; crossorigin; rel="next"', 'https://a.test/2'],
    [
      'commas and semicolons in a quoted title',
      '<https://a.test/1>; title="a, b; <c>"; rel="prev", <https://a.test/3>; rel="next"',
      'https://a.test/3',
    ],
    ['an escaped quote', '<https://a.test/3>; title="say \\"hi\\", ok"; rel="next"', 'https://a.test/3'],
    [
      'commas inside the URL',
      '<https://a.test/?ids=1,2,3&page=2>; rel="next"',
      'https://a.test/?ids=1,2,3&page=2',
    ],
    [
      'whitespace everywhere',
      '  <https://a.test/1>  ;  rel = "prev" ,<https://a.test/3>;rel=next  ,  ',
      'https://a.test/3',
    ],
    ['empty list elements', ', , <https://a.test/3>; rel="next",,', 'https://a.test/3'],
    ['a relative URL', '</repos/a/b/issues?page=2>; rel="next"', '/repos/a/b/issues?page=2'],
    [
      'the first of two next links',
      '<https://a.test/2>; rel="next", <https://a.test/7>; rel="next"',
      'https://a.test/2',
    ],
    [
      'no rel at all beside a next link',
      '<https://a.test/x>; title="x", <https://a.test/2>; rel="next"',
      'https://a.test/2',
    ],
  ])('reads %s', (_case, link, expected) => {
    expect(next(page(link))).toBe(expected)
  })

  it.each([
    ['only the first rel of a link counts', '<https://a.test/2>; rel="prev"; rel="next"'],
    ['a relation type that merely contains "next"', '<https://a.test/2>; rel="nextpage"'],
    ['a title saying next', '<https://a.test/2>; title="next"; rel="alternate"'],
  ])('does not follow a link when %s', (_case, link) => {
    expect(next(page(link))).toBeUndefined()
  })

  it('reads links spread over several Link header lines, header names in any case', () => {
    const headers = new Headers()
    headers.append('Link', `<${API}?page=1>; rel="prev"`)
    headers.append('LINK', `<${API}?page=3>; rel="next"`)
    expect(next({ body: [{ id: 1 }], headers, status: 200 })).toBe(`${API}?page=3`)
  })

  it('pages back with rel="previous" (Shopify) as well as rel="prev"', () => {
    const shopify = page(
      '<https://s.test/p.json?page_info=a>; rel="previous", <https://s.test/p.json?page_info=c>; rel="next"',
    )
    expect(adapter.getPreviousPageParam?.(shopify, [shopify], 'x', ['x'])).toBe(
      'https://s.test/p.json?page_info=a',
    )
  })

  it.each([
    ['a URL without angle brackets', `${API}?page=2; rel="next"`],
    ['an unclosed <', `<${API}?page=2; rel="next"`],
    ['no ; before the params', `<${API}?page=2> rel="next"`],
    ['no comma between links', `<${API}?page=2>; rel="next" <${API}?page=9>; rel="last"`],
    ['an unterminated quoted string', `<${API}?page=2>; rel="next`],
    ['text after the last link', `<${API}?page=2>; rel="next"; <junk`],
    ['plain words', 'next page please'],
  ])('refuses a Link header with %s: MalformedResponseError naming headers.link', (_case, link) => {
    expect(() => next(page(link))).toThrow(malformed('headers.link'))
    expect(() => adapter.getPreviousPageParam?.(page(link), [], null, [null])).toThrow(MalformedResponseError)
  })

  it('refuses a next link without a URL', () => {
    expect(() => next(page('<>; rel="next"'))).toThrow(malformed('headers.link'))
    expect(() => next(page('<  >; rel="next"'))).toThrow(malformed('headers.link'))
    // An empty URL elsewhere is no concern of the next link.
    expect(next(page('<>; rel="prev", <https://a.test/3>; rel="next"'))).toBe('https://a.test/3')
  })

  it('parses hostile 40 kB headers in linear time', () => {
    const n = 20_000
    const hostile = [
      `<${API}>${';a'.repeat(n)}<`,
      `<${API}>; a${' '.repeat(n)}=${' '.repeat(n)}x y`,
      `<${API}>; title="${'\\"'.repeat(n)}`,
      `<${API}>${' , '.repeat(n)}x`,
    ]
    const started = performance.now()
    for (const link of hostile) expect(() => next(page(link))).toThrow(MalformedResponseError)
    // A backtracking parser takes seconds on these; a linear one about a millisecond (the bound allows a busy machine).
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('throws CursorLoopError for a next link already requested', () => {
    const link = `<${API}?page=2>; rel="next"`
    expect(() => next(page(link), [null, `${API}?page=2`, `${API}?page=3`])).toThrow(CursorLoopError)
  })

  it('resolves relative links against the URL the page came from (RFC 8288), when fetchPage reports it', () => {
    const from = (link: string, url: string) => ({ ...page(link), url })
    const at = `${API}?per_page=30&page=2`
    expect(next(from('</repositories/1300192/issues?page=3>; rel="next"', at))).toBe(`${API}?page=3`)
    expect(next(from('<?page=3&per_page=30>; rel="next"', at))).toBe(`${API}?page=3&per_page=30`)
    expect(next(from('<../1300192/issues?page=3>; rel="next"', at))).toBe(`${API}?page=3`)
    // Another page's URL, not the endpoint's: a path reference follows the page that carried it.
    const moved = 'https://api.github.com/v4/repos/a/b/issues?page=7'
    expect(next(from('<issues?page=8>; rel="next"', moved))).toBe(
      'https://api.github.com/v4/repos/a/b/issues?page=8',
    )
    expect(adapter.getPreviousPageParam?.(from('<?page=1>; rel="prev"', at), [], at, [at])).toBe(
      `${API}?page=1`,
    )
    // An absolute link stays as it is (createFetcher then refuses it if it is on another origin).
    expect(next(from('<https://evil.test/x?page=3>; rel="next"', at))).toBe('https://evil.test/x?page=3')
    // Without the page's URL (a fetchPage of your own), the link is passed on as given.
    expect(next(page('<?page=3>; rel="next"'))).toBe('?page=3')
  })

  it('refuses a link that cannot be resolved against the page URL', () => {
    const response = { ...page('<http://[::1>; rel="next"'), url: `${API}?page=2` }
    expect(() => next(response)).toThrow(malformed('headers.link'))
  })

  it('throws CursorLoopError for a next link to the page itself, before requesting it again', () => {
    const at = `${API}?per_page=30`
    const response = { ...page(`<${at}>; rel="next"`), url: at }
    expect(() => next(response)).toThrow(
      expect.objectContaining({ name: 'CursorLoopError', reason: 'repeated-param', pageParam: at }),
    )
    expect(() => next(response)).toThrow('rel="next" points at the page itself')
    // Resolved first: a relative link to the same URL is the same page.
    expect(() => next({ ...page('<?per_page=30>; rel="next"'), url: at })).toThrow(CursorLoopError)
  })
})

describe('linkHeaderAdapter: items, totals and malformed responses', () => {
  it('reads the body as the records by default, or a field or function of it', () => {
    expect(adapter.getItems(page(undefined, [{ id: 1 }, { id: 2 }]))).toEqual([{ id: 1 }, { id: 2 }])
    const nested = linkHeaderAdapter<Issue, { data: { rows: Issue[] } }>({ items: 'data.rows' })
    expect(
      nested.getItems({ body: { data: { rows: [{ id: 3 }] } }, headers: new Headers(), status: 200 }),
    ).toEqual([{ id: 3 }])
    const fn = linkHeaderAdapter<Issue, { products: Issue[] }>({ items: (body) => body.products })
    expect(fn.getItems({ body: { products: [{ id: 4 }] }, headers: new Headers(), status: 200 })).toEqual([
      { id: 4 },
    ])
  })

  it.each([
    ['an error object as the body', adapter, { message: 'Not Found' }, 'body'],
    ['null as the body', adapter, null, 'body'],
    ['a missing field', linkHeaderAdapter({ items: 'data' }), { items: [] }, 'body.data'],
    ['a body that is not an object', linkHeaderAdapter({ items: 'data' }), 'oops', 'body'],
    ['a function returning null', linkHeaderAdapter({ items: () => null }), {}, 'items(body)'],
  ])('refuses %s: MalformedResponseError naming the field', (_case, subject, body, field) => {
    const response = page(`<${API}?page=2>; rel="next"`, body)
    expect(() => subject.getItems(response as never)).toThrow(malformed(field))
    // The next page is never handed out for a page whose records are malformed.
    expect(() => subject.getNextPageParam(response as never, [], null, [null])).toThrow(malformed(field))
  })

  it('explains that fetchPage must return { body, headers, status } when it returned the body alone', () => {
    const bodyOnly = [{ id: 1 }] as unknown as FullResponse<Issue[]>
    expect(() => adapter.getItems(bodyOnly)).toThrow(malformed('$'))
    expect(() => next(bodyOnly)).toThrow(/\{ body, headers, status \}.*createFetcher does/)
    expect(() => adapter.getItems('<!DOCTYPE html>' as never)).toThrow(malformed('$'))
  })

  it('refuses a response without Headers (missing, or a plain record)', () => {
    expect(() => next({ body: [], status: 200 } as never)).toThrow(malformed('headers'))
    expect(() => next({ body: [], headers: { link: '<x>; rel="next"' }, status: 200 } as never)).toThrow(
      malformed('headers'),
    )
  })

  it('reads a total header when asked, as a non-negative integer', () => {
    expect(adapter.getTotal).toBeUndefined()
    const counted = linkHeaderAdapter<Issue>({ totalHeader: 'X-Total-Count' })
    expect(counted.getTotal?.(page(undefined, [], { 'x-total-count': '1234' }))).toBe(1234)
    expect(counted.getTotal?.(page(undefined, [], { 'x-total-count': '0' }))).toBe(0)
    // GitLab leaves x-total out past 10,000 records: unknown, not an error.
    expect(counted.getTotal?.(page(undefined, []))).toBeUndefined()
    for (const value of ['many', '-1', '1.5', '1e3', '99999999999999999999']) {
      expect(() => counted.getTotal?.(page(undefined, [], { 'x-total-count': value }))).toThrow(
        malformed('headers.X-Total-Count'),
      )
    }
  })
})

describe('linkHeaderAdapter: options', () => {
  it('takes an id, a page-size parameter and limits', () => {
    const gitlab = linkHeaderAdapter({ id: 'gitlab.projects', defaultLimit: 20, totalHeader: 'x-total' })
    expect(gitlab).toMatchObject({ id: 'gitlab.projects', defaultLimit: 20, maxLimit: 100 })
    expect(linkHeaderAdapter({ maxLimit: 10 }).defaultLimit).toBe(10)
  })

  it.each([
    ['limitParam', { limitParam: '' }],
    ['totalHeader', { totalHeader: 5 }],
    ['items', { items: 5 }],
    ['id', { id: '' }],
    ['defaultLimit', { defaultLimit: 200 }],
    ['maxLimit', { maxLimit: 0 }],
  ])('refuses a bad %s with InvalidOptionError', (option, options) => {
    expect(() => linkHeaderAdapter(options as never)).toThrow(InvalidOptionError)
    expect(() => linkHeaderAdapter(options as never)).toThrow(expect.objectContaining({ option }))
  })
})

describe('linkHeaderAdapter in a raw useInfiniteQuery', () => {
  /** Three pages of a GitHub-like list, answered as full responses from the URL asked for. */
  const fetchPage = (request: PageRequest<string | null>): Promise<FullResponse<Issue[]>> => {
    const url = new URL(request.url ?? API)
    for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value)
    const number = Number(url.searchParams.get('page') ?? '1')
    const perPage = Number(url.searchParams.get('per_page'))
    const links = [number < 3 ? `<${API}?page=${number + 1}&per_page=${perPage}>; rel="next"` : '']
    if (number > 1) links.push(`<${API}?page=${number - 1}&per_page=${perPage}>; rel="prev"`)
    const body = Array.from({ length: perPage }, (_, index) => ({ id: (number - 1) * perPage + index }))
    return Promise.resolve(page(links.filter(Boolean).join(', '), body))
  }

  it("spreads into infinite query options: getNextPageParam reads the full responses' Link headers", async () => {
    const client = new QueryClient()
    const data = await client.fetchInfiniteQuery({
      queryKey: ['github', 'issues'],
      ...adapter,
      queryFn: ({ pageParam, signal }) => fetchPage(pageRequest(adapter, pageParam, 2, signal)),
      pages: 5,
    })
    expect(data.pageParams).toEqual([null, `${API}?page=2&per_page=2`, `${API}?page=3&per_page=2`])
    expect(data.pages.flatMap((response) => adapter.getItems(response).map((issue) => issue.id))).toEqual([
      0, 1, 2, 3, 4, 5,
    ])
    const options = { ...adapter }
    expect(
      options.getNextPageParam(data.pages[2]!, data.pages, data.pageParams[2]!, data.pageParams),
    ).toBeUndefined()
    expect(options.getNextPageParam(data.pages[0]!, data.pages.slice(0, 1), null, [null])).toBe(
      `${API}?page=2&per_page=2`,
    )
    client.clear()
  })
})
