import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import type { ListPage } from '../core/listPage'
import { listCache } from './listCache'
import type { ListKeyPart } from './paginatedListOptions'

interface Lead {
  id: string
  name: string
  status: string
}

const lead = (n: number, status = 'Potential'): Lead => ({ id: `lead_${n}`, name: `Lead ${n}`, status })
const leads = (from: number, count: number) => Array.from({ length: count }, (_, i) => lead(from + i))

type Data = { pages: ListPage<Lead, number>[]; pageParams: number[] }

/** An infinite list's data: pages of `size` from offset 0, `total` on each page. */
function infinite(pageCount: number, size: number, total: number): Data {
  const pages = Array.from({ length: pageCount }, (_, p) => {
    const next = (p + 1) * size
    return { items: leads(p * size + 1, size), total, ...(next < total && { nextPageParam: next }) }
  })
  return { pages, pageParams: pages.map((_, p) => p * size) }
}

const part = (extra: Partial<ListKeyPart> = {}): ListKeyPart => ({
  adapter: 'close.offset',
  pageSize: 3,
  ...extra,
})
const ids = (data: unknown) => (data as Data).pages.map((page) => page.items.map((item) => item.id))
const clients: QueryClient[] = []
function client() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } })
  clients.push(queryClient)
  return queryClient
}
afterEach(() => clients.splice(0).forEach((queryClient) => queryClient.clear()))

/** A promise and its resolve, to hold a fetch in flight for as long as a test needs. */
function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}

