import { ApiReportedError } from '../core/errors'
import { isObject } from '../core/isObject'
import { readField } from '../core/readField'

const MAX_MESSAGE = 300

/**
 * Refuses a 2xx answer that carries a top-level `errors` list, as JSON:API documents and GraphQL answers do when a
 * request failed (GraphQL answers HTTP 200). Throws an `ApiReportedError` naming the adapter and the field `errors`,
 * whose message is the API's first error (`message`, else `detail`, else `title`); `errors` holds the whole list.
 * An absent, `null` or empty `errors` passes.
 */
export function throwIfErrors(adapterId: string, response: unknown): void {
  // A list as it is, one error as a list of one; absent or `null` as none.
  const errors = [readField(adapterId, response, 'errors') ?? []].flat()
  const first = errors[0]
  const said = isObject(first) ? (first.message ?? first.detail ?? first.title) : first
  const text = (typeof said === 'string' && said.trim()) || 'an error without a message'
  if (errors.length) {
    throw new ApiReportedError(
      adapterId,
      'errors',
      errors,
      text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text,
    )
  }
}
