import { describe, expect, it } from 'vitest'
import { simulatedRequest as request } from '../../test/conformanceReport'
import { SimulatedList } from './conformanceScenario'
import { cursorServer, offsetServer } from './simulatedServer'

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
