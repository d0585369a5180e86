import { http } from 'msw'
import type { HttpHandler } from 'msw'

/**
 * Each story run's requests carry its number in this header, so a request sent by the story before cannot reach
 * the next story's mock. Under load the page's request can reach the service worker, and so the mock, after the
 * next story has reset its mock: without the tag it would land in that story's request log (or count towards its
 * rate limit).
 */
export const STORY_RUN_HEADER = 'x-pagewise-story-run'

/** The story run the page is in now; `beginStoryRun()` starts the next one. */
const storyRun = { current: 0 }

/** Starts a new story run (the preview calls it before each story) and returns its number. */
export function beginStoryRun(): number {
  storyRun.current += 1
  return storyRun.current
}

/**
 * The `fetch` of the stories' fetchers (`createFetcher({ fetch: storyFetch })`): the global fetch, with the current
 * story run in `STORY_RUN_HEADER`. The run is read when the request is sent, so it names the story that sent it.
 */
export const storyFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
  headers.set(STORY_RUN_HEADER, String(storyRun.current))
  return globalThis.fetch(input, { ...init, headers })
}

/**
 * An MSW handler placed before a story's mocks: a request tagged with an earlier story run is answered
 * `410 Gone` before any mock sees it, so it is never logged, counted or served from the new story's data.
 * Untagged requests (Storybook's own, live mode) fall through to the next handler.
 */
export function staleRunGuard(run: number): HttpHandler {
  return http.all('*', ({ request }) => {
    const sentIn = request.headers.get(STORY_RUN_HEADER)
    if (sentIn === null || sentIn === String(run)) return undefined
    return new Response(null, { status: 410, statusText: `Sent by story run ${sentIn}, now ${run}` })
  })
}
