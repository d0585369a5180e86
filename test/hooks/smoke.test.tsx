// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { waitFor, act } from '@testing-library/react'
import { closeOffset, createFetcher, usePaginatedList } from '../../src'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../src/mock'
import { setupMockServer } from '../mockServer'
import { renderWithClient } from '../renderWithClient'

const { serve } = setupMockServer()
const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })

describe('smoke', () => {
  it('loads two pages', async () => {
    serve(createCloseMock({ leads: 250 }))
    const { result } = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['leads'],
        adapter: closeOffset<{ id: string }>(),
        fetchPage: close('/lead/'),
        pageSize: 100,
      }),
    )
    await waitFor(() => expect(result.current.items).toHaveLength(100))
    await act(() => result.current.fetchNextPage())
    await waitFor(() => expect(result.current.items).toHaveLength(200))
    expect(result.current.hasNextPage).toBe(true)
  })
})
