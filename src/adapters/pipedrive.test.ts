import { describe, expect, it } from 'vitest'
import { CursorLoopError, MalformedResponseError } from '../core/errors'
import { readListPage } from '../core/listPage'
import { pipedriveCursor, pipedriveOffset } from './pipedrive'
import type { PipedriveCursorResponse, PipedriveOffsetResponse } from './pipedrive'

type Note = { id: number; content: string }
const notes = (from: number, count: number): Note[] =>
  Array.from({ length: count }, (_, i) => ({ id: from + i, content: `<p>Note ${from + i}</p>` }))
/** A v1 page; `pagination` may hold deliberately wrong values, hence the cast. */
const offsetPage = (data: Note[] | null, pagination: Record<string, unknown>) =>
  ({
    success: true,
    data,
    additional_data: { pagination: { start: 0, limit: 100, ...pagination } },
  }) as PipedriveOffsetResponse<Note>

describe('pipedriveOffset', () => {
  const adapter = pipedriveOffset<Note>()

  it('sends start and limit, clamped to 500', () => {
    expect(adapter).toMatchObject({
      id: 'pipedrive.offset',
      kind: 'offset',
      defaultLimit: 100,
      maxLimit: 500,
    })
    expect(adapter.toRequest(0, 100)).toEqual({ query: { start: '0', limit: '100' } })
    expect(adapter.toRequest(500, 9999)).toEqual({ query: { start: '500', limit: '500' } })
    expect(pipedriveOffset({ maxLimit: 50 }).toRequest(0, 100).query.limit).toBe('50')
  })

  it('follows next_start while more_items_in_collection is true', () => {
    const page = offsetPage(notes(0, 100), { more_items_in_collection: true, next_start: 100 })
    expect(adapter.getNextPageParam(page, [page], 0, [0])).toBe(100)
    const last = offsetPage(notes(100, 20), { start: 100, more_items_in_collection: false })
    expect(adapter.getNextPageParam(last, [page, last], 100, [0, 100])).toBeUndefined()
  })

  it('reads data: null as an empty page, not an error', () => {
    const empty = offsetPage(null, { more_items_in_collection: false })
    expect(adapter.getItems(empty)).toEqual([])
    expect(adapter.getNextPageParam(empty, [empty], 0, [0])).toBeUndefined()
  })

  it.each([
    [
      'data missing',
      { success: true, additional_data: { pagination: { more_items_in_collection: false } } },
      'data',
    ],
    [
      'more_items_in_collection missing',
      { success: true, data: [], additional_data: { pagination: {} } },
      'additional_data.pagination.more_items_in_collection',
    ],
    [
      'pagination missing',
      { success: true, data: [], additional_data: {} },
      'additional_data.pagination.more_items_in_collection',
    ],
    [
      'next_start missing while more items exist',
      offsetPage(notes(0, 1), { more_items_in_collection: true }),
      'additional_data.pagination.next_start',
    ],
    [
      'next_start negative',
      offsetPage(notes(0, 1), { more_items_in_collection: true, next_start: -1 }),
      'additional_data.pagination.next_start',
    ],
    [
      'next_start not an integer',
      offsetPage(notes(0, 1), { more_items_in_collection: true, next_start: '100' }),
      'additional_data.pagination.next_start',
    ],
    ['additional_data a string', { success: true, data: [], additional_data: 'oops' }, 'additional_data'],
  ])('throws MalformedResponseError for %s', (_case, response, field) => {
    expect(() => adapter.getNextPageParam(response as never, [], 0, [0])).toThrow(
      expect.objectContaining({ name: 'MalformedResponseError', adapterId: 'pipedrive.offset', field }),
    )
  })

  it('refuses a next_start that does not advance', () => {
    const page = offsetPage(notes(100, 100), { start: 100, more_items_in_collection: true, next_start: 100 })
    expect(() => adapter.getNextPageParam(page, [page], 100, [0, 100])).toThrow(CursorLoopError)
  })

  it('refuses more_items_in_collection with an empty page', () => {
    const page = offsetPage(null, { more_items_in_collection: true, next_start: 100 })
    expect(() => adapter.getNextPageParam(page, [page], 0, [0])).toThrow(
      expect.objectContaining({ reason: 'no-progress', adapterId: 'pipedrive.offset' }),
    )
  })
})

