import { getResponse } from 'msw'
import type { HttpHandler } from 'msw'

/** Like the network, a request reaches the server a task later: one aborted before then is never seen there. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * A `fetch` that answers from MSW handlers inside the page, with no service worker and no network: the browser tests
 * get the faithful mock APIs and exact request logs without a worker's start-up or its cross-test state.
 *
 * Requests aborted before they "leave" (React StrictMode's mount, unmount, mount cancels the first page's request)
 * reject with an `AbortError` and never reach the mock, so its request log counts what a server would have served.
 */
export function inPageFetch(handlers: readonly HttpHandler[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    await nextTask()
    request.signal.throwIfAborted()
    const response = await getResponse([...handlers], request)
    return response ?? new Response(`No mock handler for ${request.method} ${request.url}`, { status: 404 })
  }
}
