import { InvalidOptionError } from './errors'
import type { FetchAllRetry, FetchAllRetryDelay } from './retrying'
import { isObject } from './isObject'
import { retryDelayOf, retrying } from './retrying'
import { defaultRetry, defaultRetryDelay } from './retryPolicy'

/**
 * Requests at a time, by default. Close and Pipedrive limit each API key (Close per endpoint group, Pipedrive per
 * 2-second window: 20 requests on its smallest plan), and the same key also loads the lists on screen. Two PUTs of
 * 100–200 ms each stay near that budget; more would only meet 429s sooner, and a 429 pauses the whole run anyway.
 */
const DEFAULT_CONCURRENCY = 2

/** What `action` gets besides the item. */
export interface BulkActionContext {
  /** Aborted when the run is cancelled: pass it to `fetch` so the request in flight stops too. */
  signal: AbortSignal
}

/** The request for one item: a `PUT /lead/{id}/`, a `DELETE`, … Rejects (with an `HttpError`, …) when it fails. */
export type BulkAction<TItem, TResult> = (item: TItem, context: BulkActionContext) => Promise<TResult>

/** Options of `runBulkAction` and `useBulkAction`: what to do with each item, and how hard to push the API. */
export interface BulkActionOptions<TItem, TResult> {
  /** Sends the request for one item and resolves with the server's answer (kept in the report). */
  action: BulkAction<TItem, TResult>
  /**
   * How many requests may be in flight at once.
   * @default 2 (Close and Pipedrive limit each API key, and the lists on screen use the same key)
   */
  concurrency?: number
  /**
   * Whether to try a failed item again, as `fetchAll` takes it (per item). The default retries 5xx and network errors
   * too: right for `PUT` and `DELETE`; for a `POST` that creates, retry only 429s so nothing is created twice.
   * @default defaultRetry: 429, 408, 5xx and network errors, up to 3 times
   */
  retry?: FetchAllRetry
  /**
   * How long to wait before trying again; for a rate limit, the whole run waits this long.
   * @default defaultRetryDelay: the server's `Retry-After` (or `RateLimit` reset) when it gave one, else 1 s, 2 s, 4 s…
   */
  retryDelay?: FetchAllRetryDelay
}

/** How one item ended: the server's answer, or the error of its last try, as thrown (`HttpError`, …). */
export type BulkItemOutcome<TResult> =
  { status: 'succeeded'; result: TResult } | { status: 'failed'; error: unknown }

/** How far a bulk action has got. */
export interface BulkActionProgress {
  /** Items that succeeded or failed so far. */
  done: number
  /** Items the server accepted. */
  succeeded: number
  /** Items that failed, after their retries. */
  failed: number
  /** Items in this run. */
  total: number
}

/** The whole run waits for a rate limit. */
export interface BulkActionPause {
  /** How long, in milliseconds, from now. */
  waitMs: number
  /** When the run goes on, as a `Date.now()` time. */
  resumeAt: number
  /** The failure that asked for the wait: an `HttpError` 429, or any error with a `retryAfterMs`. */
  error: unknown
}

/** The last argument of `runBulkAction`: cancellation and what to hear about as the run goes. */
export interface BulkActionControls<TItem, TResult> {
  /**
   * Cancels the run: no request starts after it, the requests in flight are aborted, and the items left are reported
   * as `skipped`. The run still resolves, with the report of what was done.
   */
  signal?: AbortSignal
  /** Called as each item lands, before `onProgress`: put the server's answer into the cached lists here. */
  onItemSettled?: (item: TItem, outcome: BulkItemOutcome<TResult>) => void
  /** Called after each item with the counts so far. */
  onProgress?: (progress: BulkActionProgress) => void
  /** Called when a rate limit pauses the whole run, or makes the pause longer. */
  onPause?: (pause: BulkActionPause) => void
  /** Called when the run goes on after a pause. */
  onResume?: () => void
}

/** The report of a bulk action. Every list is in the order of `items`. */
export interface BulkActionResult<TItem, TResult> {
  /** The items the action was asked to do, as given. */
  items: readonly TItem[]
  /** Items the server accepted, with its answer. */
  succeeded: Array<{ item: TItem; result: TResult }>
  /** Items that failed after their retries, with the error of the last try, as thrown (`HttpError`, …). */
  failed: Array<{ item: TItem; error: unknown }>
  /**
   * Items left undone by a cancel: never sent, or aborted in flight (such a request may still have reached the
   * server).
   */
  skipped: TItem[]
  /** How many times a rate limit paused the whole run. */
  pauseCount: number
  /** How long the run was paused for rate limits in all, in milliseconds. */
  pausedMs: number
}

