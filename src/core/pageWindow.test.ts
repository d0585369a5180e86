import { describe, expect, it } from 'vitest'
import type { ListPage } from './listPage'
import { holdsWindow, placePages, windowOf } from './pageWindow'

/** A page of `length` records named by `param`, as the adapter would read it. */
const page = (param: string, length = 10): ListPage<string, string> => ({
  items: Array.from({ length }, (_, at) => `${param}-${at}`),
})
const list = (...params: string[]) => ({ pages: params.map((param) => page(param)), pageParams: params })

describe('placePages', () => {
  it('leaves a list that starts at the top as it is', () => {
    const next = list('a', 'b')
    expect(placePages(list('a'), next, true)).toBe(next)
    expect(placePages(undefined, next, true)).toBe(next)
  })

  it('moves the start on by the records of the pages dropped in front, and keeps their params when asked', () => {
    const held = list('a', 'b', 'c')
    const placed = placePages(
      held,
      { pages: held.pages.slice(2).concat(page('d')), pageParams: ['c', 'd'] },
      true,
    )
    expect(placed.pages[0]).toEqual({ ...page('c'), start: 20, before: ['a', 'b'] })
    // The other pages are the very same objects.
    expect(placed.pages[1]).toEqual(page('d'))
    expect(placePages(held, { pages: held.pages.slice(2), pageParams: ['c'] }, false).pages[0]).toEqual({
      ...page('c'),
      start: 20,
    })
  })

  it('moves the start back by the records of a page loaded in front, and takes its param off the history', () => {
    const held = { pages: [{ ...page('c'), start: 20, before: ['a', 'b'] }], pageParams: ['c'] }
    const placed = placePages(held, { pages: [page('b', 7), held.pages[0]!], pageParams: ['b', 'c'] }, true)
    expect(placed.pages[0]).toEqual({ ...page('b', 7), start: 13, before: ['a'] })
    expect(windowOf(placed)).toEqual({ pageParams: ['b', 'c'], firstItemIndex: 13, before: ['a'] })
  })

  it('keeps the start of a first page fetched again (a refetch) and of one given it (a window loaded)', () => {
    const held = { pages: [{ ...page('c'), start: 20, before: ['a', 'b'] }], pageParams: ['c'] }
    expect(placePages(held, list('c', 'd'), true).pages[0]).toEqual({
      ...page('c'),
      start: 20,
      before: ['a', 'b'],
    })
    const loaded = { pages: [{ ...page('x'), start: 500 }], pageParams: ['x'] }
    expect(placePages(held, loaded, true)).toBe(loaded)
  })

  it('leaves pages of another shape alone', () => {
    const odd = { pages: 'nope', pageParams: [] } as never
    expect(placePages(list('a'), odd, true)).toBe(odd)
  })
})

describe('holdsWindow', () => {
  it('compares params by value, in order', () => {
    const data = { pages: [page('a'), page('b')], pageParams: [{ skip: 0 }, { skip: 10 }] }
    expect(holdsWindow(data, { pageParams: [{ skip: 0 }, { skip: 10 }], firstItemIndex: 0 })).toBe(true)
    expect(holdsWindow(data, { pageParams: [{ skip: 10 }], firstItemIndex: 10 })).toBe(false)
    expect(holdsWindow(undefined, { pageParams: [{ skip: 0 }], firstItemIndex: 0 })).toBe(false)
  })
})
