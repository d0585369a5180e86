import { describe, expect, it } from 'vitest'
import type { PageRequest } from '../core/types'
import { closeEventsServer, closeOffsetServer, closeSearchServer } from './closeServers'
import { cursorServer } from './cursorServer'
import { offsetServer } from './offsetServer'
import { pipedriveCursorServer, pipedriveOffsetServer } from './pipedriveServers'
import { SimulatedList } from './simulatedList'
import type { SimulatedPage } from './simulatedServer'

const request = (query: Record<string, string>, body?: Record<string, unknown>): PageRequest<unknown> => ({
  pageParam: null,
  limit: 0,
  query,
  ...(body ? { body } : {}),
  signal: new AbortController().signal,
})

const page = (overrides: Partial<SimulatedPage> = {}): SimulatedPage => ({
  records: [{ id: 'rec-0' }, { id: 'rec-1' }],
  offset: 0,
  limit: 2,
  hasMore: true,
  nextOffset: 2,
  nextCursor: 'after:rec-1',
  cursor: null,
  total: undefined,
  request: request({}),
  ...overrides,
})

describe('offsetServer', () => {
  const server = offsetServer({
    name: 'Test',
    offsetParam: '_skip',
    limitParam: '_limit',
    respond: () => ({}),
  })

  it('reads the offset and the page size from the query', () => {
    expect(server.readRequest(request({ _skip: '200', _limit: '100' }))).toEqual({ offset: 200, limit: 100 })
  })

  it.each([
    [{ _limit: '100' }, 'the query has no "_skip"'],
    [{ _skip: '-1', _limit: '100' }, '"_skip" is "-1", not an integer of at least 0'],
    [{ _skip: '1.5', _limit: '100' }, '"_skip" is "1.5", not an integer of at least 0'],
    [{ _skip: '0', _limit: '0' }, '"_limit" is "0", not an integer of at least 1'],
  ])('refuses the query %o', (query, message) => {
    expect(() => server.readRequest(request(query))).toThrow(message)
  })

  it('turns page numbers into offsets and reads JSON bodies', () => {
    const pages = offsetServer({ name: 'Pages', offsetParam: 'page', unit: 'page', respond: () => ({}) })
    expect(pages.readRequest(request({ page: '3', limit: '50' }))).toEqual({ offset: 100, limit: 50 })
    expect(() => pages.readRequest(request({ page: '0', limit: '50' }))).toThrow('"page" is "0"')
    expect(pages.shortPages).toBe(false)
    const body = offsetServer({ name: 'Body', placement: 'body', respond: () => ({}) })
    expect(body.readRequest(request({}, { offset: 40, limit: 20 }))).toEqual({ offset: 40, limit: 20 })
    expect(() => body.readRequest(request({ offset: '40', limit: '20' }))).toThrow(
      'the request has no JSON body',
    )
  })
})

describe('cursorServer', () => {
  const server = cursorServer({ name: 'Test', respond: () => ({}) })

  it('reads an absent or null cursor as the first page', () => {
    expect(server.readRequest(request({ limit: '10' }))).toEqual({ cursor: null, limit: 10 })
    const body = cursorServer({ name: 'Body', placement: 'body', respond: () => ({}) })
    expect(body.readRequest(request({}, { cursor: null, limit: 10 }))).toEqual({ cursor: null, limit: 10 })
    expect(() => body.readRequest(request({}, { cursor: 7, limit: 10 }))).toThrow(
      '"cursor" is 7, not a string',
    )
  })
})

describe('the built-in servers answer in their API’s shape', () => {
  it('Close offset: total_results only when the run reports a total', () => {
    expect(closeOffsetServer().respond(page())).toEqual({ data: page().records, has_more: true })
    expect(closeOffsetServer().respond(page({ total: 9, hasMore: false }))).toEqual({
      data: page().records,
      has_more: false,
      total_results: 9,
    })
    expect(closeOffsetServer().reportsTotal).toBe('sometimes')
  })

  it('Close events and search: the next cursor, null at the end', () => {
    expect(closeEventsServer().respond(page())).toEqual({
      data: page().records,
      cursor_next: 'after:rec-1',
      cursor_previous: null,
    })
    expect(closeSearchServer().respond(page({ hasMore: false, nextCursor: null }))).toEqual({
      data: page().records,
      cursor: null,
    })
    expect(closeSearchServer().readRequest(request({}, { cursor: 'after:rec-1', _limit: 2 }))).toEqual({
      cursor: 'after:rec-1',
      limit: 2,
    })
  })

  it('Pipedrive offset: data null on an empty page, next_start only while more follow', () => {
    expect(pipedriveOffsetServer().respond(page({ offset: 4, nextOffset: 6 }))).toEqual({
      success: true,
      data: page().records,
      additional_data: {
        pagination: { start: 4, limit: 2, more_items_in_collection: true, next_start: 6 },
      },
    })
    expect(pipedriveOffsetServer().respond(page({ records: [], hasMore: false }))).toEqual({
      success: true,
      data: null,
      additional_data: { pagination: { start: 0, limit: 2, more_items_in_collection: false } },
    })
  })

  it('Pipedrive cursor: additional_data.next_cursor', () => {
    expect(pipedriveCursorServer().respond(page())).toEqual({
      success: true,
      data: page().records,
      additional_data: { next_cursor: 'after:rec-1' },
    })
  })
})

describe('SimulatedList', () => {
  it('inserts at the head, newest first, and keyset cursors survive the inserts', () => {
    const list = new SimulatedList(3)
    const cursor = list.cursorAfter({ id: 'rec-0' })
    expect(list.positionAfter(cursor)).toBe(1)
    list.insertAtHead(2)
    expect(list.size).toBe(5)
    expect(list.inserted).toBe(2)
    expect(list.slice(0, 10).map((record) => record.id)).toEqual([
      'new-1',
      'new-0',
      'rec-0',
      'rec-1',
      'rec-2',
    ])
    expect(list.slice(3, 10).map((record) => record.id)).toEqual(['rec-1', 'rec-2'])
    expect(list.positionAfter(cursor)).toBe(3)
    expect(list.positionAfter(list.cursorAfter({ id: 'new-1' }))).toBe(1)
  })

  it('does not know cursors it never issued', () => {
    expect(new SimulatedList(3).positionAfter('after:rec-0')).toBeUndefined()
  })
})
