import { vi } from 'vitest'
import type { InfiniteTableList } from '../src/components/InfiniteTable'

export interface FakeRecord {
  id: string
  name: string
}

/** `count` records `{ id: 'lead_1', name: 'Lead 1' }`, … */
export function fakeRecords(count: number, from = 1): FakeRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `lead_${from + index}`,
    name: `Lead ${from + index}`,
  }))
}

type ListState = 'pending' | 'idle' | 'loading-more' | 'error' | 'first-error' | 'end' | 'empty'

/**
 * A list in one state, shaped like a `usePaginatedList` result, with spies for `fetchNextPage` and `retry`: for
 * testing how a component shows each state without timing a real fetch.
 */
export function fakeList(
  state: ListState,
  items: FakeRecord[] = state === 'pending' || state === 'empty' || state === 'first-error'
    ? []
    : fakeRecords(100),
  overrides: Partial<InfiniteTableList<FakeRecord>> = {},
): InfiniteTableList<FakeRecord> {
  const failed = state === 'error' || state === 'first-error'
  return {
    items,
    total: undefined,
    status: state === 'pending' ? 'pending' : failed ? 'error' : 'success',
    error: failed ? new Error('HTTP 503 Service Unavailable: Close is down for maintenance') : null,
    hasNextPage: state !== 'end' && state !== 'empty',
    isFetching: state === 'pending' || state === 'loading-more',
    isFetchingNextPage: state === 'loading-more',
    fetchNextPage: vi.fn(() => Promise.resolve()),
    retry: vi.fn(() => Promise.resolve()),
    ...overrides,
  }
}
