import { QueryClient, useSuspenseInfiniteQuery } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import { closeOffset } from '../adapters/close'
import type { CloseListResponse } from '../adapters/close'
import type { CursorParam } from '../adapters/cursorAdapter'
import type { GetItemId } from '../core/itemFlattener'
import { defineAdapter } from '../adapters/defineAdapter'
import { pipedriveCursor } from '../adapters/pipedrive'
import type { PipedriveCursorResponse } from '../adapters/pipedrive'
import { createFetcher } from '../http/createFetcher'
import type { ListPage } from '../core/listPage'
import type { ListWindow } from '../core/pageWindow'
import type { ListData, PaginatedListOptions } from './listOptions'
import { paginatedListOptions } from './paginatedListOptions'
import type { ListKeyPart } from './paginatedListOptions'
import { usePagedList } from './usePagedList'
import { usePaginatedList } from './usePaginatedList'
import { useSuspensePaginatedList } from './useSuspensePaginatedList'

type Lead = { id: string; display_name: string }
type Deal = { id: number; title: string; value: number }
type Project = { key: string; name: string }
type ProjectsPage = { items: Project[]; next: string | null }

const close = createFetcher({ baseUrl: 'https://api.close.com/api/v1' })
const pipedrive = createFetcher({ baseUrl: 'https://api.pipedrive.com' })

