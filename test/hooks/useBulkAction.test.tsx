// @vitest-environment jsdom
/**
 * useBulkAction behind a "Mark as won" button over a list of leads: what the user sees as each lead is updated, when
 * some fail and are retried, when the run is cancelled, paused by a rate limit, or unmounted, and under StrictMode.
 * The requests are settled by the test, so nothing depends on how fast the machine is.
 */
import { Component, StrictMode, useState } from 'react'
import type { ReactNode } from 'react'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HttpError, InvalidOptionError, useBulkAction } from '../../src'
import type { BulkAction, BulkActionContext } from '../../src'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const LEADS = ['lead_1', 'lead_2', 'lead_3', 'lead_4']

function httpError(status: number, detail: string, retryAfterMs?: number) {
  return new HttpError({
    status,
    statusText: '',
    body: { error: detail },
    url: 'https://api.close.com/api/v1/lead/x/',
    method: 'PUT',
    retryAfterMs,
  })
}

interface Call {
  lead: string
  signal: AbortSignal
  resolve: (status: string) => void
  reject: (error: unknown) => void
}

/** A `PUT /lead/{id}/` that stays in flight until the test answers it; an aborted one rejects with the reason. */
function handAnsweredRequests() {
  const calls: Call[] = []
  const action = (lead: string, { signal }: BulkActionContext) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ lead, signal, resolve, reject })
      signal.addEventListener('abort', () => reject(signal.reason), { once: true })
    })
  /** The request in flight for `lead`. */
  const callFor = (lead: string) => calls.findLast((call) => call.lead === lead)!
  return { calls, action, callFor }
}

/** Lets every pending promise chain and React update run (setImmediate is never faked here). */
const flush = () => act(() => new Promise<void>((resolve) => setImmediate(resolve)))

/** A bulk-edit panel as an app would write it. */
function LeadsPanel({ action, concurrency }: { action: BulkAction<string, string>; concurrency?: number }) {
  const [statuses, setStatuses] = useState<Record<string, string>>({})
  const markAsWon = useBulkAction({
    action,
    ...(concurrency === undefined ? {} : { concurrency }),
    // The server's answer goes into the list as each lead lands, as a cache update would.
    onItemSettled: (lead, outcome) => {
      if (outcome.status === 'succeeded') setStatuses((previous) => ({ ...previous, [lead]: outcome.result }))
    },
  })
  const { status, progress, result, pausedUntil } = markAsWon
  return (
    <>
      <button onClick={() => markAsWon.run(LEADS)}>Mark as won</button>
      <button onClick={markAsWon.cancel}>Cancel</button>
      <p role="status">
        {status}: {progress.done} of {progress.total}
      </p>
      {pausedUntil !== null && <p role="alert">Rate limited until {pausedUntil}</p>}
      <ul aria-label="Leads">
        {LEADS.map((lead) => (
          <li key={lead}>
            {lead}: {statuses[lead] ?? 'Potential'}
          </li>
        ))}
      </ul>
      {result && (
        <section aria-label="Report">
          <p>
            {result.succeeded.length} updated, {result.failed.length} failed, {result.skipped.length} skipped
          </p>
          <ul aria-label="Failures">
            {result.failed.map(({ item, error }) => (
              <li key={item}>
                {item}: {error instanceof HttpError ? error.detail : String(error)}
              </li>
            ))}
          </ul>
          {result.failed.length > 0 && <button onClick={markAsWon.retryFailed}>Retry failed</button>}
        </section>
      )}
    </>
  )
}

const statusText = () => screen.getByRole('status').textContent
const leadRows = () => screen.getAllByRole('listitem').map((row) => row.textContent)
const reportText = () => screen.queryByRole('region', { name: 'Report' })?.textContent ?? null
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }))

