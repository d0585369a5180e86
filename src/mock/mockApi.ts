import type { HttpHandler } from 'msw'
import type { MockApi } from './mockTypes'
import type { MockRuntime } from './runtime'

/** Assembles the public `MockApi` object from a runtime, its handlers and the data behind them. */
export function assembleMockApi<TDataset>(
  runtime: MockRuntime,
  handlers: HttpHandler[],
  data: { current(): TDataset; reset(): void },
): MockApi<TDataset> {
  return {
    handlers,
    get dataset() {
      return data.current()
    },
    setFaults: (faults) => runtime.setFaults(faults),
    get faults() {
      return runtime.faults
    },
    get requests() {
      return runtime.requests
    },
    reset() {
      runtime.reset()
      data.reset()
    },
  }
}

/** `baseUrl` without trailing slashes. */
export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '')
}
