import type { MockRateLimit } from './mockTypes'

/** Where a request stands in its rate-limit window. */
export interface RateLimitState {
  /** Requests allowed per window. */
  limit: number
  /** Requests left in this window after this one (0 when refused). */
  remaining: number
  /** Whole seconds until the window resets (at least 1). */
  resetSeconds: number
  /** Window length in seconds. */
  windowSeconds: number
  /** Whether this request is over the limit. */
  limited: boolean
}

/** A fixed-window counter: a window opens at the first request after the previous one closed. */
export interface RateLimiter {
  hit(limit: MockRateLimit, now: number): RateLimitState
  reset(): void
}

/** Creates an empty rate limiter. */
export function createRateLimiter(): RateLimiter {
  let windowStart = Number.NEGATIVE_INFINITY
  let count = 0
  return {
    hit(limit, now) {
      if (now - windowStart >= limit.windowMs || now < windowStart) {
        windowStart = now
        count = 0
      }
      count += 1
      const limited = count > limit.requests
      return {
        limit: limit.requests,
        remaining: Math.max(0, limit.requests - count),
        resetSeconds: Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000)),
        windowSeconds: limit.windowMs / 1000,
        limited,
      }
    },
    reset() {
      windowStart = Number.NEGATIVE_INFINITY
      count = 0
    },
  }
}
