import type { Preview } from '@storybook/react-vite'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { setupWorker } from 'msw/browser'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { useState } from 'react'
import '../src/styles.css'

const preview: Preview = {
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker()
      // A relative worker URL keeps the static build working when served from any folder.
      await worker.start({
        serviceWorker: { url: './mockServiceWorker.js' },
        onUnhandledRequest: 'bypass',
        quiet: true,
      })
      return worker
    }),
  ],
  decorators: [
    (Story) => {
      // A fresh client per story: no cache leaks from one story into the next.
      const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
      return (
        <QueryClientProvider client={client}>
          <Story />
        </QueryClientProvider>
      )
    },
  ],
  parameters: { layout: 'padded' },
}

export default preview
