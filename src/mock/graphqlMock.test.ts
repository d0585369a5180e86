import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { relayConnectionAdapter } from '../adapters/relayConnection'
import { MalformedResponseError } from '../core/errors'
import { fetchAll } from '../core/fetchAll'
import { createFetcher } from '../http/createFetcher'
import { createGraphqlMock, GRAPHQL_MOCK_BASE_URL } from './graphqlMock'
import type { GraphqlIssue, GraphqlMockOptions } from './graphqlMock'

const { serve } = setupMockServer()
const mock = (options: GraphqlMockOptions = {}) => serve(createGraphqlMock(options))

const QUERY = `query Issues($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    issues(first: $first, after: $after) {
      totalCount
      edges { cursor node { id number title createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`
const REPO = { owner: 'pagewise', name: 'demo' }
const AUTH = { authorization: 'Bearer test-token' }

interface Connection {
  totalCount?: number
  edges?: { cursor?: string; node: GraphqlIssue }[]
  nodes?: GraphqlIssue[]
  pageInfo?: {
    hasNextPage: boolean
    endCursor: string | null
    hasPreviousPage: boolean
    startCursor: string | null
  }
}
interface Answer {
  data?: { repository: { issues: Connection | null } | null } | null
  errors?: { message: string; type?: string; path?: string[] }[]
  message?: string
}

