import { describe, expect, it } from 'vitest'
import { CursorLoopError, InvalidOptionError, MalformedResponseError } from '../core/errors'
import { hubspotAdapter } from './hubspot'
import type { HubspotCrmObject, HubspotPage } from './hubspot'
import { errorOf } from '../../test/errorOf'

type Contact = HubspotCrmObject<{ firstname: string; email: string }>
const contact = (n: number): Contact => ({
  id: String(n),
  properties: { firstname: `First ${n}`, email: `c${n}@example.com` },
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  archived: false,
})
const contacts = (from: number, count: number) => Array.from({ length: count }, (_, i) => contact(from + i))
const next = (after: string) => ({
  next: { after, link: `https://api.hubapi.com/crm/v3/objects/contacts?after=${after}` },
})

describe('hubspotAdapter', () => {
  const adapter = hubspotAdapter<Contact>()

  it('describes the CRM v3 object lists: limit 10 by default, at most 100', () => {
    expect(adapter).toMatchObject({
      id: 'hubspot',
      kind: 'cursor',
      initialPageParam: null,
      defaultLimit: 10,
      maxLimit: 100,
    })
    expect(adapter.getPreviousPageParam).toBeUndefined()
  })

  it('sends limit and after in the query string, after only once there is a cursor', () => {
    expect(adapter.toRequest(null, 10)).toEqual({ query: { limit: '10' } })
    expect(adapter.toRequest('NTI1Cg', 250)).toEqual({ query: { after: 'NTI1Cg', limit: '100' } })
  })

  it('follows paging.next.after, and ends without paging.next', () => {
    const first: HubspotPage<Contact> = { results: contacts(1, 10), paging: next('NTI1Cg') }
    expect(adapter.getItems(first)).toHaveLength(10)
    expect(adapter.getNextPageParam(first, [first], null, [null])).toBe('NTI1Cg')
    for (const last of [
      { results: contacts(11, 2) },
      { results: [], paging: {} },
      { results: [], paging: null },
    ]) {
      expect(adapter.getNextPageParam(last as never, [], 'NTI1Cg', [null, 'NTI1Cg'])).toBeUndefined()
    }
    expect(adapter.getTotal?.(first)).toBeUndefined()
  })

  it('puts after and limit in the JSON body of a search, up to 200, and reads the total', () => {
    const search = hubspotAdapter<Contact>({ placement: 'body' })
    expect(search).toMatchObject({ id: 'hubspot', defaultLimit: 10, maxLimit: 200 })
    expect(search.toRequest(null, 500)).toEqual({ query: {}, body: { after: null, limit: 200 } })
    expect(search.toRequest('200', 200)).toEqual({ query: {}, body: { after: '200', limit: 200 } })
    const answer = { total: 1234, results: contacts(1, 200), paging: next('200') }
    expect(search.getTotal?.(answer)).toBe(1234)
    expect(search.getNextPageParam(answer, [answer], null, [null])).toBe('200')
  })

  it('decodes a percent-encoded after once, so the query carries it as paging.next.link does', () => {
    // HubSpot's OpenAPI example: after "NTI1Cg%3D%3D", link "?after=NTI1Cg%3D%3D" (the server reads NTI1Cg==).
    const page: HubspotPage<Contact> = { results: contacts(1, 10), paging: next('NTI1Cg%3D%3D') }
    const after = adapter.getNextPageParam(page, [page], null, [null])
    expect(after).toBe('NTI1Cg==')
    expect(new URLSearchParams(adapter.toRequest(after!, 10).query).toString()).toBe(
      'after=NTI1Cg%3D%3D&limit=10',
    )
    // Plain cursors, and a % that is not an escape, are sent as given.
    for (const plain of ['151', 'NTI1Cg', 'a%zz', '%E0%A4%A']) {
      expect(adapter.getNextPageParam({ results: [], paging: next(plain) }, [], null, [null])).toBe(plain)
    }
  })

  it('gives a search its after back unchanged, in the JSON body', () => {
    const search = hubspotAdapter<Contact>({ placement: 'body' })
    const answer = { total: 30, results: contacts(1, 10), paging: next('NTI1Cg%3D%3D') }
    expect(search.getNextPageParam(answer, [answer], null, [null])).toBe('NTI1Cg%3D%3D')
  })

  it('reads a total sent as a string of digits', () => {
    expect(adapter.getTotal?.({ results: [], total: '1234' as never })).toBe(1234)
  })

  it('takes its own id, default and maximum page sizes', () => {
    expect(hubspotAdapter({ id: 'hubspot.deals', defaultLimit: 50, maxLimit: 50 })).toMatchObject({
      id: 'hubspot.deals',
      defaultLimit: 50,
      maxLimit: 50,
    })
    expect(() => hubspotAdapter({ placement: 'header' as never })).toThrow(
      expect.objectContaining({ name: 'InvalidOptionError', option: 'placement' }),
    )
    expect(() => hubspotAdapter({ defaultLimit: 150 })).toThrow(InvalidOptionError)
  })

  it.each([
    ['results missing', { paging: next('a') }, 'results', undefined],
    ['results an object', { results: { id: '1' } }, 'results', { id: '1' }],
    ['results null', { results: null }, 'results', null],
    ['paging a string', { results: [], paging: 'next' }, 'paging', 'next'],
    ['paging.next a number', { results: [contact(1)], paging: { next: 2 } }, 'paging.next', 2],
    [
      'paging.next.after missing',
      { results: [contact(1)], paging: { next: { link: '?after=2' } } },
      'paging.next.after',
      undefined,
    ],
    [
      'paging.next.after a number',
      { results: [contact(1)], paging: { next: { after: 2 } } },
      'paging.next.after',
      2,
    ],
    [
      'paging.next.after empty',
      { results: [contact(1)], paging: { next: { after: '' } } },
      'paging.next.after',
      '',
    ],
    ['total not a count', { results: [], total: '1.5' }, 'total', '1.5'],
  ])('throws MalformedResponseError naming the field when %s', (_case, response, field, received) => {
    const error = errorOf(() => {
      adapter.getNextPageParam(response as never, [], null, [null])
      adapter.getTotal?.(response as never)
    })
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(error).toMatchObject({ adapterId: 'hubspot', field, received })
    expect((error as Error).message).toContain(`hubspot: expected "${field}"`)
  })

  it.each([
    ['an HTML page', '<!DOCTYPE html><html></html>'],
    ['null', null],
  ])('rejects a response that is %s', (_case, response) => {
    expect(() => adapter.getItems(response as never)).toThrow(expect.objectContaining({ field: '$' }))
  })

  it('throws CursorLoopError for an after already requested in the list', () => {
    const page = { results: [contact(1)], paging: next('a') }
    expect(() => adapter.getNextPageParam(page, [], 'b', [null, 'a', 'b'])).toThrow(CursorLoopError)
  })
})
