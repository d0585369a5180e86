import { defaultRetryDelay, isAbortError } from './retryPolicy'

/** Whether to try a failed page again: TanStack Query's `retry` option, with the same meaning. */
export type FetchAllRetry = boolean | number | ((failureCount: number, error: unknown) => boolean)

/** How long to wait before trying a failed page again: TanStack Query's `retryDelay` option, in milliseconds. */
export type FetchAllRetryDelay = number | ((failureCount: number, error: unknown) => number)

/** How `retrying` tries again: TanStack Query's `retry` and `retryDelay`, and the signal that stops it. */
export interface RetryingOptions {
  retry: FetchAllRetry
  /** @default defaultRetryDelay */
  retryDelay?: FetchAllRetryDelay | undefined
  signal: AbortSignal
}

/**
 * Calls `attempt` until it resolves or `retry` gives up, waiting `retryDelay` between tries, as TanStack Query's
 * retryer does (the same `failureCount` meaning). `attempt` gets the failures so far. A cancellation is never retried:
 * it is rethrown unchanged, and aborting `signal` during a wait rejects at once with its reason.
 */
export async function retrying<T>(
  attempt: (failureCount: number) => Promise<T>,
  { retry, retryDelay = defaultRetryDelay, signal }: RetryingOptions,
): Promise<T> {
  for (let failureCount = 0; ; failureCount += 1) {
    try {
      return await attempt(failureCount)
    } catch (error) {
      if (isAbortError(error, signal)) throw error
      const again =
        retry === true ||
        (typeof retry === 'number' && failureCount < retry) ||
        (typeof retry === 'function' && retry(failureCount, error))
      if (!again) throw error
      await sleep(retryDelayOf(retryDelay, failureCount, error), signal)
    }
  }
}

/** The wait `retryDelay` gives before the retry after `failureCount` failures. */
export function retryDelayOf(retryDelay: FetchAllRetryDelay, failureCount: number, error: unknown): number {
  return typeof retryDelay === 'function' ? retryDelay(failureCount, error) : retryDelay
}

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted()
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(
      () => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, ms),
    )
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