describe('pipedriveCursor', () => {
  const adapter = pipedriveCursor<{ id: number }>()
  const page = (next: unknown, data: unknown = [{ id: 1 }]) => ({
    success: true,
    data,
    additional_data: { next_cursor: next },
  })

  it('sends cursor and limit, no cursor on the first page', () => {
    expect(adapter).toMatchObject({
      id: 'pipedrive.cursor',
      kind: 'cursor',
      initialPageParam: null,
      maxLimit: 500,
    })
    expect(adapter.toRequest(null, 100)).toEqual({ query: { limit: '100' } })
    expect(adapter.toRequest('eyJpZCI6N30', 700)).toEqual({ query: { cursor: 'eyJpZCI6N30', limit: '500' } })
    expect(adapter.getPreviousPageParam).toBeUndefined()
  })

  it('follows additional_data.next_cursor and ends on null', () => {
    expect(adapter.getNextPageParam(page('abc') as never, [], null, [null])).toBe('abc')
    expect(adapter.getNextPageParam(page(null) as never, [], 'abc', [null, 'abc'])).toBeUndefined()
  })

  it('rejects a numeric cursor, naming the full path', () => {
    const error = (() => {
      try {
        adapter.getNextPageParam(page(7) as never, [], null, [null])
      } catch (caught) {
        return caught as MalformedResponseError
      }
    })()
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(error?.field).toBe('additional_data.next_cursor')
    expect(error?.message).toBe(
      '[pagewise] pipedrive.cursor: expected "additional_data.next_cursor" to be a string or null, received 7 (a number).',
    )
  })

  it('throws CursorLoopError on a repeated cursor', () => {
    expect(() => adapter.getNextPageParam(page('abc') as never, [], 'abc', [null, 'abc'])).toThrow(
      CursorLoopError,
    )
  })

  it("reads an answer without additional_data as the last page (Pipedrive's SDK tests answer v2 lists so)", () => {
    const sdkAnswer = { success: true, data: [{ id: 1 }] } as PipedriveCursorResponse<{ id: number }>
    expect(adapter.getItems(sdkAnswer)).toEqual([{ id: 1 }])
    expect(adapter.getNextPageParam(sdkAnswer, [sdkAnswer], null, [null])).toBeUndefined()
    expect(readListPage(adapter, sdkAnswer, 'abc')).toEqual({ items: [{ id: 1 }] })
    const nulled = { success: true, data: [], additional_data: null } as never
    expect(adapter.getNextPageParam(nulled, [nulled], 'abc', ['abc'])).toBeUndefined()
  })

  it.each([
    ['next_cursor missing', {}, 'additional_data.next_cursor', 'a string or null'],
    ['next_cursor an object', { next_cursor: { id: 7 } }, 'additional_data.next_cursor', 'a string or null'],
    [
      'a v1 offset answer',
      { pagination: { start: 0, limit: 100, more_items_in_collection: true, next_start: 100 } },
      'additional_data.next_cursor',
      expect.stringContaining('an offset endpoint, read by pipedriveOffset()'),
    ],
    ['additional_data a string', 'oops', 'additional_data', 'an object'],
    ['additional_data an array', [], 'additional_data', 'an object'],
  ])(
    'still throws MalformedResponseError when additional_data is there but unreadable: %s',
    (_case, additionalData, field, expected) => {
      const answer = { success: true, data: [{ id: 1 }], additional_data: additionalData }
      expect(() => adapter.getNextPageParam(answer as never, [], null, [null])).toThrow(
        expect.objectContaining({
          name: 'MalformedResponseError',
          adapterId: 'pipedrive.cursor',
          field,
          expected,
        }),
      )
    },
  )
})
