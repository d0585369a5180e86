/**
 * Whether `error` is a cancellation: an `AbortError`, or any rejection once `signal` has been aborted. Such
 * errors are rethrown unchanged so that TanStack Query recognises the cancellation.
 */
export function isAbortError(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted === true) return true
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError'
}
