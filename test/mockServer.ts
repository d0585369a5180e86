import type { HttpHandler } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

/**
 * An MSW server for one test file: it listens before the first test, drops the handlers a test added after each
 * test, and closes after the last. Unhandled requests fail the test.
 */
export function setupMockServer() {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  /** Serves a mock's handlers for the current test and returns the mock. */
  const serve = <TMock extends { handlers: HttpHandler[] }>(mock: TMock): TMock => {
    server.use(...mock.handlers)
    return mock
  }
  return { server, serve }
}
