import { expectTypeOf, test } from 'vitest'
import type { FetchPage } from '../core/types'
import { createFetcher } from './createFetcher'

interface LeadsPage {
  data: { id: string }[]
  has_more: boolean
}

test('an endpoint is a FetchPage for whatever response type the adapter expects', () => {
  const close = createFetcher({ baseUrl: 'https://api.close.com/api/v1' })
  const direct: FetchPage<LeadsPage, number> = close('/lead/')
  const wrapped: FetchPage<LeadsPage, number> = (request) => close('/lead/')(request)
  expectTypeOf(direct).returns.resolves.toEqualTypeOf<LeadsPage>()
  expectTypeOf(wrapped).parameter(0).toHaveProperty('signal').toEqualTypeOf<AbortSignal>()
  expectTypeOf(close('/lead/')({} as never)).resolves.toBeUnknown()
})