describe('useBulkAction', () => {
  it('is idle until run(); each lead shows its new status as it lands; the report comes at the end', async () => {
    const { calls, action, callFor } = handAnsweredRequests()
    render(<LeadsPanel action={action} />)
    expect(statusText()).toBe('idle: 0 of 0')
    expect(reportText()).toBeNull()
    expect(calls).toHaveLength(0)

    click('Mark as won')
    expect(statusText()).toBe('running: 0 of 4')
    await flush()
    // Two at a time by default.
    expect(calls.map((call) => call.lead)).toEqual(['lead_1', 'lead_2'])

    await act(async () => callFor('lead_2').resolve('Won'))
    await waitFor(() => expect(statusText()).toBe('running: 1 of 4'))
    expect(leadRows()).toEqual(['lead_1: Potential', 'lead_2: Won', 'lead_3: Potential', 'lead_4: Potential'])
    expect(calls.map((call) => call.lead)).toEqual(['lead_1', 'lead_2', 'lead_3'])
    expect(reportText()).toBeNull()

    for (const lead of ['lead_1', 'lead_3', 'lead_4']) {
      await flush()
      await act(async () => callFor(lead).resolve('Won'))
    }
    await waitFor(() => expect(statusText()).toBe('done: 4 of 4'))
    expect(reportText()).toBe('4 updated, 0 failed, 0 skipped')
    expect(leadRows().slice(0, 4)).toEqual(LEADS.map((lead) => `${lead}: Won`))
    expect(calls).toHaveLength(4)
  })

  it('lists the failures with the API message; Retry failed sends only those again and completes the report', async () => {
    const { calls, action, callFor } = handAnsweredRequests()
    render(<LeadsPanel action={action} concurrency={4} />)
    click('Mark as won')
    await flush()
    await act(async () => {
      callFor('lead_1').resolve('Won')
      callFor('lead_2').reject(httpError(404, 'Lead not found'))
      callFor('lead_3').resolve('Won')
      callFor('lead_4').reject(httpError(400, 'Invalid status'))
    })
    await waitFor(() => expect(statusText()).toBe('done: 4 of 4'))
    expect(reportText()).toContain('2 updated, 2 failed, 0 skipped')
    const failures = screen.getByRole('list', { name: 'Failures' })
    expect([...failures.querySelectorAll('li')].map((row) => row.textContent)).toEqual([
      'lead_2: Lead not found',
      'lead_4: Invalid status',
    ])

    click('Retry failed')
    expect(statusText()).toBe('running: 0 of 2')
    await flush()
    expect(calls.slice(4).map((call) => call.lead)).toEqual(['lead_2', 'lead_4'])
    await act(async () => {
      callFor('lead_2').resolve('Won')
      callFor('lead_4').resolve('Won')
    })
    await waitFor(() => expect(statusText()).toBe('done: 2 of 2'))
    expect(reportText()).toBe('4 updated, 0 failed, 0 skipped')
    expect(screen.queryByRole('button', { name: 'Retry failed' })).toBeNull()
    expect(calls).toHaveLength(6)
  })

  it('a second click while running sends nothing more', async () => {
    const { calls, action } = handAnsweredRequests()
    render(<LeadsPanel action={action} concurrency={4} />)
    click('Mark as won')
    click('Mark as won')
    await flush()
    click('Mark as won')
    await flush()
    expect(calls.map((call) => call.lead)).toEqual(LEADS)
    await act(async () => calls.forEach((call) => call.resolve('Won')))
    await waitFor(() => expect(statusText()).toBe('done: 4 of 4'))
    expect(calls).toHaveLength(4)
  })

  it('Cancel aborts the requests in flight, sends no other, and reports the undone leads as skipped', async () => {
    const { calls, action, callFor } = handAnsweredRequests()
    render(<LeadsPanel action={action} />)
    click('Mark as won')
    await flush()
    await act(async () => callFor('lead_1').resolve('Won'))
    await waitFor(() => expect(statusText()).toBe('running: 1 of 4'))
    click('Cancel')
    expect(statusText()).toBe('cancelled: 1 of 4')
    expect(callFor('lead_2').signal.aborted).toBe(true)
    expect(callFor('lead_3').signal.aborted).toBe(true)
    await waitFor(() => expect(reportText()).toBe('1 updated, 0 failed, 3 skipped'))
    await flush()
    expect(calls.map((call) => call.lead)).toEqual(['lead_1', 'lead_2', 'lead_3'])
    expect(statusText()).toBe('cancelled: 1 of 4')
  })

  it('shows the rate-limit pause while it lasts, and sends nothing until it ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { calls, action, callFor } = handAnsweredRequests()
    render(<LeadsPanel action={action} />)
    const t0 = Date.now()
    click('Mark as won')
    await flush()
    await act(async () => callFor('lead_1').reject(httpError(429, 'Too many requests', 8000)))
    await flush()
    expect(screen.getByRole('alert').textContent).toBe(`Rate limited until ${t0 + 8000}`)
    // `lead_2` lands during the pause: its worker waits too.
    await act(async () => callFor('lead_2').resolve('Won'))
    await act(() => vi.advanceTimersByTimeAsync(7999))
    expect(calls.map((call) => call.lead)).toEqual(['lead_1', 'lead_2'])
    expect(screen.getByRole('alert')).toBeTruthy()
    await act(() => vi.advanceTimersByTimeAsync(1))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(
      calls
        .slice(2)
        .map((call) => call.lead)
        .sort(),
    ).toEqual(['lead_1', 'lead_3'])
    await act(async () => {
      callFor('lead_1').resolve('Won')
      callFor('lead_3').resolve('Won')
    })
    await flush()
    await act(async () => callFor('lead_4').resolve('Won'))
    await flush()
    expect(statusText()).toBe('done: 4 of 4')
    expect(reportText()).toBe('4 updated, 0 failed, 0 skipped')
  })

  it('unmounting mid-run aborts the requests in flight and sends no other, without a warning', async () => {
    const consoleError = vi.spyOn(console, 'error')
    const { calls, action, callFor } = handAnsweredRequests()
    const { unmount } = render(<LeadsPanel action={action} />)
    click('Mark as won')
    await flush()
    await act(async () => callFor('lead_1').resolve('Won'))
    await flush()
    expect(calls).toHaveLength(3)
    unmount()
    expect(calls.slice(1).every((call) => call.signal.aborted)).toBe(true)
    await flush()
    expect(calls).toHaveLength(3)
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('works under StrictMode: one request per lead', async () => {
    const consoleError = vi.spyOn(console, 'error')
    const { calls, action } = handAnsweredRequests()
    render(
      <StrictMode>
        <LeadsPanel action={action} concurrency={4} />
      </StrictMode>,
    )
    click('Mark as won')
    await flush()
    await act(async () => calls.forEach((call) => call.resolve('Won')))
    await waitFor(() => expect(statusText()).toBe('done: 4 of 4'))
    expect(calls.map((call) => call.lead)).toEqual(LEADS)
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('an invalid option reaches the nearest error boundary instead of failing silently', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const action = vi.fn(async () => 'Won')
    render(
      <Boundary>
        <LeadsPanel action={action} concurrency={0} />
      </Boundary>,
    )
    click('Mark as won')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('option "concurrency" must be a whole number of at least 1')
    expect(action).not.toHaveBeenCalled()
  })
})

class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown }
  static getDerivedStateFromError(error: unknown) {
    return { error }
  }
  override render() {
    const { error } = this.state
    if (error === null) return this.props.children
    return <p role="alert">{error instanceof InvalidOptionError ? error.message : 'unexpected'}</p>
  }
}