describe('listCache', () => {
  it('updates a record in every list under the prefix: infinite, every sort and filter, paged pages', () => {
    const queryClient = client()
    const byName = ['leads', part({ sort: { column: 'name', direction: 'ascending' } })]
    const potential = ['leads', part({ filter: { status: 'Potential' } })]
    const page1 = ['leads', part(), { page: 1 }]
    queryClient.setQueryData(byName, infinite(2, 3, 9))
    queryClient.setQueryData(potential, infinite(1, 3, 9))
    queryClient.setQueryData(page1, { pages: [infinite(2, 3, 9).pages[1]], pageParams: [3] })
    queryClient.setQueryData(['other', part()], infinite(1, 3, 9))

    listCache<Lead>(queryClient, ['leads']).updateItem('lead_2', (old) => ({ ...old, status: 'Won' }))
    listCache<Lead>(queryClient, ['leads']).updateItem('lead_5', (old) => ({ ...old, name: 'Renamed' }))

    const read = (key: unknown[]) =>
      (queryClient.getQueryData(key) as Data).pages.flatMap((page) => page.items)
    expect(read(byName)[1]).toEqual({ id: 'lead_2', name: 'Lead 2', status: 'Won' })
    expect(read(potential)[1]).toEqual({ id: 'lead_2', name: 'Lead 2', status: 'Won' })
    expect(read(byName)[4]!.name).toBe('Renamed')
    expect(read(page1)[1]!.name).toBe('Renamed')
    // Another prefix is left alone.
    expect(read(['other', part()])[1]!.status).toBe('Potential')
  })

  it('takes a record out of a list it no longer matches, and the total follows', () => {
    const queryClient = client()
    const potential = ['leads', part({ filter: { status: 'Potential' } })]
    const all = ['leads', part()]
    queryClient.setQueryData(potential, infinite(2, 3, 9))
    queryClient.setQueryData(all, infinite(2, 3, 9))
    const cache = listCache<Lead>(queryClient, ['leads'], {
      matches: (item, list) => !list.filter?.status || item.status === list.filter.status,
    })
    cache.updateItem('lead_4', (old) => ({ ...old, status: 'Won' }))
    expect(ids(queryClient.getQueryData(potential))).toEqual([
      ['lead_1', 'lead_2', 'lead_3'],
      ['lead_5', 'lead_6'],
    ])
    expect((queryClient.getQueryData(potential) as Data).pages.map((page) => page.total)).toEqual([8, 8])
    expect((queryClient.getQueryData(all) as Data).pages[1]!.items[0]!.status).toBe('Won')
    expect((queryClient.getQueryData(all) as Data).pages[1]!.total).toBe(9)
  })

  it('inserts on top of lists that start at their first page, once, and only where the record matches', () => {
    const queryClient = client()
    queryClient.setQueryData(['leads', part()], infinite(2, 3, 9))
    queryClient.setQueryData(['leads', part({ filter: { status: 'Won' } })], infinite(1, 3, 9))
    const cache = listCache<Lead>(queryClient, ['leads'], {
      matches: (item, list) => !list.filter?.status || item.status === list.filter.status,
    })
    cache.insertItem(lead(100))
    cache.insertItem(lead(100))
    expect(ids(queryClient.getQueryData(['leads', part()]))[0]).toEqual([
      'lead_100',
      'lead_1',
      'lead_2',
      'lead_3',
    ])
    expect((queryClient.getQueryData(['leads', part()]) as Data).pages[0]!.total).toBe(10)
    expect(ids(queryClient.getQueryData(['leads', part({ filter: { status: 'Won' } })]))[0]).toEqual([
      'lead_1',
      'lead_2',
      'lead_3',
    ])
  })

  it('inserts at the end only into a list loaded to its end', () => {
    const queryClient = client()
    queryClient.setQueryData(['leads', part({ pageSize: 4 })], infinite(2, 3, 6))
    queryClient.setQueryData(['leads', part()], infinite(1, 3, 6))
    listCache<Lead>(queryClient, ['leads']).insertItem(lead(7), { position: 'end' })
    expect(ids(queryClient.getQueryData(['leads', part({ pageSize: 4 })]))[1]).toEqual([
      'lead_4',
      'lead_5',
      'lead_6',
      'lead_7',
    ])
    expect(ids(queryClient.getQueryData(['leads', part()]))).toEqual([['lead_1', 'lead_2', 'lead_3']])
  })

  it('keeps the page size of paged offset pages: a removal pulls the next page up, the last cached one is stale', () => {
    const queryClient = client()
    const source = infinite(3, 3, 12)
    source.pages.forEach((page, index) =>
      queryClient.setQueryData(['leads', part(), { page: index }], {
        pages: [page],
        pageParams: [index * 3],
      }),
    )
    listCache<Lead>(queryClient, ['leads']).removeItem('lead_2')
    const pageIds = (index: number) => ids(queryClient.getQueryData(['leads', part(), { page: index }]))[0]
    expect([pageIds(0), pageIds(1), pageIds(2)]).toEqual([
      ['lead_1', 'lead_3', 'lead_4'],
      ['lead_5', 'lead_6', 'lead_7'],
      ['lead_8', 'lead_9'],
    ])
    const state = (index: number) => queryClient.getQueryState(['leads', part(), { page: index }])!
    expect(state(2).isInvalidated).toBe(true)
    expect(state(0).isInvalidated).toBe(false)
  })

  it('undo puts every cache back byte for byte', () => {
    const queryClient = client()
    const keys = [
      ['leads', part()],
      ['leads', part({ sort: { column: 'name', direction: 'descending' } })],
      ['leads', part({ pageSize: 5 }), { page: 0 }],
      ['leads', part({ pageSize: 5 }), { page: 1 }],
    ]
    queryClient.setQueryData(keys[0]!, infinite(3, 3, 12))
    queryClient.setQueryData(keys[1]!, infinite(2, 3, 12))
    queryClient.setQueryData(keys[2]!, {
      pages: [{ items: leads(1, 5), total: 12, nextPageParam: 5 }],
      pageParams: [0],
    })
    queryClient.setQueryData(keys[3]!, {
      pages: [{ items: leads(6, 5), total: 12, nextPageParam: 10 }],
      pageParams: [5],
    })
    const snapshot = () => JSON.stringify(keys.map((key) => queryClient.getQueryData(key)))
    const before = snapshot()
    const cache = listCache<Lead>(queryClient, ['leads'])
    for (const edit of [
      () => cache.updateItem('lead_5', (old) => ({ ...old, status: 'Won' })),
      () => cache.removeItem('lead_2'),
      () => cache.insertItem(lead(50)),
    ]) {
      const undo = edit()
      expect(snapshot()).not.toBe(before)
      undo()
      expect(snapshot()).toBe(before)
    }
  })

  it('undo after the pages changed reverses only its own edit', () => {
    const queryClient = client()
    queryClient.setQueryData(['leads', part()], infinite(2, 3, 9))
    const cache = listCache<Lead>(queryClient, ['leads'])
    const undoRemove = cache.removeItem('lead_2')
    const undoUpdate = cache.updateItem('lead_6', (old) => ({ ...old, status: 'Won' }))
    cache.updateItem('lead_4', (old) => ({ ...old, name: 'Kept' }))
    undoRemove()
    undoUpdate()
    const items = (queryClient.getQueryData(['leads', part()]) as Data).pages.flatMap((page) => page.items)
    expect(items.map((item) => item.id)).toEqual(['lead_1', 'lead_2', 'lead_3', 'lead_4', 'lead_5', 'lead_6'])
    expect(items[3]!.name).toBe('Kept')
    expect(items[5]!.status).toBe('Potential')
    expect((queryClient.getQueryData(['leads', part()]) as Data).pages[0]!.total).toBe(9)
  })

  it('an edit made while the next page is in flight is not lost when that page lands', async () => {
    const queryClient = client()
    const key = ['leads', part()]
    const pages = infinite(2, 3, 9).pages
    const second = deferred<ListPage<Lead, number>>()
    const options = {
      queryKey: key,
      queryFn: ({ pageParam }: { pageParam: number }) =>
        pageParam === 0 ? Promise.resolve(pages[0]!) : second.promise,
      initialPageParam: 0,
      getNextPageParam: (page: ListPage<Lead, number>) => page.nextPageParam,
    }
    await queryClient.fetchInfiniteQuery(options)
    const landing = queryClient.fetchInfiniteQuery({ ...options, pages: 2 })
    await Promise.resolve()
    listCache<Lead>(queryClient, ['leads']).updateItem('lead_1', (old) => ({ ...old, status: 'Won' }))
    // The page brings lead_4, which was edited on the server too: still applied once.
    listCache<Lead>(queryClient, ['leads']).removeItem('lead_5')
    second.resolve(pages[1]!)
    await landing
    const data = queryClient.getQueryData(key) as Data
    expect(data.pages[0]!.items[0]!.status).toBe('Won')
    expect(ids(data)).toEqual([
      ['lead_1', 'lead_2', 'lead_3'],
      ['lead_4', 'lead_6'],
    ])
  })

  it('an undo while the fetch is in flight stops the edit from coming back', async () => {
    const queryClient = client()
    const key = ['leads', part()]
    const page = infinite(1, 3, 3).pages[0]!
    const refetch = deferred<ListPage<Lead, number>>()
    let calls = 0
    const options = {
      queryKey: key,
      queryFn: () => (calls++ === 0 ? Promise.resolve(page) : refetch.promise),
      initialPageParam: 0,
      getNextPageParam: () => undefined,
    }
    await queryClient.fetchInfiniteQuery(options)
    const landing = queryClient.refetchQueries({ queryKey: key })
    await Promise.resolve()
    const undo = listCache<Lead>(queryClient, ['leads']).updateItem('lead_1', (old) => ({
      ...old,
      status: 'Won',
    }))
    undo()
    refetch.resolve(page)
    await landing
    expect((queryClient.getQueryData(key) as Data).pages[0]!.items[0]!.status).toBe('Potential')
  })

  it('getItem finds a record in any cached list', () => {
    const queryClient = client()
    queryClient.setQueryData(['leads', part()], infinite(2, 3, 9))
    expect(listCache<Lead>(queryClient, ['leads']).getItem('lead_5')).toEqual(lead(5))
    expect(listCache<Lead>(queryClient, ['leads']).getItem('lead_50')).toBeUndefined()
  })

  it('invalidate marks every list stale and reloads only the first page of a list on screen, keeping the rest', async () => {
    const queryClient = client()
    const key = ['leads', part()]
    const pages = infinite(3, 3, 9).pages
    const requested: number[] = []
    const observerOptions = {
      queryKey: key,
      queryFn: ({ pageParam }: { pageParam: number }) => {
        requested.push(pageParam)
        const page = pages[pageParam / 3]!
        return Promise.resolve(
          pageParam === 0 ? { ...page, items: [lead(1, 'Won'), ...page.items.slice(1)] } : page,
        )
      },
      initialPageParam: 0,
      getNextPageParam: (page: ListPage<Lead, number>) => page.nextPageParam,
    }
    await queryClient.fetchInfiniteQuery({ ...observerOptions, pages: 3 })
    queryClient.setQueryData(['leads', part({ pageSize: 9 })], infinite(1, 9, 9))
    const { InfiniteQueryObserver } = await import('@tanstack/react-query')
    const observer = new InfiniteQueryObserver(queryClient, { ...observerOptions, staleTime: Infinity })
    const unsubscribe = observer.subscribe(() => undefined)
    requested.length = 0
    await listCache<Lead>(queryClient, ['leads']).invalidate()
    unsubscribe()
    expect(requested).toEqual([0])
    const data = queryClient.getQueryData(key) as Data
    expect(data.pages).toHaveLength(3)
    expect(data.pages[0]!.items[0]!.status).toBe('Won')
    expect(queryClient.getQueryState(['leads', part({ pageSize: 9 })])!.isInvalidated).toBe(true)
  })
})
