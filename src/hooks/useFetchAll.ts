import { useCallback, useEffect, useRef, useState } from 'react'
import { fetchAll } from '../core/fetchAll'
import type { FetchAllOptions, FetchAllProgress } from '../core/fetchAll'

/** Where a `useFetchAll` run stands. */
export type FetchAllStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled'

/** What `useFetchAll` returns. */
export interface FetchAllRun<TItem> {
  /** Starts loading the whole list. Does nothing while a run is going on; after one ended, starts over. */
  start: () => void
  /** Stops the run: the request in flight is aborted, none follows, and `status` becomes `'cancelled'`. */
  cancel: () => void
  /** `'idle'` before `start()`, `'running'`, then `'done'`, `'error'` or `'cancelled'`. */
  status: FetchAllStatus
  /** Records loaded so far and, when the API reports it, the total. */
  progress: FetchAllProgress
  /** Every record of the list, without duplicates, once `status` is `'done'`; else `[]`. */
  records: TItem[]
  /** Why the run failed (`HttpError`, `MalformedResponseError`, …) when `status` is `'error'`; else `null`. */
  error: Error | null
}

interface FetchAllState<TItem> {
  status: FetchAllStatus
  progress: FetchAllProgress
  records: TItem[]
  error: Error | null
}

const IDLE: FetchAllState<never> = { status: 'idle', progress: { loaded: 0 }, records: [], error: null }

/**
 * `fetchAll` for an "Export" button: `start()` walks the whole list at the adapter's largest page size, with rate
 * limits honoured; `progress` follows it and `records` holds the result. `cancel()` and unmounting abort the
 * request in flight; nothing is updated after either.
 *
 * @example
 * const exportLeads = useFetchAll({ adapter: closeOffset<Lead>(), fetchPage: close('/lead/') })
 * <button onClick={exportLeads.start}>Export</button>
 * <progress value={exportLeads.progress.loaded} max={exportLeads.progress.total} />
 * {exportLeads.status === 'done' && <Download rows={exportLeads.records} />}
 */
export function useFetchAll<TResponse, TItem, TParam>(
  options: FetchAllOptions<TResponse, TItem, TParam>,
): FetchAllRun<TItem> {
  const [state, setState] = useState<FetchAllState<TItem>>(IDLE)
  // The run going on (its controller), and the latest options for the next `start()`; read only in callbacks.
  const run = useRef<AbortController | null>(null)
  const latestOptions = useRef(options)
  useEffect(() => {
    latestOptions.current = options
  })
  useEffect(
    () => () => {
      run.current?.abort()
      run.current = null
    },
    [],
  )

  const start = useCallback(() => {
    if (run.current !== null) return
    const controller = new AbortController()
    run.current = controller
    const isCurrent = () => run.current === controller
    setState({ status: 'running', progress: { loaded: 0 }, records: [], error: null })
    const onProgress = (progress: FetchAllProgress) => {
      if (isCurrent()) setState((previous) => ({ ...previous, progress }))
    }
    fetchAll(latestOptions.current, { signal: controller.signal, onProgress }).then(
      (records) => {
        if (!isCurrent()) return
        run.current = null
        setState((previous) => ({ ...previous, status: 'done', records }))
      },
      (caught: unknown) => {
        if (!isCurrent()) return
        run.current = null
        const error = caught instanceof Error ? caught : new Error(String(caught))
        setState((previous) => ({ ...previous, status: 'error', error }))
      },
    )
  }, [])

  const cancel = useCallback(() => {
    const controller = run.current
    if (controller === null) return
    run.current = null
    controller.abort()
    setState((previous) => ({ ...previous, status: 'cancelled' }))
  }, [])

  return { start, cancel, ...state }
}
