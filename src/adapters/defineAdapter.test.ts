import { describe, expect, it } from 'vitest'
import { CursorLoopError, InvalidOptionError } from '../core/errors'
import type { PaginationAdapter } from '../core/types'
import { containsPageParam } from '../core/listPage'
import { defineAdapter } from './defineAdapter'

type Page = { items: string[]; next: string | null }
const handWritten: PaginationAdapter<Page, string, string | null> = {
  id: 'gitlab.keyset',
  kind: 'cursor',
  initialPageParam: null,
  defaultLimit: 20,
  maxLimit: 100,
  toRequest: (cursor, limit) => ({ query: { per_page: String(limit), ...(cursor ? { cursor } : {}) } }),
  getItems: (page) => page.items,
  getNextPageParam: (page) => page.next ?? undefined,
}

describe('defineAdapter', () => {
  it('keeps the adapter working and clamps limits in toRequest', () => {
    const adapter = defineAdapter(handWritten)
    expect(adapter.toRequest(null, 20)).toEqual({ query: { per_page: '20' } })
    expect(adapter.toRequest('x', 1000)).toEqual({ query: { per_page: '100', cursor: 'x' } })
  })

  it('adds loop detection to a hand-written getNextPageParam', () => {
    const adapter = defineAdapter({ ...handWritten, getNextPageParam: () => 'same' })
    expect(adapter.getNextPageParam({ items: [], next: null }, [], null, [null])).toBe('same')
    expect(() => adapter.getNextPageParam({ items: [], next: null }, [], 'same', [null, 'same'])).toThrow(
      CursorLoopError,
    )
  })

  it('keeps `this` for adapters written as classes', () => {
    class KeysetAdapter {
      id = 'acme.class'
      kind = 'cursor' as const
      initialPageParam: string | null = null
      defaultLimit = 10
      maxLimit = 10
      field = 'next' as const
      toRequest(cursor: string | null, limit: number) {
        return { query: { size: String(limit), ...(cursor ? { [this.field]: cursor } : {}) } }
      }
      getItems(page: Page) {
        return page.items
      }
      getNextPageParam(page: Page) {
        return page[this.field] ?? undefined
      }
    }
    const adapter = defineAdapter(new KeysetAdapter())
    expect(adapter.toRequest('c', 50)).toEqual({ query: { size: '10', next: 'c' } })
    expect(adapter.getItems({ items: ['a'], next: null })).toEqual(['a'])
    expect(adapter.getNextPageParam({ items: [], next: 'n2' }, [], null, [null])).toBe('n2')
  })

  it('reads a null next param as the end of the list', () => {
    const adapter = defineAdapter({ ...handWritten, getNextPageParam: () => null as never })
    expect(adapter.getNextPageParam({ items: [], next: null }, [], null, [null])).toBeUndefined()
  })

  it('compares object params by value', () => {
    expect(containsPageParam([{ after: 1, id: 'a' }], { after: 1, id: 'a' })).toBe(true)
    expect(containsPageParam([{ after: 1, id: 'a' }], { after: 2, id: 'a' })).toBe(false)
    expect(containsPageParam([0, 100], 100)).toBe(true)
  })

  it('compares object params by their JSON', () => {
    // Nested objects and arrays, built apart; fields set to undefined do not count, as in JSON.
    const window = { skip: 100, keyset: { date: '2026-01-01', ids: ['a', 'b'] } }
    const again = { skip: 100, keyset: { date: '2026-01-01', ids: ['a', 'b'] } }
    expect(containsPageParam([window], again)).toBe(true)
    expect(containsPageParam([{ ...window, cursor: undefined }], again)).toBe(true)
    expect(containsPageParam([window], { ...again, cursor: undefined })).toBe(true)
    expect(containsPageParam([window], { ...again, cursor: 'x' })).toBe(false)
    expect(containsPageParam([window], { ...again, keyset: { ...again.keyset, ids: ['a'] } })).toBe(false)
    expect(containsPageParam([{ skip: 0 }], { skip: null })).toBe(false)
    expect(containsPageParam([{ 0: 'a' }], ['a'])).toBe(false)
    expect(containsPageParam(['{"skip":0}', null], { skip: 0 })).toBe(false)
    expect(containsPageParam([{ skip: Number.NaN }], { skip: Number.NaN })).toBe(true)
    // Among thousands of params, the one requested before.
    const walk = Array.from({ length: 5_000 }, (_, page) => ({ startingAfter: `cus_${page}`, limit: 100 }))
    expect(containsPageParam(walk, { startingAfter: 'cus_4321', limit: 100 })).toBe(true)
    expect(containsPageParam(walk, { startingAfter: 'cus_5000', limit: 100 })).toBe(false)
  })

  it('an adapter defined again behaves as one defined once', () => {
    const twice = defineAdapter({ ...defineAdapter(handWritten), id: 'gitlab.copy' })
    expect(twice.toRequest('x', 1000)).toEqual({ query: { per_page: '100', cursor: 'x' } })
    expect(twice.getNextPageParam({ items: [], next: 'b' }, [], 'a', ['a'])).toBe('b')
    expect(() => twice.getNextPageParam({ items: [], next: 'a' }, [], 'a', ['a'])).toThrow(CursorLoopError)
  })

  it.each([
    ['id', { id: '' }],
    ['kind', { kind: 'pages' }],
    ['maxLimit', { maxLimit: 1.5 }],
    ['defaultLimit', { defaultLimit: 0 }],
    ['getItems', { getItems: 'data' }],
    ['pageParamAt', { pageParamAt: 3 }],
  ])('refuses an invalid %s with InvalidOptionError', (option, override) => {
    expect(() => defineAdapter({ ...handWritten, ...override } as never)).toThrow(
      expect.objectContaining({ name: 'InvalidOptionError', option }),
    )
  })

  it('names the adapter in its own errors', () => {
    expect(() => defineAdapter({ ...handWritten, maxLimit: -1 })).toThrow(
      '[pagewise] defineAdapter(gitlab.keyset): option "maxLimit" must be a positive integer, received -1 (a number).',
    )
    expect(() => defineAdapter({ ...handWritten, maxLimit: -1 })).toThrow(InvalidOptionError)
  })
})
