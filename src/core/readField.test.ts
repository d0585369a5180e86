import { describe, expect, it } from 'vitest'
import { MalformedResponseError } from './errors'
import { expectArray, expectCursor, expectOptionalCount, readCount, readField } from './readField'

describe('readField', () => {
  it('walks dotted paths and reads a missing parent as undefined', () => {
    const response = { additional_data: { pagination: { next_start: 100 } } }
    expect(readField('p', response, 'additional_data.pagination.next_start')).toBe(100)
    expect(readField('p', { additional_data: null }, 'additional_data.pagination.next_start')).toBeUndefined()
    expect(readField('p', {}, 'a.b')).toBeUndefined()
  })

  it('reports a parent that is not an object by its own path', () => {
    expect(() => readField('p', { additional_data: [1] }, 'additional_data.next_cursor')).toThrow(
      expect.objectContaining({ field: 'additional_data', expected: 'an object' }),
    )
  })

  it.each([['<html>'], [null], [42], [[]], [undefined]])('refuses a response that is %j', (response) => {
    expect(() => readField('p', response, 'data')).toThrow(
      expect.objectContaining({ name: 'MalformedResponseError', field: '$' }),
    )
  })
})

describe('validators', () => {
  it('expectArray accepts null only when asked to', () => {
    expect(expectArray('p', 'data', null, true)).toEqual([])
    expect(() => expectArray('p', 'data', null)).toThrow(MalformedResponseError)
  })

  it('expectCursor reads null and "" as the end and refuses other types', () => {
    expect(expectCursor('p', 'c', null)).toBeNull()
    expect(expectCursor('p', 'c', '')).toBeNull()
    expect(expectCursor('p', 'c', 'abc')).toBe('abc')
    expect(() => expectCursor('p', 'c', { next: 'abc' })).toThrow(
      /expected "c" to be a string or null, received an object/,
    )
  })

  it('expectOptionalCount allows absence but not junk', () => {
    expect(expectOptionalCount('p', 'total', undefined)).toBeUndefined()
    expect(expectOptionalCount('p', 'total', 0)).toBe(0)
    expect(() => expectOptionalCount('p', 'total', 1.5)).toThrow(MalformedResponseError)
    expect(() => expectOptionalCount('p', 'total', -3)).toThrow(MalformedResponseError)
  })

  it('expectOptionalCount reads a total sent as a string of digits (Drupal JSON:API meta.count: "1")', () => {
    expect(expectOptionalCount('p', 'meta.count', '1')).toBe(1)
    expect(expectOptionalCount('p', 'meta.count', '123')).toBe(123)
    expect(expectOptionalCount('p', 'meta.count', '0')).toBe(0)
    expect(() => expectOptionalCount('p', 'meta.count', '1.5')).toThrow(
      expect.objectContaining({
        name: 'MalformedResponseError',
        field: 'meta.count',
        expected: 'a non-negative integer (or a string of its digits) or absent',
        received: '1.5',
      }),
    )
  })

  it.each([
    ['1.5'],
    ['-1'],
    [''],
    ['1e3'],
    [' 12'],
    ['12 '],
    ['12\n'],
    ['0x1A'],
    ['+5'],
    ['١٢'],
    ['9007199254740993'],
  ])('readCount refuses %j', (text) => {
    expect(readCount(text)).toBeUndefined()
    expect(() => expectOptionalCount('p', 'total', text)).toThrow(MalformedResponseError)
  })

  it('readCount reads integers and digit strings, leading zeros as decimal', () => {
    expect(readCount(42)).toBe(42)
    expect(readCount('007')).toBe(7)
    expect(readCount('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER)
    expect(readCount(1.5)).toBeUndefined()
    expect(readCount(-1)).toBeUndefined()
    expect(readCount(true)).toBeUndefined()
    expect(readCount(null)).toBeUndefined()
  })

  it('shows long strings truncated in messages', () => {
    const html = `<!DOCTYPE html><html><body>${'x'.repeat(500)}</body></html>`
    const error = (() => {
      try {
        readField('close.offset', html, 'data')
      } catch (caught) {
        return caught as MalformedResponseError
      }
    })()
    expect(error?.message.length).toBeLessThan(200)
    expect(error?.message).toContain('"<!DOCTYPE html><html><body>xxx')
    expect(error?.received).toBe(html)
  })
})
