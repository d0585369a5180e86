/**
 * Real traversals of the seeded mock APIs, for `adapters.bench.ts`. Every page is the JSON the mock's own handler
 * answers (the providers' envelopes, opaque cursors and `Link` headers) to the request the adapter builds, as
 * pagewise builds it for `fetchPage`, parsed as `fetch` hands it over (`{ body, headers, status }` for an
 * adapter with `response: 'full'`, as `createFetcher` returns it); the next request follows the adapter's
 * `getNextPageParam` (and the page URL it points to, `request.url`), as `usePaginatedList` walks a list. So each page
 * param is distinct and each page is a fresh object, as in an app.
 *
 * Close and Pipedrive are answered by their handlers' answer functions; the other mocks (GitHub, Stripe, HubSpot,
 * JSON:API, GraphQL) keep theirs private, so their requests go through the mock's own MSW handlers (`getResponse`,
 * what `setupServer` answers, without a server).
 */
import { getResponse } from 'msw'
import type { HttpHandler } from 'msw'
import { pageRequest as buildPageRequest } from '../src/core/listPage'
import type { FullResponse, PaginationAdapter } from '../src/core/types'
import { createCloseDataset } from '../src/mock/closeDataset'
import { closeEventsAnswer } from '../src/mock/closeEventsHandler'
import { closeLeadFilter, closeListAnswer, withDateCreatedRange } from '../src/mock/closeListHandler'
import { closeSearchAnswer } from '../src/mock/closeSearchHandler'
import type { CloseLead, CloseLogEvent } from '../src/mock/closeTypes'
import { createGithubMock, GITHUB_MOCK_BASE_URL } from '../src/mock/githubMock'
import { createGraphqlMock, GRAPHQL_MOCK_BASE_URL } from '../src/mock/graphqlMock'
import { createHubspotMock, HUBSPOT_MOCK_BASE_URL } from '../src/mock/hubspotMock'
import { createJsonApiMock, JSON_API_MOCK_BASE_URL } from '../src/mock/jsonApiMock'
import { createPipedriveDataset } from '../src/mock/pipedriveDataset'
import { pipedriveCursorAnswer } from '../src/mock/pipedriveCursorHandler'
import { pipedriveOffsetAnswer } from '../src/mock/pipedriveOffsetHandler'
import type { PipedriveDeal, PipedriveNote } from '../src/mock/pipedriveTypes'
import type { MockCall } from '../src/mock/requestRecord'
import { createStripeMock, STRIPE_MOCK_BASE_URL } from '../src/mock/stripeMock'

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

/** A mock endpoint: the handler's answer to one request, or the mock's MSW handlers. */
export type MockAnswer = ((call: MockCall) => Response) | readonly HttpHandler[]

/** Where and how a traversal requests its pages. */
export interface TraversalRequest {
  /** Endpoint URL, with the list's own query (filters) if any; a page URL from the API replaces it. */
  url: string
  /** Page size asked for; the adapter clamps it to its `maxLimit`. */
  limit: number
  /** Pages to load. The list must hold at least that many. */
  pageCount: number
  /** JSON body sent with every request of a POST search, merged under the adapter's own body params. */
  body?: Record<string, unknown>
  /** Request headers, such as the bearer token a mock requires. */
  headers?: Record<string, string>
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
  const signal = new AbortController().signal
  let pageParam = adapter.initialPageParam
  while (steps.length < request.pageCount) {
    const pageRequest = buildPageRequest(adapter, pageParam, request.limit, signal)
    const { query, body: adapterBody } = pageRequest
    // As `createFetcher`: a page URL the API pointed to (relative to the endpoint) replaces the endpoint's URL.
    const url = new URL(pageRequest.url ?? request.url, request.url)
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
    const body = adapterBody === undefined ? undefined : { ...request.body, ...adapterBody }
    const init: RequestInit =
      body === undefined
        ? { headers: request.headers ?? {} }
        : { method: 'POST', headers: request.headers ?? {}, body: JSON.stringify(body) }
    const call = new Request(url, init)
    const response =
      typeof answer === 'function'
        ? answer({ request: call, url, query: Object.fromEntries(url.searchParams), body })
        : await getResponse([...answer], call)
    if (response === undefined || !response.ok) {
      const status = response === undefined ? 'no handler matched' : `the mock answered ${response.status}`
      throw new Error(`${adapter.id}: ${status} to page ${steps.length + 1} (${call.method} ${url.href})`)
    }
    const json: unknown = await response.json()
    const full: FullResponse = { body: json, headers: response.headers, status: response.status }
    const page = (adapter.response === 'full' ? full : json) as TResponse
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

/** The seeded datasets behind the endpoints (the mocks' defaults, with records enough for a long traversal). */
const close = createCloseDataset({ seed: 1, leads: 2_500, events: 1_500 })
const pipedrive = createPipedriveDataset({ seed: 1, deals: 2_500, notes: 2_500 })
const github = createGithubMock({ seed: 1, issues: 2_500 })
const stripe = createStripeMock({ seed: 1, customers: 2_500 })
const hubspot = createHubspotMock({ seed: 1, contacts: 2_500 })
const jsonApi = createJsonApiMock({ seed: 1, articles: 2_500 })
const graphql = createGraphqlMock({ seed: 1, issues: 2_500 })

/**
 * The mock endpoints, wired as `createCloseMock` and `createPipedriveMock` wire them, or the other mocks' own MSW
 * handlers (no faults). `headers` are the ones a mock requires.
 */
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
  githubIssues: {
    // All issues, open and closed; GitHub's `Link` URLs keep `state` and `per_page`.
    url: `${GITHUB_MOCK_BASE_URL}/repos/${github.dataset.owner}/${github.dataset.repo}/issues?state=all`,
    answer: github.handlers,
  },
  stripeCustomers: {
    url: `${STRIPE_MOCK_BASE_URL}/v1/customers`,
    answer: stripe.handlers,
  },
  hubspotContacts: {
    url: `${HUBSPOT_MOCK_BASE_URL}/crm/v3/objects/contacts`,
    answer: hubspot.handlers,
  },
  jsonApiArticles: {
    url: `${JSON_API_MOCK_BASE_URL}/articles`,
    answer: jsonApi.handlers,
  },
  graphqlIssues: {
    url: `${GRAPHQL_MOCK_BASE_URL}/graphql`,
    answer: graphql.handlers,
    // GitHub's GraphQL API (and its mock) always needs a token.
    headers: { authorization: 'Bearer pagewise-bench' },
  },
} satisfies Record<string, { url: string; answer: MockAnswer; headers?: Record<string, string> }>
