import { describe, expect, it, vi } from 'vitest'
import type { PageRequest } from '../core/types'
import { createFetcher } from './createFetcher'
import { HttpError, NetworkError } from './HttpError'

const CLOSE = 'https://api.close.com/api/v1'

function pageRequest(signal = new AbortController().signal): PageRequest<unknown> {
  return { pageParam: 0, limit: 100, query: {}, signal }
}

/** Loads one page from `path` on a fetcher whose stub fetch answers with `respond()`. */
function load(respond: () => Response | Promise<Response>, path = '/lead/', baseUrl = CLOSE) {
  const stub = vi.fn<typeof fetch>(async () => respond())
  return createFetcher({ baseUrl, fetch: stub })(path)(pageRequest())
}

/** The rejection of `promise`, for assertions on the error object itself. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the request should have failed'),
    (error: unknown) => error,
  )
}

describe('createFetcher: successful answers', () => {
  it('returns the parsed JSON', async () => {
    await expect(load(() => Response.json({ data: [{ id: 'lead_1' }], has_more: true }))).resolves.toEqual({
      data: [{ id: 'lead_1' }],
      has_more: true,
    })
  })

  it('returns null for an empty body (204, or 200 with nothing)', async () => {
    await expect(load(() => new Response(null, { status: 204 }))).resolves.toBeNull()
    await expect(load(() => new Response('', { status: 200 }))).resolves.toBeNull()
  })

  it('returns the text of a 2xx non-JSON body, for the adapter to report', async () => {
    const html = '<!doctype html><html><head><title>Sign in</title></head></html>'
    await expect(load(() => new Response(html, { headers: { 'content-type': 'text/html' } }))).resolves.toBe(
      html,
    )
  })
})

describe('createFetcher: error answers', () => {
  it('throws HttpError with the provider’s message, the body, the URL and the method', async () => {
    const error = await rejection(
      load(() => Response.json({ error: 'Object does not exist.' }, { status: 404 }), '/lead/xyz/'),
    )
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({
      status: 404,
      body: { error: 'Object does not exist.' },
      url: 'https://api.close.com/api/v1/lead/xyz/',
      method: 'GET',
      retryAfterMs: undefined,
      message: '[pagewise] HTTP 404 from GET https://api.close.com/api/v1/lead/xyz/: Object does not exist.',
    })
  })

  it('reads Pipedrive’s error and error_info', async () => {
    const body = { success: false, error: 'Entity was not found', error_info: 'Check the id.', data: null }
    const error = await rejection(
      load(() => Response.json(body, { status: 404 }), '/deals/9', 'https://acme.pipedrive.com/api/v2'),
    )
    expect((error as HttpError).message).toBe(
      '[pagewise] HTTP 404 from GET https://acme.pipedrive.com/api/v2/deals/9: Entity was not found (Check the id.)',
    )
  })

  it.each([
    [{ 'Retry-After': '3' }, {}, 3000],
    [{ RateLimit: 'limit=160, remaining=0, reset=8' }, { error: 'Too many requests.' }, 8000],
    [{}, { error: { message: 'API call limit exceeded.', rate_reset: '2.5' } }, 2500],
  ])('sets retryAfterMs of a 429 from headers %o or body %o', async (headers, body, expected) => {
    const error = await rejection(load(() => Response.json(body, { status: 429, headers })))
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).retryAfterMs).toBe(expected)
  })

  it('turns a proxy’s HTML 502 page into a readable message, keeping the text as body', async () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>'
    const error = await rejection(load(() => new Response(html, { status: 502, statusText: 'Bad Gateway' })))
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 502, statusText: 'Bad Gateway', body: html })
    expect((error as HttpError).message).toBe(
      '[pagewise] HTTP 502 from GET https://api.close.com/api/v1/lead/: 502 Bad Gateway',
    )
  })

  it('still throws HttpError when the error body cannot be read', async () => {
    const broken = new ReadableStream({
      start: (controller) => controller.error(new TypeError('terminated')),
    })
    const error = await rejection(load(() => new Response(broken, { status: 500 })))
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 500, body: '' })
  })
})

describe('createFetcher: failures without an answer', () => {
  it('rethrows the AbortError unchanged when the request is cancelled', async () => {
    const controller = new AbortController()
    const stub = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    )
    const pending = createFetcher({ baseUrl: CLOSE, fetch: stub })('/lead/')(pageRequest(controller.signal))
    await vi.waitFor(() => expect(stub).toHaveBeenCalledTimes(1))
    controller.abort()
    const error = await rejection(pending)
    expect(error).toBe(controller.signal.reason)
    expect(error).toMatchObject({ name: 'AbortError' })
    expect(error).not.toBeInstanceOf(NetworkError)
  })

  it('rethrows whatever reason the signal was aborted with, unchanged', async () => {
    const controller = new AbortController()
    const reason = new Error('query key changed')
    const pending = createFetcher({ baseUrl: CLOSE })('/lead/')(pageRequest(controller.signal))
    controller.abort(reason)
    await expect(pending).rejects.toBe(reason)
  })

  it('lets the real fetch reject with its AbortError for an already-aborted signal', async () => {
    const signal = AbortSignal.abort()
    const error = await rejection(createFetcher({ baseUrl: CLOSE })('/lead/')(pageRequest(signal)))
    expect(error).toBe(signal.reason)
    expect(error).toMatchObject({ name: 'AbortError' })
  })

  it('rethrows an AbortError from fetch unchanged even if the signal is not aborted', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError')
    await expect(load(() => Promise.reject(abort))).rejects.toBe(abort)
  })

  it('wraps a network failure in NetworkError, keeping the cause', async () => {
    const cause = new TypeError('fetch failed')
    const error = await rejection(load(() => Promise.reject(cause)))
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ cause, url: 'https://api.close.com/api/v1/lead/', method: 'GET' })
    expect((error as NetworkError).message).toContain('GET https://api.close.com/api/v1/lead/ failed')
  })

  it('wraps a 2xx body that breaks off mid-way in NetworkError', async () => {
    const broken = new ReadableStream({
      start: (controller) => controller.error(new TypeError('terminated')),
    })
    await expect(load(() => new Response(broken, { status: 200 }))).rejects.toThrow(NetworkError)
  })
})
