import { defaultItemId } from './itemFlattener'
import type { GetItemId } from './itemFlattener'
import type { ListPage } from './listPage'

/**
 * The loaded `pages` of a list, brought up to date by a fresh copy of its first page: each record the fresh page also
 * holds (by id) becomes `keep(loaded, fresh)` where it is (the loaded object itself when nothing changed, so that its
 * page keeps its identity), and the last page, where the list's total is read, takes the fresh total. Nothing moves
 * and nothing is dropped: a record pushed off the first page by new ones stays where it was loaded. `pages` itself
 * when nothing changed. A pure function of the pages it is given, so the hooks apply it to what the cache holds when
 * they write.
 */
export function refreshLoaded<TItem, TParam>(
  pages: ListPage<TItem, TParam>[],
  fresh: ListPage<TItem, TParam>,
  keep: (loaded: TItem, fresh: TItem) => TItem,
  getItemId: GetItemId<TItem> = defaultItemId,
): ListPage<TItem, TParam>[] {
  const byId = new Map<unknown, TItem>()
  for (const item of fresh.items) {
    const id = getItemId(item)
    // Records without an id cannot be matched.
    if (id != null) byId.set(id, item)
  }
  const last = pages.length - 1
  const updated = pages.map((page, index) => {
    const items = page.items.map((item) => {
      const next = byId.get(getItemId(item))
      return next === undefined ? item : keep(item, next)
    })
    const total = index === last && fresh.total !== undefined ? fresh.total : page.total
    return total !== page.total || items.some((item, at) => item !== page.items[at])
      ? { ...page, items, total }
      : page
  })
  return updated.some((page, index) => page !== pages[index]) ? updated : pages
}
