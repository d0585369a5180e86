import { InvalidOptionError } from './errors'
import { isNonNegativeInteger } from './readField'
import type { AnyPaginationAdapter } from './types'

/** The page size pagewise will actually request, and whether the caller's choice had to be lowered. */
export interface ResolvedLimit {
  /** The page size to request: the caller's, or the adapter's default, never above `maxLimit`. */
  limit: number
  /** What the caller asked for (`undefined` when they did not choose). */
  requested: number | undefined
  /** True when `requested` was above the adapter's `maxLimit` and was lowered to it. */
  clamped: boolean
}

/**
 * Resolves a requested page size against an adapter: the default when none is given, clamped to `maxLimit`.
 * Throws `InvalidOptionError` for zero, negative, fractional or non-numeric sizes.
 *
 * @example
 * const { limit, clamped } = resolveLimit(closeOffset(), 500) // { limit: 200, requested: 500, clamped: true }
 * if (clamped) console.warn(`pageSize lowered to ${limit}`)
 */
export function resolveLimit(
  adapter: Pick<AnyPaginationAdapter, 'id' | 'defaultLimit' | 'maxLimit'>,
  requested?: number,
): ResolvedLimit {
  if (requested === undefined) {
    return { limit: Math.min(adapter.defaultLimit, adapter.maxLimit), requested, clamped: false }
  }
  if (!isNonNegativeInteger(requested) || requested === 0) {
    throw new InvalidOptionError(adapter.id, 'pageSize', 'a positive integer', requested)
  }
  if (requested > adapter.maxLimit) return { limit: adapter.maxLimit, requested, clamped: true }
  return { limit: requested, requested, clamped: false }
}

/** `limit` brought into `1..maxLimit`; used inside `toRequest` so no adapter ever sends a size the API refuses. */
export function clampLimit(limit: number, maxLimit: number): number {
  if (!Number.isFinite(limit) || limit < 1) return 1
  return Math.min(Math.floor(limit), maxLimit)
}
