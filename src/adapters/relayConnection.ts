import { InvalidOptionError } from '../core/errors'
import { isObject } from '../core/isObject'
import type { JsonObject } from '../core/isObject'
import { checkField, expectArray, expectBoolean, expectOptionalCount, readField } from '../core/readField'
import type { AdapterRequest, PaginationAdapter } from '../core/types'
import type { CursorParam } from './cursorAdapter'
import { checkedAdapter } from './defineAdapter'
import { pageSizes } from './fieldSpec'
import { throwIfErrors } from './responseErrors'
import { withSort } from './sortSpec'
import type { SortSpec } from './sortSpec'

/** One entry of a GraphQL answer's `errors`. */
export interface GraphQLErrorEntry {
  /** What went wrong, such as `"Could not resolve to a Repository with the name 'octo/nope'."`. */
  message: string
  /** The field that failed, such as `['repository']`. */
  path?: (string | number)[]
  /** Where in the query text. */
  locations?: { line: number; column: number }[]
  /** Server-specific details (GitHub also sends a top-level `type`, such as `'NOT_FOUND'`). */
  extensions?: Record<string, unknown>
}

/** A GraphQL answer: `data`, and `errors` when something failed (servers answer HTTP 200 even then). */
export interface GraphQLResponse<TData = unknown> {
  /** The result; `null` when the query could not run at all. */
  data?: TData | null
  /** Present, and not empty, when something failed. */
  errors?: GraphQLErrorEntry[]
}

/** A Relay connection (graphql.org/learn/pagination, relay.dev's Cursor Connections Specification). */
export interface RelayConnection<TNode> {
  /** The page's records, each with its cursor. */
  edges?: ({ cursor?: string; node: TNode | null } | null)[]
  /** The page's records without cursors (GitHub's shortcut), read when `edges` is absent. */
  nodes?: (TNode | null)[]
  /** Where the page sits: `hasNextPage` and `endCursor` are what forward pagination needs. */
  pageInfo: {
    /** Whether records follow this page. */
    hasNextPage: boolean
    /** The cursor of the page's last record: the next page's `after`. */
    endCursor?: string | null
    /** Whether records come before this page (not read: the adapter pages forward). */
    hasPreviousPage?: boolean
    /** The cursor of the page's first record (not read). */
    startCursor?: string | null
  }
  /** The number of records in the whole connection, when the schema has it. */
  totalCount?: number
}

/** Options of `relayConnectionAdapter`. */
export interface RelayConnectionOptions {
  /**
   * Where the connection is in the answer, from its root, such as `'data.repository.issues'`. Every step must be
   * an object: a `null` on the way (a repository not found) is reported with the path that was `null`.
   */
  path: string
  /**
   * The GraphQL document. It must declare `$first: Int` and `$after: String` and pass them to the connection:
   * the adapter sets them for every page.
   * @example 'query Issues($owner: String!, $name: String!, $first: Int!, $after: String) { … }'
   */
  query: string
  /** The query's other variables (`owner`, `name`, filters). Put them in your `queryKey` too. */
  variables?: Record<string, unknown>
  /** Identifier used in the query key and in error messages. @default 'relay.connection' */
  id?: string
  /** Page size when the caller does not choose one. @default 50 (or maxLimit, when lower) */
  defaultLimit?: number
  /** Largest `first` the server accepts. @default 100 (GitHub's limit) */
  maxLimit?: number
  /**
   * `'body'`: POST `{ query, variables }` as JSON (what every GraphQL server takes). `'query'`: GET with `query` and
   * `variables` (as JSON) in the URL, for servers that accept GraphQL over GET, such as a CDN-cached endpoint.
   * @default 'body'
   */
  placement?: 'body' | 'query'
  /**
   * How a list's `sort` becomes variables, when the connection takes an order (its filter always goes into the
   * variables, by name). Declare them in `query`.
   * @example (sort) => ({ orderBy: { field: 'CREATED_AT', direction: sort.direction === 'ascending' ? 'ASC' : 'DESC' } })
   */
  sort?: SortSpec
}

/**
 * GraphQL connections in the Relay style (GitHub, Shopify, and most GraphQL servers): the adapter sends your query
 * with `first` (the page size) and `after` (`null`, then `pageInfo.endCursor`), reads the records from
 * `edges[].node` (or `nodes`) of the connection at `path`, and goes on while `pageInfo.hasNextPage` is true. The
 * total comes from `totalCount` when the query asks for it. A GraphQL `errors` answer (HTTP 200) is refused with
 * the first error's message; so is `data: null`.
 *
 * Forward only: going back needs `last`/`before` and another query; `usePagedList` keeps the cursors it has seen,
 * so Previous works without them.
 *
 * @example
 * const issues = relayConnectionAdapter<Issue>({
 *   path: 'data.repository.issues',
 *   query: `query Issues($owner: String!, $name: String!, $first: Int!, $after: String) {
 *     repository(owner: $owner, name: $name) {
 *       issues(first: $first, after: $after) {
 *         totalCount
 *         edges { node { id number title createdAt } }
 *         pageInfo { hasNextPage endCursor }
 *       }
 *     }
 *   }`,
 *   variables: { owner: 'facebook', name: 'react' },
 * })
 */
