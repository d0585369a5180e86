import { describe, expect, it, vi } from 'vitest'
import { ItemFlattener, defaultItemId } from './itemFlattener'

interface Lead {
  id: string
  name: string
}

interface Page {
  data: Lead[]
}

const lead = (id: string, name = id): Lead => ({ id, name })
const page = (...ids: string[]): Page => ({ data: ids.map((id) => lead(id)) })
const readData = (response: Page): Lead[] => response.data
const ids = (items: readonly { id?: unknown }[]): unknown[] => items.map((item) => item.id)

describe('ItemFlattener', () => {
  it('returns the records of every page in page order', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    expect(ids(flattener.flatten([page('a', 'b'), page('c')], readData))).toEqual(['a', 'b', 'c'])
  })

  it('returns an empty list for undefined or empty pages', () => {
    expect(new ItemFlattener<Page, Lead>().flatten(undefined, readData)).toEqual([])
    expect(new ItemFlattener<Page, Lead>().flatten([], readData)).toEqual([])
  })

  it('gives back the same empty array while there are no pages (a pending query renders again and again)', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const pending = flattener.flatten(undefined, readData)
    expect(flattener.flatten(undefined, readData)).toBe(pending)

    // After data went away (a reset, a new key), again one array until pages arrive.
    flattener.flatten([page('a')], readData)
    const reset = flattener.flatten(undefined, readData)
    expect(reset).toEqual([])
    expect(flattener.flatten(undefined, readData)).toBe(reset)
    expect(ids(flattener.flatten([page('a')], readData))).toEqual(['a'])
  })

  it('gives back the same items array for the same pages array, without reading the pages again', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const getItems = vi.fn(readData)
    const pages = [page('a'), page('b')]
    const first = flattener.flatten(pages, getItems)
    const second = flattener.flatten(pages, getItems)
    expect(second).toBe(first)
    expect(getItems).toHaveBeenCalledTimes(2)
  })

  it('reads only the appended pages and returns a new array holding the new records', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const getItems = vi.fn(readData)
    const first = page('a', 'b')
    const second = page('c', 'd')
    const third = page('e')
    const before = flattener.flatten([first], getItems)
    expect(getItems).toHaveBeenCalledTimes(1)

    const after = flattener.flatten([first, second, third], getItems)
    expect(after).not.toBe(before)
    expect(ids(after)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(getItems).toHaveBeenCalledTimes(3)
    expect(getItems.mock.calls.map(([response]) => response)).toEqual([first, second, third])
    // The records themselves are the page's objects, not copies.
    expect(after[2]).toBe(second.data[0])
    // The array handed out before is left as it was.
    expect(ids(before)).toEqual(['a', 'b'])
  })

  it('drops a record whose id was seen on an earlier page, keeping the first copy', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const first: Page = { data: [lead('a', 'first a'), lead('b')] }
    const second: Page = { data: [lead('b', 'second b'), lead('c'), lead('a', 'second a')] }
    const items = flattener.flatten([first], readData)
    expect(items.map((item) => item.name)).toEqual(['first a', 'b'])
    const grown = flattener.flatten([first, second], readData)
    expect(grown.map((item) => item.name)).toEqual(['first a', 'b', 'c'])
  })

  it('drops duplicates within one page and in a rebuild as well', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const pages: Page[] = [{ data: [lead('a', 'one'), lead('a', 'two')] }, { data: [lead('a', 'three')] }]
    expect(flattener.flatten(pages, readData).map((item) => item.name)).toEqual(['one'])
  })

  it('keeps every record whose id is undefined or null', () => {
    type Row = { id?: string | null; n: number }
    const flattener = new ItemFlattener<{ rows: Row[] }, Row>()
    const getRows = (response: { rows: Row[] }) => response.rows
    const first = { rows: [{ n: 1 }, { id: null, n: 2 }, { id: 'x', n: 3 }] }
    const second = { rows: [{ n: 4 }, { id: null, n: 5 }, { id: 'x', n: 6 }, { id: undefined, n: 7 }] }
    flattener.flatten([first], getRows)
    const items = flattener.flatten([first, second], getRows)
    expect(items.map((row) => row.n)).toEqual([1, 2, 3, 4, 5, 7])
  })

  it('de-duplicates with a custom getItemId', () => {
    type Deal = { deal_id: number; title: string }
    const flattener = new ItemFlattener<Deal[], Deal>()
    const getItemId = vi.fn((deal: Deal) => deal.deal_id)
    const pages = [
      [
        { deal_id: 1, title: 'one' },
        { deal_id: 2, title: 'two' },
      ],
      [
        { deal_id: 2, title: 'two again' },
        { deal_id: 3, title: 'three' },
      ],
    ]
    const items = flattener.flatten(pages, (deals) => deals, getItemId)
    expect(items.map((deal) => deal.title)).toEqual(['one', 'two', 'three'])
    expect(getItemId).toHaveBeenCalledTimes(4)
    expect(getItemId).toHaveBeenCalledWith(pages[1]?.[0])
  })

  it('uses item.id by default, so records without one are never treated as duplicates', () => {
    type Row = { key: string }
    const flattener = new ItemFlattener<Row[], Row>()
    const items = flattener.flatten([[{ key: 'a' }, { key: 'a' }]], (rows) => rows)
    expect(items).toHaveLength(2)
  })

  it('rebuilds when a page in the middle was replaced (setQueryData)', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const getItems = vi.fn(readData)
    const first = page('a')
    const third = page('e')
    flattener.flatten([first, page('b', 'c'), third], getItems)
    getItems.mockClear()

    const edited: Page = { data: [lead('b', 'renamed'), lead('d')] }
    const items = flattener.flatten([first, edited, third], getItems)
    expect(items.map((item) => item.name)).toEqual(['a', 'renamed', 'd', 'e'])
    expect(getItems).toHaveBeenCalledTimes(3)
  })

  it('rebuilds when the first page was trimmed (maxPages), so records of the dropped page are gone', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const first = page('a', 'b')
    const second = page('c')
    const third = page('a', 'd')
    expect(ids(flattener.flatten([first, second], readData))).toEqual(['a', 'b', 'c'])
    // "a" is no longer on a loaded page: its copy on the new page is kept.
    expect(ids(flattener.flatten([second, third], readData))).toEqual(['c', 'a', 'd'])
  })

  it('rebuilds when there are fewer pages than before', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const first = page('a')
    const second = page('b')
    const full = flattener.flatten([first, second], readData)
    const shrunk = flattener.flatten([first], readData)
    expect(ids(shrunk)).toEqual(['a'])
    expect(shrunk).not.toBe(full)
    // Growing again from the shrunk state reads the new page against the right ids.
    expect(ids(flattener.flatten([first, page('b', 'a')], readData))).toEqual(['a', 'b'])
  })

  it('rebuilds when pages were added at the start', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const second = page('b')
    flattener.flatten([second], readData)
    expect(ids(flattener.flatten([page('a', 'b'), second], readData))).toEqual(['a', 'b'])
  })

  it('rebuilds after a refetch that returned equal but new page objects', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const getItems = vi.fn(readData)
    flattener.flatten([page('a'), page('b')], getItems)
    getItems.mockClear()
    expect(ids(flattener.flatten([page('a'), page('b')], getItems))).toEqual(['a', 'b'])
    expect(getItems).toHaveBeenCalledTimes(2)
  })

  it('keeps the items array when the appended page is empty', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const first = page('a', 'b')
    const empty = page()
    const before = flattener.flatten([first], readData)
    const after = flattener.flatten([first, empty], readData)
    expect(after).toBe(before)
    expect(ids(after)).toEqual(['a', 'b'])
    // The empty page counts as read: the next page is appended on its own.
    const getItems = vi.fn(readData)
    const last = page('c')
    expect(ids(flattener.flatten([first, empty, last], getItems))).toEqual(['a', 'b', 'c'])
    expect(getItems.mock.calls).toEqual([[last]])
  })

  it('keeps the items array when the appended page holds only duplicates', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const first = page('a', 'b')
    const before = flattener.flatten([first], readData)
    expect(flattener.flatten([first, page('b', 'a')], readData)).toBe(before)
  })

  it('is not left half-updated when getItems throws while appending', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const first = page('a')
    const second = page('b', 'c')
    const broken: Page = { data: [lead('d')] }
    let fail = true
    const getItems = (response: Page): Lead[] => {
      if (response === broken && fail) throw new Error('malformed page')
      return response.data
    }
    flattener.flatten([first, second], getItems)
    // "e" is read and marked as seen before the broken page throws; the retry must not take it for a duplicate.
    const grown = [first, second, page('e'), broken]
    expect(() => flattener.flatten(grown, getItems)).toThrow('malformed page')

    fail = false
    expect(ids(flattener.flatten(grown, getItems))).toEqual(['a', 'b', 'c', 'e', 'd'])
  })

  it('is not left half-updated when getItemId throws', () => {
    const flattener = new ItemFlattener<Page, Lead>()
    const first = page('a')
    let fail = true
    const getItemId = (item: Lead) => {
      if (item.id === 'c' && fail) throw new Error('no id')
      return item.id
    }
    flattener.flatten([first], readData, getItemId)
    const pages = [first, page('b', 'c')]
    expect(() => flattener.flatten(pages, readData, getItemId)).toThrow('no id')
    fail = false
    expect(ids(flattener.flatten(pages, readData, getItemId))).toEqual(['a', 'b', 'c'])
  })
})

describe('defaultItemId', () => {
  it('reads id from objects that have one', () => {
    expect(defaultItemId({ id: 'lead_1' })).toBe('lead_1')
    expect(defaultItemId({ id: 42, name: 'x' })).toBe(42)
    expect(defaultItemId({ id: null })).toBeNull()
  })

  it('reads an id inherited through the prototype chain', () => {
    expect(defaultItemId(Object.create({ id: 'inherited' }))).toBe('inherited')
  })

  it('is undefined for records without an id and for non-objects', () => {
    expect(defaultItemId({ key: 'a' })).toBeUndefined()
    expect(defaultItemId(null)).toBeUndefined()
    expect(defaultItemId(undefined)).toBeUndefined()
    expect(defaultItemId('lead_1')).toBeUndefined()
    expect(defaultItemId(7)).toBeUndefined()
  })
})
