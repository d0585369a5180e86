import { StrictMode } from 'react'
import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import type { RenderHookOptions } from '@testing-library/react'

/** A fresh QueryClient per test: no retries unless a test asks, nothing cached between tests. */
export function createTestClient(queries: Record<string, unknown> = {}): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { gcTime: Infinity, ...queries } } })
}

/** Renders a hook inside a QueryClientProvider (and React StrictMode when asked). */
export function renderWithClient<TResult, TProps>(
  hook: (props: TProps) => TResult,
  options: { client?: QueryClient; strict?: boolean } & Omit<RenderHookOptions<TProps>, 'wrapper'> = {},
) {
  const { client = createTestClient(), strict = false, ...renderOptions } = options
  const wrapper = ({ children }: { children: ReactNode }) => {
    const tree = <QueryClientProvider client={client}>{children}</QueryClientProvider>
    return strict ? <StrictMode>{tree}</StrictMode> : tree
  }
  return { client, ...renderHook(hook, { wrapper, ...renderOptions }) }
}

/**
 * Resolves once what the last render scheduled for after its frame is painted has run: the live regions write their
 * sentence then (the next animation frame, then a task; scheduled before this one, it runs first).
 */
export async function afterPaint(): Promise<void> {
  await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))))
}
