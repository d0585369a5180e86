import type { Preview } from '@storybook/react-vite'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { setupWorker } from 'msw/browser'
import type { SetupWorker } from 'msw/browser'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { useState } from 'react'
import '../src/styles.css'
import { DataSourceContext } from '../stories/support/dataSource'
import type { DataSource } from '../stories/support/dataSource'
import { beginStoryRun, staleRunGuard } from '../stories/support/storyRun'

/** The MSW worker, started once by the loader; each story's beforeEach puts its stale-request guard in front. */
const mockWorker: { current?: SetupWorker } = {}

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker()
      // A relative worker URL keeps the static build working when served from any folder.
      await worker.start({
        serviceWorker: { url: './mockServiceWorker.js' },
        onUnhandledRequest: 'bypass',
        quiet: true,
      })
      mockWorker.current = worker
      return worker
    }),
  ],
  // After the loader has installed the story's mock handlers: a new story run, whose guard answers requests the
  // story before sent (they arrive late under load) before they reach this story's mocks and request logs. Not on
  // docs pages: their stories are shown together, and each would end the run of the ones before it.
  beforeEach: ({ viewMode }) => {
    if (viewMode === 'story') mockWorker.current?.use(staleRunGuard(beginStoryRun()))
  },
  globalTypes: {
    theme: {
      description: 'Light or dark pagewise theme (data-theme)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    dataSource: {
      description:
        'The embedded mock APIs, or the real Close and Pipedrive APIs through the dev server (live mode)',
      toolbar: {
        title: 'Data',
        icon: 'database',
        items: [
          { value: 'mock', title: 'Mock APIs' },
          { value: 'live', title: 'Live APIs (needs CLOSE_API_KEY / PIPEDRIVE_API_TOKEN)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', dataSource: 'mock' },
  decorators: [
    (Story, { globals }) => {
      // A fresh client per story: no cache leaks from one story into the next.
      const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
      const theme = globals.theme === 'dark' ? 'dark' : 'light'
      const source: DataSource = globals.dataSource === 'live' ? 'live' : 'mock'
      return (
        <QueryClientProvider client={client}>
          <DataSourceContext.Provider value={source}>
            <div
              data-theme={theme}
              className="pw-story"
              style={{ background: 'var(--pw-bg)', color: 'var(--pw-fg)', padding: 16 }}
            >
              <Story />
            </div>
          </DataSourceContext.Provider>
        </QueryClientProvider>
      )
    },
  ],
  parameters: {
    // `npm start` opens the first story: the CRM dashboard, with data from the mock APIs.
    options: {
      storySort: {
        order: [
          'CRM dashboard',
          'Introduction',
          'Docs',
          [
            'Getting started',
            'Hooks',
            'InfiniteTable',
            'Pager',
            'Export',
            'Adapters',
            'Beyond CRMs',
            'Testing adapters',
            'Errors',
            'Mock APIs',
            'Storybook',
          ],
          'Components',
          'Adapters',
          'States and failures',
          'Hooks',
          'Export',
        ],
      },
    },
    layout: 'fullscreen',
    // Any axe violation fails the story's test (addon-vitest runs addon-a11y's checks).
    a11y: { test: 'error' },
  },
}

export default preview
