// @vitest-environment jsdom
/**
 * Fault injection through the whole stack: the list changing or the table unmounting while a request is in flight,
 * and React StrictMode's double effects. Old requests are aborted, nothing of an old list is shown under a new one,
 * and nothing warns.
 */
import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { setupMockServer } from '../mockServer'
import { elapse, renderLeadsTable } from './leadsTable'

const { server, serve } = setupMockServer()
let aborted: string[] = []

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  aborted = []
  server.events.on('request:start', ({ request }) => {
    request.signal.addEventListener('abort', () => aborted.push(new URL(request.url).search))
  })
})
afterEach(() => {
  server.events.removeAllListeners()
  cleanup()
  vi.useRealTimers()
})

const names = () =>
  [...document.querySelectorAll('.pw-infinite-table__row [data-column="name"]')].map(
    (cell) => cell.textContent ?? '',
  )

describe('fault injection: lifecycle', () => {
  test('a new query key mid-flight aborts the old request; the old list is never shown under the new one', async () => {
    const table = renderLeadsTable(serve, {
      mock: { leads: 300, faults: { latency: { fixedMs: 1_000, jitterMs: 0 } } },
    })
    await elapse(100)
    table.showList(['leads', 'coffee'], { query: { query: 'coffee' } })
    const seen = new Set<string>()
    for (let step = 0; step < 40; step++) {
      await elapse(100)
      for (const name of names()) seen.add(name)
    }
    expect(aborted).toEqual([expect.stringMatching(/^\?_skip=0&_limit=5$/)])
    expect(seen.size).toBeGreaterThan(0)
    for (const name of seen) expect(name.toLowerCase()).toContain('coffee')
    const coffee = table.mock.dataset.leads.filter((lead) =>
      lead.display_name.toLowerCase().includes('coffee'),
    )
    expect(names().slice(0, 5)).toEqual(coffee.slice(0, 5).map((lead) => lead.display_name))
  })

  test('unmounting mid-flight aborts the request, with no warning and no state update afterwards', async () => {
    const errors = vi.spyOn(console, 'error')
    const warnings = vi.spyOn(console, 'warn')
    const table = renderLeadsTable(serve, { mock: { faults: { latency: { fixedMs: 1_000, jitterMs: 0 } } } })
    await elapse(100)
    table.unmount()
    await elapse(3_000)
    expect(aborted).toHaveLength(1)
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).not.toHaveBeenCalled()
    expect(document.querySelector('.pw-infinite-table')).toBeNull()
  })

  test('StrictMode: every page is requested once and the list completes', async () => {
    const errors = vi.spyOn(console, 'error')
    const table = renderLeadsTable(serve, { strict: true })
    await elapse(3_000)
    expect(table.skips()).toEqual(['0', '5', '10', '15', '20', '25', '30', '35'])
    expect(table.state()).toBe('complete')
    expect(errors).not.toHaveBeenCalled()
    console.log(`[faults] StrictMode: ${table.skips().length} requests for 8 pages`)
  })
})
