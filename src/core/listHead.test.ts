import { describe, expect, it } from 'vitest'
import { refreshLoaded } from './listHead'
import type { ListPage } from './listPage'

type Row = { id?: string | null; name: string }
const keepLoaded = (loaded: Row, fresh: Row) => (loaded.name === fresh.name ? loaded : fresh)
const page = (names: string[], extra: Partial<ListPage<Row, number>> = {}): ListPage<Row, number> => ({
  items: names.map((name) => ({ id: name.toLowerCase(), name })),
  ...extra,
})

describe('refreshLoaded', () => {
  it('updates loaded records where they are, on any page, and leaves the rest as they were', () => {
    const pages = [page(['A', 'B'], { nextPageParam: 2 }), page(['C', 'D'], { total: 4 })]
    const fresh: ListPage<Row, number> = {
      items: [
        { id: 'new', name: 'New' },
        { id: 'a', name: 'A' },
        { id: 'c', name: 'C (renamed)' },
      ],
      total: 5,
    }
    const updated = refreshLoaded(pages, fresh, keepLoaded)
    expect(updated[0]).toBe(pages[0])
    expect(updated[1]).toEqual({ items: [{ id: 'c', name: 'C (renamed)' }, pages[1]!.items[1]], total: 5 })
    expect(updated[1]!.items[1]).toBe(pages[1]!.items[1])
    // The new record is not put anywhere: the hooks keep it waiting.
    expect(updated.flatMap((p) => p.items).map((row) => row.id)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('returns the very same pages when nothing changed', () => {
    const pages = [page(['A', 'B'], { total: 2 })]
    expect(refreshLoaded(pages, { items: [{ id: 'a', name: 'A' }], total: 2 }, keepLoaded)).toBe(pages)
    expect(refreshLoaded(pages, { items: [] }, keepLoaded)).toBe(pages)
  })

  it('takes the fresh total on the last page, where the list reads it', () => {
    const pages = [page(['A'], { total: 2, nextPageParam: 1 }), page(['B'], { total: 2 })]
    const updated = refreshLoaded(pages, { items: [], total: 3 }, keepLoaded)
    expect(updated.map((p) => p.total)).toEqual([2, 3])
  })

  it('never matches records without an id', () => {
    const pages: ListPage<Row, number>[] = [{ items: [{ id: null, name: 'x' }, { name: 'y' }] }]
    const fresh: ListPage<Row, number> = { items: [{ id: null, name: 'changed' }, { name: 'changed too' }] }
    expect(refreshLoaded(pages, fresh, keepLoaded)).toBe(pages)
  })

  it('reads ids with getItemId', () => {
    const pages = [{ items: [{ key: 1, v: 'old' }] }]
    const updated = refreshLoaded(
      pages,
      { items: [{ key: 1, v: 'new' }] },
      (_old, fresh) => fresh,
      (row) => row.key,
    )
    expect(updated[0]!.items[0]).toEqual({ key: 1, v: 'new' })
  })
})
