// @vitest-environment jsdom
/**
 * useFetchAll behind an "Export" button, through createFetcher and the mock Close API: what the component sees
 * while the whole list loads, when it is cancelled, fails, or unmounts, and under StrictMode.
 */
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { closeOffset, createFetcher, MalformedResponseError } from '../../src'
import type { FetchAllProgress } from '../../src/core/fetchAll'
import { useFetchAll } from '../../src/hooks/useFetchAll'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../src/mock'
import { setupMockServer } from '../mockServer'
import { renderWithClient } from '../renderWithClient'

const { serve } = setupMockServer()
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
type Id = { id: string }

const leadsExport = () => ({ adapter: closeOffset<Id>(), fetchPage: close('/lead/') })
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

afterEach(() => {
  vi.restoreAllMocks()
})

describe('useFetchAll', () => {
  it('is idle until start(), then runs, reports progress, and holds every record when done', async () => {
    const mock = serve(createCloseMock({ leads: 1000, faults: { latency: { fixedMs: 10, jitterMs: 0 } } }))
    // The second page waits for the test, so the progress after the first is seen however busy the machine is.
    let releaseSecondPage = () => {}
    const secondPageReleased = new Promise<void>((resolve) => (releaseSecondPage = resolve))
    const { adapter, fetchPage } = leadsExport()
    const gatedFetchPage: typeof fetchPage = async (request) => {
      if (request.query._skip === '200') await secondPageReleased
      return fetchPage(request)
    }
    const seen: FetchAllProgress[] = []
    const { result } = renderHook(() => {
      const run = useFetchAll({ adapter, fetchPage: gatedFetchPage })
      if (seen.at(-1)?.loaded !== run.progress.loaded) seen.push(run.progress)
      return run
    })
    expect(result.current).toMatchObject({
      status: 'idle',
      progress: { loaded: 0 },
      records: [],
      error: null,
    })
    expect(mock.requests).toHaveLength(0)
    act(() => result.current.start())
    expect(result.current.status).toBe('running')
    await waitFor(() => expect(result.current.progress).toEqual({ loaded: 200 }))
    expect(result.current.status).toBe('running')
    releaseSecondPage()
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(result.current.records.map((lead) => lead.id)).toEqual(mock.dataset.leads.map((lead) => lead.id))
    expect(result.current.progress).toEqual({ loaded: 1000 })
    expect(result.current.error).toBeNull()
    // Renders may batch two pages' progress into one on a busy machine: what a user sees only ever grows, page by page.
    const loaded = seen.map((progress) => progress.loaded)
    expect(loaded.slice(0, 2)).toEqual([0, 200])
    expect(loaded.at(-1)).toBe(1000)
    expect(
      loaded.every((value, index) => value % 200 === 0 && (index === 0 || value > loaded[index - 1]!)),
    ).toBe(true)
    expect(mock.requests.map((request) => request.query._limit)).toEqual(['200', '200', '200', '200', '200'])
  })

  it('shows the total when the API reports one', async () => {
    serve(
      createCloseMock({ leads: 300, opportunities: 400, faults: { latency: { fixedMs: 100, jitterMs: 0 } } }),
    )
    const { result } = renderHook(() =>
      useFetchAll({
        adapter: closeOffset<Id>({ resource: 'opportunity' }),
        fetchPage: close('/opportunity/'),
      }),
    )
    act(() => result.current.start())
    await waitFor(() => expect(result.current.progress).toEqual({ loaded: 250, total: 400 }))
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(result.current.progress).toEqual({ loaded: 400, total: 400 })
  })

  it('start() while running does not start a second run', async () => {
    const mock = serve(createCloseMock({ leads: 400, faults: { latency: { fixedMs: 10, jitterMs: 0 } } }))
    const { result } = renderHook(() => useFetchAll(leadsExport()))
    act(() => {
      result.current.start()
      result.current.start()
    })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(mock.requests.map((request) => request.query._skip)).toEqual(['0', '200'])
  })

  it('cancel() stops the run: status cancelled, the request in flight aborted, none after it', async () => {
    const mock = serve(createCloseMock({ leads: 2500, faults: { latency: { fixedMs: 60, jitterMs: 0 } } }))
    const signals: AbortSignal[] = []
    const fetchPage = close('/lead/')
    const { result } = renderHook(() =>
      useFetchAll({
        adapter: closeOffset<Id>(),
        fetchPage: (request) => (signals.push(request.signal), fetchPage(request)),
      }),
    )
    act(() => result.current.start())
    await waitFor(() => expect(result.current.progress.loaded).toBeGreaterThanOrEqual(200))
    act(() => result.current.cancel())
    expect(result.current.status).toBe('cancelled')
    const sent = mock.requests.length
    const loaded = result.current.progress.loaded
    expect(signals.at(-1)?.aborted).toBe(true)
    await pause(200)
    expect(mock.requests).toHaveLength(sent)
    expect(sent).toBeLessThan(13)
    expect(result.current).toMatchObject({ status: 'cancelled', records: [], error: null })
    expect(result.current.progress.loaded).toBe(loaded)
  })

  it('start() after a cancelled run starts over and completes', async () => {
    const mock = serve(createCloseMock({ leads: 600, faults: { latency: { fixedMs: 10, jitterMs: 0 } } }))
    const { result } = renderHook(() => useFetchAll(leadsExport()))
    act(() => result.current.start())
    act(() => result.current.cancel())
    act(() => result.current.start())
    expect(result.current).toMatchObject({ status: 'running', progress: { loaded: 0 } })
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(result.current.records).toHaveLength(600)
    expect(mock.requests.filter((request) => request.query._skip === '400')).toHaveLength(1)
  })

  it('a malformed page ends the run with its typed error; the progress made stays', async () => {
    serve(createCloseMock({ leads: 1000, faults: { malformedOnRequest: 3 } }))
    const { result } = renderHook(() => useFetchAll(leadsExport()))
    act(() => result.current.start())
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toBeInstanceOf(MalformedResponseError)
    expect(result.current.error?.message).toContain('close.offset: expected "has_more" to be a boolean')
    expect(result.current.progress).toEqual({ loaded: 400 })
    expect(result.current.records).toEqual([])
  })

  it('unmounting mid-run aborts the request in flight: no request after it, no warning', async () => {
    const consoleError = vi.spyOn(console, 'error')
    const mock = serve(createCloseMock({ leads: 2500, faults: { latency: { fixedMs: 60, jitterMs: 0 } } }))
    const signals: AbortSignal[] = []
    const fetchPage = close('/lead/')
    const { result, unmount } = renderHook(() =>
      useFetchAll({
        adapter: closeOffset<Id>(),
        fetchPage: (request) => (signals.push(request.signal), fetchPage(request)),
      }),
    )
    act(() => result.current.start())
    await waitFor(() => expect(result.current.progress.loaded).toBeGreaterThanOrEqual(200))
    unmount()
    const sent = mock.requests.length
    expect(signals.at(-1)?.aborted).toBe(true)
    await pause(200)
    expect(mock.requests).toHaveLength(sent)
    expect(sent).toBeLessThan(13)
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('works under StrictMode: one run, every record', async () => {
    const consoleError = vi.spyOn(console, 'error')
    const mock = serve(createCloseMock({ leads: 500 }))
    const { result } = renderWithClient(() => useFetchAll(leadsExport()), { strict: true })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(result.current.records).toHaveLength(500)
    expect(mock.requests.map((request) => request.query._skip)).toEqual(['0', '200', '400'])
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('uses the options of the latest render when start() is called', async () => {
    const mock = serve(createCloseMock({ leads: 300, opportunities: 100 }))
    const { result, rerender } = renderHook(
      ({ path }: { path: '/lead/' | '/opportunity/' }) =>
        useFetchAll({ adapter: closeOffset<Id>({ resource: 'opportunity' }), fetchPage: close(path) }),
      { initialProps: { path: '/lead/' } },
    )
    rerender({ path: '/opportunity/' })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(result.current.records).toHaveLength(100)
    expect(mock.requests.map((request) => request.path)).toEqual(['/api/v1/opportunity/'])
  })
})
