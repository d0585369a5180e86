import { InvalidOptionError } from '../core/errors'

/**
 * A per-client request budget in front of the provider's rate limit: Close's limit is per API key, so without one a
 * single browser (a runaway effect, a script) could spend the whole team's quota through the proxy.
 *
 * @example
 * budget: { requests: 60, windowMs: 60_000, clientKey: (request) => sessionIdOf(request) }
 */
export interface ProxyBudget {
  /** Requests one client may make per window. */
  requests: number
  /** The window's length, in milliseconds; a client's window starts at its first request. */
  windowMs: number
  /**
   * Who the client is: a session or user id read from the request. Requests for which it returns `undefined` are
   * not counted (your own authentication refuses them first). Do not key on `x-forwarded-for` unless your own
   * reverse proxy sets it: a browser can send any value.
   */
  clientKey: (request: Request) => string | undefined | Promise<string | undefined>
}

/** The budget's answer for one request. */
export type BudgetDecision = { allowed: true } | { allowed: false; retryAfterMs: number }

/** A budget's state: one window per client, kept by the handler that made it (never shared between handlers). */
export interface RequestBudget {
  take(client: string): BudgetDecision
}

/**
 * Makes the counter behind `ProxyBudget`. Windows that have ended are dropped on the next request, so the map holds
 * only clients seen within the last window.
 */
export function createRequestBudget(
  budget: Pick<ProxyBudget, 'requests' | 'windowMs'>,
  now: () => number = Date.now,
): RequestBudget {
  const { requests, windowMs } = budget
  if (!Number.isInteger(requests) || requests < 1) {
    throw new InvalidOptionError('createProxyHandler', 'budget.requests', 'a whole number ≥ 1', requests)
  }
  if (!Number.isFinite(windowMs) || windowMs <= 0) {
    throw new InvalidOptionError(
      'createProxyHandler',
      'budget.windowMs',
      'a number of milliseconds > 0',
      windowMs,
    )
  }
  const windows = new Map<string, { start: number; used: number }>()
  return {
    take(client) {
      const time = now()
      // The map is in order of window start (a client is re-added when its window ends): stop at the first live one.
      for (const [key, window] of windows) {
        if (time - window.start < windowMs) break
        windows.delete(key)
      }
      const window = windows.get(client) ?? { start: time, used: 0 }
      windows.set(client, window)
      if (window.used >= requests) {
        return { allowed: false, retryAfterMs: window.start + windowMs - time }
      }
      window.used += 1
      return { allowed: true }
    },
  }
}
