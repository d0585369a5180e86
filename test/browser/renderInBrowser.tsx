import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import type { Root } from 'react-dom/client'
import { flushSync } from 'react-dom'
import { afterEach, vi } from 'vitest'

const mounted: { root: Root; container: HTMLElement }[] = []

afterEach(() => {
  for (const { root, container } of mounted.splice(0)) {
    root.unmount()
    container.remove()
  }
})

/** A QueryClient for one browser test: no retries unless a test asks, no garbage collection mid-test. */
export function createBrowserClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } })
}

/**
 * Renders `ui` in StrictMode inside a fresh QueryClient into a container on the real page, and unmounts it after the
 * test. `rerender` swaps the UI; `unmount` removes it early (to test remounting).
 */
export function renderInBrowser(ui: ReactNode, client: QueryClient = createBrowserClient()) {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  const entry = { root, container }
  mounted.push(entry)
  const render = (next: ReactNode) =>
    flushSync(() =>
      root.render(
        <StrictMode>
          <QueryClientProvider client={client}>{next}</QueryClientProvider>
        </StrictMode>,
      ),
    )
  render(ui)
  return {
    container,
    client,
    rerender: render,
    unmount: () => {
      root.unmount()
      container.remove()
      mounted.splice(mounted.indexOf(entry), 1)
    },
  }
}

/** Resolves after the browser has painted `count` more frames. */
export async function nextFrames(count = 2): Promise<void> {
  for (let frame = 0; frame < count; frame++) await new Promise((resolve) => requestAnimationFrame(resolve))
}

/**
 * `vi.waitFor` with a 10 s limit instead of 1 s: beside two CPU hogs a mock page or a render can take longer. The
 * tests wait for what the user sees, never for a duration, so the limit only matters when something is wrong.
 */
export function waitUntil<T>(
  callback: () => T | Promise<T>,
  options: { timeout?: number; interval?: number } = {},
): Promise<T> {
  return vi.waitFor(callback, { timeout: 10_000, ...options })
}
