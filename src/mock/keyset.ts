/** Orders two records; negative when `a` comes first. */
export type Compare<T> = (a: T, b: T) => number

/** Where a record sits relative to a cursor position: negative before it, positive after, 0 at it. */
export type Position<T> = (record: T) => number

/** A page picked from an unsorted list. */
export interface KeysetPage<T> {
  items: T[]
  /** Whether more matching records lie beyond the page in the walking direction. */
  hasMore: boolean
}

/** Keeps the `size` smallest records seen (by `compare`) in a max-heap: O(n log size) over a whole list. */
function smallest<T>(size: number, compare: Compare<T>): { offer(record: T): void; sorted(): T[] } {
  const heap: T[] = []
  const swap = (i: number, j: number): void => {
    const tmp = heap[i] as T
    heap[i] = heap[j] as T
    heap[j] = tmp
  }
  const bigger = (i: number, j: number): boolean => compare(heap[i] as T, heap[j] as T) > 0
  return {
    offer(record) {
      if (heap.length < size) {
        heap.push(record)
        for (let i = heap.length - 1; i > 0 && bigger(i, (i - 1) >> 1); i = (i - 1) >> 1)
          swap(i, (i - 1) >> 1)
        return
      }
      if (size === 0 || compare(record, heap[0] as T) >= 0) return
      heap[0] = record
      for (let i = 0; ;) {
        const left = 2 * i + 1
        const right = left + 1
        let top = i
        if (left < heap.length && bigger(left, top)) top = left
        if (right < heap.length && bigger(right, top)) top = right
        if (top === i) break
        swap(i, top)
        i = top
      }
    },
    sorted: () => heap.slice().sort(compare),
  }
}

/**
 * Picks a page in one pass over `records` without sorting them all (a bounded heap of `limit + 1` candidates).
 * Linear in the list size, so a cursor walk over 100,000 records stays fast and always sees the live data
 * (inserts, edits) without cache invalidation.
 *
 * - `after` (default): the first `limit` records, in `compare` order, that are after `position` (or all).
 * - `before`: the last `limit` records before `position`, still returned in `compare` order.
 */
export function selectPage<T>(
  records: readonly T[],
  options: {
    compare: Compare<T>
    limit: number
    accept?: (record: T) => boolean
    position?: Position<T>
    direction?: 'after' | 'before'
  },
): KeysetPage<T> {
  const { limit, accept, position } = options
  const before = options.direction === 'before'
  // Walking backwards = walking forwards in the reversed order.
  const compare: Compare<T> = before ? (a, b) => options.compare(b, a) : options.compare
  const candidates = smallest(limit + 1, compare)
  for (const record of records) {
    if (accept !== undefined && !accept(record)) continue
    if (position !== undefined) {
      const where = position(record)
      if (before ? where >= 0 : where <= 0) continue
    }
    candidates.offer(record)
  }
  const buffer = candidates.sorted()
  const hasMore = buffer.length > limit
  const items = buffer.slice(0, limit)
  return { items: before ? items.reverse() : items, hasMore }
}

/** Whether any accepted record lies on the given side of a position. */
export function anyBeyond<T>(
  records: readonly T[],
  position: Position<T>,
  side: 'after' | 'before',
  accept?: (record: T) => boolean,
): boolean {
  return records.some((record) => {
    const where = position(record)
    return (side === 'after' ? where > 0 : where < 0) && (accept === undefined || accept(record))
  })
}

/** Compares two sort values: numbers numerically, everything else as strings; `null`/missing first. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === null || a === undefined) return -1
  if (b === null || b === undefined) return 1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1
  const left = String(a)
  const right = String(b)
  return left < right ? -1 : left > right ? 1 : 0
}
