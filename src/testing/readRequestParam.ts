import type { ParamPlacement } from '../adapters/fieldSpec'
import type { PageRequest } from '../core/types'

/** A request parameter as the simulated server finds it: `undefined` when it is absent. */
export function readRequestParam(
  request: PageRequest<unknown>,
  placement: ParamPlacement,
  name: string,
): unknown {
  if (placement === 'query') return request.query[name]
  if (request.body === undefined) throw new Error(`the request has no JSON body (expected "${name}" in it)`)
  return request.body[name]
}

/** Where a parameter travels, for messages: `the query` or `the JSON body`. */
export function placementName(placement: ParamPlacement): string {
  return placement === 'query' ? 'the query' : 'the JSON body'
}

/**
 * A non-negative integer parameter (an offset, a page number, a page size): a number in a JSON body, digits in a
 * query string. Anything else is a malformed request, reported with the parameter's name.
 */
export function readIntegerParam(
  request: PageRequest<unknown>,
  placement: ParamPlacement,
  name: string,
  minimum: number,
): number {
  const value = readRequestParam(request, placement, name)
  if (value === undefined) throw new Error(`${placementName(placement)} has no "${name}"`)
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(number) || number < minimum) {
    throw new Error(`"${name}" is ${JSON.stringify(value)}, not an integer of at least ${minimum}`)
  }
  return number
}
