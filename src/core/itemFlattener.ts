/** Reads the records of one page. */
export type GetPageItems<TResponse, TItem> = (page: TResponse) => TItem[]

/** The identity of a record, for de-duplication; `undefined` or `null` means "never a duplicate". */
export type GetItemId<TItem> = (item: TItem) => unknown

/** `item.id` when the record has one: the default `getItemId`. */
export function defaultItemId(item: unknown): unknown {
  return typeof item === 'object' && item !== null && 'id' in item ? item.id : undefined
}

/** The pages of a list with no data yet: one array, so that `undefined` pages give the same `items` every time. */
const NO_PAGES: readonly never[] = []

interface Flattened<TResponse, TItem> {
  pages: readonly TResponse[]
  items: TItem[]
  seen: Set<unknown>
}

/**
 * Turns the pages of an infinite list into one list of records without duplicates, incrementally: when the pages
 * only grew at the end, the new pages are read and checked against the ids already seen, and the earlier pages
 * are not read again. Any other change (a refetch, `maxPages` trimming, a page edited with `setQueryData`, pages
 * added at the start) rebuilds the list. The same `pages` array gives back the same `items` array.
 *
 * The first occurrence of an id wins: offset APIs serve a record twice when rows are inserted above it while
 * paging, and the copy on the later page is dropped.
 */
export class ItemFlattener<TResponse, TItem> {
  #last: Flattened<TResponse, TItem> = { pages: NO_PAGES, items: [], seen: new Set() }

  /** The de-duplicated records of `pages`, in page order. */
  flatten(
    pages: readonly TResponse[] | undefined,
    getItems: GetPageItems<TResponse, TItem>,
    getItemId?: GetItemId<TItem>,
  ): TItem[] {
    const last = this.#last
    pages ??= NO_PAGES
    if (pages === last.pages) return last.items
    // Grown: the pages before are the very same objects, with pages added at the end.
    const grown = last.pages.length > 0 && last.pages.every((page, index) => pages[index] === page)
    const seen = grown ? last.seen : new Set<unknown>()
    const added: TItem[] = []
    try {
      for (let index = grown ? last.pages.length : 0; index < pages.length; index++) {
        appendUnique(added, getItems(pages[index] as TResponse), seen, getItemId)
      }
    } catch (error) {
      // `seen` may hold ids of a page that was only half read: start over next time.
      this.#last = { pages: NO_PAGES, items: [], seen: new Set() }
      throw error
    }
    // A new array whenever the pages change, so consumers memoising on `items` see the change; the earlier
    // records are copied by reference in one pass, never re-read or re-checked.
    const items = grown ? (added.length ? last.items.concat(added) : last.items) : added
    this.#last = { pages, items, seen }
    return items
  }

  /** Whether the records last flattened hold one of id `id`. */
  holds(id: unknown): boolean {
    return this.#last.seen.has(id)
  }
}

/**
 * Pushes onto `target` the records of `items` whose id is not in `seen`, and adds their ids to it. The first copy of
 * an id wins; records whose id is `undefined` or `null` are all kept. The one de-duplication of the hooks and
 * `fetchAll`.
 */
export function appendUnique<TItem>(
  target: TItem[],
  items: readonly TItem[],
  seen: Set<unknown>,
  getItemId: GetItemId<TItem> = defaultItemId,
): void {
  for (const item of items) {
    const id = getItemId(item)
    if (id !== undefined && id !== null) {
      if (seen.has(id)) continue
      seen.add(id)
    }
    target.push(item)
  }
}
