import { expectArray, expectOptionalCount, readField, readResponseObject } from '../core/readField'
import type { AdapterRequest } from '../core/types'

/**
 * Where an adapter finds a value in a response: a dotted path such as `'additional_data.next_cursor'`, or a
 * function of the response. Either way pagewise validates what it gets and names the field in errors.
 */
export type FieldSpec<TResponse> = string | ((response: TResponse) => unknown)

/** Where the page param and the limit travel: the query string (GET) or a JSON body (POST search endpoints). */
export type ParamPlacement = 'query' | 'body'

/** Reads a field spec; returns the value and the name to report in a `MalformedResponseError`. */
export function readFieldSpec<TResponse>(
  adapterId: string,
  response: TResponse,
  spec: FieldSpec<TResponse>,
  optionName: string,
): { field: string; value: unknown } {
  if (typeof spec === 'string') return { field: spec, value: readField(adapterId, response, spec) }
  readResponseObject(adapterId, response)
  return { field: `${optionName}(response)`, value: spec(response) }
}

/**
 * Builds the request for one page. In the query string, values become strings and `null` is left out (no cursor on
 * the first page); in a JSON body they keep their types, so a first-page cursor is sent as `null`.
 */
export function placeParams(
  placement: ParamPlacement,
  params: Record<string, string | number | null>,
): AdapterRequest {
  if (placement === 'body') return { query: {}, body: { ...params } }
  const query: Record<string, string> = {}
  for (const [name, value] of Object.entries(params)) if (value !== null) query[name] = String(value)
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
  const itemsSpec = (spec.items ?? 'data') as FieldSpec<TResponse>
  const nullAsEmpty = spec.itemsMayBeNull ?? false
  const getItems = (response: TResponse): TItem[] => {
    const { field, value } = readFieldSpec(adapterId, response, itemsSpec, 'items')
    return expectArray(adapterId, field, value, nullAsEmpty) as TItem[]
  }
  const totalSpec = spec.total
  if (totalSpec === undefined) return { getItems }
  const getTotal = (response: TResponse): number | undefined => {
    const { field, value } = readFieldSpec(adapterId, response, totalSpec, 'total')
    return expectOptionalCount(adapterId, field, value)
  }
  return { getItems, getTotal }
}
