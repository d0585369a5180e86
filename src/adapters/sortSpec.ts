import { InvalidOptionError } from '../core/errors'
import { isObject } from '../core/isObject'
import type { SortDescriptor } from '../core/types'

/**
 * How an API writes a sort, for the generic adapters' `sort` option: one line for most APIs.
 *
 * @example
 * { param: 'sort_by', directionParam: 'sort_direction' }  // ?sort_by=add_time&sort_direction=desc (Pipedrive v2)
 * { param: 'sort', descendingPrefix: '-' }                // ?sort=-created (JSON:API, Close's _order_by)
 * { param: 'sort', directionSuffix: [' ASC', ' DESC'] }    // ?sort=add_time DESC (Pipedrive v1)
 * (sort) => ({ orderBy: { field: sort.column, direction: sort.direction === 'ascending' ? 'ASC' : 'DESC' } })
 */
export type SortSpec =
  | {
      /** The param that names the field. */
      param: string
      /** The param that names the direction. */
      directionParam: string
      /** Its values for ascending and descending. @default ['asc', 'desc'] */
      values?: readonly [ascending: string, descending: string]
    }
  | {
      /** The param that names the field. */
      param: string
      /** Written before the field when descending, such as `'-'`. */
      descendingPrefix: string
    }
  | {
      /** The param that names the field. */
      param: string
      /** Written after the field, ascending and descending, such as `[' ASC', ' DESC']`. */
      directionSuffix: readonly [ascending: string, descending: string]
    }
  /** Any other syntax: the params (query or body) that ask for `sort`. */
  | ((sort: SortDescriptor) => Record<string, unknown>)

/** An adapter's `sortParams`: the params that ask its API for a sort. */
export type SortParams = (sort: SortDescriptor) => Record<string, unknown>

/** The adapter's `sortParams` for `spec`; `undefined` without one (the API cannot sort). */
export function sortParamsOf(spec: SortSpec | undefined, owner: string): SortParams | undefined {
  if (spec === undefined || typeof spec === 'function') return spec
  if (
    process.env.NODE_ENV !== 'production' &&
    !(isObject(spec) && typeof spec.param === 'string' && spec.param !== '')
  ) {
    throw new InvalidOptionError(
      owner,
      'sort',
      "a sort spec such as { param: 'sort', descendingPrefix: '-' }",
      spec,
    )
  }
  return ({ column, direction }) => {
    const descending = direction === 'descending'
    if ('directionParam' in spec) {
      const [ascendingValue, descendingValue] = spec.values ?? ['asc', 'desc']
      return { [spec.param]: column, [spec.directionParam]: descending ? descendingValue : ascendingValue }
    }
    if ('descendingPrefix' in spec) {
      return { [spec.param]: descending ? `${spec.descendingPrefix}${column}` : column }
    }
    return { [spec.param]: column + spec.directionSuffix[descending ? 1 : 0] }
  }
}

/** `{ sortParams }` for an adapter whose API writes sorts as `spec` says; `{}` without a spec. */
export function withSort(spec: SortSpec | undefined, owner: string): { sortParams?: SortParams } {
  const sortParams = sortParamsOf(spec, owner)
  return sortParams ? { sortParams } : {}
}
