import { compareValues } from './keyset'
import type { Compare } from './keyset'
import { MockBadRequest } from './params'

/**
 * Reads a v1 `sort` parameter (`add_time DESC, id ASC`; direction optional, ASC by default) into a comparator.
 * Only first-level `fields` are allowed, as in Pipedrive. Returns `undefined` without a `sort`.
 */
export function parsePipedriveSort<T extends object>(
  raw: string | undefined,
  fields: readonly (keyof T & string)[],
): Compare<T> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined
  const keys = raw.split(',').map((part) => {
    const [field = '', direction = 'ASC', ...rest] = part.trim().split(/\s+/)
    const upper = direction.toUpperCase()
    if (
      !fields.includes(field as keyof T & string) ||
      (upper !== 'ASC' && upper !== 'DESC') ||
      rest.length > 0
    ) {
      throw new MockBadRequest(
        `Invalid sort "${part.trim()}". Use "field ASC" or "field DESC" with one of: ${fields.join(', ')}.`,
        'sort',
      )
    }
    return { field: field as keyof T & string, sign: upper === 'ASC' ? 1 : -1 }
  })
  return (a, b) => {
    for (const { field, sign } of keys) {
      const order = compareValues(a[field], b[field])
      if (order !== 0) return sign * order
    }
    return 0
  }
}
