import { describe, expect, test } from 'vitest'
import { liveApis, liveProxy } from '../.storybook/liveProxy'

describe("Storybook's live mode proxy", () => {
  test('is off without credentials', () => {
    expect(liveProxy({})).toEqual({})
    expect(liveApis({})).toEqual({ close: false, pipedrive: false })
  })

  test('adds the Close key as HTTP Basic on the server side and strips the /live/close prefix', () => {
    const proxy = liveProxy({ CLOSE_API_KEY: 'api_canary' })
    const close = proxy['/live/close']!
    expect(close.target).toBe('https://api.close.com')
    expect(close.headers).toEqual({ Authorization: `Basic ${Buffer.from('api_canary:').toString('base64')}` })
    expect(close.rewrite!('/live/close/api/v1/lead/?_skip=0')).toBe('/api/v1/lead/?_skip=0')
    expect(liveApis({ CLOSE_API_KEY: 'api_canary' })).toEqual({ close: true, pipedrive: false })
  })

  test("sends the Pipedrive token in x-api-token to the company's domain, never in the URL", () => {
    const proxy = liveProxy({ PIPEDRIVE_API_TOKEN: 'tok_canary', PIPEDRIVE_COMPANY_DOMAIN: 'acme' })
    const pipedrive = proxy['/live/pipedrive']!
    expect(pipedrive.target).toBe('https://acme.pipedrive.com')
    expect(pipedrive.headers).toEqual({ 'x-api-token': 'tok_canary' })
    expect(pipedrive.rewrite!('/live/pipedrive/api/v2/deals?limit=50')).toBe('/api/v2/deals?limit=50')
    expect(
      JSON.stringify(liveApis({ PIPEDRIVE_API_TOKEN: 'tok_canary', PIPEDRIVE_COMPANY_DOMAIN: 'acme' })),
    ).not.toContain('tok_canary')
  })

  test('refuses a company domain that could point the token elsewhere', () => {
    expect(() =>
      liveProxy({ PIPEDRIVE_API_TOKEN: 't', PIPEDRIVE_COMPANY_DOMAIN: 'evil.example.com/x' }),
    ).toThrow(/PIPEDRIVE_COMPANY_DOMAIN/)
  })
})