export function relayConnectionAdapter<TNode>(
  options: RelayConnectionOptions,
): PaginationAdapter<GraphQLResponse, TNode, CursorParam> {
  const { path, query, variables, placement = 'body' } = options
  const id = options.id ?? 'relay.connection'
  if (process.env.NODE_ENV !== 'production') checkOptions(options, id)

  /** The connection object at `path`, after refusing `errors`; each `null` or missing step is named. */
  const connection = (response: GraphQLResponse): JsonObject => {
    throwIfErrors(id, response)
    const value = readField(id, response, path, true)
    return checkField(
      id,
      path,
      value,
      isObject(value),
      'a connection object ({ edges or nodes, pageInfo })',
    ) as JsonObject
  }

  const getItems = (response: GraphQLResponse): TNode[] => {
    const { edges, nodes } = connection(response)
    // A `null` node (or edge) is a record the viewer may not see (GitHub): it is left out, not an error.
    const records =
      edges === undefined && nodes !== undefined
        ? expectArray(id, `${path}.nodes`, nodes)
        : expectArray(id, `${path}.edges`, edges).map((edge, index) =>
            edge === null
              ? null
              : checkField(
                  id,
                  `${path}.edges[${index}].node`,
                  (edge as JsonObject)?.node,
                  isObject(edge) && edge.node !== undefined,
                  'a node or null',
                ),
          )
    return records.filter((node) => node != null) as TNode[]
  }

  const graphqlRequest = (vars: Record<string, unknown>): AdapterRequest =>
    placement === 'query'
      ? { query: { query, variables: JSON.stringify(vars) } }
      : { query: {}, body: { query, variables: vars } }

  return checkedAdapter<GraphQLResponse, TNode, CursorParam>(
    {
      id,
      kind: 'cursor',
      initialPageParam: null,
      ...pageSizes(options, 50, 100),
      toRequest: (after, first) => graphqlRequest({ ...variables, first, after }),
      // A list's filter and sort are GraphQL variables, beside `first` and `after` (which win).
      withListParams: (request, params) =>
        graphqlRequest({
          ...params,
          ...(placement === 'query'
            ? (JSON.parse(request.query.variables!) as Record<string, unknown>)
            : (request.body!.variables as Record<string, unknown>)),
        }),
      ...withSort(options.sort, 'relayConnectionAdapter'),
      getItems,
      getNextPageParam: (response) => {
        getItems(response)
        const info = `${path}.pageInfo.`
        if (!expectBoolean(id, `${info}hasNextPage`, readField(id, response, `${info}hasNextPage`, true))) {
          return undefined
        }
        const cursor = readField(id, response, `${info}endCursor`)
        return checkField(
          id,
          `${info}endCursor`,
          cursor,
          typeof cursor === 'string' && cursor,
          'a cursor while hasNextPage is true',
        ) as string
      },
      getTotal: (response) => expectOptionalCount(id, `${path}.totalCount`, connection(response).totalCount),
    },
    'relayConnectionAdapter',
  )
}

/** Development only: the developer's own options. */
function checkOptions(options: RelayConnectionOptions, id: string): void {
  const owner = `relayConnectionAdapter(${id})`
  const fail = (option: string, expected: string, received: unknown): never => {
    throw new InvalidOptionError(owner, option, expected, received)
  }
  if (!isObject(options)) fail('options', 'an object such as { path, query }', options)
  const { path, query, variables, placement } = options
  if (typeof path !== 'string' || path.split('.').includes('')) {
    fail('path', "a dotted path to the connection, such as 'data.repository.issues'", path)
  }
  if (typeof query !== 'string' || !/\$first\b/.test(query) || !/\$after\b/.test(query)) {
    fail('query', 'a GraphQL query that declares and uses $first and $after', query)
  }
  if (variables !== undefined && !isObject(variables)) fail('variables', 'an object', variables)
  for (const name of ['first', 'after']) {
    if (variables !== undefined && name in variables) {
      fail(`variables.${name}`, 'left out: the adapter sets it for every page', variables[name])
    }
  }
  if (placement !== undefined && placement !== 'body' && placement !== 'query') {
    fail('placement', '"body" or "query"', placement)
  }
}
