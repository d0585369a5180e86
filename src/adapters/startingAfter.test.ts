import { describe, expect, it } from 'vitest'
import { CursorLoopError, InvalidOptionError, MalformedResponseError } from '../core/errors'
import { startingAfterAdapter } from './startingAfter'
import type { StartingAfterParam, StripeListResponse } from './startingAfter'
import { errorOf } from '../../test/errorOf'

type Customer = { id: string; email: string }
const customer = (n: number): Customer => ({ id: `cus_${n}`, email: `c${n}@example.com` })
/** Customers `from` down to `from - count + 1`: Stripe lists newest first. */
const customers = (from: number, count: number) => Array.from({ length: count }, (_, i) => customer(from - i))
const page = (data: Customer[], hasMore: boolean): StripeListResponse<Customer> => ({
  object: 'list',
  url: '/v1/customers',
  has_more: hasMore,
  data,
})

describe('startingAfterAdapter', () => {
  const adapter = startingAfterAdapter<Customer>()

  it('describes Stripe list pagination: limit 10 by default, at most 100', () => {
    expect(adapter).toMatchObject({
      id: 'stripe.startingAfter',
      kind: 'cursor',
      initialPageParam: null,
      defaultLimit: 10,
      maxLimit: 100,
    })
    expect(startingAfterAdapter({ maxLimit: 5 })).toMatchObject({ defaultLimit: 5, maxLimit: 5 })
  })

  it('sends limit, then starting_after or ending_before, never both, and clamps the limit', () => {
    expect(adapter.toRequest(null, 10)).toEqual({ query: { limit: '10' } })
    expect(adapter.toRequest({ startingAfter: 'cus_9' }, 500)).toEqual({
      query: { limit: '100', starting_after: 'cus_9' },
    })
    expect(adapter.toRequest({ endingBefore: 'cus_9' }, 25)).toEqual({
      query: { limit: '25', ending_before: 'cus_9' },
    })
  })

  it('follows the id of the last record while has_more is true, and stops when it is false', () => {
    const first = page(customers(100, 10), true)
    expect(adapter.getItems(first)).toHaveLength(10)
    expect(adapter.getNextPageParam(first, [first], null, [null])).toEqual({ startingAfter: 'cus_91' })
    const last = page(customers(90, 3), false)
    expect(
      adapter.getNextPageParam(last, [first, last], { startingAfter: 'cus_91' }, [
        null,
        { startingAfter: 'cus_91' },
      ]),
    ).toBeUndefined()
    // An empty list is one empty page with has_more: false.
    expect(adapter.getNextPageParam(page([], false), [], null, [null])).toBeUndefined()
  })

  it('goes back with ending_before the first record, until a page read backwards has no more before it', () => {
    const forward = page(customers(80, 10), true)
    expect(adapter.getPreviousPageParam?.(forward, [forward], { startingAfter: 'cus_81' }, [])).toEqual({
      endingBefore: 'cus_80',
    })
    // ending_before=cus_80 answers cus_90…cus_81, still newest first; has_more: records precede cus_90.
    const back = page(customers(90, 10), true)
    const params: StartingAfterParam[] = [{ endingBefore: 'cus_80' }, { startingAfter: 'cus_81' }]
    expect(adapter.getPreviousPageParam?.(back, [back, forward], { endingBefore: 'cus_80' }, params)).toEqual(
      { endingBefore: 'cus_90' },
    )
    const head = page(customers(100, 10), false)
    expect(adapter.getPreviousPageParam?.(head, [head], { endingBefore: 'cus_90' }, [])).toBeUndefined()
    // The first page of the list has nothing before it; an empty page read forwards has no id to end before.
    expect(adapter.getPreviousPageParam?.(head, [head], null, [null])).toBeUndefined()
    expect(
      adapter.getPreviousPageParam?.(page([], false), [], { startingAfter: 'cus_1' }, []),
    ).toBeUndefined()
  })

  it('after a page read backwards, the next page starts after its last record whatever has_more says', () => {
    // has_more on a backwards page is about the records before it: after it come the records it ended before.
    const back = page(customers(90, 10), false)
    expect(
      adapter.getNextPageParam(back, [back], { endingBefore: 'cus_80' }, [{ endingBefore: 'cus_80' }]),
    ).toEqual({ startingAfter: 'cus_81' })
    expect(
      adapter.getNextPageParam(page([], false), [], { endingBefore: 'cus_100' }, [
        { endingBefore: 'cus_100' },
      ]),
    ).toBeUndefined()
  })

  it('keeps the direction in the page param, so the same id both ways is not a repeated cursor', () => {
    const back = page(customers(90, 10), true)
    const params: StartingAfterParam[] = [{ startingAfter: 'cus_91' }]
    expect(adapter.getPreviousPageParam?.(back, [back], { startingAfter: 'cus_91' }, params)).toEqual({
      endingBefore: 'cus_90',
    })
  })

  it('throws CursorLoopError for an id already requested and for has_more: true on an empty page', () => {
    const repeated = page(customers(91, 1), true)
    const params: StartingAfterParam[] = [null, { startingAfter: 'cus_91' }]
    expect(() => adapter.getNextPageParam(repeated, [], { startingAfter: 'cus_91' }, params)).toThrow(
      expect.objectContaining({ name: 'CursorLoopError', reason: 'repeated-param' }),
    )
    const empty = page([], true)
    const error = errorOf(() => adapter.getNextPageParam(empty, [], { startingAfter: 'cus_5' }, []))
    expect(error).toBeInstanceOf(CursorLoopError)
    expect(error).toMatchObject({ reason: 'no-progress', adapterId: 'stripe.startingAfter' })
    expect((error as Error).message).toContain('has_more is true on an empty page')
    expect(() => adapter.getPreviousPageParam?.(empty, [], { endingBefore: 'cus_5' }, [])).toThrow(
      CursorLoopError,
    )
  })

  it.each([
    ['data missing', { has_more: false }, 'data', undefined],
    ['data an object', { data: { id: 'cus_1' }, has_more: false }, 'data', { id: 'cus_1' }],
    ['has_more missing', { data: [] }, 'has_more', undefined],
    ['has_more a string', { data: [customer(1)], has_more: 'true' }, 'has_more', 'true'],
    [
      'the last record without an id',
      { data: [customer(2), { email: 'x' }], has_more: true },
      'data[1].id',
      undefined,
    ],
    ['the last record with a numeric id', { data: [{ id: 42 }], has_more: true }, 'data[0].id', 42],
    ['the last record with an empty id', { data: [{ id: '' }], has_more: true }, 'data[0].id', ''],
    ['the last record null', { data: [null], has_more: true }, 'data[0]', null],
  ])('throws MalformedResponseError naming the field when %s', (_case, response, field, received) => {
    const error = errorOf(() => adapter.getNextPageParam(response as never, [], null, [null]))
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(error).toMatchObject({ adapterId: 'stripe.startingAfter', field, received })
    expect((error as Error).message).toContain(`stripe.startingAfter: expected "${field}"`)
  })

  it('names the 100th record when it is the one without an id', () => {
    const data: unknown[] = customers(100, 99)
    data.push({ object: 'customer' })
    const error = errorOf(() => adapter.getNextPageParam(page(data as Customer[], true), [], null, [null]))
    expect(error).toMatchObject({ name: 'MalformedResponseError', field: 'data[99].id' })
  })

  it('reads the first id when going back, and names it when it is missing', () => {
    const response = page([{ email: 'x' } as never, customer(1)], true)
    expect(() => adapter.getPreviousPageParam?.(response, [], { endingBefore: 'cus_0' }, [])).toThrow(
      expect.objectContaining({ field: 'data[0].id' }),
    )
  })

  it.each([
    ['an HTML page', '<!DOCTYPE html><html></html>'],
    ['null', null],
    ['an array', [customer(1)]],
  ])('rejects a response that is %s', (_case, response) => {
    expect(() => adapter.getItems(response as never)).toThrow(expect.objectContaining({ field: '$' }))
  })

  it('reads Stripe-style lists with other names: items, flag, id field, getId and parameter names', () => {
    type Run = { run_id: string }
    const openAi = startingAfterAdapter<Run, { runs: Run[]; more: boolean }>({
      id: 'acme.runs',
      items: 'runs',
      hasMore: 'more',
      idField: 'run_id',
      startingAfterParam: 'after',
      endingBeforeParam: 'before',
      limitParam: 'page_size',
    })
    expect(openAi.toRequest({ startingAfter: 'r2' }, 20)).toEqual({ query: { page_size: '20', after: 'r2' } })
    expect(openAi.toRequest({ endingBefore: 'r2' }, 20)).toEqual({ query: { page_size: '20', before: 'r2' } })
    const runs = { runs: [{ run_id: 'r1' }, { run_id: 'r2' }], more: true }
    expect(openAi.getNextPageParam(runs, [runs], null, [null])).toEqual({ startingAfter: 'r2' })
    expect(() =>
      openAi.getNextPageParam({ runs: [{ id: 'r1' }] as never, more: true }, [], null, [null]),
    ).toThrow(expect.objectContaining({ adapterId: 'acme.runs', field: 'runs[0].run_id' }))

    const nested = startingAfterAdapter<{ ref: { key: number } }>({ getId: (item) => `k${item.ref.key}` })
    const refs = { object: 'list' as const, url: '', has_more: true, data: [{ ref: { key: 7 } }] }
    expect(nested.getNextPageParam(refs, [refs], null, [null])).toEqual({ startingAfter: 'k7' })
    const bad = startingAfterAdapter<{ key: number }>({ getId: (item) => item.key })
    expect(() =>
      bad.getNextPageParam({ object: 'list', url: '', has_more: true, data: [{ key: 7 }] }, [], null, [null]),
    ).toThrow(expect.objectContaining({ field: 'getId(data[0])', received: 7 }))
  })

  it('checks the options it is given', () => {
    expect(() => startingAfterAdapter({ getId: 'id' as never })).toThrow(InvalidOptionError)
    expect(() => startingAfterAdapter({ idField: '' })).toThrow(
      expect.objectContaining({ option: 'idField', name: 'InvalidOptionError' }),
    )
    expect(() => startingAfterAdapter({ startingAfterParam: 3 as never })).toThrow(InvalidOptionError)
    expect(() => startingAfterAdapter({ defaultLimit: 101 })).toThrow(
      expect.objectContaining({ option: 'defaultLimit' }),
    )
    expect(() => startingAfterAdapter({ id: '' })).toThrow(expect.objectContaining({ option: 'id' }))
  })
})
