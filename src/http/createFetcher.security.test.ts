import { describe, expect, it, vi } from 'vitest'
import { InvalidOptionError } from '../core/errors'
import type { PageRequest } from '../core/types'
import { createFetcher } from './createFetcher'

const CLOSE = 'https://api.close.com/api/v1'
const SECRET = 's3cr3t-t0ken'

function stubFetch() {
  return vi.fn<typeof fetch>(async () => Response.json({ data: [] }))
}

function pageRequest(query: Record<string, string> = {}): PageRequest<unknown> {
  return { pageParam: 0, limit: 100, query, signal: new AbortController().signal }
}

/** The error `run` throws synchronously. */
function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return expect.unreachable('expected a throw')
}

describe('createFetcher: paths stay on the API’s origin', () => {
  it.each([
    'https://evil.example.com/collect',
    'http://api.close.com/api/v1/lead/',
    '//evil.example.com/collect',
    '\\\\evil.example.com/collect',
    '/\\evil.example.com/collect',
    'javascript:alert(1)',
    'data:text/plain,hi',
  ])('refuses %s at once, before any request', (path) => {
    const fetch = stubFetch()
    const error = thrown(() => createFetcher({ baseUrl: CLOSE, fetch })(path))
    expect(error).toBeInstanceOf(InvalidOptionError)
    expect(error).toMatchObject({ option: 'path' })
    expect((error as Error).message).toContain('a URL on its origin https://api.close.com')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('refuses another origin with a root-relative baseUrl too, before fetching', async () => {
    vi.stubGlobal('location', { origin: 'https://app.example.com' })
    const fetch = stubFetch()
    const evil = createFetcher({ baseUrl: '/api/close', fetch })('https://evil.example.com/collect')
    await expect(evil(pageRequest())).rejects.toThrow(InvalidOptionError)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('accepts an absolute URL on the same origin', async () => {
    const fetch = stubFetch()
    await createFetcher({ baseUrl: CLOSE, fetch })('https://api.close.com/api/v1/lead/?_skip=0')(
      pageRequest(),
    )
    expect(String(fetch.mock.calls[0]?.[0])).toBe('https://api.close.com/api/v1/lead/?_skip=0')
  })
})

describe('createFetcher: no credentials in URLs', () => {
  const names = [
    'api_token',
    'API_TOKEN',
    'api_key',
    'apikey',
    'apiKey',
    'access_token',
    'api-key',
    'token',
    'client_secret',
    'password',
  ]

  it.each(names)('refuses %s in the endpoint defaults, at once', (name) => {
    const error = thrown(() =>
      createFetcher({ baseUrl: CLOSE, fetch: stubFetch() })('/lead/', { query: { [name]: SECRET } }),
    )
    expect(error).toBeInstanceOf(InvalidOptionError)
    expect(error).toMatchObject({ option: 'defaults.query' })
    expect((error as Error).message).toContain(
      `free of the "${name}" query parameter: send credentials in a header`,
    )
    expect((error as Error).message).not.toContain(SECRET)
  })

  it.each(names)('refuses %s in the request query, before fetching', async (name) => {
    const fetch = stubFetch()
    const leads = createFetcher({ baseUrl: CLOSE, fetch })('/lead/')
    await expect(leads(pageRequest({ [name]: SECRET }))).rejects.toThrow(InvalidOptionError)
    await expect(leads(pageRequest({ [name]: SECRET }))).rejects.not.toThrow(SECRET)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('refuses api_token in the path and in baseUrl', () => {
    const path = thrown(() =>
      createFetcher({ baseUrl: CLOSE, fetch: stubFetch() })(
        `/deals?${new URLSearchParams({ api_token: SECRET })}`,
      ),
    )
    expect(path).toMatchObject({ option: 'path' })
    const base = thrown(() =>
      createFetcher({
        baseUrl: `https://acme.pipedrive.com/api/v1?${new URLSearchParams({ api_token: SECRET })}`,
      }),
    )
    expect(base).toMatchObject({ option: 'baseUrl' })
    for (const error of [path, base]) {
      expect(error).toBeInstanceOf(InvalidOptionError)
      expect((error as Error).message).not.toContain(SECRET)
    }
  })

  it('refuses a user name and password in baseUrl without repeating them', () => {
    const error = thrown(() => createFetcher({ baseUrl: `https://${SECRET}:@api.close.com/api/v1` }))
    expect(error).toBeInstanceOf(InvalidOptionError)
    expect((error as Error).message).not.toContain(SECRET)
  })

  it('lets ordinary parameters through', async () => {
    const fetch = stubFetch()
    await createFetcher({ baseUrl: CLOSE, fetch })('/lead/')(
      pageRequest({ token_type: 'x', api_version: '2', key: 'k' }),
    )
    expect(fetch).toHaveBeenCalledTimes(1)
  })
})

describe('createFetcher: baseUrl validation', () => {
  it.each(['api.close.com/api/v1', 'ftp://files.example.com/', '//api.close.com/api/v1', '', 'https://', 42])(
    'refuses %o',
    (baseUrl) => {
      const error = thrown(() => createFetcher({ baseUrl: baseUrl as string }))
      expect(error).toBeInstanceOf(InvalidOptionError)
      expect(error).toMatchObject({ option: 'baseUrl' })
    },
  )
})

describe('createFetcher: redirects are not followed', () => {
  it('asks fetch not to follow redirects, so credential headers never reach another origin', async () => {
    const fetch = stubFetch()
    await createFetcher({ baseUrl: CLOSE, fetch, headers: { 'x-api-token': SECRET } })('/lead/')(
      pageRequest(),
    )
    expect(fetch.mock.calls[0]![1]?.redirect).toBe('manual')
  })

  it.each([
    [
      'a 302 to another origin',
      () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }),
    ],
    [
      'an opaque redirect (browsers)',
      () => Object.defineProperty(new Response(null), 'type', { value: 'opaqueredirect' }),
    ],
  ])('turns %s into an HttpError instead of data', async (_case, answer) => {
    const fetchStub = vi.fn<typeof fetch>(async () => answer())
    const leads = createFetcher({ baseUrl: CLOSE, fetch: fetchStub })('/lead/')
    const error = await leads(pageRequest()).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'HttpError' })
    expect((error as Error).message).toContain('redirect not followed')
    expect(fetchStub).toHaveBeenCalledTimes(1)
  })
})