// The hooks are only type-checked here, never called: each sits in a function named like a hook, for the
// rules-of-hooks lint rule.
describe('usePaginatedList', () => {
  it('types items from a Close adapter and a createFetcher endpoint', () => {
    function useTypeCheckCloseLeads() {
      return usePaginatedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
      })
    }
    const leads = useTypeCheckCloseLeads()
    expectTypeOf(leads.items).toEqualTypeOf<Lead[]>()
    expectTypeOf(leads.total).toEqualTypeOf<number | undefined>()
    expectTypeOf(leads.error).toEqualTypeOf<Error | null>()
    // Narrowing as TanStack Query's results do: `isError` (or `status === 'error'`) makes `error` an Error.
    if (leads.isError) expectTypeOf(leads.error).toEqualTypeOf<Error>()
    if (leads.status === 'error') expectTypeOf(leads.error).toEqualTypeOf<Error>()
    if (leads.isSuccess) expectTypeOf(leads.error).toEqualTypeOf<null>()
    if (leads.isPending) expectTypeOf(leads.status).toEqualTypeOf<'pending'>()
    const ErrorRow = (props: { error: Error }) => props.error.message
    expectTypeOf(leads.isError && ErrorRow({ error: leads.error })).toEqualTypeOf<false | string>()
    expectTypeOf(leads.query.data).toEqualTypeOf<ListData<Lead, number> | undefined>()
  })

  it('types items from a Pipedrive cursor adapter', () => {
    function useTypeCheckPipedriveDeals() {
      return usePaginatedList({
        queryKey: ['pipedrive', 'deals'],
        adapter: pipedriveCursor<Deal>(),
        fetchPage: pipedrive('/api/v2/deals'),
      })
    }
    const deals = useTypeCheckPipedriveDeals()
    expectTypeOf(deals.items).toEqualTypeOf<Deal[]>()
    expectTypeOf(deals.adapter.initialPageParam).toEqualTypeOf<CursorParam>()
    expectTypeOf(deals.error).toEqualTypeOf<Error | null>()
  })

  it('infers the item type of a hand-written adapter', () => {
    const projects = defineAdapter({
      id: 'gitlab.keyset',
      kind: 'cursor',
      initialPageParam: null as string | null,
      defaultLimit: 20,
      maxLimit: 100,
      toRequest: (cursor, limit) => ({ query: { per_page: String(limit), ...(cursor ? { cursor } : {}) } }),
      getItems: (response: ProjectsPage) => response.items,
      getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    })
    function useTypeCheckProjects() {
      return usePaginatedList({
        queryKey: ['gitlab', 'projects'],
        adapter: projects,
        fetchPage: async (request) => {
          expectTypeOf(request.pageParam).toEqualTypeOf<string | null>()
          return { items: [], next: null }
        },
      })
    }
    const list = useTypeCheckProjects()
    expectTypeOf(list.items).toEqualTypeOf<Project[]>()
    expectTypeOf(list.query.data?.pages).toEqualTypeOf<ListPage<Project, string | null>[] | undefined>()
  })

  it('passes the item type to getItemId', () => {
    function useTypeCheckGetItemId() {
      return usePaginatedList({
        queryKey: ['pipedrive', 'deals'],
        adapter: pipedriveCursor<Deal>(),
        fetchPage: pipedrive('/api/v2/deals'),
        getItemId: (deal) => {
          expectTypeOf(deal).toEqualTypeOf<Deal>()
          return deal.id
        },
      })
    }
    expectTypeOf(useTypeCheckGetItemId().items).toEqualTypeOf<Deal[]>()
  })

  it('rejects a getItemId written for another item type', () => {
    const options: PaginatedListOptions<CloseListResponse<Lead>, Lead, number> = {
      queryKey: ['close', 'leads'],
      adapter: closeOffset<Lead>(),
      fetchPage: close('/lead/'),
      // @ts-expect-error: a Lead has no deal_id
      getItemId: (deal: { deal_id: number }) => deal.deal_id,
    }
    expectTypeOf(options.getItemId).toEqualTypeOf<GetItemId<Lead> | undefined>()
  })

  it('passes useInfiniteQuery options through', () => {
    function useTypeCheckPassThrough() {
      return usePaginatedList({
        queryKey: ['close', 'leads', { status: 'open' }],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
        pageSize: 200,
        staleTime: 30_000,
        gcTime: 60_000,
        maxPages: 10,
        enabled: false,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          expectTypeOf(error).toEqualTypeOf<Error>()
          return failureCount < 2
        },
        refetchMode: 'first-page',
        meta: { source: 'dashboard' },
      })
    }
    expectTypeOf(useTypeCheckPassThrough().items).toEqualTypeOf<Lead[]>()
  })

  it('has a live head: refreshHeadInterval, refreshHead, newItemCount and showNewItems', () => {
    function useTypeCheckLive() {
      return usePaginatedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
        refreshHeadInterval: 15_000,
      })
    }
    const list = useTypeCheckLive()
    expectTypeOf(list.newItemCount).toEqualTypeOf<number>()
    expectTypeOf(list.refreshHead).toEqualTypeOf<() => Promise<void>>()
    expectTypeOf(list.showNewItems).toEqualTypeOf<() => Promise<void>>()
    function useTypeCheckBadInterval() {
      return usePaginatedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
        // @ts-expect-error an interval is a number of milliseconds
        refreshHeadInterval: '15s',
      })
    }
    expectTypeOf(useTypeCheckBadInterval).toBeFunction()
  })

  it("types a list's window by its page param: firstItemIndex, window, loadWindow, windowAt", () => {
    function useTypeCheckWindow() {
      return usePaginatedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
        maxPages: 5,
      })
    }
    const list = useTypeCheckWindow()
    expectTypeOf(list.firstItemIndex).toEqualTypeOf<number>()
    expectTypeOf(list.maxPages).toEqualTypeOf<number | undefined>()
    expectTypeOf(list.window).toEqualTypeOf<ListWindow<number> | undefined>()
    expectTypeOf(list.windowAt).returns.toEqualTypeOf<ListWindow<number> | undefined>()
    expectTypeOf(list.loadWindow).parameter(0).toEqualTypeOf<ListWindow<number>>()
    // @ts-expect-error Close offsets are numbers, not cursors
    void list.loadWindow({ pageParams: ['cursor'], firstItemIndex: 0 })
  })

  it('does not take select or placeholderData', () => {
    function useTypeCheckSelect() {
      return usePaginatedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
        // @ts-expect-error: lists own their data shape; select is not an option
        select: (data: ListData<Lead, number>) => data,
      })
    }
    function useTypeCheckPlaceholder() {
      return usePaginatedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
        // @ts-expect-error: placeholderData is not an option either
        placeholderData: { pages: [], pageParams: [] },
      })
    }
    expectTypeOf(useTypeCheckSelect).toBeFunction()
    expectTypeOf(useTypeCheckPlaceholder).toBeFunction()
  })

  it('requires a fetchPage whose response matches the adapter', () => {
    function useTypeCheckWrongResponse() {
      return usePaginatedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        // @ts-expect-error: a Pipedrive page is not a Close page
        fetchPage: async (): Promise<PipedriveCursorResponse<Lead>> => ({
          success: true,
          data: [],
          additional_data: { next_cursor: null },
        }),
      })
    }
    expectTypeOf(useTypeCheckWrongResponse).toBeFunction()
  })
})

describe('useSuspensePaginatedList', () => {
  it('types items like usePaginatedList', () => {
    function useTypeCheckSuspenseLeads() {
      return useSuspensePaginatedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
        staleTime: 5_000,
      })
    }
    function useTypeCheckSuspenseDeals() {
      return useSuspensePaginatedList({
        queryKey: ['pipedrive', 'deals'],
        adapter: pipedriveCursor<Deal>(),
        fetchPage: pipedrive('/api/v2/deals'),
      })
    }
    expectTypeOf(useTypeCheckSuspenseLeads().items).toEqualTypeOf<Lead[]>()
    expectTypeOf(useTypeCheckSuspenseDeals().items).toEqualTypeOf<Deal[]>()
    expectTypeOf(useTypeCheckSuspenseDeals().error).toEqualTypeOf<Error | null>()
  })

  it('does not take enabled', () => {
    function useTypeCheckSuspenseEnabled() {
      return useSuspensePaginatedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
        // @ts-expect-error: a suspending list cannot wait for enabled
        enabled: false,
      })
    }
    expectTypeOf(useTypeCheckSuspenseEnabled).toBeFunction()
  })
})

