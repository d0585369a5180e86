import { describe, expect, it } from 'vitest'
import { PagewiseError } from '../core/errors'
import { HttpError, NetworkError } from './HttpError'

describe('HttpError', () => {
  it('builds its message from the provider’s error body and keeps every detail', () => {
    const body = { error: 'Object does not exist.' }
    const error = new HttpError({
      status: 404,
      statusText: 'Not Found',
      body,
      url: 'https://api.close.com/api/v1/lead/xyz/',
      method: 'GET',
      retryAfterMs: undefined,
    })
    expect(error.message).toBe(
      '[pagewise] HTTP 404 from GET https://api.close.com/api/v1/lead/xyz/: Object does not exist.',
    )
    expect(error).toBeInstanceOf(PagewiseError)
    expect(error.name).toBe('HttpError')
    expect(error.adapterId).toBeUndefined()
    expect(error).toMatchObject({ status: 404, statusText: 'Not Found', body, method: 'GET' })
    expect(error.url).toBe('https://api.close.com/api/v1/lead/xyz/')
    expect(error.retryAfterMs).toBeUndefined()
  })

  it('keeps retryAfterMs', () => {
    const error = new HttpError({
      status: 429,
      statusText: '',
      body: '',
      url: 'https://x.test/',
      method: 'POST',
      retryAfterMs: 8000,
    })
    expect(error.retryAfterMs).toBe(8000)
    expect(error.message).toBe('[pagewise] HTTP 429 from POST https://x.test/: 429')
  })
})

describe('NetworkError', () => {
  it('names the request and keeps the cause', () => {
    const cause = new TypeError('fetch failed')
    const error = new NetworkError('https://acme.pipedrive.com/api/v2/deals', 'GET', cause)
    expect(error).toBeInstanceOf(PagewiseError)
    expect(error.name).toBe('NetworkError')
    expect(error.cause).toBe(cause)
    expect(error.url).toBe('https://acme.pipedrive.com/api/v2/deals')
    expect(error.message).toMatch(
      /^\[pagewise\] GET https:\/\/acme\.pipedrive\.com\/api\/v2\/deals failed without a complete response \(fetch failed\)/,
    )
  })

  it('describes a cause that is not an Error', () => {
    expect(new NetworkError('https://x.test/', 'GET', 'offline').message).toContain('(offline)')
    expect(new NetworkError('https://x.test/', 'GET', Object.create(null)).message).toContain('(object)')
  })
})
