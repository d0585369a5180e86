import { expectArray, expectOptionalCount, readField, readResponseObject } from '../core/readField'
import type { AdapterRequest } from '../core/types'

/**
 * Where an adapter finds a value in a response: a dotted path such as `'additional_data.next_cursor'`, or a
 * function of the response. Either way pagewise validates what it gets and names the field in errors.
 */
export type FieldSpec<TResponse> = string | ((response: TResponse) => unknown)

/** Where the page param and the limit travel: the query string (GET) or a JSON body (POST search endpoints). */
export type ParamPlacement = 'query' | 'body'

/** Checks a value read from a response; `field` is the name a `MalformedResponseError` gives it. */
type Check<T> = (adapterId: string, field: string, value: unknown) => T

/** The name errors give a field spec: its path, or `hasMore(response)` for a function given as option `hasMore`. */
export function fieldName(spec: FieldSpec<never>, option: string): string {
  return typeof spec === 'string' ? spec : `${option}(response)`
}

/**
 * A reader of `spec`, an adapter's option `option`: the value at the path (or the function's result, for a
 * response that is an object), passed through `check`. `undefined` when the option is.
 */
export function fieldReader<TResponse, T>(
  adapterId: string,
  spec: FieldSpec<TResponse>,
  option: string,
  check: Check<T>,
): (response: TResponse) => T
export function fieldReader<TResponse, T>(
  adapterId: string,
  spec: FieldSpec<TResponse> | undefined,
  option: string,
  check: Check<T>,
): ((response: TResponse) => T) | undefined
export function fieldReader<TResponse, T>(
  adapterId: string,
  spec: FieldSpec<TResponse> | undefined,
  option: string,
  check: Check<T>,
): ((response: TResponse) => T) | undefined {
  if (spec === undefined) return undefined
  const field = fieldName(spec, option)
  return (response) =>
    check(
      adapterId,
      field,
      typeof spec === 'string'
        ? readField(adapterId, response, spec)
        : spec(readResponseObject(adapterId, response) as TResponse),
    )
}

/**
 * Builds the request for one page. In the query string, values become strings and `null` is left out (no cursor on
 * the first page); in a JSON body they keep their types, so a first-page cursor is sent as `null`.
 */
export function placeParams(
  placement: ParamPlacement,
  params: Record<string, string | number | null>,
): AdapterRequest {
  if (placement === 'body') return { query: {}, body: params }
  const query: Record<string, string> = {}
  for (const name in params) if (params[name] !== null) query[name] = String(params[name])
  return { query }
}

/** The `items` and `total` options shared by `offsetAdapter` and `cursorAdapter`. */
export interface ItemsSpec<TResponse, TItem> {
  items?: FieldSpec<TResponse> | ((response: TResponse) => TItem[] | null | undefined)
  itemsMayBeNull?: boolean
  total?: FieldSpec<TResponse>
}

/** Validated `getItems` and (when a `total` is given) `getTotal` for a spec'd adapter. */
export function itemReaders<TResponse, TItem>(
  adapterId: string,
  spec: ItemsSpec<TResponse, TItem>,
): { getItems: (response: TResponse) => TItem[]; getTotal?: (response: TResponse) => number | undefined } {
  return {
    getItems: fieldReader(
      adapterId,
      (spec.items ?? 'data') as FieldSpec<TResponse>,
      'items',
      (id, field, value) => expectArray(id, field, value, spec.itemsMayBeNull) as TItem[],
    ),
    getTotal: fieldReader(adapterId, spec.total, 'total', expectOptionalCount),
  }
}

/**
 * An adapter's page sizes from its options: `maxLimit` defaults to the API's `max` (for a spec'd adapter without
 * one, to `defaultLimit`, else `preferred`), and `defaultLimit` to `preferred`, lowered to `maxLimit`.
 */
export function pageSizes(
  options: { defaultLimit?: number; maxLimit?: number },
  preferred: number,
  max?: number,
): { defaultLimit: number; maxLimit: number } {
  const maxLimit = options.maxLimit ?? max ?? options.defaultLimit ?? preferred
  return { defaultLimit: options.defaultLimit ?? Math.min(preferred, maxLimit), maxLimit }
}
