import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { CLOSE_MOCK_BASE_URL, createCloseMock, createPipedriveMock, PIPEDRIVE_MOCK_BASE_URL } from './index'

const { server } = setupMockServer()

const basic = (user: string, password = ''): string => `Basic ${btoa(`${user}:${password}`)}`

describe('Close auth', () => {
  const leads = `${CLOSE_MOCK_BASE_URL}/api/v1/lead/?_limit=1`

  it('answers 401 with Close body without credentials or with a wrong key or a password', async () => {
    const api = createCloseMock({ apiKey: 'api_secret' })
    server.use(...api.handlers)
    const attempts: HeadersInit[] = [
      {},
      { authorization: basic('api_other') },
      { authorization: basic('api_secret', 'x') },
    ]
    for (const headers of attempts) {
      const response = await fetch(leads, { headers })
      expect(response.status).toBe(401)
      expect(await response.json()).toStrictEqual({
        error: 'The API key or OAuth token you provided is invalid or missing.',
      })
    }
    expect(api.requests.map((r) => r.status)).toEqual([401, 401, 401])
  })

  it('accepts HTTP Basic with the key as user and an empty password, on every endpoint', async () => {
    server.use(...createCloseMock({ apiKey: 'api_secret' }).handlers)
    const headers = { authorization: basic('api_secret') }
    expect((await fetch(leads, { headers })).status).toBe(200)
    expect((await fetch(`${CLOSE_MOCK_BASE_URL}/api/v1/event/`, { headers })).status).toBe(200)
    const search = await fetch(`${CLOSE_MOCK_BASE_URL}/api/v1/data/search/`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ query: { type: 'object_type', object_type: 'lead' } }),
    })
    expect(search.status).toBe(200)
  })

  it('needs no credentials when no apiKey is configured', async () => {
    server.use(...createCloseMock().handlers)
    expect((await fetch(leads)).status).toBe(200)
  })
})

describe('Pipedrive auth', () => {
  const deals = `${PIPEDRIVE_MOCK_BASE_URL}/api/v2/deals?limit=1`

  it('answers 401 with the gateway body (errorCode 401) without a valid token', async () => {
    server.use(...createPipedriveMock({ apiToken: 'tok' }).handlers)
    for (const url of [
      deals,
      `${deals}&${new URLSearchParams({ api_token: 'tok' })}`,
      `${PIPEDRIVE_MOCK_BASE_URL}/api/v1/notes`,
    ]) {
      const response = await fetch(url, { headers: { 'x-api-token': url.includes('notes') ? 'wrong' : '' } })
      expect(response.status).toBe(401)
      expect(await response.json()).toStrictEqual({
        success: false,
        error: 'unauthorized access',
        errorCode: 401,
        error_info: 'Please check developers.pipedrive.com for more information about Pipedrive API.',
        data: null,
        additional_data: null,
      })
    }
  })

  it('accepts the x-api-token header or an OAuth bearer token', async () => {
    server.use(...createPipedriveMock({ apiToken: 'tok' }).handlers)
    expect((await fetch(deals, { headers: { 'x-api-token': 'tok' } })).status).toBe(200)
    expect((await fetch(deals, { headers: { authorization: 'Bearer tok' } })).status).toBe(200)
    expect((await fetch(deals, { headers: { authorization: 'Bearer nope' } })).status).toBe(401)
  })
})
