import { createCloseMock, createPipedriveMock } from '../../src/mock'
import type { CloseMockOptions, PipedriveMockOptions } from '../../src/mock'

/**
 * A story file's mock Close and Pipedrive APIs: their MSW handlers for `parameters.msw`, and `reset(latencyMs)` for
 * `beforeEach` (fresh data and request logs, the latency the story's control asks for).
 */
export function crmMocks(close: CloseMockOptions, pipedrive: PipedriveMockOptions) {
  const closeMock = createCloseMock(close)
  const pipedriveMock = createPipedriveMock(pipedrive)
  return {
    closeMock,
    pipedriveMock,
    handlers: [...closeMock.handlers, ...pipedriveMock.handlers],
    reset(latencyMs: number) {
      const latency = { fixedMs: latencyMs, jitterMs: 0 }
      for (const mock of [closeMock, pipedriveMock]) {
        mock.reset()
        mock.setFaults({ latency })
      }
    },
  }
}
