/** What a pager strategy (random access for offsets, sequential for cursors) tells `usePagedList`. */
export interface PageView<TResponse> {
  /** The response shown: the current page, or the one before while it loads. */
  page: TResponse | undefined
  /** The pages loaded, the latest last (where the total is read). */
  pages: readonly TResponse[]
  /** `page` is the page before, shown while the current one loads. */
  isPlaceholderData: boolean
  /** The current page is loading (first load, page change or refetch; not a prefetch). */
  isFetching: boolean
  /** Whether the current page could be shown. */
  status: 'pending' | 'error' | 'success'
  /** Why the current page could not be loaded. */
  error: Error | null
  /** A page after the current one exists, as far as the loaded pages tell. */
  hasNextPage: boolean
  /** Index of the list's last page, once a loaded page says it is the end. */
  endIndex: number | undefined
  /** Whether page `index` can be shown; `pageCount` when the total is known. */
  canReach: (index: number, pageCount: number | undefined) => boolean
  /** About to show page `index`: start loading it if it needs loading. */
  prepare: (index: number) => void
  /** Tries again what failed. */
  retry: () => Promise<unknown>
  /** Refetches what is shown. */
  refetch: () => Promise<unknown>
}
