import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBenchClient } from './benchApi.ts'

/** Renders the page's table into `#root` inside a fresh QueryClient. */
export function mount(ui: ReactNode): void {
  const container = document.getElementById('root')
  if (container === null) throw new Error('The bench page has no #root element')
  createRoot(container).render(<QueryClientProvider client={createBenchClient()}>{ui}</QueryClientProvider>)
}
