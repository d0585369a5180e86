import { getResponse } from 'msw'
import type { HttpHandler } from 'msw'

/**
 * A `fetch` that answers from MSW handlers inside the page, with no service worker and no network: the browser tests
 * get the faithful mock APIs and exact request logs without a worker's start-up or its cross-test state.
 */
export function inPageFetch(handlers: readonly HttpHandler[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const response = await getResponse([...handlers], request)
    return response ?? new Response(`No mock handler for ${request.method} ${request.url}`, { status: 404 })
  }
}
