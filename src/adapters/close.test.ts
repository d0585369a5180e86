import { describe, expect, it } from 'vitest'
import { CursorLoopError, MalformedResponseError, OffsetLimitError } from '../core/errors'
import { readListPage } from '../core/listPage'
import { closeEventsCursor, closeOffset, closeSearchCursor } from './close'
import { closeKeysetOffset } from './closeKeyset'
import type { CloseKeysetParam } from './closeKeyset'

type Lead = { id: string; display_name: string }
const lead = (n: number): Lead => ({ id: `lead_${n}`, display_name: `Lead ${n}` })
const leads = (from: number, count: number) => Array.from({ length: count }, (_, i) => lead(from + i))

describe('closeOffset', () => {
  const adapter = closeOffset<Lead>()

  it('describes Close list pagination', () => {
    expect(adapter).toMatchObject({
      id: 'close.offset',
      kind: 'offset',
      initialPageParam: 0,
      defaultLimit: 100,
      maxLimit: 200,
    })
  })

  it('puts _skip and _limit in the query string and clamps the limit to maxLimit', () => {
    expect(adapter.toRequest(200, 100)).toEqual({ query: { _skip: '200', _limit: '100' } })
    expect(adapter.toRequest(0, 5000)).toEqual({ query: { _skip: '0', _limit: '200' } })
    expect(closeOffset({ maxLimit: 250 }).toRequest(0, 300).query._limit).toBe('250')
  })

  it("knows each resource's largest _limit, so no page size causes Close's 400", () => {
    expect(closeOffset({ resource: 'contact' }).toRequest(0, 200).query._limit).toBe('100')
    expect(closeOffset({ resource: 'opportunity' })).toMatchObject({ defaultLimit: 100, maxLimit: 250 })
    expect(closeOffset({ resource: 'task' }).maxLimit).toBe(1000)
    expect(closeOffset({ resource: 'contact', maxLimit: 50 }).maxLimit).toBe(50)
    for (const options of [{ resource: 'deal' }, { resource: 'deal', maxLimit: 50 }]) {
      expect(() => closeOffset(options as never)).toThrow(
        expect.objectContaining({ name: 'InvalidOptionError', option: 'resource' }),
      )
    }
    expect(() => closeOffset({ maxLimit: 0 })).toThrow(
      '[pagewise] closeOffset(close.offset): option "maxLimit" must be a positive integer, received 0 (a number).',
    )
    expect(() => closeOffset({ maxSkip: 1.5 })).toThrow(
      '[pagewise] closeOffset(close.offset): option "maxSkip" must be a non-negative integer, received 1.5 (a number).',
    )
  })

  it('reads data, has_more and total_results', () => {
    const page = { data: leads(0, 100), has_more: true, total_results: 2500 }
    expect(adapter.getItems(page)).toHaveLength(100)
    expect(adapter.getTotal?.(page)).toBe(2500)
    expect(adapter.getTotal?.({ data: [], has_more: false })).toBeUndefined()
  })

  it('reads total_results sent as a string of digits, and goes on past a total that does not read', () => {
    expect(adapter.getTotal?.({ data: [], has_more: false, total_results: '2500' as never })).toBe(2500)
    const page = { data: leads(0, 100), has_more: true, total_results: 'many' as never }
    expect(readListPage(adapter, page, 0)).toEqual({ items: page.data, nextPageParam: 100 })
  })

  it('advances _skip by the number of items received while has_more is true', () => {
    const page = { data: leads(0, 97), has_more: true }
    expect(adapter.getNextPageParam(page, [page], 0, [0])).toBe(97)
    const last = { data: leads(97, 3), has_more: false }
    expect(adapter.getNextPageParam(last, [page, last], 97, [0, 97])).toBeUndefined()
  })

  it('gives random access for pagers', () => {
    expect(adapter.pageParamAt?.(3, 50)).toBe(150)
  })

  it.each([
    ['data missing', { has_more: false }, 'data', undefined],
    ['data not an array', { data: { id: 1 }, has_more: false }, 'data', { id: 1 }],
    ['has_more missing', { data: [] }, 'has_more', undefined],
    ['has_more a string', { data: [], has_more: 'yes' }, 'has_more', 'yes'],
    [
      'total_results not a count',
      { data: [], has_more: false, total_results: '1.5' },
      'total_results',
      '1.5',
    ],
  ])('throws MalformedResponseError naming the field when %s', (_case, response, field, received) => {
    const read = () => {
      adapter.getNextPageParam(response as never, [], 0, [0])
      adapter.getTotal?.(response as never)
    }
    expect(read).toThrow(MalformedResponseError)
    try {
      read()
    } catch (error) {
      expect(error).toMatchObject({ adapterId: 'close.offset', field, received })
      expect((error as Error).message).toContain(`close.offset: expected "${field}"`)
    }
  })

  it.each([
    ['an HTML error page', '<!DOCTYPE html><html><title>502 Bad Gateway</title></html>', '"<!DOCTYPE html>'],
    ['null', null, 'null'],
    ['an array', [lead(1)], 'an array of 1'],
  ])('rejects a response that is %s', (_case, response, shown) => {
    expect(() => adapter.getItems(response as never)).toThrow(
      expect.objectContaining({
        name: 'MalformedResponseError',
        field: '$',
        message: expect.stringContaining(shown),
      }),
    )
  })

  it('refuses has_more: true with an empty page instead of looping', () => {
    const page = { data: [], has_more: true }
    expect(() => adapter.getNextPageParam(page, [page], 300, [0, 300])).toThrow(CursorLoopError)
    expect(() => adapter.getNextPageParam(page, [page], 300, [0, 300])).toThrow(/close\.offset.*empty page/)
  })

  it('refuses to request a _skip Close would refuse, after reading the page before it', () => {
    const small = closeOffset<Lead>({ maxSkip: 1000 })
    const page = { data: leads(0, 100), has_more: true }
    expect(small.getNextPageParam(page, [page], 900, [900])).toBe(1000)
    expect(small.toRequest(1000, 100)).toEqual({ query: { _skip: '1000', _limit: '100' } })
    expect(small.getNextPageParam(page, [page], 1000, [1000])).toBe(1100)
    const error = (() => {
      try {
        small.toRequest(1100, 100)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(OffsetLimitError)
    expect(error).toMatchObject({ adapterId: 'close.offset', field: '_skip', offset: 1100, maxOffset: 1000 })
    expect((error as Error).message).toMatch(
      /_skip=1100, past the API's maximum of 1000\. Close refuses deeper offsets/,
    )
  })
})

describe('closeKeysetOffset', () => {
  type Dated = { id: string; date_created: string }
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12) + minute * 60_000).toISOString()
  /** `count` records, newest first, created one minute apart from minute `from` down. */
  const dated = (from: number, count: number, prefix = 'lead'): Dated[] =>
    Array.from({ length: count }, (_, i) => ({ id: `${prefix}_${from - i}`, date_created: at(from - i) }))
  const strict = closeKeysetOffset<Dated>({
    maxSkip: 100,
    keyset: { field: 'date_created', param: 'date_created__lt' },
  })
  const inclusive = closeKeysetOffset<Dated>({
    maxSkip: 100,
    keyset: { field: 'date_created', param: 'date_created__lte' },
  })
  const first = { skip: 0, below: null, windowStart: 0 }

  it('is a sequential list with its own id, so its pages never mix with plain offset pages in the cache', () => {
    expect(strict).toMatchObject({
      id: 'close.offsetKeyset',
      kind: 'cursor',
      initialPageParam: first,
      defaultLimit: 100,
      maxLimit: 200,
    })
    expect(strict.pageParamAt).toBeUndefined()
  })

  it('sends only _skip and _limit in the first window, and the filter in later ones', () => {
    expect(strict.toRequest(first, 500)).toEqual({ query: { _skip: '0', _limit: '200' } })
    expect(strict.toRequest({ skip: 50, below: at(7), windowStart: 90 }, 50)).toEqual({
      query: { _skip: '50', _limit: '50', date_created__lt: at(7) },
    })
  })

  it('advances _skip up to maxSkip, then starts a window below the edge at _skip=0', () => {
    const page1 = { data: dated(59, 50), has_more: true }
    expect(strict.getNextPageParam(page1, [page1], first, [first])).toEqual({
      ...first,
      skip: 50,
      tail: { value: at(10), count: 1, above: at(11) },
    })
    const page2 = { data: dated(9, 50), has_more: true }
    const params = [first, { ...first, skip: 50 }, { ...first, skip: 100 }]
    const page3 = { data: dated(-41, 50), has_more: true }
    const pages = [page1, page2, page3]
    // The next _skip (150) is past maxSkip. `__lt`: below the value just above the last record, which comes again.
    expect(strict.getNextPageParam(page3, pages, params[2]!, params)).toEqual({
      skip: 0,
      below: page3.data[48]!.date_created,
      windowStart: 149,
    })
    // `__lte`: at the last record's value.
    expect(inclusive.getNextPageParam(page3, pages, params[2]!, params)).toEqual({
      skip: 0,
      below: page3.data[49]!.date_created,
      windowStart: 149,
    })
    const last = { data: dated(-41, 10), has_more: false }
    expect(strict.getNextPageParam(last, [last], first, [first])).toBeUndefined()
  })

  it('goes on with a numeric field and counts every record on the edge value', () => {
    type Numbered = { id: string; seq: number }
    const adapter = closeKeysetOffset<Numbered>({ maxSkip: 0, keyset: { field: 'seq', param: 'seq__lte' } })
    const page = { data: [9, 8, 8, 8].map((seq, i) => ({ id: `n${i}`, seq })), has_more: true }
    const next = adapter.getNextPageParam(page, [page], first, [first])
    expect(next).toEqual({ skip: 0, below: 8, windowStart: 1 })
    expect(adapter.toRequest(next!, 4).query.seq__lte).toBe('8')
  })

  it('shifts total_results of a later window by the records above it, read from the page param', () => {
    const opportunities = closeKeysetOffset<Dated>({
      resource: 'opportunity',
      maxSkip: 100,
      keyset: { field: 'date_created', param: 'date_created__lt' },
    })
    // getTotal(response, pageParam): the param says which window the page is in.
    const window = { skip: 0, below: at(5), windowStart: 149 }
    const page = { data: dated(4, 50), has_more: true, total_results: 51 }
    expect(opportunities.getTotal?.(page, window)).toBe(200)
    expect(opportunities.getTotal?.(page, first)).toBe(51)
    expect(opportunities.getTotal?.({ data: [], has_more: false, total_results: 7 })).toBe(7)
    expect(opportunities.getTotal?.({ data: [], has_more: false, total_results: '7' as never }, window)).toBe(
      156,
    )
    expect(opportunities.getTotal?.({ data: [], has_more: false }, window)).toBeUndefined()
    expect(readListPage(opportunities, page, window)).toMatchObject({ total: 200 })
  })

  it('finds the next window from the last page and its param alone, across a run of equal values', () => {
    // Records 0…249 in pages of 50 (maxSkip 200); 180…249 share one date_created: the run spans the last two pages.
    const shared = at(-200)
    const records = Array.from({ length: 250 }, (_, i) => ({
      id: `lead_${i}`,
      date_created: i >= 180 ? shared : at(-i),
    }))
    const keyset = (param: string) =>
      closeKeysetOffset<Dated>({ maxSkip: 200, keyset: { field: 'date_created', param } })
    for (const [adapter, below] of [
      [keyset('date_created__lt'), at(-179)],
      [keyset('date_created__lte'), shared],
    ] as const) {
      let param: CloseKeysetParam | undefined = first
      for (let skip = 0; skip <= 200; skip += 50) {
        const page = { data: records.slice(skip, skip + 50), has_more: true }
        // Only this page and its param: as pagewise's query function reads each page.
        param = adapter.getNextPageParam(page, [page], param!, [param!])
      }
      // 70 records sit on the edge value: the next window starts with them, so 180 records come before it.
      expect(param).toEqual({ skip: 0, below, windowStart: 180 })
    }
  })

  it('pages back within a window only', () => {
    const page = { data: dated(9, 50), has_more: true }
    const param = { skip: 50, below: at(30), windowStart: 10 }
    expect(strict.getPreviousPageParam?.(page, [page], param, [param])).toEqual({ ...param, skip: 0 })
    expect(strict.getPreviousPageParam?.(page, [page], { ...param, skip: 0 }, [param])).toBeUndefined()
  })

  it('refuses a window it cannot leave, all of it on one value, with OffsetLimitError rather than a loop', () => {
    const tied = Array.from({ length: 101 }, (_, i) => ({ id: `t${i}`, date_created: at(3) }))
    const page = { data: tied, has_more: true }
    const message = `More records share date_created = "${at(3)}" than one window of _skip holds`
    // `__lt` finds no value above the edge to filter below.
    expect(() => strict.getNextPageParam(page, [page], first, [first])).toThrow(OffsetLimitError)
    expect(() => strict.getNextPageParam(page, [page], first, [first])).toThrow(message)
    // `__lte` tries `<= at(3)` once; that window holds the same records and would need the same filter again.
    const window = inclusive.getNextPageParam(page, [page], first, [first])
    expect(window).toEqual({ skip: 0, below: at(3), windowStart: 0 })
    const pages = [page, page]
    expect(() => inclusive.getNextPageParam(page, pages, window!, [first, window!])).toThrow(message)
  })

  it('rejects records out of order or without the field, naming the record', () => {
    const unordered = { data: [...dated(9, 100), ...dated(50, 1, 'late')], has_more: true }
    expect(() => strict.getNextPageParam(unordered, [unordered], first, [first])).toThrow(
      expect.objectContaining({
        name: 'MalformedResponseError',
        field: 'data[100].date_created',
        message: expect.stringContaining('ordered by date_created, newest first'),
      }),
    )
    const window = { skip: 0, below: at(1), windowStart: 5 }
    expect(() => strict.getNextPageParam('<html>' as never, [], window, [window])).toThrow(
      expect.objectContaining({
        name: 'MalformedResponseError',
        field: '$',
        adapterId: 'close.offsetKeyset',
      }),
    )
    const bare = { data: leads(0, 101), has_more: true }
    expect(() => strict.getNextPageParam(bare as never, [bare as never], first, [first])).toThrow(
      expect.objectContaining({ name: 'MalformedResponseError', field: 'data[0].date_created' }),
    )
  })

  it('validates its options, naming closeKeysetOffset', () => {
    const make = (keyset: unknown) => () => closeKeysetOffset({ keyset: keyset as never })
    expect(make({ field: '', param: 'date_created__lt' })).toThrow(
      expect.objectContaining({ name: 'InvalidOptionError', option: 'keyset.field' }),
    )
    expect(make({ field: 'date_created' })).toThrow(expect.objectContaining({ option: 'keyset.param' }))
    expect(make({ field: 'date_created', param: 'x', inclusive: 'yes' })).toThrow(
      expect.objectContaining({ option: 'keyset.inclusive' }),
    )
    expect(make('date_created')).toThrow(expect.objectContaining({ option: 'keyset' }))
    expect(() => closeKeysetOffset(undefined as never)).toThrow(
      expect.objectContaining({ name: 'InvalidOptionError', option: 'keyset' }),
    )
    const keyset = { field: 'date_created', param: 'date_created__lt' }
    expect(() => closeKeysetOffset({ keyset, resource: 'deal' as never })).toThrow(
      expect.objectContaining({ option: 'resource', message: expect.stringContaining('closeKeysetOffset') }),
    )
    expect(() => closeKeysetOffset({ keyset, maxSkip: -1 })).toThrow(
      expect.objectContaining({ option: 'maxSkip', message: expect.stringContaining('closeKeysetOffset') }),
    )
    expect(() => closeKeysetOffset({ keyset, maxLimit: 0 })).toThrow(
      expect.objectContaining({ option: 'maxLimit', message: expect.stringContaining('closeKeysetOffset') }),
    )
  })

  it('is refused by closeOffset, in development, with the factory to call instead', () => {
    const keyset = { field: 'date_created', param: 'date_created__lt' }
    const oldStyle = () => closeOffset({ keyset } as never)
    expect(oldStyle).toThrow(expect.objectContaining({ name: 'InvalidOptionError', option: 'keyset' }))
    expect(oldStyle).toThrow(
      /^\[pagewise\] closeOffset: option "keyset" must be absent: .*closeKeysetOffset\(\{ keyset/,
    )
  })

  it('leaves the plain adapter as it was', () => {
    const plain = closeOffset<Lead>({ maxSkip: 100 })
    expect(plain).toMatchObject({ id: 'close.offset', kind: 'offset', initialPageParam: 0 })
    expect(plain.toRequest(100, 100)).toEqual({ query: { _skip: '100', _limit: '100' } })
    expect(() => plain.toRequest(200, 100)).toThrow(OffsetLimitError)
  })
})

describe('closeEventsCursor', () => {
  const adapter = closeEventsCursor<{ id: string }>()

  it('sends _cursor and _limit, at most 50, and no cursor on the first page', () => {
    expect(adapter).toMatchObject({
      id: 'close.eventsCursor',
      kind: 'cursor',
      initialPageParam: null,
      maxLimit: 50,
    })
    expect(adapter.toRequest(null, 50)).toEqual({ query: { _limit: '50' } })
    expect(adapter.toRequest('abc', 500)).toEqual({ query: { _cursor: 'abc', _limit: '50' } })
    expect(adapter.toRequest('abc', 10).query).not.toHaveProperty('_skip')
  })

  it('follows cursor_next and ends on null', () => {
    const page = { data: [{ id: 'ev_1' }], cursor_next: 'c2', cursor_previous: null }
    expect(adapter.getNextPageParam(page, [page], null, [null])).toBe('c2')
    const last = { data: [{ id: 'ev_2' }], cursor_next: null, cursor_previous: 'c1' }
    expect(adapter.getNextPageParam(last, [page, last], 'c2', [null, 'c2'])).toBeUndefined()
  })

  it('pages backwards with cursor_previous', () => {
    const page = { data: [], cursor_next: null, cursor_previous: 'newer' }
    expect(adapter.getPreviousPageParam?.(page, [page], 'x', ['x'])).toBe('newer')
  })

  it('throws CursorLoopError when the API repeats a cursor', () => {
    const page = { data: [{ id: 'ev_1' }], cursor_next: 'c2', cursor_previous: null }
    expect(() => adapter.getNextPageParam(page, [page, page], 'c2', [null, 'c2'])).toThrow(
      expect.objectContaining({ name: 'CursorLoopError', reason: 'repeated-param', pageParam: 'c2' }),
    )
  })

  it('rejects a cursor that is neither a string nor null', () => {
    const page = { data: [], cursor_next: 42, cursor_previous: null }
    expect(() => adapter.getNextPageParam(page as never, [], null, [null])).toThrow(
      expect.objectContaining({ field: 'cursor_next', received: 42, adapterId: 'close.eventsCursor' }),
    )
    const missing = { data: [] }
    expect(() => adapter.getNextPageParam(missing as never, [], null, [null])).toThrow(/"cursor_next"/)
  })
})

describe('closeSearchCursor', () => {
  const adapter = closeSearchCursor<Lead>()

  it('puts cursor and _limit in the JSON body, cursor: null on the first page', () => {
    expect(adapter).toMatchObject({
      id: 'close.searchCursor',
      kind: 'cursor',
      defaultLimit: 100,
      maxLimit: 200,
    })
    expect(adapter.toRequest(null, 100)).toEqual({ query: {}, body: { cursor: null, _limit: 100 } })
    expect(adapter.toRequest('next', 1000)).toEqual({ query: {}, body: { cursor: 'next', _limit: 200 } })
  })

  it('follows the response cursor and ends on null', () => {
    const page = { data: leads(0, 2), cursor: 'c2' }
    expect(adapter.getNextPageParam(page, [page], null, [null])).toBe('c2')
    expect(adapter.getNextPageParam({ data: [], cursor: null }, [], 'c2', [null, 'c2'])).toBeUndefined()
  })
})
