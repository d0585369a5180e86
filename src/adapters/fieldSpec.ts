import { readField, readResponseObject } from '../core/readField'
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
