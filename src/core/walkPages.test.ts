import { describe, expect, it, vi } from 'vitest'
import { cursorAdapter } from '../adapters/cursorAdapter'
import { CursorLoopError } from './errors'
import type { PageRequest } from './types'
import { walkPages } from './walkPages'

type Page = { data: number[]; next: string | null }
const adapter = cursorAdapter<Page, number>({ id: 'test.cursor', nextCursor: 'next', maxLimit: 10 })

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const seen: T[] = []
  for await (const page of pages) seen.push(page)
  return seen
}

describe('walkPages', () => {
  it('walks from the first page to the last with clamped requests', async () => {
    const book: Record<string, Page> = {
      first: { data: [1, 2], next: 'b' },
      b: { data: [3, 4], next: 'c' },
      c: { data: [5], next: null },
    }
    const fetchPage = vi.fn(
      async (request: PageRequest<string | null>) => book[request.pageParam ?? 'first']!,
    )
    const pages = await collect(walkPages(adapter, fetchPage, { limit: 50 }))
    expect(pages.flatMap((page) => page.items)).toEqual([1, 2, 3, 4, 5])
    expect(fetchPage).toHaveBeenCalledTimes(3)
    expect(fetchPage.mock.calls.map(([request]) => request.query)).toEqual([
      { limit: '10' },
      { cursor: 'b', limit: '10' },
      { cursor: 'c', limit: '10' },
    ])
    expect(fetchPage.mock.calls[0]![0].limit).toBe(10)
  })

  it('stops with CursorLoopError, without handing out the page that loops', async () => {
    const fetchPage = async () => ({ data: [1], next: 'same' })
    const seen: number[] = []
    await expect(async () => {
      for await (const page of walkPages(adapter, fetchPage)) seen.push(...page.items)
    }).rejects.toThrow(CursorLoopError)
    expect(seen).toEqual([1])
  })

  it('passes the signal and stops when it is aborted', async () => {
    const controller = new AbortController()
    const fetchPage = vi.fn(async (request: PageRequest<string | null>) => {
      expect(request.signal).toBe(controller.signal)
      controller.abort()
      return { data: [1], next: 'more' }
    })
    await expect(collect(walkPages(adapter, fetchPage, { signal: controller.signal }))).rejects.toMatchObject(
      {
        name: 'AbortError',
      },
    )
    expect(fetchPage).toHaveBeenCalledTimes(1)
  })
})
