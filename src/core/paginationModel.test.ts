import { describe, expect, it } from 'vitest'
import { InvalidOptionError } from './errors'
import { pageSlots, paginationModel } from './paginationModel'
import type { PaginationItem, PaginationModelInput } from './paginationModel'

/** A list on page `pageIndex` of `pageCount` (offsets with a total), every page reachable. */
function numbered(pageIndex: number, pageCount: number, extra: Partial<PaginationModelInput> = {}) {
  return paginationModel({
    pageIndex,
    pageCount,
    pageSize: 50,
    total: pageCount * 50,
    itemCount: 50,
    kind: 'offset',
    hasPreviousPage: pageIndex > 0,
    hasNextPage: pageIndex < pageCount - 1,
    canGoToPage: (index) => index >= 0 && index < pageCount,
    isFetching: false,
    isPlaceholderData: false,
    status: 'success',
    ...extra,
  })
}

/** What a reader sees: numbers for pages (`[5]` for the current one), `…` for gaps, the type for the rest. */
const shown = (items: PaginationItem[]) =>
  items.map((item) =>
    item.type === 'page' ? (item.selected ? `[${item.pageNumber}]` : item.pageNumber) : item.type,
  )

describe('pageSlots', () => {
  it('shows every page when they fit in the slots', () => {
    expect(pageSlots(0, 1)).toEqual([1])
    expect(pageSlots(3, 7, 1, 1)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(pageSlots(0, 0)).toEqual([1])
  })

  it('puts ellipses on both sides of the current page in the middle', () => {
    expect(pageSlots(9, 20, 1, 1)).toEqual([1, 'ellipsis-start', 9, 10, 11, 'ellipsis-end', 20])
    expect(pageSlots(9, 20, 2, 2)).toEqual([1, 2, 'ellipsis-start', 8, 9, 10, 11, 12, 'ellipsis-end', 19, 20])
  })

  it('shows a hidden page instead of an ellipsis that would stand for one page', () => {
    expect(pageSlots(0, 20, 1, 1)).toEqual([1, 2, 3, 4, 5, 'ellipsis-end', 20])
    expect(pageSlots(3, 20, 1, 1)).toEqual([1, 2, 3, 4, 5, 'ellipsis-end', 20])
    expect(pageSlots(4, 20, 1, 1)).toEqual([1, 'ellipsis-start', 4, 5, 6, 'ellipsis-end', 20])
    expect(pageSlots(15, 20, 1, 1)).toEqual([1, 'ellipsis-start', 15, 16, 17, 'ellipsis-end', 20])
    expect(pageSlots(16, 20, 1, 1)).toEqual([1, 'ellipsis-start', 16, 17, 18, 19, 20])
    expect(pageSlots(19, 20, 1, 1)).toEqual([1, 'ellipsis-start', 16, 17, 18, 19, 20])
  })

  it('keeps the same number of slots wherever the current page is', () => {
    for (const [siblings, boundaries] of [
      [0, 0],
      [1, 1],
      [2, 1],
      [0, 2],
    ] as const) {
      const lengths = new Set<number>()
      for (let index = 0; index < 40; index += 1) {
        const slots = pageSlots(index, 40, siblings, boundaries)
        lengths.add(slots.length)
        expect(slots).toContain(index + 1)
        // Pages ascend, and every gap is an ellipsis of two or more pages.
        const pages = slots.filter((slot): slot is number => typeof slot === 'number')
        expect(pages).toEqual([...pages].sort((a, b) => a - b))
        slots.forEach((slot, at) => {
          if (typeof slot === 'number') return
          const before = slots[at - 1]
          const after = slots[at + 1]
          const low = typeof before === 'number' ? before : 0
          const high = typeof after === 'number' ? after : 41
          expect(high - low - 1).toBeGreaterThanOrEqual(2)
        })
      }
      expect([...lengths]).toEqual([2 * boundaries + 2 * siblings + 3])
    }
  })

  it('with no boundary pages, shows only the window and the ellipses', () => {
    expect(pageSlots(9, 20, 1, 0)).toEqual(['ellipsis-start', 9, 10, 11, 'ellipsis-end'])
    expect(pageSlots(0, 20, 1, 0)).toEqual([1, 2, 3, 4, 'ellipsis-end'])
  })

  it('clamps a page outside the list to its ends', () => {
    expect(pageSlots(99, 20, 1, 1)).toEqual([1, 'ellipsis-start', 16, 17, 18, 19, 20])
    expect(pageSlots(-3, 20, 1, 1)).toEqual([1, 2, 3, 4, 5, 'ellipsis-end', 20])
  })

  it('throws InvalidOptionError naming the owner and the option for negative or fractional counts', () => {
    expect(() => pageSlots(0, 10, -1, 1, '<Pager>')).toThrow(InvalidOptionError)
    expect(() => pageSlots(0, 10, -1, 1, '<Pager>')).toThrow(
      '[pagewise] <Pager>: option "siblingCount" must be a whole number >= 0, received -1 (a number).',
    )
    expect(() => pageSlots(0, 10, 1, 1.5)).toThrow(/"boundaryCount"/)
    expect(() => pageSlots(0, 10, Number.NaN, 1)).toThrow(InvalidOptionError)
  })
})

describe('paginationModel', () => {
  it('numbered: First, Previous, pages with ellipses, Next, Last, and the range', () => {
    const model = numbered(4, 25)
    expect(model.mode).toBe('numbered')
    expect(shown(model.items)).toEqual([
      'first',
      'previous',
      1,
      'ellipsis',
      4,
      '[5]',
      6,
      'ellipsis',
      25,
      'next',
      'last',
    ])
    expect(model.items.find((item) => item.type === 'last')).toMatchObject({ pageIndex: 24, disabled: false })
    expect(model.items.find((item) => item.type === 'previous')).toMatchObject({ pageIndex: 3 })
    expect(model).toMatchObject({ pageIndex: 4, pageNumber: 5, pageCount: 25, state: 'idle', isEmpty: false })
    expect(model.range).toEqual({ start: 201, end: 250, total: 1250 })
  })

  it('numbered: First and Previous are disabled on the first page, Next and Last on the last', () => {
    const disabled = (items: PaginationItem[]) =>
      items.filter((item) => item.type !== 'ellipsis' && item.disabled).map((item) => item.type)
    expect(disabled(numbered(0, 5).items)).toEqual(['first', 'previous'])
    expect(disabled(numbered(4, 5).items)).toEqual(['next', 'last'])
    expect(disabled(numbered(0, 1).items)).toEqual(['first', 'previous', 'next', 'last'])
    expect(disabled(numbered(2, 5).items)).toEqual([])
  })

  it('numbered: pages the API cannot serve (past a maximum offset) are disabled, the current page never', () => {
    // Page 3 of 10: pages 1–5 and 10 are shown; only pages 1–4 can be served.
    const model = numbered(2, 10, { canGoToPage: (index) => index >= 0 && index < 4 })
    const pages = model.items.filter((item) => item.type === 'page')
    expect(pages.filter((page) => page.disabled).map((page) => page.pageNumber)).toEqual([5, 10])
    expect(model.items.find((item) => item.type === 'last')).toMatchObject({ disabled: true })
  })

  it('previous-next (cursor): Previous, the current page and Next; no Last, no other pages', () => {
    const model = paginationModel({
      pageIndex: 2,
      pageCount: undefined,
      pageSize: 50,
      total: undefined,
      itemCount: 50,
      kind: 'cursor',
      hasPreviousPage: true,
      hasNextPage: true,
      canGoToPage: (index) => index >= 0 && index <= 3,
      isFetching: false,
      isPlaceholderData: false,
      status: 'success',
    })
    expect(model.mode).toBe('previous-next')
    expect(shown(model.items)).toEqual(['first', 'previous', '[3]', 'next'])
    expect(model.range).toEqual({ start: 101, end: 150, total: undefined })
  })

  it('previous-next: on the last page of a list without a total, the range knows the total', () => {
    const input = {
      pageIndex: 2,
      pageCount: undefined,
      pageSize: 50,
      total: undefined,
      itemCount: 20,
      kind: 'cursor' as const,
      hasPreviousPage: true,
      hasNextPage: false,
      canGoToPage: (index: number) => index >= 0 && index <= 2,
      isFetching: false,
      isPlaceholderData: false,
      status: 'success' as const,
    }
    expect(paginationModel(input).range).toEqual({ start: 101, end: 120, total: 120 })
    // Not while the page is still loading (no next page known yet does not mean the end).
    expect(paginationModel({ ...input, isPlaceholderData: true, isFetching: true }).range).toEqual({
      start: 101,
      end: 150,
      total: undefined,
    })
  })

  it('previous-next when an offset API reports no total, and for a cursor API even with a total', () => {
    expect(numbered(1, 4, { pageCount: undefined, total: undefined }).mode).toBe('previous-next')
    const cursorWithTotal = numbered(1, 4, { kind: 'cursor' })
    expect(cursorWithTotal.mode).toBe('previous-next')
    expect(cursorWithTotal.pageCount).toBe(4)
    expect(shown(cursorWithTotal.items)).toEqual(['first', 'previous', '[2]', 'next'])
  })

  it('while the next page loads: loading state, and the range of the page being loaded', () => {
    const model = numbered(2, 5, { isFetching: true, isPlaceholderData: true, itemCount: 50, total: 230 })
    expect(model.state).toBe('loading')
    expect(model.range).toEqual({ start: 101, end: 150, total: 230 })
    // The last page of 230 records holds 30.
    expect(numbered(4, 5, { isPlaceholderData: true, total: 230 }).range).toEqual({
      start: 201,
      end: 230,
      total: 230,
    })
  })

  it('the last page range ends at its last record', () => {
    expect(numbered(4, 5, { itemCount: 30, total: 230 }).range).toEqual({ start: 201, end: 230, total: 230 })
  })

  it('pending: loading, every step disabled, no range', () => {
    const model = numbered(0, 1, { status: 'pending', pageCount: undefined, total: undefined, itemCount: 0 })
    expect(model.state).toBe('loading')
    expect(model.range).toBeUndefined()
    expect(model.isEmpty).toBe(false)
    expect(
      model.items.every((item) => item.type !== 'ellipsis' && (item.type === 'page' || item.disabled)),
    ).toBe(true)
  })

  it('error state, and an empty list', () => {
    expect(numbered(2, 5, { status: 'error', itemCount: 0 })).toMatchObject({
      state: 'error',
      range: undefined,
      isEmpty: false,
    })
    const empty = numbered(0, 0, { total: 0, itemCount: 0 })
    expect(empty).toMatchObject({ isEmpty: true, range: undefined, pageCount: 0 })
    expect(shown(empty.items)).toEqual(['first', 'previous', '[1]', 'next', 'last'])
  })

  it('checks siblingCount and boundaryCount in both modes', () => {
    expect(() => numbered(0, 5, { siblingCount: -1 })).toThrow(InvalidOptionError)
    expect(() => numbered(0, 5, { pageCount: undefined, boundaryCount: -2 })).toThrow(/"boundaryCount"/)
  })
})
