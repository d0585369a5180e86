import { useCallback, useEffect, useRef, useState } from 'react'
import { retryBulkAction, runBulkAction } from '../core/bulkAction'
import type {
  BulkActionControls,
  BulkActionOptions,
  BulkActionProgress,
  BulkActionResult,
} from '../core/bulkAction'

/** Where a `useBulkAction` run stands. */
export type BulkActionStatus = 'idle' | 'running' | 'done' | 'cancelled'

/** Options of `useBulkAction`: `runBulkAction`'s, and a callback for each item as it lands. */
export interface UseBulkActionOptions<TItem, TResult> extends BulkActionOptions<TItem, TResult> {
  /**
   * Called as each item lands (also one that lands after a cancel or an unmount, since the server did change it):
   * put the server's answer into the cached lists here.
   */
  onItemSettled?: BulkActionControls<TItem, TResult>['onItemSettled']
}

/** What `useBulkAction` returns. */
export interface BulkActionRun<TItem, TResult> {
  /**
   * Runs the action once per item. Does nothing while a run is going on (a second click must not send every request
   * twice): `cancel()` first to replace it.
   */
  run: (items: readonly TItem[]) => void
  /** Runs the action again for the items that failed in `result`; does nothing while running or with none failed. */
  retryFailed: () => void
  /** Stops the run: the requests in flight are aborted, none follows, and `status` becomes `'cancelled'`. */
  cancel: () => void
  /** `'idle'` before the first run, `'running'`, then `'done'` (failures included: see `result`) or `'cancelled'`. */
  status: BulkActionStatus
  /** Items done so far in this run (for `retryFailed()`, the retried ones only). */
  progress: BulkActionProgress
  /**
   * The report: what succeeded, failed and was skipped, in the order given. `null` while running; after a cancel,
   * set once the requests in flight have stopped. After `retryFailed()`, the report of the whole action.
   */
  result: BulkActionResult<TItem, TResult> | null
  /** While a rate limit pauses the run, when it goes on (a `Date.now()` time); else `null`. */
  pausedUntil: number | null
}

interface BulkActionState<TItem, TResult> {
  status: BulkActionStatus
  progress: BulkActionProgress
  result: BulkActionResult<TItem, TResult> | null
  pausedUntil: number | null
  /** A rejected run (an invalid option, a callback that threw): thrown during render, for an error boundary. */
  crash: { error: unknown } | null
}

const noProgress = (total: number): BulkActionProgress => ({ done: 0, succeeded: 0, failed: 0, total })

// Its call is marked pure, so that an app that never imports useBulkAction does not ship it.
const IDLE: BulkActionState<never, never> = {
  status: 'idle',
  progress: /* @__PURE__ */ noProgress(0),
  result: null,
  pausedUntil: null,
  crash: null,
}

/**
 * `runBulkAction` for a bulk-edit button: one request per selected record, two at a time, paused for the API's rate
 * limits, with progress, `cancel()`, and a report whose failures `retryFailed()` sends again. Unmounting cancels.
 *
 * @example
 * const queryClient = useQueryClient()
 * const leadsCache = listCache<Lead>(queryClient, ['close', 'leads'])
 * const setStatus = useBulkAction({
 *   // Your request for one record; throw an HttpError so that 429s and 5xx are retried and reported.
 *   action: async (lead: Lead, { signal }) => {
 *     const response = await fetch(`/api/close/lead/${lead.id}/`, {
 *       method: 'PUT',
 *       headers: { 'content-type': 'application/json' },
 *       body: JSON.stringify({ status_id: wonStatusId }),
 *       signal,
 *     })
 *     const body: unknown = await response.json().catch(() => undefined)
 *     if (!response.ok) {
 *       const { status, statusText, url } = response
 *       const retryAfterMs = parseRetryAfterMs(response.headers, body)
 *       throw new HttpError({ status, statusText, body, url, method: 'PUT', retryAfterMs })
 *     }
 *     return body as Lead
 *   },
 *   // Each updated lead goes into every cached list as it lands.
 *   onItemSettled: (lead, outcome) => {
 *     if (outcome.status === 'succeeded') leadsCache.updateItem(lead.id, () => outcome.result)
 *   },
 * })
 * const { status, progress, result } = setStatus
 *
 * <button onClick={() => setStatus.run(selectedLeads)} disabled={status === 'running'}>Mark as won</button>
 * {status === 'running' && (
 *   <>
 *     <progress value={progress.done} max={progress.total} />
 *     {setStatus.pausedUntil !== null && <span>Rate limited: going on shortly…</span>}
 *     <button onClick={setStatus.cancel}>Cancel</button>
 *   </>
 * )}
 * {result && (
 *   <p role="status">
 *     {result.succeeded.length} updated, {result.failed.length} failed, {result.skipped.length} skipped
 *     {result.failed.length > 0 && <button onClick={setStatus.retryFailed}>Retry failed</button>}
 *   </p>
 * )}
 */
