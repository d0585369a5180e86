import { HttpError, NetworkError } from '../http/HttpError'

/** Retries after the first failure, at most. */
export const MAX_RETRIES = 3

/** A server asking to wait longer than this is not retried automatically: the error is shown instead. */
export const MAX_RETRY_AFTER_MS = 60_000

/** Whether a failure is worth trying again: rate limits (429), timeouts (408), server errors (5xx) and network failures. */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof NetworkError) return true
  if (!(error instanceof HttpError)) return false
  return error.status === 408 || error.status === 429 || error.status >= 500
}

/**
 * pagewise's default `retry`: up to 3 retries for 429, 408, 5xx and network errors; never for other 4xx, malformed
 * pages or cursor loops, which would fail the same way again. A 429 whose `Retry-After` is over a minute is not
 * retried either, so the user sees why the list stopped instead of a spinner.
 *
 * @example
 * usePaginatedList({ ...options, retry: (failureCount, error) => failureCount < 5 && defaultRetry(0, error) })
 */
export function defaultRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES || !isRetryableError(error)) return false
  const waitMs = error instanceof HttpError ? error.retryAfterMs : undefined
  return waitMs === undefined || waitMs <= MAX_RETRY_AFTER_MS
}

/**
 * pagewise's default `retryDelay`: the wait the server asked for (`Retry-After`, `RateLimit` reset, …) when it said,
 * else exponential backoff of 1 s, 2 s, 4 s … capped at 30 s.
 */
export function defaultRetryDelay(failureCount: number, error: unknown): number {
  if (error instanceof HttpError && error.retryAfterMs !== undefined) return error.retryAfterMs
  return Math.min(1000 * 2 ** failureCount, 30_000)
}
