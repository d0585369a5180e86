import { infiniteQueryOptions } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import type { AdapterItem, AdapterParam, AdapterResponse, PageRequest } from '../core/types'
import { closeOffset } from './close'
import type { CloseListResponse, closeEventsCursor } from './close'
import { closeKeysetOffset } from './closeKeyset'
import type { CloseKeysetParam } from './closeKeyset'
import { cursorAdapter } from './cursorAdapter'
import type { pipedriveCursor } from './pipedrive'

type Lead = { id: string; display_name: string }

describe('adapter types', () => {
  it('carries the item type from the factory', () => {
    const adapter = closeOffset<Lead>()
    expectTypeOf<AdapterItem<typeof adapter>>().toEqualTypeOf<Lead>()
    expectTypeOf<AdapterParam<typeof adapter>>().toEqualTypeOf<number>()
    expectTypeOf<AdapterResponse<typeof adapter>>().toEqualTypeOf<CloseListResponse<Lead>>()
    expectTypeOf(adapter.getItems).returns.toEqualTypeOf<Lead[]>()
  })

  it('gives closeKeysetOffset its window param, and keeps keyset off closeOffset', () => {
    const keyset = { field: 'date_created', param: 'date_created__lt' }
    const adapter = closeKeysetOffset<Lead>({ keyset, resource: 'opportunity', maxSkip: 1000 })
    expectTypeOf(adapter.initialPageParam).toEqualTypeOf<CloseKeysetParam>()
    expectTypeOf(adapter.getItems).parameter(0).toEqualTypeOf<CloseListResponse<Lead>>()
    // @ts-expect-error keyset windows moved to closeKeysetOffset
    closeOffset<Lead>({ keyset })
    // @ts-expect-error closeKeysetOffset needs its keyset
    closeKeysetOffset<Lead>({ maxSkip: 1000 })
  })

  it('gives cursor adapters a nullable string param', () => {
    expectTypeOf<AdapterParam<ReturnType<typeof closeEventsCursor<Lead>>>>().toEqualTypeOf<string | null>()
    expectTypeOf<AdapterItem<ReturnType<typeof pipedriveCursor<{ id: number }>>>>().toEqualTypeOf<{
      id: number
    }>()
  })

  it('infers response and item types from an items function', () => {
    const adapter = cursorAdapter({
      id: 'acme',
      items: (response: { rows: Lead[]; next: string | null }) => response.rows,
      nextCursor: 'next',
    })
    expectTypeOf(adapter.getItems).parameter(0).toEqualTypeOf<{ rows: Lead[]; next: string | null }>()
  })

  it('spreads into TanStack Query infinite query options', () => {
    const adapter = closeOffset<Lead>()
    const options = infiniteQueryOptions({
      ...adapter,
      queryKey: ['leads'],
      queryFn: async (): Promise<CloseListResponse<Lead>> => ({ data: [], has_more: false }),
    })
    expectTypeOf(options.initialPageParam).toEqualTypeOf<number>()
  })

  it('types the page request handed to fetchPage', () => {
    expectTypeOf<PageRequest<number>['query']>().toEqualTypeOf<Record<string, string>>()
  })
})
