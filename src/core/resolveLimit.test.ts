import { describe, expect, it } from 'vitest'
import { InvalidOptionError } from './errors'
import { clampLimit, resolveLimit } from './listPage'

const adapter = { id: 'close.offset', defaultLimit: 100, maxLimit: 200 }

describe('resolveLimit', () => {
  it('uses the default when no size is chosen', () => {
    expect(resolveLimit(adapter)).toBe(100)
  })

  it('lowers sizes above maxLimit to it', () => {
    expect(resolveLimit(adapter, 500)).toBe(200)
    expect(resolveLimit(adapter, 200)).toBe(200)
    expect(resolveLimit(adapter, 20)).toBe(20)
  })

  it.each([0, -1, 2.5, Number.NaN])('refuses %s with an error naming the adapter and option', (size) => {
    expect(() => resolveLimit(adapter, size)).toThrow(InvalidOptionError)
    expect(() => resolveLimit(adapter, size)).toThrow(
      /close\.offset: option "pageSize" must be a positive integer/,
    )
  })
})

describe('clampLimit', () => {
  it('keeps limits within 1..max', () => {
    expect(clampLimit(500, 200)).toBe(200)
    expect(clampLimit(0, 200)).toBe(1)
    expect(clampLimit(12.7, 200)).toBe(12)
    expect(clampLimit(Number.NaN, 200)).toBe(1)
  })
})
