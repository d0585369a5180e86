import { http, HttpResponse } from 'msw'
import { isObject } from '../core/isObject'
import type { JsonObject } from '../core/isObject'
import { toBase64Url } from './base64url'
import { HOUR_MS, MINUTE_MS, REFERENCE_TIME_MS, rfc3339 } from './dates'
import { fakePerson } from './fakeValues'
import { badGatewayPage } from './gatewayPages'
import { assembleMockApi, trimBaseUrl } from './mockApi'
import type { MockApi, MockCommonOptions } from './mockTypes'
import { toAscii } from './names'
import { recordRng } from './random'
import type { RateLimitState } from './rateLimiter'
import type { MockCall } from './requestRecord'
import { createMockRuntime } from './runtime'
import type { ProviderProfile } from './runtime'

/**
 * Where the GraphQL mock listens unless told otherwise: `POST ${baseUrl}/graphql`, GitHub's endpoint.
 *
 * @example
 * const answer = await fetch(`${GRAPHQL_MOCK_BASE_URL}/graphql`, { method: 'POST', headers, body })
 */
export const GRAPHQL_MOCK_BASE_URL = 'https://api.github.com'

/** Seeds the random stream of issues, apart from the other mocks' streams. */
const ISSUE_SALT = 402
const DOCS = 'https://docs.github.com/graphql'

/** An issue of the GraphQL mock, as its `node` is answered. */
export interface GraphqlIssue {
  /** A global node id, such as `'I_aXNzdWU6MQ'`. */
  id: string
  /** 1, 2, 3, … in the order issues were opened. */
  number: number
  /** The issue's title (titles repeat across issues). */
  title: string
  /** `OPEN` or `CLOSED`, as GitHub's `IssueState`. */
  state: 'OPEN' | 'CLOSED'
  /** RFC 3339, UTC, such as `'2026-02-28T09:14:00Z'`. */
  createdAt: string
  /** `null` for a deleted account, as GitHub answers. */
  author: { login: string } | null
}

/** The data behind the GraphQL mock: one repository and its issues. */
export interface GraphqlMockDataset {
  /** The repository's owner: the `$owner` the mock answers. */
  owner: string
  /** The repository's name: the `$name` the mock answers. */
  name: string
  /** The live issues, oldest first (drift opens new ones at the end). */
  issues: GraphqlIssue[]
}

/** Options of `createGraphqlMock`. */
export interface GraphqlMockOptions extends MockCommonOptions {
  /** Origin (and optional path prefix) the handler answers on. @default GRAPHQL_MOCK_BASE_URL */
  baseUrl?: string
  /** Number of issues. @default 500 */
  issues?: number
  /** The one repository the mock knows; any other is NOT_FOUND. @default { owner: 'pagewise', name: 'demo' } */
  repository?: { owner: string; name: string }
  /**
   * The bearer token requests need. Without it, any `Authorization: Bearer …` is accepted; a request without one is
   * answered 401, as GitHub's GraphQL API always needs a token. @default undefined
   */
  token?: string
  /** Largest `first`; above it, a GraphQL error as GitHub answers. @default 100 */
  maxFirst?: number
}

const SUBJECTS: readonly string[] = [
  'Pager',
  'InfiniteTable',
  'usePaginatedList',
  'createFetcher',
  'The cursor adapter',
  'The docs',
  'The Storybook demo',
  'The exported types',
  'Retry on 429',
  'The mock API',
  'fetchAll',
  'Dark mode',
]
const PROBLEMS: readonly string[] = [
  'crashes when the list is empty',
  'loses focus after loading more',
  'should support a custom row height',
  'shows the wrong total',
  'needs an example with GraphQL',
  'is slow with 100,000 rows',
  'retries a 400 it should not',
  'flickers on a slow network',
  'ignores the abort signal',
  'reads the wrong rate-limit header',
  'breaks with React 19',
  'should announce loaded rows',
]

/** Issue number `number` (from 1): a pure function of (seed, number), opened before the reference time. */
function generateIssue(seed: number, number: number, count: number): GraphqlIssue {
  const rng = recordRng(seed, ISSUE_SALT, number)
  const person = fakePerson(rng)
  // 5 hours apart, give or take 4: strictly in number order.
  const opened = REFERENCE_TIME_MS - (count - number + 1) * 5 * HOUR_MS + rng.int(0, 4 * 60) * MINUTE_MS
  return {
    id: `I_${toBase64Url(`issue:${number}`)}`,
    number,
    title: `${rng.pick(SUBJECTS)} ${rng.pick(PROBLEMS)}`,
    state: rng.chance(0.55) ? 'CLOSED' : 'OPEN',
    createdAt: rfc3339(opened),
    author: rng.chance(0.03)
      ? null
      : {
          login: `${toAscii(person.first)}-${toAscii(person.last)}`.toLowerCase().replace(/[^a-z0-9-]/g, ''),
        },
  }
}