async function post(body: unknown, headers: HeadersInit = AUTH) {
  const response = await fetch(`${GRAPHQL_MOCK_BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer }
}
const ask = (variables: Record<string, unknown>, query = QUERY) =>
  post({ query, variables: { ...REPO, ...variables } })

describe('GraphQL mock: POST /graphql, repository.issues', () => {
  it('answers a Relay connection: edges with cursors, pageInfo, totalCount, oldest first', async () => {
    const api = mock({ issues: 30 })
    const { status, body } = await ask({ first: 10, after: null })
    expect(status).toBe(200)
    const issues = body.data!.repository!.issues!
    expect(Object.keys(issues)).toEqual(['totalCount', 'edges', 'pageInfo'])
    expect(issues.totalCount).toBe(30)
    expect(issues.edges!.map((edge) => edge.node)).toEqual(api.dataset.issues.slice(0, 10))
    expect(issues.edges!.map((edge) => edge.node.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(issues.edges![0]!.node).toMatchObject({
      id: expect.stringMatching(/^I_/),
      title: expect.any(String),
    })
    expect(atob(issues.edges![9]!.cursor!)).toBe('cursor:v2:10')
    expect(issues.pageInfo).toEqual({
      hasNextPage: true,
      endCursor: issues.edges![9]!.cursor,
      hasPreviousPage: false,
      startCursor: issues.edges![0]!.cursor,
    })
    const next = await ask({ first: 25, after: issues.pageInfo!.endCursor })
    const rest = next.body.data!.repository!.issues!
    expect(rest.edges!.map((edge) => edge.node.number)).toEqual(
      api.dataset.issues.slice(10).map((i) => i.number),
    )
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true })
  })

  it('answers the connection fields the query names: nodes without edges', async () => {
    mock({ issues: 5 })
    const query = QUERY.replace('totalCount', '').replace(/edges \{[^}]*\} \}/, 'nodes { id number }')
    const { body } = await ask({ first: 2 }, query)
    expect(Object.keys(body.data!.repository!.issues!)).toEqual(['nodes', 'pageInfo'])
  })

  it('is walked whole by relayConnectionAdapter through createFetcher', async () => {
    const api = mock({ issues: 230 })
    const adapter = relayConnectionAdapter<GraphqlIssue>({
      path: 'data.repository.issues',
      query: QUERY,
      variables: REPO,
    })
    const github = createFetcher({ baseUrl: GRAPHQL_MOCK_BASE_URL, headers: AUTH })
    const issues = await fetchAll({ adapter, fetchPage: github('/graphql') })
    expect(issues).toEqual(api.dataset.issues)
    expect(api.requests.map((request) => request.method)).toEqual(['POST', 'POST', 'POST'])
    expect(api.requests.map((request) => (request.body as { variables: unknown }).variables)).toEqual([
      { ...REPO, first: 100, after: null },
      { ...REPO, first: 100, after: btoa('cursor:v2:100') },
      { ...REPO, first: 100, after: btoa('cursor:v2:200') },
    ])
  })

  it('answers a first above 100 with a GraphQL error, HTTP 200, as GitHub does', async () => {
    mock()
    const { status, body } = await ask({ first: 101 })
    expect(status).toBe(200)
    expect(body).toEqual({
      data: { repository: { issues: null } },
      errors: [
        {
          path: ['repository', 'issues'],
          message:
            'Requesting 101 records on the `issues` connection exceeds the `first` limit of 100 records.',
        },
      ],
    })
    expect((await ask({ first: 0 })).body.errors).toHaveLength(1)
    expect((await ask({})).body.errors?.[0]?.message).toBe(
      'You must provide a `first` or `last` value to properly paginate the `issues` connection.',
    )
    expect((await ask({ first: '10' })).body.errors).toHaveLength(1)
  })

  it('answers an invalid cursor and an unknown repository with GraphQL errors', async () => {
    mock()
    const cursor = await ask({ first: 10, after: 'not-a-cursor' })
    expect(cursor.status).toBe(200)
    expect(cursor.body.errors?.[0]?.message).toBe('`not-a-cursor` does not appear to be a valid cursor.')
    expect((await ask({ first: 10, after: btoa('cursor:v1:3') })).body.errors).toHaveLength(1)
    const missing = await ask({ first: 10, owner: 'octo', name: 'nope' })
    expect(missing.body).toEqual({
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          message: "Could not resolve to a Repository with the name 'octo/nope'.",
        },
      ],
    })
  })

  it('answers other queries with a GraphQL error naming the one it supports, and bad bodies as GitHub does', async () => {
    mock()
    const viewer = await post({ query: '{ viewer { login } }' })
    expect(viewer.status).toBe(200)
    expect(viewer.body.errors?.[0]?.message).toMatch(
      /^This mock answers one query only: repository\(owner: \$owner/,
    )
    const literals = await post({ query: QUERY.replace('first: $first', 'first: 10'), variables: REPO })
    expect(literals.body.errors).toHaveLength(1)
    expect((await post({ query: `mutation ${QUERY}`, variables: REPO })).body.errors).toHaveLength(1)
    expect((await post({ variables: REPO })).body.errors?.[0]?.message).toBe(
      'A query attribute must be specified and must be a string.',
    )
    const notJson = await post('{oops')
    expect(notJson.status).toBe(400)
    expect(notJson.body.message).toBe('Problems parsing JSON')
  })

  it('answers 401 without a bearer token, or with another than the configured one', async () => {
    mock({ token: 'test-token' })
    const anonymous = await post({ query: QUERY, variables: { ...REPO, first: 1 } }, {})
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.message).toBe('This endpoint requires you to be authenticated.')
    expect(
      (await post({ query: QUERY, variables: { ...REPO, first: 1 } }, { authorization: 'Bearer x' })).status,
    ).toBe(401)
    expect((await ask({ first: 1 })).status).toBe(200)
  })

  it('logs each request with its body and adds the configured latency', async () => {
    const api = mock({ faults: { latency: { fixedMs: 40, jitterMs: 0 } } })
    const started = performance.now()
    await ask({ first: 3 })
    expect(performance.now() - started).toBeGreaterThanOrEqual(35)
    expect(api.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/graphql',
        body: { query: QUERY, variables: { ...REPO, first: 3 } },
        status: 200,
      }),
    ])
  })

  it('answers 429 with retry-after and x-ratelimit headers past the rate limit', async () => {
    const api = mock({ faults: { rateLimit: { requests: 1, windowMs: 3000 } }, now: () => 1_000_000 })
    const ok = await ask({ first: 1 })
    expect(ok.headers.get('x-ratelimit-resource')).toBe('graphql')
    expect(ok.headers.get('x-ratelimit-reset')).toBe('1003')
    const limited = await ask({ first: 1 })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(limited.body.message).toMatch(/secondary rate limit/)
    expect(api.requests.map((request) => request.status)).toEqual([200, 429])
  })

  it('sends endCursor null with hasNextPage true on the malformed request, which the adapter names', async () => {
    mock({ faults: { malformedOnRequest: 1 } })
    const adapter = relayConnectionAdapter({ path: 'data.repository.issues', query: QUERY, variables: REPO })
    const github = createFetcher({ baseUrl: GRAPHQL_MOCK_BASE_URL, headers: AUTH })
    const walking = fetchAll({ adapter, fetchPage: github('/graphql'), pageSize: 10 })
    await expect(walking).rejects.toBeInstanceOf(MalformedResponseError)
    await expect(walking).rejects.toMatchObject({ field: 'data.repository.issues.pageInfo.endCursor' })
  })

  it('opens new issues at the end under drift: cursors do not shift', async () => {
    const api = mock({ issues: 20, faults: { drift: { insertEvery: 1, count: 5 } } })
    const first = await ask({ first: 10 })
    const second = await ask({ first: 10, after: first.body.data!.repository!.issues!.pageInfo!.endCursor })
    expect(api.dataset.issues).toHaveLength(30)
    expect(second.body.data!.repository!.issues!.edges!.map((edge) => edge.node.number)).toEqual([
      11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ])
    expect(second.body.data!.repository!.issues!.totalCount).toBe(30)
  })

  it('is deterministic for a seed', () => {
    const one = createGraphqlMock({ seed: 5, issues: 40 }).dataset.issues
    expect(createGraphqlMock({ seed: 5, issues: 40 }).dataset.issues).toEqual(one)
    expect(createGraphqlMock({ seed: 6, issues: 40 }).dataset.issues).not.toEqual(one)
  })
})
