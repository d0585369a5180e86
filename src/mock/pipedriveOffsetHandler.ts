import { HttpResponse } from 'msw'
import { integerParam, MockBadRequest } from './params'
import { pipedriveError } from './pipedriveResponses'
import { parsePipedriveSort } from './pipedriveSort'
import type { MockCall } from './requestRecord'

/** How one Pipedrive v1 offset list behaves. */
export interface PipedriveOffsetSpec<T extends object> {
  /** The live records, in default order. */
  records: () => readonly T[]
  /** Largest `limit`. @default 500 */
  maxLimit: number
  /** Fields allowed in `sort`. */
  sortFields: readonly (keyof T & string)[]
  /** Filters read from the query string; `undefined` when none applies. Throw `MockBadRequest` for bad values. */
  filter?: (query: Record<string, string>) => ((record: T) => boolean) | undefined
}

const badNumber = (name: string, raw: string): string =>
  `${name} must be a non-negative integer, got "${raw}"`

/**
 * Answers a v1 offset list (`start`, `limit`, `sort`) with `{ success, data, additional_data: { pagination } }`:
 * `data` is `null` (not `[]`) when nothing is on the page, and `next_start` is present only when there are more.
 */
export function pipedriveOffsetAnswer<T extends object>(
  spec: PipedriveOffsetSpec<T>,
): (call: MockCall) => Response {
  return ({ query }) => {
    try {
      const start = integerParam(query, 'start', 0, 0, badNumber)
      const limit = integerParam(
        query,
        'limit',
        100,
        1,
        (name, raw) => `${name} must be a positive integer, got "${raw}"`,
      )
      if (limit > spec.maxLimit)
        throw new MockBadRequest(`Limit must be less than or equal to ${spec.maxLimit}`)
      const compare = parsePipedriveSort<T>(query.sort, spec.sortFields)
      const accept = spec.filter?.(query)
      const all = spec.records()
      const matching = accept === undefined ? all.slice() : all.filter(accept)
      if (compare !== undefined) matching.sort(compare)
      const page = matching.slice(start, start + limit)
      const more = start + page.length < matching.length
      return HttpResponse.json({
        success: true,
        data: page.length > 0 ? page : null,
        additional_data: {
          pagination: {
            start,
            limit,
            more_items_in_collection: more,
            ...(more ? { next_start: start + page.length } : {}),
          },
        },
      })
    } catch (error) {
      if (error instanceof MockBadRequest) return pipedriveError(400, error.message)
      throw error
    }
  }
}