describe('usePagedList', () => {
  it('types the page of records from a Close or Pipedrive adapter', () => {
    function useTypeCheckPagedLeads() {
      return usePagedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
        pageSize: 50,
        defaultPage: 2,
        staleTime: 10_000,
        enabled: true,
        onPageChange: (page) => expectTypeOf(page).toEqualTypeOf<number>(),
      })
    }
    function useTypeCheckPagedDeals() {
      return usePagedList({
        queryKey: ['pipedrive', 'deals'],
        adapter: pipedriveCursor<Deal>(),
        fetchPage: pipedrive('/api/v2/deals'),
      })
    }
    const leads = useTypeCheckPagedLeads()
    expectTypeOf(leads.items).toEqualTypeOf<Lead[]>()
    expectTypeOf(leads.pageCount).toEqualTypeOf<number | undefined>()
    expectTypeOf(leads.error).toEqualTypeOf<Error | null>()
    if (leads.isError) expectTypeOf(leads.error).toEqualTypeOf<Error>()
    if (leads.status === 'success') expectTypeOf(leads.error).toEqualTypeOf<null>()
    expectTypeOf(leads.kind).toEqualTypeOf<'offset' | 'cursor'>()
    expectTypeOf(useTypeCheckPagedDeals().items).toEqualTypeOf<Deal[]>()
    expectTypeOf(useTypeCheckPagedDeals().goToPage).toEqualTypeOf<(index: number) => void>()
  })

  it('does not take infinite-list options such as maxPages or select', () => {
    function useTypeCheckPagedMaxPages() {
      return usePagedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
        // @ts-expect-error: a pager holds one page at a time
        maxPages: 3,
      })
    }
    function useTypeCheckPagedSelect() {
      return usePagedList({
        queryKey: ['close', 'leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
        // @ts-expect-error: select is not an option
        select: () => [],
      })
    }
    expectTypeOf(useTypeCheckPagedMaxPages).toBeFunction()
    expectTypeOf(useTypeCheckPagedSelect).toBeFunction()
  })
})

describe('paginatedListOptions', () => {
  const leadsOptions = paginatedListOptions({
    queryKey: ['close', 'leads'] as const,
    adapter: closeOffset<Lead>(),
    fetchPage: close('/lead/'),
    staleTime: 60_000,
  })

  it('tags its query key with the data type, for getQueryData and setQueryData', () => {
    const queryClient = new QueryClient()
    expectTypeOf(queryClient.getQueryData(leadsOptions.queryKey)).toEqualTypeOf<
      ListData<Lead, number> | undefined
    >()
    queryClient.setQueryData(leadsOptions.queryKey, (data) => {
      expectTypeOf(data).toEqualTypeOf<ListData<Lead, number> | undefined>()
      return data
    })
    expectTypeOf(leadsOptions.initialPageParam).toEqualTypeOf<number>()
  })

  it('keeps the caller key at the front of the list key', () => {
    expectTypeOf(leadsOptions.queryKey[0]).toEqualTypeOf<'close'>()
    expectTypeOf(leadsOptions.queryKey[2]).toEqualTypeOf<ListKeyPart>()
  })

  it('is accepted by prefetchInfiniteQuery and fetchInfiniteQuery', () => {
    const queryClient = new QueryClient()
    expectTypeOf(queryClient.prefetchInfiniteQuery(leadsOptions)).toEqualTypeOf<Promise<void>>()
    expectTypeOf(queryClient.fetchInfiniteQuery(leadsOptions)).resolves.toEqualTypeOf<
      ListData<Lead, number>
    >()
  })

  it('is accepted by useSuspenseInfiniteQuery', () => {
    function useTypeCheckSuspenseQuery() {
      return useSuspenseInfiniteQuery(leadsOptions)
    }
    expectTypeOf(useTypeCheckSuspenseQuery().data).toEqualTypeOf<ListData<Lead, number>>()
    expectTypeOf(useTypeCheckSuspenseQuery().error).toEqualTypeOf<Error | null>()
  })

  it('types a Pipedrive cursor list with its cursor param', () => {
    const dealsOptions = paginatedListOptions({
      queryKey: ['pipedrive', 'deals'],
      adapter: pipedriveCursor<Deal>(),
      fetchPage: pipedrive('/api/v2/deals'),
    })
    expectTypeOf(new QueryClient().getQueryData(dealsOptions.queryKey)).toEqualTypeOf<
      ListData<Deal, CursorParam> | undefined
    >()
  })

  it('does not take select', () => {
    paginatedListOptions({
      queryKey: ['close', 'leads'],
      adapter: closeOffset<Lead>(),
      fetchPage: close('/lead/'),
      // @ts-expect-error: select is not an option
      select: (data: ListData<Lead, number>) => data,
    })
  })
})
