import { describe, expect, it, vi } from 'vitest'
import { pageRequest as createPageRequest } from '../core/listPage'
import { CrossOriginUrlError, InvalidOptionError } from '../core/errors'
import type { FullResponse, PageRequest } from '../core/types'
import { createFetcher } from './createFetcher'

const GITHUB = 'https://api.github.com'
const token = 'ghp_secret_token_value'

function stubFetch() {
  return vi.fn<typeof fetch>(async () =>
    Response.json([{ id: 1 }], {
      headers: { link: `<${GITHUB}/repos/o/r/issues?page=2&per_page=2>; rel="next"`, 'x-total': '7' },
    }),
  )
}

function pageRequest(overrides: Partial<PageRequest<unknown>> = {}): PageRequest<unknown> {
  return { pageParam: null, limit: 2, query: {}, signal: new AbortController().signal, ...overrides }
}

function issues(fetch: typeof globalThis.fetch, baseUrl = GITHUB) {
  return createFetcher({ baseUrl, fetch, headers: { authorization: `Bearer ${token}` } })(
    '/repos/o/r/issues',
    {
      query: { state: 'open' },
    },
  )
}

describe('createFetcher: page URLs from the API (request.url)', () => {
  it('loads the URL the API pointed to, adding the page query but not the endpoint defaults', async () => {
    const fetch = stubFetch()
    await issues(fetch)(
      pageRequest({ url: `${GITHUB}/repos/o/r/issues?page=2&per_page=2`, query: { x: '1' } }),
    )
    const url = new URL(String(fetch.mock.calls[0]?.[0]))
    expect(url.origin + url.pathname).toBe(`${GITHUB}/repos/o/r/issues`)
    expect(Object.fromEntries(url.searchParams)).toEqual({ page: '2', per_page: '2', x: '1' })
  })

  it('resolves a relative URL against the endpoint', async () => {
    const fetch = stubFetch()
    await issues(fetch)(pageRequest({ url: '/repos/o/r/issues?page=3' }))
    expect(String(fetch.mock.calls[0]?.[0])).toBe(`${GITHUB}/repos/o/r/issues?page=3`)
  })

  it.each([
    ['another host', 'https://evil.example/steal?page=2'],
    ['a look-alike host', 'https://api.github.com.evil.example/repos?page=2'],
    ['another scheme', 'http://api.github.com/repos/o/r/issues?page=2'],
    ['another port', 'https://api.github.com:8443/repos/o/r/issues?page=2'],
    ['a network-path reference', '//evil.example/repos?page=2'],
    ['a user name in the URL', 'https://user@api.github.com/repos?page=2'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('refuses %s with CrossOriginUrlError, before any request', async (_what, next) => {
    const fetch = stubFetch()
    const error: unknown = await issues(fetch)(pageRequest({ url: next })).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CrossOriginUrlError)
    expect((error as CrossOriginUrlError).allowedOrigin).toBe(GITHUB)
    expect((error as Error).message).toContain('https://api.github.com')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('refuses a credential in the page URL', async () => {
    const fetch = stubFetch()
    const error: unknown = await issues(fetch)(
      pageRequest({ url: `${GITHUB}/repos/o/r/issues?page=2&access_token=abc` }),
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InvalidOptionError)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('checks the origin of a root-relative baseUrl against the page (browser)', async () => {
    const fetch = stubFetch()
    vi.stubGlobal('location', { origin: 'https://app.example' })
    try {
      await issues(fetch, '/api/github')(pageRequest({ url: '/api/github/repos/o/r/issues?page=2' }))
      expect(String(fetch.mock.calls[0]?.[0])).toBe('https://app.example/api/github/repos/o/r/issues?page=2')
      await expect(
        issues(fetch, '/api/github')(pageRequest({ url: `${GITHUB}/repos/o/r/issues?page=2` })),
      ).rejects.toBeInstanceOf(CrossOriginUrlError)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('createFetcher: full responses (request.response)', () => {
  it("returns { body, headers, status, url } when the request asks for 'full', else the body", async () => {
    const fetch = stubFetch()
    const load = issues(fetch)
    const full = await load<FullResponse<{ id: number }[]>>(pageRequest({ response: 'full' }))
    expect(full.body).toEqual([{ id: 1 }])
    expect(full.status).toBe(200)
    expect(full.headers.get('link')).toContain('rel="next"')
    // The URL asked for, which relative links are resolved against.
    expect(full.url).toBe(`${GITHUB}/repos/o/r/issues?state=open`)
    expect(full.url).toBe(String(fetch.mock.calls[0]?.[0]))
    expect(await load(pageRequest())).toEqual([{ id: 1 }])
  })

  it("pageRequest passes an adapter's response shape and page URL on; body-only adapters are unchanged", () => {
    const signal = new AbortController().signal
    const base = {
      id: 'test',
      kind: 'cursor' as const,
      initialPageParam: null as string | null,
      defaultLimit: 2,
      maxLimit: 5,
      getItems: () => [],
      getNextPageParam: () => undefined,
    }
    const linked = createPageRequest(
      {
        ...base,
        response: 'full',
        toRequest: (url: string | null) => (url ? { query: {}, url } : { query: {} }),
      },
      'https://x.test/a?page=2',
      5, // already resolved against maxLimit
      signal,
    )
    expect(linked).toEqual({
      pageParam: 'https://x.test/a?page=2',
      limit: 5,
      query: {},
      url: 'https://x.test/a?page=2',
      response: 'full',
      signal,
    })
    const plain = createPageRequest({ ...base, toRequest: () => ({ query: { a: '1' } }) }, null, 2, signal)
    expect(plain).toEqual({ pageParam: null, limit: 2, query: { a: '1' }, signal })
  })
})
