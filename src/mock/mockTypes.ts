import type { HttpHandler } from 'msw'

/** Added response time. */
export interface MockLatency {
  /** Milliseconds added to every response. @default 0 */
  fixedMs: number
  /** Up to this many more milliseconds, drawn from the mock's seeded generator. @default 0 */
  jitterMs: number
}

/** A fixed-window rate limit. */
export interface MockRateLimit {
  /** Requests allowed per window; the next ones get HTTP 429. */
  requests: number
  /** Window length in milliseconds (Pipedrive uses 2-second burst windows). */
  windowMs: number
}

/** New records appearing while a client pages (the classic cause of duplicates with offsets). */
export interface MockDrift {
  /** Every `insertEvery`-th answered request to a list endpoint inserts records before answering. */
  insertEvery: number
  /** How many records each insert adds. They are the newest records of that list (see the mock's docs). */
  count: number
}

/** Fault injection of a mock. Change it at run time with `setFaults` (for example from Storybook controls). */
export interface MockFaults {
  /** Added response time. @default { fixedMs: 0, jitterMs: 0 } */
  latency: MockLatency
  /**
   * `requests` per `windowMs`, then HTTP 429 with `Retry-After` and the provider's headers. While set, answers within
   * the limit carry the headers too (Close `RateLimit: limit=…, remaining=…, reset=…`, Pipedrive `x-ratelimit-*`).
   * @default null
   */
  rateLimit: MockRateLimit | null
  /** Share (0–1) of requests answered with a seeded 502 or 503. @default 0 */
  failureRate: number
  /** The Nth request (1-based, counted per mock since creation or `reset()`) gets a malformed 200. @default null */
  malformedOnRequest: number | null
  /** Insert new records while a client pages. @default null */
  drift: MockDrift | null
}

/** One request the mock has seen, faulted or not. */
export interface MockRequestRecord {
  /** Upper-case HTTP method. */
  method: string
  /** URL path, e.g. `/api/v1/lead/`. */
  path: string
  /** Query parameters (the last value wins when a name repeats). */
  query: Record<string, string>
  /** Parsed JSON body, the raw text when it is not JSON, or `undefined` without a body. */
  body: unknown
  /** Status of the answer. */
  status: number
  /** Arrival time from the mock's `now` clock. */
  time: number
}

/** A mock API: MSW handlers plus the data and the controls behind them. */
export interface MockApi<TDataset> {
  /** MSW handlers, for `setupServer`, `setupWorker` or msw-storybook-addon. */
  readonly handlers: HttpHandler[]
  /** The live, mutable records (drift and writes change them). A new object after `reset()`. */
  readonly dataset: TDataset
  /** Changes fault injection at run time; omitted keys keep their current value. */
  setFaults(faults: Partial<MockFaults>): void
  /** The current fault settings. */
  readonly faults: Readonly<MockFaults>
  /** Every request seen since creation or the last `reset()`, oldest first. */
  readonly requests: readonly MockRequestRecord[]
  /**
   * Regenerates the dataset from the seed, clears counters and the request log, restores the faults of the options.
   * A request still waiting out its latency is answered 503 and counts towards nothing after the reset.
   */
  reset(): void
}

/** Options shared by `createCloseMock` and `createPipedriveMock`. */
export interface MockCommonOptions {
  /** Seed of the data and of every random fault (jitter, 5xx). @default 1 */
  seed?: number
  /** Fault injection at start (and after `reset()`). @default no faults */
  faults?: Partial<MockFaults>
  /** Clock for rate-limit windows and request times; tests pass a fake clock. @default Date.now */
  now?: () => number
}
