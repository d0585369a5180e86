import type { GraphQLResponse } from '../../src/adapters/relayConnection'
import { ApiReportedError, CursorLoopError } from '../../src/core/errors'
import { isObject } from '../../src/core/isObject'
import type { PageRequest } from '../../src/core/types'
import { commonMalformedPages } from '../../src/testing'
import type { MalformedPage, SimulatedPage, SimulatedServer } from '../../src/testing'

/** Options of `relayConnectionServer`. */
export interface RelayConnectionServerOptions {
  /** Where the connection is in the answer, as the adapter's `path`, such as `'data.repository.issues'`. */
  path: string
  /** Whether the records come as `edges: [{ node }]` or as `nodes: [...]` (GitHub's shortcut). @default 'edges' */
  list?: 'edges' | 'nodes'
  /** Largest `first` the server accepts; a larger one is a malformed request. @default 100 (GitHub's limit) */
  maxFirst?: number
}

/**
 * Simulates a GraphQL server with a Relay connection at `path`: reads `first` and `after` from the request's
 * `variables` (a POST body `{ query, variables }`, or GET `query` and JSON `variables` in the query string) and
 * answers `{ data: { …: { edges: [{ node }], pageInfo: { hasNextPage, endCursor }, totalCount } } }`, with
 * `totalCount` on half of the runs. Its cursors are keyset cursors, so records inserted meanwhile never shift a page.
 * For `relayConnectionAdapter({ path, … })`.
 *
 * @example
 * const path = 'data.repository.issues'
 * await verifyAdapter(relayConnectionAdapter({ path, query }), { server: relayConnectionServer({ path }) })
 */
export function relayConnectionServer(
  options: RelayConnectionServerOptions,
): SimulatedServer<GraphQLResponse> {
  const { path, list = 'edges', maxFirst = 100 } = options
  const steps = path.split('.')

  /** The answer to `page`, its connection changed by `patch` and its `pageInfo` by `pageInfo`. */
  const answer = (
    page: SimulatedPage,
    patch: Record<string, unknown> = {},
    pageInfo: Record<string, unknown> = {},
  ): GraphQLResponse => {
    const connection: Record<string, unknown> = {
      [list]: list === 'edges' ? page.records.map((node) => ({ node })) : page.records,
      pageInfo: { hasNextPage: page.hasMore, endCursor: page.nextCursor, ...pageInfo },
      ...(page.total === undefined ? {} : { totalCount: page.total }),
      ...patch,
    }
    return steps.reduceRight<unknown>((inner, step) => ({ [step]: inner }), connection) as GraphQLResponse
  }

  const malformed: MalformedPage<GraphQLResponse>[] = [
    ...commonMalformedPages,
    {
      name: 'a GraphQL "errors" answer with HTTP 200',
      expect: ApiReportedError,
      corrupt: () => ({
        data: null,
        errors: [{ message: 'Something went wrong while executing your query.' }],
      }),
    },
    { name: '"data" is null', corrupt: () => ({ data: null }) },
    { name: `"${list}" is an object`, corrupt: (_response, page) => answer(page, { [list]: {} }) },
    { name: '"pageInfo" is missing', corrupt: (_response, page) => answer(page, { pageInfo: undefined }) },
    {
      name: '"hasNextPage" is the string "true"',
      corrupt: (_response, page) => answer(page, {}, { hasNextPage: 'true' }),
    },
    {
      name: '"endCursor" is null while "hasNextPage" is true',
      appliesTo: (page) => page.hasMore,
      corrupt: (_response, page) => answer(page, {}, { endCursor: null }),
    },
    {
      name: '"endCursor" repeats the cursor of the request',
      appliesTo: (page) => page.cursor !== null,
      corrupt: (_response, page) => answer(page, {}, { hasNextPage: true, endCursor: page.cursor }),
      expect: CursorLoopError,
    },
  ]

  return {
    name: `GraphQL connection at ${path}${list === 'nodes' ? ' (nodes)' : ''}`,
    readRequest: (request) => {
      const variables = readVariables(request)
      const { first, after } = variables
      if (typeof first !== 'number' || !Number.isSafeInteger(first) || first < 1) {
        throw new Error(`"variables.first" is ${JSON.stringify(first)}, not an integer of at least 1`)
      }
      if (first > maxFirst)
        throw new Error(`"variables.first" is ${first}, above the server's maximum of ${maxFirst}`)
      if (after !== undefined && after !== null && typeof after !== 'string') {
        throw new Error(`"variables.after" is ${JSON.stringify(after)}, not a cursor or null`)
      }
      return { cursor: after ?? null, limit: first }
    },
    respond: (page) => answer(page),
    reportsTotal: 'sometimes',
    malformed,
  }
}

/** The `variables` of a GraphQL request: a POST body's, or GET's JSON `variables` query parameter. */
function readVariables(request: PageRequest<unknown>): Record<string, unknown> {
  let variables: unknown
  if (request.body !== undefined) {
    if (typeof request.body.query !== 'string') throw new Error('the JSON body has no "query" string')
    variables = request.body.variables
  } else {
    if (typeof request.query.query !== 'string')
      throw new Error('the request has neither a JSON body nor "query"')
    try {
      variables = JSON.parse(request.query.variables ?? '') as unknown
    } catch {
      throw new Error('the "variables" query parameter is not JSON')
    }
  }
  if (!isObject(variables)) throw new Error('the request has no "variables" object')
  return variables
}
