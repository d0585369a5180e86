import { describe, expect, it } from 'vitest'
import { CursorLoopError, InvalidOptionError, MalformedResponseError } from '../core/errors'
import { cursorAdapter } from './cursorAdapter'

describe('cursorAdapter', () => {
  const adapter = cursorAdapter({
    id: 'acme.events',
    items: 'events',
    nextCursor: 'next_page_token',
    cursorParam: 'page_token',
    limitParam: 'page_size',
    maxLimit: 1000,
    total: 'total_size',
  })

  it('sends the cursor and page size with the names it was given', () => {
    expect(adapter).toMatchObject({
      kind: 'cursor',
      initialPageParam: null,
      defaultLimit: 100,
      maxLimit: 1000,
    })
    expect(adapter.toRequest(null, 100)).toEqual({ query: { page_size: '100' } })
    expect(adapter.toRequest('t2', 5000)).toEqual({ query: { page_token: 't2', page_size: '1000' } })
  })

  it('follows the next cursor, reads "" and null as the end, and reports the total', () => {
    expect(adapter.getNextPageParam({ events: [1], next_page_token: 't2' }, [], null, [null])).toBe('t2')
    expect(
      adapter.getNextPageParam({ events: [1], next_page_token: '' }, [], 't2', [null, 't2']),
    ).toBeUndefined()
    expect(
      adapter.getNextPageParam({ events: [], next_page_token: null }, [], 't2', [null, 't2']),
    ).toBeUndefined()
    expect(adapter.getTotal?.({ events: [], next_page_token: null, total_size: 42 })).toBe(42)
  })

  it('validates the items even when only the cursor is asked for', () => {
    expect(() => adapter.getNextPageParam({ next_page_token: 't2' }, [], null, [null])).toThrow(
      expect.objectContaining({ field: 'events', name: 'MalformedResponseError' }),
    )
  })

  it('honours a hasMore flag beside the cursor and refuses "more" without a cursor', () => {
    const stripeLike = cursorAdapter({ id: 'acme.list', nextCursor: 'next', hasMore: 'has_more' })
    expect(
      stripeLike.getNextPageParam({ data: [1], next: 'c', has_more: false }, [], null, [null]),
    ).toBeUndefined()
    expect(stripeLike.getNextPageParam({ data: [1], next: 'c', has_more: true }, [], null, [null])).toBe('c')
    expect(() =>
      stripeLike.getNextPageParam({ data: [1], next: null, has_more: true }, [], null, [null]),
    ).toThrow(MalformedResponseError)
  })

  it('throws CursorLoopError for a cursor seen earlier in the list, not just the last one', () => {
    const page = { events: [1], next_page_token: 'a' }
    expect(() => adapter.getNextPageParam(page, [], 'c', [null, 'a', 'b', 'c'])).toThrow(CursorLoopError)
  })

  it('requires nextCursor', () => {
    expect(() => cursorAdapter({ id: 'acme.none' } as never)).toThrow(InvalidOptionError)
  })
})
