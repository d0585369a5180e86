import type { FetchPage, PaginationAdapter } from '../src'
import { walkPages } from '../src/core/walkPages'

/** What a walk over a whole list delivered: the ids of every record handed out, and the error that ended it. */
export interface WalkResult {
  ids: Array<string | number>
  error: unknown
}

/** Walks a list to its end or its first error, collecting record ids in the order they arrive. */
export async function walkIds<TResponse, TItem extends { id: string | number }, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  fetchPage: FetchPage<TResponse, TParam>,
  limit: number,
): Promise<WalkResult> {
  const ids: Array<string | number> = []
  try {
    for await (const page of walkPages(adapter, fetchPage, { limit }))
      ids.push(...page.items.map((item) => item.id))
  } catch (error) {
    return { ids, error }
  }
  return { ids, error: undefined }
}
