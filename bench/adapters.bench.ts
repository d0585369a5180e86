/**
 * Pages parsed per second by each built-in adapter: what `usePaginatedList` runs for every page that arrives
 * (`readListPage`: `getItems`, `getNextPageParam` and `getTotal`, once, in the query function; then the loop check of
 * `getNextPageParam` against the params so far, which TanStack Query runs while rendering),
 * against the same pages read with no checks at all (`page.data`, `page.has_more`, …). The ratio of the two is the
 * cost of pagewise's validation and loop guard.
 *
 *   npx vitest bench --run --config bench/vitest.bench.config.ts bench/adapters.bench.ts
 *
 * The pages are a real traversal of the seeded mock APIs (adapterTraversals.ts): 20 pages of 100 records (Close
 * events: 50, the most Close's event log returns; 100 is also the most the GitHub, Stripe, HubSpot list, JSON:API and
 * GraphQL mocks return), each with a distinct page param. One bench iteration reads the traversal 5 times, 100 pages,
 * so that the timer's own cost does not swamp the unchecked reads. Pages per second = hz × 100. The per-page code
 * paths have no development-only branches, so NODE_ENV does not matter here.
 */
import { bench, describe } from 'vitest'
import { closeEventsCursor, closeOffset, closeSearchCursor } from '../src/adapters/close'
import type { CloseEventsResponse, CloseListResponse, CloseSearchResponse } from '../src/adapters/close'
import { closeKeysetOffset } from '../src/adapters/closeKeyset'
import type { CloseKeysetParam } from '../src/adapters/closeKeyset'
import type { CursorParam } from '../src/adapters/cursorAdapter'
import { hubspotAdapter } from '../src/adapters/hubspot'
import type { HubspotPage } from '../src/adapters/hubspot'
import { jsonApiAdapter } from '../src/adapters/jsonApi'
import type { JsonApiDocument } from '../src/adapters/jsonApi'
import { linkHeaderAdapter } from '../src/adapters/linkHeader'
import { pipedriveCursor, pipedriveOffset } from '../src/adapters/pipedrive'
import type { PipedriveCursorResponse, PipedriveOffsetResponse } from '../src/adapters/pipedrive'
import { relayConnectionAdapter } from '../src/adapters/relayConnection'
import type { GraphQLResponse, RelayConnection } from '../src/adapters/relayConnection'
import { startingAfterAdapter } from '../src/adapters/startingAfter'
import type { StartingAfterParam, StripeListResponse } from '../src/adapters/startingAfter'
import { nextListPageParam, readListPage } from '../src/core/listPage'
import type { FullResponse, PaginationAdapter } from '../src/core/types'
import type { CloseLead, CloseLogEvent } from '../src/mock/closeTypes'
import type { GithubIssue } from '../src/mock/githubDataset'
import type { GraphqlIssue } from '../src/mock/graphqlMock'
import type { HubspotContact } from '../src/mock/hubspotMock'
import type { JsonApiArticle } from '../src/mock/jsonApiMock'
import type { PipedriveDeal, PipedriveNote } from '../src/mock/pipedriveTypes'
import type { StripeCustomer } from '../src/mock/stripeMock'
import { countItems, mockEndpoints, traverse } from './adapterTraversals'
import type { TraversalStep } from './adapterTraversals'

const PAGE_COUNT = 20
const REPEATS = 5
const PAGES_PER_ITERATION = PAGE_COUNT * REPEATS
const OPTIONS = { time: 1_000, warmupTime: 200 }

/** Results are kept here so that no engine can drop the work as unused. */
let sink: unknown

/** A search result as Close returns it with `_fields`. */
type SearchLead = Pick<CloseLead, 'id' | 'display_name' | 'status_label' | 'date_created'> & {
  __object_type: 'lead'
}

/**
 * Benches one adapter against unchecked reads of the same pages. `unchecked` reads what the adapter reads (records,
 * continuation, total) straight off the page and returns the next param, trusting the API completely.
 */
function benchAdapter<TResponse, TItem, TParam>(
  adapterName: string,
  api: string,
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  steps: readonly TraversalStep<TResponse, TParam>[],
  unchecked: (page: TResponse, pageParam: TParam) => TParam | undefined,
): void {
  describe(`parse pages: ${adapterName} on ${api} (${PAGES_PER_ITERATION} pages per iteration)`, () => {
    bench(
      'pagewise adapter',
      () => {
        for (let repeat = 0; repeat < REPEATS; repeat += 1) {
          for (const { page, pageParam, allPageParams } of steps) {
            const listPage = readListPage(adapter, page, pageParam)
            sink = nextListPageParam(listPage, undefined, pageParam, allPageParams)
          }
        }
      },
      OPTIONS,
    )
    bench(
      'unchecked reads',
      () => {
        for (let repeat = 0; repeat < REPEATS; repeat += 1) {
          for (const { page, pageParam } of steps) sink = unchecked(page, pageParam)
        }
      },
      OPTIONS,
    )
  })
}