export function useBulkAction<TItem, TResult>(
  options: UseBulkActionOptions<TItem, TResult>,
): BulkActionRun<TItem, TResult> {
  const [state, setState] = useState<BulkActionState<TItem, TResult>>(IDLE)
  // Read only in callbacks: the run going on (for refusing a second one and for cancel), the run whose updates are
  // shown (a cancelled run still delivers its report), its report for `retryFailed()`, and the latest options.
  const active = useRef<AbortController | null>(null)
  const shown = useRef<AbortController | null>(null)
  const lastResult = useRef<BulkActionResult<TItem, TResult> | null>(null)
  const latestOptions = useRef(options)
  useEffect(() => {
    latestOptions.current = options
  })
  useEffect(
    () => () => {
      active.current?.abort()
      active.current = null
      shown.current = null
    },
    [],
  )

  const start = useCallback(
    (
      total: number,
      work: (controls: BulkActionControls<TItem, TResult>) => Promise<BulkActionResult<TItem, TResult>>,
    ) => {
      if (active.current !== null) return
      const controller = new AbortController()
      active.current = controller
      shown.current = controller
      lastResult.current = null
      const isShown = () => shown.current === controller
      const isActive = () => active.current === controller
      setState({ ...IDLE, status: 'running', progress: noProgress(total) })
      work({
        signal: controller.signal,
        onItemSettled: (item, outcome) => latestOptions.current.onItemSettled?.(item, outcome),
        onProgress: (progress) => {
          if (isShown()) setState((previous) => ({ ...previous, progress }))
        },
        onPause: ({ resumeAt }) => {
          if (isActive()) setState((previous) => ({ ...previous, pausedUntil: resumeAt }))
        },
        onResume: () => {
          if (isActive()) setState((previous) => ({ ...previous, pausedUntil: null }))
        },
      }).then(
        (result) => {
          if (isActive()) active.current = null
          if (!isShown()) return
          lastResult.current = result
          setState((previous) => ({
            ...previous,
            status: previous.status === 'cancelled' ? 'cancelled' : 'done',
            result,
            pausedUntil: null,
          }))
        },
        (error: unknown) => {
          if (isActive()) active.current = null
          if (isShown()) setState((previous) => ({ ...previous, pausedUntil: null, crash: { error } }))
        },
      )
    },
    [],
  )

  const run = useCallback(
    (items: readonly TItem[]) =>
      start(items.length, (controls) => runBulkAction(items, latestOptions.current, controls)),
    [start],
  )

  const retryFailed = useCallback(() => {
    const previous = lastResult.current
    if (previous === null || previous.failed.length === 0) return
    start(previous.failed.length, (controls) => retryBulkAction(previous, latestOptions.current, controls))
  }, [start])

  const cancel = useCallback(() => {
    const controller = active.current
    if (controller === null) return
    active.current = null
    controller.abort()
    setState((previous) => ({ ...previous, status: 'cancelled', pausedUntil: null }))
  }, [])

  // A programming error (an invalid option, a callback that threw) goes to the nearest error boundary.
  if (state.crash) throw state.crash.error
  const { status, progress, result, pausedUntil } = state
  return { run, retryFailed, cancel, status, progress, result, pausedUntil }
}
