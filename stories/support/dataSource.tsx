import { createContext, useContext } from 'react'
import { createFetcher } from '../../src'
import { CLOSE_MOCK_BASE_URL, PIPEDRIVE_MOCK_BASE_URL } from '../../src/mock'
import { storyFetch } from './storyRun'

/** Where the stories' requests go: the embedded mock APIs, or the real ones through the dev server's proxy. */
export type DataSource = 'mock' | 'live'

declare const __PAGEWISE_LIVE__: { close: boolean; pipedrive: boolean } | undefined

/** Which real APIs the dev server can proxy to (from `CLOSE_API_KEY`, `PIPEDRIVE_API_TOKEN`); never a credential. */
export const liveApis: { close: boolean; pipedrive: boolean } =
  typeof __PAGEWISE_LIVE__ === 'undefined' ? { close: false, pipedrive: false } : __PAGEWISE_LIVE__

export const DataSourceContext = createContext<DataSource>('mock')

const fetchers = {
  mock: {
    close: createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`, fetch: storyFetch }),
    pipedrive: createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api`, fetch: storyFetch }),
  },
  // Same-origin paths: the Storybook dev server adds the credential and forwards to the real API.
  live: {
    close: createFetcher({ baseUrl: '/live/close/api/v1' }),
    pipedrive: createFetcher({ baseUrl: '/live/pipedrive/api' }),
  },
}

/**
 * The fetchers of the data source the toolbar picked: `close('/lead/')` (Close `/api/v1`) and
 * `pipedrive('/v2/deals')` (Pipedrive `/api`). Live mode falls back to the mock for a provider without credentials.
 */
export function useApis() {
  const source = useContext(DataSourceContext)
  return {
    source,
    close: source === 'live' && liveApis.close ? fetchers.live.close : fetchers.mock.close,
    pipedrive: source === 'live' && liveApis.pipedrive ? fetchers.live.pipedrive : fetchers.mock.pipedrive,
  }
}