const request = { limit: 100, pageCount: PAGE_COUNT }

// Close lists: `{ data, has_more, total_results? }`, `_skip` / `_limit`.
const leads = closeOffset<CloseLead>()
const leadSteps = await traverse(leads, mockEndpoints.closeLeads.answer, {
  ...request,
  url: mockEndpoints.closeLeads.url,
})
benchAdapter(
  'closeOffset',
  `Close GET /lead/, ${countItems(leads, leadSteps) / PAGE_COUNT} leads per page`,
  leads,
  leadSteps,
  (page: CloseListResponse<CloseLead>, skip: number) => {
    const items = page.data
    sink = page.total_results
    return page.has_more ? skip + items.length : undefined
  },
)

/** The unchecked keyset continuation: the next `_skip`, or a new window below the last record past `maxSkip`. */
const uncheckedKeyset =
  (maxSkip: number) =>
  (page: CloseListResponse<CloseLead>, param: CloseKeysetParam): CloseKeysetParam | undefined => {
    const items = page.data
    sink = page.total_results
    if (!page.has_more) return undefined
    const skip = param.skip + items.length
    if (skip <= maxSkip) return { ...param, skip }
    const below = items[items.length - 1]?.date_created ?? null
    return { skip: 0, below, windowStart: param.windowStart + skip }
  }

const keyset = { field: 'date_created', param: 'date_created__lt' }
const keysetLeads = closeKeysetOffset<CloseLead>({ keyset })
const keysetSteps = await traverse(keysetLeads, mockEndpoints.closeLeads.answer, {
  ...request,
  url: mockEndpoints.closeLeads.url,
})
benchAdapter(
  'closeKeysetOffset',
  `Close GET /lead/, ${countItems(keysetLeads, keysetSteps) / PAGE_COUNT} leads per page`,
  keysetLeads,
  keysetSteps,
  uncheckedKeyset(250_000),
)

// The same with a new keyset window every 5 pages, so that window changes (a scan of the window's records) count.
const windowedLeads = closeKeysetOffset<CloseLead>({ keyset, maxSkip: 400 })
const windowedSteps = await traverse(windowedLeads, mockEndpoints.closeLeads.answer, {
  ...request,
  url: mockEndpoints.closeLeads.url,
})
benchAdapter(
  'closeKeysetOffset({ maxSkip: 400 })',
  `Close GET /lead/, a new date_created__lt window every 5 pages`,
  windowedLeads,
  windowedSteps,
  uncheckedKeyset(400),
)

// Close event log: `{ data, cursor_next, cursor_previous }`, `_cursor` / `_limit` (at most 50).
const events = closeEventsCursor<CloseLogEvent>()
const eventSteps = await traverse(events, mockEndpoints.closeEvents.answer, {
  ...request,
  url: mockEndpoints.closeEvents.url,
})
benchAdapter(
  'closeEventsCursor',
  `Close GET /event/, ${countItems(events, eventSteps) / PAGE_COUNT} events per page`,
  events,
  eventSteps,
  (page: CloseEventsResponse<CloseLogEvent>) => {
    sink = page.data
    return page.cursor_next ?? undefined
  },
)

// Close Advanced Filtering: `{ data, cursor }`, cursor and `_limit` in the POST body.
const search = closeSearchCursor<SearchLead>()
const searchSteps = await traverse(search, mockEndpoints.closeSearch.answer, {
  ...request,
  url: mockEndpoints.closeSearch.url,
  body: {
    query: { type: 'and', queries: [{ type: 'object_type', object_type: 'lead' }] },
    _fields: { lead: ['display_name', 'status_label', 'date_created'] },
  },
})
benchAdapter(
  'closeSearchCursor',
  `Close POST /data/search/, ${countItems(search, searchSteps) / PAGE_COUNT} leads per page`,
  search,
  searchSteps,
  (page: CloseSearchResponse<SearchLead>) => {
    sink = page.data
    return page.cursor ?? undefined
  },
)

// Pipedrive v1: `{ success, data, additional_data: { pagination: { more_items_in_collection, next_start } } }`.
const notes = pipedriveOffset<PipedriveNote>()
const noteSteps = await traverse(notes, mockEndpoints.pipedriveNotes.answer, {
  ...request,
  url: mockEndpoints.pipedriveNotes.url,
})
benchAdapter(
  'pipedriveOffset',
  `Pipedrive GET /api/v1/notes, ${countItems(notes, noteSteps) / PAGE_COUNT} notes per page`,
  notes,
  noteSteps,
  (page: PipedriveOffsetResponse<PipedriveNote>) => {
    sink = page.data ?? []
    const { pagination } = page.additional_data
    return pagination.more_items_in_collection ? pagination.next_start : undefined
  },
)