/** An opaque cursor in GitHub's format: standard base64 of `cursor:v2:` and a position (the issue's number). */
const encodeCursor = (number: number): string => btoa(`cursor:v2:${number}`)
function decodeCursor(cursor: string): number | undefined {
  try {
    const match = /^cursor:v2:(\d{1,9})$/.exec(atob(cursor))
    return match === null ? undefined : Number(match[1])
  } catch {
    return undefined
  }
}

/** A GraphQL answer with errors; GitHub sends them with HTTP 200. */
const graphqlErrors = (errors: JsonObject[], data?: unknown): Response =>
  HttpResponse.json({ ...(data === undefined ? {} : { data }), errors })

const epochSeconds = (now: number, inSeconds: number): string => String(Math.floor(now / 1000) + inSeconds)

function githubProfile(token: string | undefined, now: () => number): ProviderProfile {
  const limitHeaders = (state: RateLimitState): Record<string, string> => ({
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-used': String(state.limit - state.remaining),
    'x-ratelimit-reset': epochSeconds(now(), state.resetSeconds),
    'x-ratelimit-resource': 'graphql',
  })
  return {
    authorize: (request) => {
      const match = /^bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')
      return match !== null && (token === undefined || match[1] === token)
    },
    unauthorized: () =>
      HttpResponse.json(
        {
          message: 'This endpoint requires you to be authenticated.',
          documentation_url: `${DOCS}/guides/forming-calls-with-graphql#authenticating-with-graphql`,
        },
        { status: 401 },
      ),
    rateLimited: (state) =>
      HttpResponse.json(
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: `${DOCS}/overview/rate-limits-and-node-limits-for-the-graphql-api`,
        },
        {
          status: 429,
          headers: { ...limitHeaders({ ...state, remaining: 0 }), 'retry-after': String(state.resetSeconds) },
        },
      ),
    rateLimitHeaders: limitHeaders,
    serverError: (status) =>
      status === 502
        ? badGatewayPage()
        : HttpResponse.json({ message: 'Service Unavailable' }, { status: 503 }),
  }
}

/** Markers of the one supported operation: `$owner`, `$name`, `$first`, `$after` passed to the two fields. */
const REPOSITORY_ARGS = /\brepository\s*\(([^)]*)\)/
const ISSUES_ARGS = /\bissues\s*\(([^)]*)\)/
const UNSUPPORTED =
  'This mock answers one query only: repository(owner: $owner, name: $name) { issues(first: $first, ' +
  'after: $after) { totalCount edges { cursor node { … } } nodes { … } pageInfo { … } } } (see createGraphqlMock).'

/** Whether `query` is the supported operation, recognised by markers in its text (the mock has no GraphQL parser). */
function isSupported(query: string): boolean {
  if (/^\s*(mutation|subscription)\b/.test(query)) return false
  const repository = REPOSITORY_ARGS.exec(query)?.[1] ?? ''
  const issues = ISSUES_ARGS.exec(query)?.[1] ?? ''
  return (
    /\$owner\b/.test(repository) &&
    /\$name\b/.test(repository) &&
    /\$first\b/.test(issues) &&
    /\$after\b/.test(issues)
  )
}

/** The `malformedOnRequest` answer: the normal one with `pageInfo.endCursor: null` while `hasNextPage` is true. */
function malformedAnswer(body: unknown): Response {
  const connection =
    isObject(body) && isObject(body.data) && isObject(body.data.repository)
      ? body.data.repository.issues
      : undefined
  if (!isObject(connection)) return HttpResponse.json(body ?? { data: null })
  const broken = { ...connection, pageInfo: { hasNextPage: true, endCursor: null } }
  return HttpResponse.json({ data: { repository: { issues: broken } } })
}

/**
 * A mock of a GraphQL API with Relay connections, modelled on GitHub's GraphQL API, for MSW: `POST /graphql`
 * answering one operation, `repository(owner: $owner, name: $name) { issues(first: $first, after: $after) { … } }`.
 *
 * Facts it models (GitHub GraphQL API): a bearer token is required (401 `{ message, documentation_url }` without
 * one); errors come with HTTP 200 as `{ data?, errors: [{ message, type?, path? }] }`: a `first` above 100 is
 * ``Requesting 101 records on the `issues` connection exceeds the `first` limit of 100 records.``, a missing one
 * ``You must provide a `first` or `last` value to properly paginate the `issues` connection.``, an unknown
 * repository `{ data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message: "Could not
 * resolve to a Repository with the name 'owner/name'." }] }`; cursors are opaque base64 (`cursor:v2:…`), and
 * `` `x` does not appear to be a valid cursor.`` answers one that is not; issues are listed oldest first;
 * `x-ratelimit-*` headers, and 429 with `retry-after` past a secondary rate limit.
 *
 * Limits: it is not a GraphQL server and has no parser. It recognises the supported operation by markers in the
 * query text (`repository(` with `$owner` and `$name`, `issues(` with `$first` and `$after`); any other query is a
 * GraphQL error. Arguments come from `variables` only, never from literals in the text. It answers the connection
 * fields whose names appear in the text (`totalCount`, `edges` with `cursor` and `node`, `nodes`, `pageInfo`), and
 * every node with all of its fields (`id number title state createdAt author { login }`), whatever the selection.
 *
 * @example
 * const github = createGraphqlMock({ issues: 300, faults: { latency: { fixedMs: 120, jitterMs: 0 } } })
 * const server = setupServer(...github.handlers)
 */
