import type { MockFaults } from './mockTypes'

/** No latency, no limits, no failures. */
export const NO_FAULTS: Readonly<MockFaults> = Object.freeze({
  latency: Object.freeze({ fixedMs: 0, jitterMs: 0 }),
  rateLimit: null,
  failureRate: 0,
  malformedOnRequest: null,
  drift: null,
})

function positiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`)
}

/** Merges `changes` into `current`, validating every value (a bad Storybook control should fail loudly). */
export function mergeFaults(current: Readonly<MockFaults>, changes: Partial<MockFaults> = {}): MockFaults {
  const next: MockFaults = { ...current, ...changes }
  next.latency = { ...current.latency, ...changes.latency }
  const { fixedMs, jitterMs } = next.latency
  if (!(fixedMs >= 0) || !(jitterMs >= 0))
    throw new RangeError('latency.fixedMs and latency.jitterMs must be >= 0')
  if (!(next.failureRate >= 0 && next.failureRate <= 1))
    throw new RangeError('failureRate must be between 0 and 1')
  if (next.rateLimit !== null) {
    positiveInteger(next.rateLimit.requests, 'rateLimit.requests')
    positiveInteger(next.rateLimit.windowMs, 'rateLimit.windowMs')
    next.rateLimit = { ...next.rateLimit }
  }
  if (next.malformedOnRequest !== null) positiveInteger(next.malformedOnRequest, 'malformedOnRequest')
  if (next.drift !== null) {
    positiveInteger(next.drift.insertEvery, 'drift.insertEvery')
    positiveInteger(next.drift.count, 'drift.count')
    next.drift = { ...next.drift }
  }
  return next
}
