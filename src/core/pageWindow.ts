import { containsPageParam } from './listPage'
import type { ListPage } from './listPage'

// Where a list's loaded pages sit in the whole list. A list with `maxPages` drops pages at one end as it loads at the
// other, and a restored or jumped-to list starts mid-way: its first page says where it starts (`start`) and, for
// APIs that only page forwards, which pages came before it (`before`), so that the table lays rows out at their
// absolute index and the list can page back. Only the first page's fields count: the others follow it.

/**
 * The pages a list holds, as JSON: where they start and the params to load them again. What `ListPosition` saves and
 * `loadWindow` loads.
 */
export interface ListWindow<TParam = unknown> {
  /** The params of the loaded pages, in order. */
  pageParams: TParam[]
  /** The index of the first page's first record in the whole list. */
  firstItemIndex: number
  /** APIs that only page forwards: the params of the pages before the first one, oldest first. */
  before?: TParam[]
}

/** The pages and params of a list, as TanStack Query keeps them. */
export interface PageSequence<TItem, TParam> {
  pages: ListPage<TItem, TParam>[]
  pageParams: TParam[]
}

function indexOfParam(params: readonly unknown[], param: unknown): number {
  for (let index = 0; index < params.length; index++) {
    if (containsPageParam([params[index]], param)) return index
  }
  return -1
}

function lengthOf(pages: readonly ListPage<unknown, unknown>[], from: number, to: number): number {
  let length = 0
  for (let index = from; index < to; index++) length += pages[index]?.items?.length ?? 0
  return length
}

/**
 * `next` with its first page saying where it starts, read against the pages held before (`previous`): pages dropped
 * from the front (`maxPages`) move the start on by their records, pages loaded in front move it back, and the same
 * first page keeps it. With `history`, the params of the pages left behind are kept on the first page (`before`),
 * for APIs that cannot compute the previous page's param. Returns `next` itself when nothing changes.
 */
export function placePages<TItem, TParam, TData extends PageSequence<TItem, TParam>>(
  previous: PageSequence<TItem, TParam> | undefined,
  next: TData,
  history: boolean,
): TData {
  // Pages put in the cache in another shape are left as they are (reading them reports it).
  const first = Array.isArray(next?.pages) ? next.pages[0] : undefined
  if (!first || !Array.isArray(next.pageParams)) return next
  let start = first.start ?? 0
  let before = first.before ?? []
  const held = Array.isArray(previous?.pages) ? previous.pages[0] : undefined
  if (previous && held && Array.isArray(previous.pageParams)) {
    const heldStart = held.start ?? 0
    const heldBefore = held.before ?? []
    const dropped = indexOfParam(previous.pageParams, next.pageParams[0])
    const added = dropped < 0 ? indexOfParam(next.pageParams, previous.pageParams[0]) : -1
    if (dropped >= 0) {
      start = heldStart + lengthOf(previous.pages, 0, dropped)
      before = dropped ? [...heldBefore, ...previous.pageParams.slice(0, dropped)] : heldBefore
    } else if (added > 0) {
      start = Math.max(0, heldStart - lengthOf(next.pages, 0, added))
      before = heldBefore.slice(0, Math.max(0, heldBefore.length - added))
    }
  }
  if (!history) before = []
  const sameBefore =
    before.length === (first.before?.length ?? 0) && before.every((param, at) => first.before?.[at] === param)
  if (start === (first.start ?? 0) && sameBefore) return next
  const placed: ListPage<TItem, TParam> = { ...first }
  delete placed.start
  delete placed.before
  if (start) placed.start = start
  if (before.length) placed.before = before
  return { ...next, pages: [placed, ...next.pages.slice(1)] }
}

/** The window `data` holds, as JSON. */
export function windowOf<TParam>(data: PageSequence<unknown, TParam>): ListWindow<TParam> {
  const first = data.pages[0]
  const window: ListWindow<TParam> = { pageParams: data.pageParams, firstItemIndex: first?.start ?? 0 }
  if (first?.before?.length) window.before = first.before
  return window
}

/** Whether `data` holds exactly the pages of `window`. */
export function holdsWindow(data: Pick<ListWindow, 'pageParams'> | undefined, window: ListWindow): boolean {
  return (
    !!data &&
    data.pageParams.length === window.pageParams.length &&
    window.pageParams.every((param, at) => containsPageParam([data.pageParams[at]], param))
  )
}
