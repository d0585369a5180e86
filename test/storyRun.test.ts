import { describe, expect, it, vi } from 'vitest'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../src/mock'
import type { MockApi } from '../src/mock'
import { beginStoryRun, staleRunGuard, storyFetch } from '../stories/support/storyRun'
import { setupMockServer } from './mockServer'

const { server } = setupMockServer()
const LEADS = `${CLOSE_MOCK_BASE_URL}/api/v1/lead/?_limit=1`

/**
 * What the Storybook preview does before each story: the story's mock handlers alone (msw-storybook-addon's
 * loader), then a new run whose guard goes in front of them.
 */
function startStory(mock: MockApi<unknown>): void {
  server.resetHandlers(...mock.handlers)
  server.use(staleRunGuard(beginStoryRun()))
}

describe('story runs: a request never reaches the next story’s mock', () => {
  it('serves the current story’s requests and logs them', async () => {
    const close = createCloseMock({ leads: 5 })
    startStory(close)
    expect((await storyFetch(LEADS)).status).toBe(200)
    expect(close.requests).toHaveLength(1)
  })

  it('answers 410 to a request sent by the story before that arrives after the next one started', async () => {
    const close = createCloseMock({ leads: 5 })
    startStory(close)
    // A slow transport, as the service worker is under load: sent in this run, it reaches MSW after the next began.
    const realFetch = globalThis.fetch
    let deliver = () => {}
    const delivered = new Promise<void>((resolve) => (deliver = resolve))
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      delivered.then(() => realFetch(input, init)),
    )
    const late = storyFetch(LEADS)
    vi.stubGlobal('fetch', realFetch)
    close.reset()
    startStory(close)
    deliver()
    expect((await late).status).toBe(410)
    expect(close.requests).toHaveLength(0)
    expect((await storyFetch(LEADS)).status).toBe(200)
    expect(close.requests).toHaveLength(1)
  })

  it('lets untagged requests through to the mocks', async () => {
    const close = createCloseMock({ leads: 5 })
    startStory(close)
    startStory(close)
    expect((await fetch(LEADS)).status).toBe(200)
    expect(close.requests).toHaveLength(1)
  })
})
