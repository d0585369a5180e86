import { describe, expect, it, vi } from 'vitest'
import { InvalidOptionError } from '../core/errors'
import type { PageRequest } from '../core/types'
import { createFetcher } from './createFetcher'

const CLOSE = 'https://api.close.com/api/v1'

function stubFetch(respond: () => Response = () => Response.json({ data: [], has_more: false })) {
  return vi.fn<typeof fetch>(async () => respond())
}

function pageRequest(overrides: Partial<PageRequest<unknown>> = {}): PageRequest<unknown> {
  return { pageParam: 0, limit: 100, query: {}, signal: new AbortController().signal, ...overrides }
}

/** The URL, method, headers and body the stub received on call `index`. */
function sent(stub: ReturnType<typeof stubFetch>, index = 0) {
  const [url, init] = stub.mock.calls[index] ?? []
  return {
    url: String(url),
    method: init?.method,
    headers: new Headers(init?.headers),
    body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body,
    signal: init?.signal,
  }
}

describe('createFetcher: URL', () => {
  it.each([
    [CLOSE, '/lead/'],
    [`${CLOSE}/`, '/lead/'],
    [`${CLOSE}/`, 'lead/'],
    [CLOSE, 'lead/'],
    [`${CLOSE}//`, '/lead/'],
  ])('joins %s and %s with one slash, keeping the trailing slash', async (baseUrl, path) => {
    const fetch = stubFetch()
    await createFetcher({ baseUrl, fetch })(path)(pageRequest())
    expect(sent(fetch).url).toBe('https://api.close.com/api/v1/lead/')
  })

  it('merges the query of baseUrl, path, defaults and request, the request winning', async () => {
    const fetch = stubFetch()
    const leads = createFetcher({ baseUrl: `${CLOSE}?lang=en&_limit=1`, fetch })(
      '/lead/?query=company&_limit=5',
      {
        query: { _fields: 'id,display_name', _limit: '10' },
      },
    )
    await leads(pageRequest({ query: { _skip: '200', _limit: '100' } }))
    const url = new URL(sent(fetch).url)
    expect(url.pathname).toBe('/api/v1/lead/')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      lang: 'en',
      query: 'company',
      _fields: 'id,display_name',
      _limit: '100',
      _skip: '200',
    })
    expect(url.searchParams.getAll('_limit')).toEqual(['100'])
  })

  it('uses baseUrl itself for an empty path or a path that is only a query', async () => {
    const fetch = stubFetch()
    const lead = createFetcher({ baseUrl: `${CLOSE}/lead/`, fetch })
    await lead('')(pageRequest())
    await lead('?_fields=id')(pageRequest())
    expect(sent(fetch, 0).url).toBe('https://api.close.com/api/v1/lead/')
    expect(sent(fetch, 1).url).toBe('https://api.close.com/api/v1/lead/?_fields=id')
  })

  it('lets a parameter of the path replace the same parameter of baseUrl', async () => {
    const fetch = stubFetch()
    await createFetcher({ baseUrl: `${CLOSE}?lang=en&v=1`, fetch })('/lead/?lang=fr')(pageRequest())
    const url = new URL(sent(fetch).url)
    expect(url.origin + url.pathname).toBe('https://api.close.com/api/v1/lead/')
    expect(Object.fromEntries(url.searchParams)).toEqual({ v: '1', lang: 'fr' })
  })

  it('resolves a root-relative baseUrl against location in a browser', async () => {
    vi.stubGlobal('location', { origin: 'https://app.example.com' })
    const fetch = stubFetch()
    await createFetcher({ baseUrl: '/live/close/api/v1', fetch })('/lead/')(pageRequest())
    expect(sent(fetch).url).toBe('https://app.example.com/live/close/api/v1/lead/')
  })

  it('refuses a root-relative baseUrl where there is no location, before any request', async () => {
    const fetch = stubFetch()
    const leads = createFetcher({ baseUrl: '/live/close/api/v1', fetch })('/lead/')
    await expect(leads(pageRequest())).rejects.toThrow(InvalidOptionError)
    await expect(leads(pageRequest())).rejects.toThrow(
      /absolute http\(s\) URL where there is no window\.location/,
    )
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('createFetcher: method, body, headers, signal', () => {
  it('sends a GET accepting JSON, without a body or content-type', async () => {
    const fetch = stubFetch()
    await createFetcher({ baseUrl: CLOSE, fetch })('/lead/')(pageRequest())
    const request = sent(fetch)
    expect(request.method).toBe('GET')
    expect(request.body).toBeUndefined()
    expect(request.headers.get('accept')).toBe('application/json')
    expect(request.headers.has('content-type')).toBe(false)
  })

  it('POSTs the defaults body merged under the request body, as JSON', async () => {
    const fetch = stubFetch()
    const search = createFetcher({ baseUrl: CLOSE, fetch })('/data/search/', {
      body: { query: { type: 'object_type', object_type: 'lead' }, _limit: 50, sort: [] },
    })
    await search(pageRequest({ body: { cursor: 'abc', _limit: 100 } }))
    const request = sent(fetch)
    expect(request.method).toBe('POST')
    expect(request.headers.get('content-type')).toBe('application/json')
    expect(request.body).toEqual({
      query: { type: 'object_type', object_type: 'lead' },
      sort: [],
      cursor: 'abc',
      _limit: 100,
    })
  })

  it('POSTs when only the request has a body, and refuses a body on an explicit GET', async () => {
    const fetch = stubFetch()
    await createFetcher({ baseUrl: CLOSE, fetch })('/data/search/')(pageRequest({ body: { cursor: null } }))
    expect(sent(fetch)).toMatchObject({ method: 'POST', body: { cursor: null } })
    const get = createFetcher({ baseUrl: CLOSE, fetch })('/lead/', { method: 'GET' })
    await expect(get(pageRequest({ body: { cursor: 'x' } }))).rejects.toThrow(InvalidOptionError)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('passes the request’s signal to fetch', async () => {
    const fetch = stubFetch()
    const request = pageRequest()
    await createFetcher({ baseUrl: CLOSE, fetch })('/lead/')(request)
    expect(sent(fetch).signal).toBe(request.signal)
  })

  it('sends the fetcher’s headers, overridden by the endpoint’s', async () => {
    const fetch = stubFetch()
    const close = createFetcher({
      baseUrl: CLOSE,
      fetch,
      headers: { authorization: 'Basic a2V5Og==', 'x-a': '1' },
    })
    await close('/lead/', { headers: { 'x-a': '2' } })(pageRequest())
    expect(sent(fetch).headers.get('authorization')).toBe('Basic a2V5Og==')
    expect(sent(fetch).headers.get('x-a')).toBe('2')
  })

  it('calls a headers function before every request, sync or async', async () => {
    const fetch = stubFetch()
    let n = 0
    const sync = createFetcher({ baseUrl: CLOSE, fetch, headers: () => ({ 'x-api-token': `t${++n}` }) })('/a')
    const async = createFetcher({
      baseUrl: CLOSE,
      fetch,
      headers: async () => new Headers({ authorization: 'Bearer oauth' }),
    })('/b')
    await sync(pageRequest())
    await sync(pageRequest())
    await async(pageRequest())
    expect(sent(fetch, 0).headers.get('x-api-token')).toBe('t1')
    expect(sent(fetch, 1).headers.get('x-api-token')).toBe('t2')
    expect(sent(fetch, 2).headers.get('authorization')).toBe('Bearer oauth')
  })

  it('looks up globalThis.fetch at call time, so stubs installed later apply', async () => {
    const leads = createFetcher({ baseUrl: CLOSE })('/lead/')
    const fetch = stubFetch(() => Response.json({ data: ['late'], has_more: false }))
    vi.stubGlobal('fetch', fetch)
    await expect(leads(pageRequest())).resolves.toEqual({ data: ['late'], has_more: false })
    expect(sent(fetch).url).toBe('https://api.close.com/api/v1/lead/')
  })
})

describe('createFetcher: send (writes)', () => {
  it('sends a PUT with its JSON body, the fetcher headers and the signal, and returns the JSON answer', async () => {
    const fetch = stubFetch(() => Response.json({ id: 'lead_1', status_label: 'Won' }))
    const close = createFetcher({ baseUrl: CLOSE, fetch, headers: { authorization: 'Basic a2V5Og==' } })
    const controller = new AbortController()
    const lead = await close.send('/lead/lead_1/', {
      method: 'PUT',
      body: { status_label: 'Won' },
      signal: controller.signal,
    })
    expect(lead).toEqual({ id: 'lead_1', status_label: 'Won' })
    const request = sent(fetch)
    expect(request).toMatchObject({
      url: `${CLOSE}/lead/lead_1/`,
      method: 'PUT',
      body: { status_label: 'Won' },
    })
    expect(request.headers.get('authorization')).toBe('Basic a2V5Og==')
    expect(request.headers.get('content-type')).toBe('application/json')
    expect(request.signal).toBe(controller.signal)
  })

  it('sends a DELETE without a body', async () => {
    const fetch = stubFetch(() => Response.json({}))
    await createFetcher({ baseUrl: CLOSE, fetch }).send('/lead/lead_1/', { method: 'DELETE' })
    expect(sent(fetch)).toMatchObject({ method: 'DELETE', body: undefined })
    expect(sent(fetch).headers.has('content-type')).toBe(false)
  })

  it('a 429 is an HttpError with the wait the server asked for', async () => {
    const fetch = stubFetch(
      () => new Response('{"error":"Too many requests"}', { status: 429, headers: { 'retry-after': '3' } }),
    )
    const error = await createFetcher({ baseUrl: CLOSE, fetch })
      .send('/lead/lead_1/', { method: 'PATCH', body: { name: 'x' } })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'HttpError', status: 429, retryAfterMs: 3000, method: 'PATCH' })
  })

  it('refuses a method it does not know, naming the option', () => {
    const close = createFetcher({ baseUrl: CLOSE, fetch: stubFetch() })
    expect(() => close('/lead/', { method: 'TRACE' as never })).toThrow(InvalidOptionError)
    expect(() => close('/lead/', { method: 'TRACE' as never })).toThrow(/defaults\.method/)
  })
})