export function createGraphqlMock(options: GraphqlMockOptions = {}): MockApi<GraphqlMockDataset> {
  const base = trimBaseUrl(options.baseUrl ?? GRAPHQL_MOCK_BASE_URL)
  const seed = options.seed ?? 1
  const count = Math.max(0, Math.floor(options.issues ?? 500))
  const { owner, name } = options.repository ?? { owner: 'pagewise', name: 'demo' }
  const maxFirst = options.maxFirst ?? 100
  const build = (): GraphqlMockDataset => ({
    owner,
    name,
    issues: Array.from({ length: count }, (_, index) => generateIssue(seed, index + 1, count)),
  })
  let dataset = build()
  let opened = 0
  const runtime = createMockRuntime(githubProfile(options.token, options.now ?? Date.now), options)

  const answer = ({ body }: MockCall): Response => {
    if (!isObject(body)) {
      return HttpResponse.json({ message: 'Problems parsing JSON', documentation_url: DOCS }, { status: 400 })
    }
    const { query, variables = {} } = body
    if (typeof query !== 'string' || query.trim() === '') {
      return graphqlErrors([{ message: 'A query attribute must be specified and must be a string.' }])
    }
    if (!isSupported(query)) return graphqlErrors([{ message: UNSUPPORTED }])
    if (!isObject(variables)) return graphqlErrors([{ message: 'Variables must be a JSON object.' }])
    for (const variable of ['owner', 'name'] as const) {
      if (typeof variables[variable] !== 'string') {
        return graphqlErrors([
          { message: `Variable $${variable} of type String! was provided invalid value` },
        ])
      }
    }
    if (variables.owner !== dataset.owner || variables.name !== dataset.name) {
      const message = `Could not resolve to a Repository with the name '${String(variables.owner)}/${String(variables.name)}'.`
      return graphqlErrors([{ type: 'NOT_FOUND', path: ['repository'], message }], { repository: null })
    }
    const path = ['repository', 'issues']
    const { first, after } = variables
    if (first === undefined || first === null) {
      return graphqlErrors(
        [
          {
            path,
            message:
              'You must provide a `first` or `last` value to properly paginate the `issues` connection.',
          },
        ],
        { repository: { issues: null } },
      )
    }
    if (typeof first !== 'number' || !Number.isInteger(first)) {
      return graphqlErrors([{ message: 'Variable $first of type Int was provided invalid value' }])
    }
    if (first > maxFirst || first < 1) {
      const message =
        first > maxFirst
          ? `Requesting ${first} records on the \`issues\` connection exceeds the \`first\` limit of ${maxFirst} records.`
          : '`first` must be between 1 and 100 in this mock.'
      return graphqlErrors([{ path, message }], { repository: { issues: null } })
    }
    let position = 0
    if (after !== undefined && after !== null) {
      const number = typeof after === 'string' ? decodeCursor(after) : undefined
      if (number === undefined) {
        return graphqlErrors(
          [{ path, message: `\`${String(after)}\` does not appear to be a valid cursor.` }],
          {
            repository: { issues: null },
          },
        )
      }
      position = dataset.issues.findIndex((issue) => issue.number > number)
      if (position === -1) position = dataset.issues.length
    }
    const page = dataset.issues.slice(position, position + first)
    const startCursor = page[0] === undefined ? null : encodeCursor(page[0].number)
    const endCursor = page.at(-1) === undefined ? null : encodeCursor(page.at(-1)!.number)
    const connection: JsonObject = {}
    const asks = (field: string) => new RegExp(`\\b${field}\\b`).test(query)
    if (asks('totalCount')) connection.totalCount = dataset.issues.length
    if (asks('edges')) {
      connection.edges = page.map((node) =>
        asks('cursor') ? { cursor: encodeCursor(node.number), node } : { node },
      )
    }
    if (asks('nodes')) connection.nodes = page
    if (asks('pageInfo')) {
      connection.pageInfo = {
        hasNextPage: position + page.length < dataset.issues.length,
        endCursor,
        hasPreviousPage: position > 0,
        startCursor,
      }
    }
    return HttpResponse.json({ data: { repository: { issues: connection } } })
  }

  const handlers = [
    http.post(
      `${base}/graphql`,
      runtime.endpoint({
        answer,
        malformed: malformedAnswer,
        drift: (insert) => {
          for (let k = 0; k < insert; k += 1) {
            opened += 1
            const number = count + opened
            const issue = generateIssue(seed, number, count)
            dataset.issues.push({ ...issue, createdAt: rfc3339(REFERENCE_TIME_MS + opened * MINUTE_MS) })
          }
        },
      }),
    ),
  ]
  return assembleMockApi(runtime, handlers, {
    current: () => dataset,
    reset: () => {
      dataset = build()
      opened = 0
    },
  })
}
