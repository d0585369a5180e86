import { describe, expect, it } from 'vitest'
import { CursorLoopError, InvalidOptionError, MalformedResponseError } from '../core/errors'
import { readListPage } from '../core/listPage'
import { offsetAdapter } from './offsetAdapter'

type Ticket = { id: number }
const tickets = (from: number, count: number): Ticket[] =>
  Array.from({ length: count }, (_, i) => ({ id: from + i }))

describe('offsetAdapter', () => {
  it('has sensible defaults: offset/limit in the query, items at data, 100 per page', () => {
    const adapter = offsetAdapter({ id: 'acme.offset' })
    expect(adapter).toMatchObject({ kind: 'offset', initialPageParam: 0, defaultLimit: 100, maxLimit: 100 })
    expect(adapter.toRequest(40, 20)).toEqual({ query: { offset: '40', limit: '20' } })
    expect(adapter.getItems({ data: tickets(0, 2) })).toEqual(tickets(0, 2))
  })

  it('without hasMore or total, goes on until a page comes back empty', () => {
    const adapter = offsetAdapter<{ data: Ticket[] }, Ticket>({ id: 'acme.offset' })
    const full = { data: tickets(0, 3) }
    expect(adapter.getNextPageParam(full, [full], 0, [0])).toBe(3)
    const empty = { data: [] }
    expect(adapter.getNextPageParam(empty, [full, empty], 3, [0, 3])).toBeUndefined()
  })

  it('with a total, stops once every record is loaded', () => {
    const adapter = offsetAdapter({ id: 'acme.offset', total: 'meta.count' })
    const page = { data: tickets(0, 10), meta: { count: 15 } }
    expect(adapter.getNextPageParam(page, [page], 0, [0])).toBe(10)
    const last = { data: tickets(10, 5), meta: { count: 15 } }
    expect(adapter.getNextPageParam(last, [page, last], 10, [0, 10])).toBeUndefined()
    expect(adapter.getTotal?.(page)).toBe(15)
  })

  it('supports page numbers (page=3&per_page=50) starting at firstPage', () => {
    const adapter = offsetAdapter({
      id: 'acme.pages',
      items: 'results',
      total: 'count',
      offsetParam: 'page',
      limitParam: 'per_page',
      unit: 'page',
      maxLimit: 50,
    })
    expect(adapter.initialPageParam).toBe(1)
    expect(adapter.toRequest(3, 50)).toEqual({ query: { page: '3', per_page: '50' } })
    expect(adapter.pageParamAt?.(0, 50)).toBe(1)
    expect(adapter.pageParamAt?.(4, 50)).toBe(5)
    const first = { results: tickets(0, 50), count: 120 }
    const second = { results: tickets(50, 50), count: 120 }
    const third = { results: tickets(100, 20), count: 120 }
    // Each page alone, with its number: the page size is not in the answer, so a short page reads as a full one.
    expect(adapter.getNextPageParam(first, [first], 1, [1])).toBe(2)
    expect(adapter.getNextPageParam(second, [second], 2, [2])).toBe(3)
    // 3 × 20 < 120: one request more, answered empty, ends the list.
    expect(adapter.getNextPageParam(third, [third], 3, [3])).toBe(4)
    const empty = { results: [], count: 120 }
    expect(adapter.getNextPageParam(empty, [empty], 4, [4])).toBeUndefined()
    // A full last page needs no request more.
    const full = { results: tickets(100, 20), count: 120 }
    expect(adapter.getNextPageParam(full, [full], 6, [6])).toBeUndefined()
  })

  it('without hasMore, a total is a hint: one that does not read leaves the list to end on an empty page', () => {
    const adapter = offsetAdapter({ id: 'acme.offset', total: 'meta.count' })
    for (const count of ['many', -1, 1.5, { n: 3 }]) {
      const page = { data: tickets(0, 10), meta: { count } }
      expect(adapter.getNextPageParam(page, [page], 0, [0])).toBe(10)
      expect(() => adapter.getTotal?.(page)).toThrow(MalformedResponseError)
      expect(readListPage(adapter, page, 0)).toEqual({ items: page.data, nextPageParam: 10 })
    }
    // A total that claims more than came: the empty page ends the list, no CursorLoopError.
    const stale = { data: [], meta: { count: 50 } }
    expect(adapter.getNextPageParam(stale, [stale], 40, [40])).toBeUndefined()
    // Digits read as a count.
    const last = { data: tickets(10, 5), meta: { count: '15' } }
    expect(adapter.getNextPageParam(last, [last], 10, [10])).toBeUndefined()
    expect(adapter.getTotal?.(last)).toBe(15)
  })

  it('accepts functions for fields and names them in errors', () => {
    const adapter = offsetAdapter({
      id: 'acme.fn',
      items: (response: { rows?: unknown }) => response.rows as Ticket[],
      hasMore: (response: { rows?: unknown; more?: unknown }) => response.more,
    })
    expect(adapter.getItems({ rows: tickets(0, 1) })).toHaveLength(1)
    expect(() => adapter.getItems({ rows: 'x' })).toThrow(
      expect.objectContaining({
        name: 'MalformedResponseError',
        field: 'items(response)',
        adapterId: 'acme.fn',
      }),
    )
    expect(() => adapter.getNextPageParam({ rows: [], more: 1 }, [], 0, [0])).toThrow(MalformedResponseError)
  })

  it('can place params in a JSON body', () => {
    const adapter = offsetAdapter({
      id: 'acme.search',
      placement: 'body',
      offsetParam: 'from',
      limitParam: 'size',
    })
    expect(adapter.toRequest(20, 10)).toEqual({ query: {}, body: { from: 20, size: 10 } })
  })

  it('refuses invalid limits at creation, naming the adapter and the option', () => {
    expect(() => offsetAdapter({ id: 'acme.bad', maxLimit: 0 })).toThrow(InvalidOptionError)
    expect(() => offsetAdapter({ id: 'acme.bad', maxLimit: 0 })).toThrow(
      /offsetAdapter\(acme\.bad\): option "maxLimit" must be a positive integer, received 0/,
    )
    expect(() => offsetAdapter({ id: 'acme.bad', defaultLimit: 200, maxLimit: 100 })).toThrow(
      /"defaultLimit" must be at most maxLimit \(100\)/,
    )
    expect(() => offsetAdapter({ id: 'acme.bad', maxOffset: -1 })).toThrow(/"maxOffset"/)
  })

  it("pages backwards from a list that starts mid-way, by the first page's length", () => {
    const adapter = offsetAdapter<{ data: Ticket[] }, Ticket>({ id: 'acme.offset' })
    const page = { data: tickets(200, 100) }
    expect(adapter.getPreviousPageParam?.(page, [page], 200, [200])).toBe(100)
    expect(adapter.getPreviousPageParam?.({ data: tickets(50, 100) }, [], 50, [50])).toBe(0)
    expect(adapter.getPreviousPageParam?.(page, [page], 0, [0])).toBeUndefined()
    const pages = offsetAdapter({ id: 'acme.pages', unit: 'page' })
    expect(pages.getPreviousPageParam?.({ data: [] }, [], 3, [3])).toBe(2)
    expect(pages.getPreviousPageParam?.({ data: [] }, [], 1, [1])).toBeUndefined()
  })

  it('treats a non-advancing page as a loop', () => {
    const adapter = offsetAdapter({ id: 'acme.offset', hasMore: 'more' })
    expect(() => adapter.getNextPageParam({ data: [], more: true }, [], 0, [0])).toThrow(CursorLoopError)
  })
})