// Pipedrive v2: `{ success, data, additional_data: { next_cursor } }`.
const deals = pipedriveCursor<PipedriveDeal>()
const dealSteps = await traverse(deals, mockEndpoints.pipedriveDeals.answer, {
  ...request,
  url: mockEndpoints.pipedriveDeals.url,
})
benchAdapter(
  'pipedriveCursor',
  `Pipedrive GET /api/v2/deals, ${countItems(deals, dealSteps) / PAGE_COUNT} deals per page`,
  deals,
  dealSteps,
  (page: PipedriveCursorResponse<PipedriveDeal>) => {
    sink = page.data ?? []
    return page.additional_data.next_cursor ?? undefined
  },
)

// GitHub REST: the body is the array of issues; `Link: <…>; rel="next"` is the next page's URL (a full response).
const issues = linkHeaderAdapter<GithubIssue>()
const issueSteps = await traverse(issues, mockEndpoints.githubIssues.answer, {
  ...request,
  url: mockEndpoints.githubIssues.url,
})
/** The `rel="next"` URL of a Link header, trusting its format: the first `<…>` followed by `rel="next"`. */
const NEXT_LINK = /<([^>]*)>\s*;\s*rel="next"/
benchAdapter(
  'linkHeaderAdapter',
  `GitHub GET /repos/{owner}/{repo}/issues, ${countItems(issues, issueSteps) / PAGE_COUNT} issues per page`,
  issues,
  issueSteps,
  (page: FullResponse<GithubIssue[]>) => {
    sink = page.body
    return NEXT_LINK.exec(page.headers.get('link') ?? '')?.[1]
  },
)

// Stripe: `{ object: 'list', url, has_more, data }`, `starting_after=<id of the last record>` / `limit`.
const customers = startingAfterAdapter<StripeCustomer>()
const customerSteps = await traverse(customers, mockEndpoints.stripeCustomers.answer, {
  ...request,
  url: mockEndpoints.stripeCustomers.url,
})
benchAdapter(
  'startingAfterAdapter',
  `Stripe GET /v1/customers, ${countItems(customers, customerSteps) / PAGE_COUNT} customers per page`,
  customers,
  customerSteps,
  (page: StripeListResponse<StripeCustomer>): StartingAfterParam | undefined => {
    const items = page.data
    const last = items[items.length - 1]
    return page.has_more && last ? { startingAfter: last.id } : undefined
  },
)

// HubSpot CRM v3 object list: `{ results, paging: { next: { after, link } } }`, `after` / `limit` in the query.
const contacts = hubspotAdapter<HubspotContact>()
const contactSteps = await traverse(contacts, mockEndpoints.hubspotContacts.answer, {
  ...request,
  url: mockEndpoints.hubspotContacts.url,
})
benchAdapter(
  'hubspotAdapter',
  `HubSpot GET /crm/v3/objects/contacts, ${countItems(contacts, contactSteps) / PAGE_COUNT} contacts per page`,
  contacts,
  contactSteps,
  (page: HubspotPage<HubspotContact>) => {
    sink = page.results
    sink = page.total
    return page.paging?.next?.after
  },
)

// JSON:API: `{ data, links: { next }, meta: { page: { total } } }`; `links.next` is the next page's URL.
const articles = jsonApiAdapter<JsonApiArticle>()
const articleSteps = await traverse(articles, mockEndpoints.jsonApiArticles.answer, {
  ...request,
  url: mockEndpoints.jsonApiArticles.url,
})
benchAdapter(
  'jsonApiAdapter',
  `JSON:API GET /articles, ${countItems(articles, articleSteps) / PAGE_COUNT} articles per page`,
  articles,
  articleSteps,
  (page: JsonApiDocument<JsonApiArticle>): CursorParam | undefined => {
    sink = page.data
    sink = (page.meta?.page as { total?: number } | undefined)?.total
    return (page.links?.next as string | null | undefined) ?? undefined
  },
)

// GraphQL (GitHub's API): a Relay connection at `data.repository.issues`, `first` / `after` in the variables.
const graphqlIssues = relayConnectionAdapter<GraphqlIssue>({
  path: 'data.repository.issues',
  query: `query Issues($owner: String!, $name: String!, $first: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      issues(first: $first, after: $after) {
        totalCount
        edges { node { id number title state createdAt author { login } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`,
  variables: { owner: 'pagewise', name: 'demo' },
})
const graphqlSteps = await traverse(graphqlIssues, mockEndpoints.graphqlIssues.answer, {
  ...request,
  url: mockEndpoints.graphqlIssues.url,
  headers: mockEndpoints.graphqlIssues.headers,
})
benchAdapter(
  'relayConnectionAdapter',
  `GitHub GraphQL POST /graphql, ${countItems(graphqlIssues, graphqlSteps) / PAGE_COUNT} issues per page`,
  graphqlIssues,
  graphqlSteps,
  (page: GraphQLResponse) => {
    const connection = (page.data as { repository: { issues: RelayConnection<GraphqlIssue> } }).repository
      .issues
    // The records are the edges' nodes: the list needs them as an array, checked or not.
    sink = connection.edges?.map((edge) => edge?.node)
    sink = connection.totalCount
    return connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : undefined
  },
)

export { sink }
