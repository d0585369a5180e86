/**
 * Real traversals of the seeded mock Close and Pipedrive APIs, for `adapters.bench.ts`. Every page is the JSON the
 * mock's own handler answers (the providers' envelopes and opaque cursors) to the request the adapter builds with
 * `toRequest`, parsed as `fetch` hands it over; the next request follows the adapter's `getNextPageParam`, as
 * `usePaginatedList` walks a list. So each page param is distinct and each page is a fresh object, as in an app.
 */
import type { PaginationAdapter } from '../src/core/types'
import { createCloseDataset } from '../src/mock/closeDataset'
import { closeEventsAnswer } from '../src/mock/closeEventsHandler'
import { closeLeadFilter, closeListAnswer, withDateCreatedRange } from '../src/mock/closeListHandler'
import { closeSearchAnswer } from '../src/mock/closeSearchHandler'
import type { CloseLead, CloseLogEvent } from '../src/mock/closeTypes'
import { createPipedriveDataset } from '../src/mock/pipedriveDataset'
import { pipedriveCursorAnswer } from '../src/mock/pipedriveCursorHandler'
import { pipedriveOffsetAnswer } from '../src/mock/pipedriveOffsetHandler'
import type { PipedriveDeal, PipedriveNote } from '../src/mock/pipedriveTypes'
import type { MockCall } from '../src/mock/requestRecord'

/** One step of a traversal: what the hook hands the adapter once page `k` has arrived. */
export interface TraversalStep<TResponse, TParam> {
  /** The page that arrived. */
  page: TResponse
  /** TanStack Query's `pages` after it arrived: a new array at every page, holding the same page objects. */
  allPages: TResponse[]
  /** The param it was requested with. */
  pageParam: TParam
  /** TanStack Query's `pageParams` after it arrived. */
  allPageParams: TParam[]
}

/** A mock endpoint: the handler's answer to one request. */
export type MockAnswer = (call: MockCall) => Response

/** Where and how a traversal requests its pages. */
export interface TraversalRequest {
  /** Endpoint URL (the handlers read only the query and body, but a call carries a `Request`). */
  url: string
  /** Page size asked for; the adapter clamps it to its `maxLimit`. */
  limit: number
  /** Pages to load. The list must hold at least that many. */
  pageCount: number
  /** JSON body sent with every request of a POST search, merged under the adapter's own body params. */
  body?: Record<string, unknown>
}

/** Loads `pageCount` pages through `answer`, requested and continued by `adapter`, as an infinite list does. */
export async function traverse<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  answer: MockAnswer,
  request: TraversalRequest,
): Promise<TraversalStep<TResponse, TParam>[]> {
  const pages: TResponse[] = []
  const pageParams: TParam[] = []
  const steps: TraversalStep<TResponse, TParam>[] = []
  let pageParam = adapter.initialPageParam
  while (steps.length < request.pageCount) {
    const { query, body: adapterBody } = adapter.toRequest(pageParam, request.limit)
    const url = new URL(request.url)
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
    const body = adapterBody === undefined ? undefined : { ...request.body, ...adapterBody }
    const init = body === undefined ? undefined : { method: 'POST', body: JSON.stringify(body) }
    const response = answer({ request: new Request(url, init), url, query, body })
    if (!response.ok) {
      throw new Error(`${adapter.id}: the mock answered ${response.status} to page ${steps.length + 1}`)
    }
    const page = (await response.json()) as TResponse
    pages.push(page)
    pageParams.push(pageParam)
    const step = { page, allPages: pages.slice(), pageParam, allPageParams: pageParams.slice() }
    steps.push(step)
    const next = adapter.getNextPageParam(page, step.allPages, pageParam, step.allPageParams)
    if (next === undefined && steps.length < request.pageCount) {
      throw new Error(`${adapter.id}: the list ended after ${steps.length} of ${request.pageCount} pages`)
    }
    if (next !== undefined) pageParam = next
  }
  return steps
}

/** The records of a traversal, to state what was read. */
export function countItems<TResponse, TParam>(
  adapter: Pick<PaginationAdapter<TResponse, unknown, TParam>, 'getItems'>,
  steps: readonly TraversalStep<TResponse, TParam>[],
): number {
  return steps.reduce((sum, step) => sum + adapter.getItems(step.page).length, 0)
}

/** The seeded datasets behind the endpoints (the mocks' defaults, with events enough for a long traversal). */
const close = createCloseDataset({ seed: 1, leads: 2_500, events: 1_500 })
const pipedrive = createPipedriveDataset({ seed: 1, deals: 2_500, notes: 2_500 })

/** The mock endpoints, wired as `createCloseMock` and `createPipedriveMock` wire them (no faults). */
export const mockEndpoints = {
  closeLeads: {
    url: 'https://api.close.com/api/v1/lead/',
    answer: closeListAnswer<CloseLead>({
      records: () => close.leads,
      maxLimit: 200,
      maxSkip: 250_000,
      alwaysTotal: false,
      filter: withDateCreatedRange<CloseLead>(closeLeadFilter),
    }),
  },
  closeEvents: {
    url: 'https://api.close.com/api/v1/event/',
    answer: closeEventsAnswer({ records: (): readonly CloseLogEvent[] => close.events, maxLimit: 50 }),
  },
  closeSearch: {
    url: 'https://api.close.com/api/v1/data/search/',
    answer: closeSearchAnswer({
      records: (type) => (type === 'lead' ? close.leads : type === 'contact' ? close.contacts : []),
      maxLimit: 200,
    }),
  },
  pipedriveNotes: {
    url: 'https://pagewise-demo.pipedrive.com/api/v1/notes',
    answer: pipedriveOffsetAnswer<PipedriveNote>({
      records: () => pipedrive.notes,
      maxLimit: 500,
      sortFields: ['id', 'add_time', 'update_time'],
    }),
  },
  pipedriveDeals: {
    url: 'https://pagewise-demo.pipedrive.com/api/v2/deals',
    answer: pipedriveCursorAnswer<PipedriveDeal>({
      records: () => pipedrive.deals,
      maxLimit: 500,
      idFilters: ['owner_id'],
    }),
  },
} satisfies Record<string, { url: string; answer: MockAnswer }>
