import { delay } from 'msw'
import type { DefaultBodyType, HttpResponseResolver, PathParams } from 'msw'
import { mergeFaults, NO_FAULTS } from './faults'
import type { MockCommonOptions, MockFaults, MockRequestRecord } from './mockTypes'
import { createRng, hashSeed, SALT } from './random'
import type { Rng } from './random'
import { createRateLimiter } from './rateLimiter'
import type { RateLimitState } from './rateLimiter'
import { readCall, recordOf } from './requestRecord'
import type { MockCall } from './requestRecord'

/** An MSW resolver that answers with plain `Response` objects. */
export type MockResolver = HttpResponseResolver<PathParams, DefaultBodyType, undefined>

/** How one provider words its auth, rate-limit and server errors. */
export interface ProviderProfile {
  /** Whether the request carries valid credentials (always true when the mock has none configured). */
  authorize(request: Request): boolean
  unauthorized(): Response
  rateLimited(state: RateLimitState): Response
  /** Rate-limit headers for answers within the limit. */
  rateLimitHeaders(state: RateLimitState): Record<string, string>
  serverError(status: 502 | 503): Response
}

/** One endpoint of a mock. */
export interface EndpointSpec {
  /** Answers a well-formed request (validation errors included). */
  answer(call: MockCall): Response | Promise<Response>
  /** Breaks the envelope of the normal answer (`body` is its JSON when it was a JSON 200, else undefined). */
  malformed(body: unknown): Response
  /** For list endpoints: inserts `count` new records (the drift fault). */
  drift?: (count: number) => void
}

/** The shared request pipeline: log → latency → auth → rate limit → malformed → 5xx → drift → answer. */
export interface MockRuntime {
  endpoint(spec: EndpointSpec): MockResolver
  readonly faults: Readonly<MockFaults>
  setFaults(faults: Partial<MockFaults>): void
  readonly requests: readonly MockRequestRecord[]
  /**
   * Clears counters, the log and the random streams; restores the initial faults. A request still waiting out its
   * latency is answered 503 and leaves the new state alone.
   */
  reset(): void
}

/** Creates the pipeline for one mock. */
export function createMockRuntime(profile: ProviderProfile, options: MockCommonOptions): MockRuntime {
  const seed = options.seed ?? 1
  const now = options.now ?? Date.now
  const initialFaults = mergeFaults(NO_FAULTS, options.faults)
  let faults = initialFaults
  const requests: MockRequestRecord[] = []
  const limiter = createRateLimiter()
  const driftCounters = new Map<EndpointSpec, number>()
  let requestCount = 0
  /** Bumped by `reset()`: a request that arrived before it is not let into the state that follows. */
  let generation = 0
  let failureRng: Rng = createRng(hashSeed(seed, SALT.faultFailure))
  let latencyRng: Rng = createRng(hashSeed(seed, SALT.faultLatency))

  /** `draws`: the request's two failure draws, taken on arrival so latency cannot reorder them. */
  async function produce(
    spec: EndpointSpec,
    call: MockCall,
    number: number,
    draws: [number, number],
  ): Promise<Response> {
    const [failureDraw, statusDraw] = draws
    if (!profile.authorize(call.request)) return profile.unauthorized()
    const limit = faults.rateLimit === null ? undefined : limiter.hit(faults.rateLimit, now())
    if (limit?.limited === true) return profile.rateLimited(limit)
    const withHeaders = (response: Response): Response => {
      if (limit !== undefined) {
        for (const [name, value] of Object.entries(profile.rateLimitHeaders(limit)))
          response.headers.set(name, value)
      }
      return response
    }
    if (faults.malformedOnRequest === number) {
      const normal = await spec.answer(call)
      const isJson = normal.headers.get('content-type')?.includes('json') === true
      return withHeaders(spec.malformed(normal.status === 200 && isJson ? await normal.json() : undefined))
    }
    if (failureDraw < faults.failureRate) return profile.serverError(statusDraw < 0.5 ? 502 : 503)
    if (spec.drift !== undefined && faults.drift !== null) {
      const count = (driftCounters.get(spec) ?? 0) + 1
      driftCounters.set(spec, count)
      if (count % faults.drift.insertEvery === 0) spec.drift(faults.drift.count)
    }
    return withHeaders(await spec.answer(call))
  }

  return {
    endpoint:
      (spec) =>
      async ({ request, params }) => {
        const call = await readCall(request, params)
        const record = recordOf(call, now())
        requests.push(record)
        requestCount += 1
        const number = requestCount
        const draws: [number, number] = [failureRng.next(), failureRng.next()]
        const wait = faults.latency.fixedMs + Math.floor(latencyRng.next() * faults.latency.jitterMs)
        const arrivedIn = generation
        if (wait > 0) await delay(wait)
        // Reset during its latency (a test or story ended): it must not count towards the new rate-limit window or
        // drift, so it gets the answer of a server that restarted.
        if (generation !== arrivedIn) return profile.serverError(503)
        const response = await produce(spec, call, number, draws)
        record.status = response.status
        return response
      },
    get faults() {
      return faults
    },
    setFaults(changes) {
      faults = mergeFaults(faults, changes)
    },
    requests,
    reset() {
      generation += 1
      faults = initialFaults
      requests.length = 0
      limiter.reset()
      driftCounters.clear()
      requestCount = 0
      failureRng = createRng(hashSeed(seed, SALT.faultFailure))
      latencyRng = createRng(hashSeed(seed, SALT.faultLatency))
    },
  }
}
