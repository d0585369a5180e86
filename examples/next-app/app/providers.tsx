'use client'

import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import type { ReactNode } from 'react'

/** One QueryClient per browser tab (per request on the server), as TanStack Query's server-rendering guide does. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        // Data from the server counts as fresh for a minute: with the default of 0, the table would fetch the first
        // page again as soon as it mounts, right after receiving it in the HTML.
        defaultOptions: { queries: { staleTime: 60_000 } },
      }),
  )
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}
