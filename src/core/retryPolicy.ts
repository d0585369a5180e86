import { isObject } from './isObject'

/** Retries after the first failure, at most. */
export const MAX_RETRIES = 3

/** A server asking to wait longer than this is not retried automatically: the error is shown instead. */
export const MAX_RETRY_AFTER_MS = 60_000

/**
 * The HTTP status an error carries: `error.status` (pagewise's `HttpError`, most fetch wrappers) or
 * `error.response.status` (axios, ky). Read by shape, so the retry policy works with any `fetchPage`.
 */
function statusOf(error: unknown): unknown {
  return isObject(error)
    ? (error.status ?? (isObject(error.response) ? error.response.status : undefined))
    : undefined
}

/** `fetch` failed without an answer: pagewise's `NetworkError`, or the `TypeError` a bare `fetch` rejects with. */
function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'NetworkError') return true
  return error.name === 'TypeError' && /fetch|network|load failed/i.test(error.message)
}

/**
 * Whether a failure is worth trying again: rate limits (429, or a 403 that says when to retry, as GitHub sends),
 * timeouts (408), server errors (5xx) and network failures.
 */
export function isRetryableError(error: unknown): boolean {
  const status = statusOf(error)
  if (typeof status !== 'number') return isNetworkFailure(error)
  // GitHub answers its primary rate limit with 403 and `x-ratelimit-remaining: 0`: a 403 that says when to come back
  // is a rate limit; any other 403 is a refusal.
  return (
    status === 408 || status === 429 || status >= 500 || (status === 403 && retryAfterOf(error) !== undefined)
  )
}

/** How long the server asked to wait (`HttpError.retryAfterMs`), when it said. */
export function retryAfterOf(error: unknown): number | undefined {
  return isObject(error) && typeof error.retryAfterMs === 'number' ? error.retryAfterMs : undefined
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
  // No wait stated (`undefined`) is not over the limit either.
  return !(retryAfterOf(error)! > MAX_RETRY_AFTER_MS)
}

/**
 * pagewise's default `retryDelay`: the wait the server asked for (`Retry-After`, `RateLimit` reset, …) when it said,
 * else exponential backoff of 1 s, 2 s, 4 s … capped at 30 s.
 */
export function defaultRetryDelay(failureCount: number, error: unknown): number {
  return retryAfterOf(error) ?? Math.min(1000 * 2 ** failureCount, 30_000)
}

/**
 * Whether `error` is a cancellation: an `AbortError`, or any rejection once `signal` has been aborted. Never retried,
 * and rethrown unchanged so that TanStack Query (and `fetchAll`'s caller) recognise the cancellation.
 */
export function isAbortError(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error as { name?: unknown } | null)?.name === 'AbortError'
}
