import type { QueryKey } from '@tanstack/react-query'

/** The part pagewise adds to the caller's query key: which adapter reads the list, and at what page size. */
export interface ListKeyPart {
  /** The adapter's `id`, such as `'close.offset'`. */
  adapter: string
  /** The page size requested, after clamping. */
  pageSize: number
}

/** The query key of a list: the caller's key, then `{ adapter, pageSize }`, so a prefix of the caller's key matches it. */
export type ListQueryKey<TQueryKey extends QueryKey> = readonly [...TQueryKey, ListKeyPart]

/**
 * The caller's key plus the adapter id and page size: two page sizes or two adapters never share cached pages, and
 * `invalidateQueries({ queryKey: callerKey })` still reaches every one of them.
 */
export function listQueryKey<TQueryKey extends QueryKey>(
  queryKey: TQueryKey,
  adapterId: string,
  pageSize: number,
): ListQueryKey<TQueryKey> {
  return [...queryKey, { adapter: adapterId, pageSize }] as const
}