/**
 * Runs `action` once per item, a few at a time, for bulk edits ("change the status of these 300 leads"). A failed
 * item is retried as `fetchAll` retries a page, then reported; it never stops the others. A rate limit (a 429, or any
 * error whose `retryAfterMs` says to wait) pauses the whole run: no request starts until the wait is over. Resolves
 * with the report, also after a cancel; rejects only for an invalid option or a callback that throws.
 *
 * @example
 * const controller = new AbortController()
 * const report = await runBulkAction(
 *   leads,
 *   { action: (lead, { signal }) => putLead(lead.id, { status_id }, signal) },
 *   { signal: controller.signal, onProgress: ({ done, total }) => console.log(`${done}/${total}`) },
 * )
 * console.log(report.failed.map(({ item, error }) => `${item.id}: ${String(error)}`))
 */
export async function runBulkAction<TItem, TResult>(
  items: readonly TItem[],
  options: BulkActionOptions<TItem, TResult>,
  controls: BulkActionControls<TItem, TResult> = {},
): Promise<BulkActionResult<TItem, TResult>> {
  const { outcomes, pauseCount, pausedMs } = await runItems(items, options, controls, 'runBulkAction')
  const result: BulkActionResult<TItem, TResult> = {
    items,
    succeeded: [],
    failed: [],
    skipped: [],
    pauseCount,
    pausedMs,
  }
  items.forEach((item, index) => {
    const outcome = outcomes[index]
    if (outcome === undefined) result.skipped.push(item)
    else if (outcome.status === 'succeeded') result.succeeded.push({ item, result: outcome.result })
    else result.failed.push({ item, error: outcome.error })
  })
  return result
}

/**
 * Runs `action` again for the items that failed in `previous`, and resolves with the report of the whole action:
 * the items that succeed now join `succeeded`; those that fail again, or that a cancel leaves untried, stay in
 * `failed` (so they can be retried once more). Progress counts the retried items only.
 *
 * @example
 * let report = await runBulkAction(leads, { action: updateLead })
 * if (report.failed.length > 0) report = await retryBulkAction(report, { action: updateLead })
 */
export async function retryBulkAction<TItem, TResult>(
  previous: BulkActionResult<TItem, TResult>,
  options: BulkActionOptions<TItem, TResult>,
  controls: BulkActionControls<TItem, TResult> = {},
): Promise<BulkActionResult<TItem, TResult>> {
  const retried = previous.failed
  const run = await runItems(
    retried.map((entry) => entry.item),
    options,
    controls,
    'retryBulkAction',
  )
  const succeeded = [...previous.succeeded]
  const failed: BulkActionResult<TItem, TResult>['failed'] = []
  retried.forEach((entry, index) => {
    const outcome = run.outcomes[index]
    if (outcome === undefined) failed.push(entry)
    else if (outcome.status === 'succeeded') succeeded.push({ item: entry.item, result: outcome.result })
    else failed.push({ item: entry.item, error: outcome.error })
  })
  // Back into the order of `items`; a stable sort keeps repeated items in their own order.
  const position = new Map<TItem, number>()
  previous.items.forEach((item, index) => {
    if (!position.has(item)) position.set(item, index)
  })
  succeeded.sort((a, b) => (position.get(a.item) ?? 0) - (position.get(b.item) ?? 0))
  return {
    items: previous.items,
    succeeded,
    failed,
    skipped: previous.skipped,
    pauseCount: previous.pauseCount + run.pauseCount,
    pausedMs: previous.pausedMs + run.pausedMs,
  }
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────────────────────────

interface ItemsRun<TResult> {
  /** Per item, in input order; `undefined` for an item the cancel left undone. */
  outcomes: Array<BulkItemOutcome<TResult> | undefined>
  pauseCount: number
  pausedMs: number
}

async function runItems<TItem, TResult>(
  items: readonly TItem[],
  options: BulkActionOptions<TItem, TResult>,
  controls: BulkActionControls<TItem, TResult>,
  owner: string,
): Promise<ItemsRun<TResult>> {
  const {
    action,
    concurrency = DEFAULT_CONCURRENCY,
    retry = defaultRetry,
    retryDelay = defaultRetryDelay,
  } = options
  if (typeof action !== 'function') throw new InvalidOptionError(owner, 'action', 'a function', action)
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidOptionError(owner, 'concurrency', 'a whole number of at least 1', concurrency)
  }
  // The run's own controller: the caller's signal cancels it, and so does a callback that throws.
  const run = new AbortController()
  const { signal: outer } = controls
  const cancel = () => run.abort(outer?.reason)
  if (outer?.aborted) cancel()
  else outer?.addEventListener('abort', cancel, { once: true })
  const { signal } = run

  let callbackError: { error: unknown } | undefined
  // A callback that throws is a bug in the caller's code: stop the run and reject with it rather than let the
  // error pass for the item's failure (or be retried as one).
  const notify = (callback: () => void) => {
    try {
      callback()
    } catch (error) {
      callbackError ??= { error }
      run.abort(error)
    }
  }
  const gate = rateLimitGate(controls, notify)
  const outcomes: Array<BulkItemOutcome<TResult> | undefined> = items.map(() => undefined)
  let succeeded = 0
  let failed = 0
  const settle = (index: number, outcome: BulkItemOutcome<TResult>) => {
    outcomes[index] = outcome
    if (outcome.status === 'succeeded') succeeded += 1
    else failed += 1
    const progress = { done: succeeded + failed, succeeded, failed, total: items.length }
    notify(() => controls.onItemSettled?.(items[index]!, outcome))
    notify(() => controls.onProgress?.(progress))
  }

  const attempt = async (item: TItem, failureCount: number) => {
    await gate.passed(signal)
    signal.throwIfAborted()
    try {
      return await action(item, { signal })
    } catch (error) {
      // The server's wait holds for every request on this key, not just this item's retry.
      if (!signal.aborted && isRateLimit(error)) {
        gate.pause(retryDelayOf(retryDelay, failureCount, error), error)
      }
      throw error
    }
  }
  let next = 0
  const worker = async () => {
    while (!signal.aborted && next < items.length) {
      const index = next
      next += 1
      try {
        const result = await retrying((failureCount) => attempt(items[index]!, failureCount), {
          retry,
          retryDelay,
          signal,
        })
        settle(index, { status: 'succeeded', result })
      } catch (error) {
        // Cut short by the cancel: not done, which is not a failure.
        if (!signal.aborted) settle(index, { status: 'failed', error })
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  } finally {
    gate.close()
    outer?.removeEventListener('abort', cancel)
  }
  if (callbackError) throw callbackError.error
  return { outcomes, pauseCount: gate.pauseCount, pausedMs: gate.pausedMs }
}

/** A 429, or any failure that says how long to wait (`HttpError.retryAfterMs`, as a 503 with `Retry-After` does). */
function isRateLimit(error: unknown): boolean {
  if (!isObject(error)) return false
  const status = error.status ?? (isObject(error.response) ? error.response.status : undefined)
  return status === 429 || typeof error.retryAfterMs === 'number'
}

/**
 * Holds every worker while a rate limit lasts. A second limit during a pause makes it longer, never shorter: the
 * server's latest word wins only when it asks for more.
 */
function rateLimitGate(
  controls: Pick<BulkActionControls<unknown, unknown>, 'onPause' | 'onResume'>,
  notify: (callback: () => void) => void,
) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let resumeAt = 0
  let opened: Promise<void> = Promise.resolve()
  let open = () => {}
  const gate = {
    pauseCount: 0,
    pausedMs: 0,
    pause(waitMs: number, error: unknown) {
      if (!(waitMs > 0)) return
      const until = Date.now() + waitMs
      if (timer === undefined) {
        gate.pauseCount += 1
        gate.pausedMs += waitMs
        opened = new Promise((resolve) => (open = resolve))
      } else if (until > resumeAt) {
        gate.pausedMs += until - resumeAt
        clearTimeout(timer)
      } else {
        return
      }
      resumeAt = until
      timer = setTimeout(() => {
        timer = undefined
        open()
        notify(() => controls.onResume?.())
      }, waitMs)
      notify(() => controls.onPause?.({ waitMs, resumeAt: until, error }))
    },
    /** Resolves once no pause holds the run; rejects with the signal's reason when it is aborted first. */
    async passed(signal: AbortSignal) {
      while (timer !== undefined) {
        signal.throwIfAborted()
        await new Promise<void>((resolve, reject) => {
          const onAbort = () => reject(signal.reason)
          signal.addEventListener('abort', onAbort, { once: true })
          void opened.then(() => {
            signal.removeEventListener('abort', onAbort)
            resolve()
          })
        })
      }
    },
    /** The run is over: no timer is left behind, and nothing waits. */
    close() {
      clearTimeout(timer)
      timer = undefined
      open()
    },
  }
  return gate
}
