import { describe, expect, it } from 'vitest'
import { pageRequest } from '../core/listPage'
import { ApiReportedError, CursorLoopError, InvalidOptionError } from '../core/errors'
import { relayConnectionAdapter } from './relayConnection'
import type { GraphQLResponse } from './relayConnection'

type Issue = { id: string; number: number; title: string }

const QUERY = `query Issues($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    issues(first: $first, after: $after) {
      totalCount
      edges { cursor node { id number title } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`
const PATH = 'data.repository.issues'
const issues = (from: number, count: number): Issue[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `I_${from + i}`,
    number: from + i,
    title: `Issue ${from + i}`,
  }))
/** An answer with `connection` at `data.repository.issues`; it may be deliberately wrong, hence the cast. */
const answer = (connection: unknown) => ({ data: { repository: { issues: connection } } }) as GraphQLResponse
const page = (nodes: Issue[], pageInfo: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  answer({ edges: nodes.map((node) => ({ cursor: `c${node.number}`, node })), pageInfo, ...extra })

describe('relayConnectionAdapter', () => {
  const adapter = relayConnectionAdapter<Issue>({
    path: PATH,
    query: QUERY,
    variables: { owner: 'octo', name: 'hello' },
  })

  it('POSTs the query with first and after (null on the first page), at most 100', () => {
    expect(adapter).toMatchObject({
      id: 'relay.connection',
      kind: 'cursor',
      initialPageParam: null,
      defaultLimit: 50,
      maxLimit: 100,
    })
    expect(adapter.toRequest(null, 50)).toEqual({
      query: {},
      body: { query: QUERY, variables: { owner: 'octo', name: 'hello', first: 50, after: null } },
    })
    expect(adapter.toRequest('Y3Vyc29yOjU=', 500).body).toEqual({
      query: QUERY,
      variables: { owner: 'octo', name: 'hello', first: 100, after: 'Y3Vyc29yOjU=' },
    })
    const request = pageRequest(adapter, null, 20, new AbortController().signal)
    expect(request.body).toMatchObject({ variables: { first: 20, after: null } })
    expect(request.url).toBeUndefined()
    expect(adapter.getPreviousPageParam).toBeUndefined()
  })

  it('puts query and variables in the URL with placement: "query"', () => {
    const get = relayConnectionAdapter({ path: PATH, query: QUERY, placement: 'query', maxLimit: 30 })
    expect(get.toRequest('abc', 50)).toEqual({
      query: { query: QUERY, variables: '{"first":30,"after":"abc"}' },
    })
  })

  it('reads edges[].node, follows endCursor while hasNextPage, reads totalCount', () => {
    const first = page(issues(1, 3), { hasNextPage: true, endCursor: 'c3' }, { totalCount: 5 })
    expect(adapter.getItems(first)).toEqual(issues(1, 3))
    expect(adapter.getNextPageParam(first, [first], null, [null])).toBe('c3')
    expect(adapter.getTotal?.(first)).toBe(5)
    const last = page(issues(4, 2), { hasNextPage: false, endCursor: 'c5' })
    expect(adapter.getNextPageParam(last, [first, last], 'c3', [null, 'c3'])).toBeUndefined()
    expect(adapter.getTotal?.(last)).toBeUndefined()
    const empty = page([], { hasNextPage: false, endCursor: null })
    expect(adapter.getItems(empty)).toEqual([])
    expect(adapter.getNextPageParam(empty, [empty], null, [null])).toBeUndefined()
  })

  it('reads nodes when edges is absent, and leaves out null nodes and edges', () => {
    const nodes = answer({ nodes: [...issues(1, 2), null], pageInfo: { hasNextPage: false } })
    expect(adapter.getItems(nodes)).toEqual(issues(1, 2))
    const withNulls = answer({
      edges: [{ node: issues(1, 1)[0] }, { cursor: 'x', node: null }, null],
      pageInfo: { hasNextPage: false },
    })
    expect(adapter.getItems(withNulls)).toEqual(issues(1, 1))
  })

  it('refuses a GraphQL errors answer with the first message', () => {
    const notFound = {
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          message: "Could not resolve to a Repository with the name 'octo/nope'.",
        },
      ],
    }
    let thrown: unknown
    try {
      adapter.getItems(notFound as never)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ApiReportedError)
    expect(thrown).toMatchObject({
      adapterId: 'relay.connection',
      field: 'errors',
      errors: notFound.errors,
    })
    expect((thrown as Error).message).toBe(
      '[pagewise] relay.connection: the API answered with "errors": ' +
        "Could not resolve to a Repository with the name 'octo/nope'.",
    )
    const limit = {
      errors: [
        {
          message:
            'Requesting 101 records on the `issues` connection exceeds the `first` limit of 100 records.',
        },
      ],
    }
    expect(() => adapter.getNextPageParam(limit as never, [], null, [null])).toThrow(
      /relay\.connection: the API answered with "errors": Requesting 101 records/,
    )
  })

  it.each([
    ['data null', { data: null }, 'data', 'an object'],
    ['data missing', {}, 'data', 'an object'],
    ['a null step on the path', { data: { repository: null } }, 'data.repository', 'an object'],
    ['the connection null', answer(null), PATH, 'a connection object ({ edges or nodes, pageInfo })'],
    ['edges and nodes missing', answer({ pageInfo: { hasNextPage: false } }), `${PATH}.edges`, 'an array'],
    ['edges an object', answer({ edges: {}, pageInfo: { hasNextPage: false } }), `${PATH}.edges`, 'an array'],
    [
      'an edge without node',
      answer({ edges: [{ cursor: 'a' }], pageInfo: { hasNextPage: false } }),
      `${PATH}.edges[0].node`,
      'a node or null',
    ],
    ['pageInfo missing', answer({ edges: [] }), `${PATH}.pageInfo`, 'an object'],
    [
      'hasNextPage a string',
      answer({ edges: [], pageInfo: { hasNextPage: 'true', endCursor: 'a' } }),
      `${PATH}.pageInfo.hasNextPage`,
      'a boolean',
    ],
    [
      'hasNextPage true without endCursor',
      answer({ edges: [], pageInfo: { hasNextPage: true } }),
      `${PATH}.pageInfo.endCursor`,
      'a cursor while hasNextPage is true',
    ],
    [
      'hasNextPage true with an empty endCursor',
      answer({ edges: [], pageInfo: { hasNextPage: true, endCursor: '' } }),
      `${PATH}.pageInfo.endCursor`,
      'a cursor while hasNextPage is true',
    ],
  ])('throws MalformedResponseError naming the field for %s', (_case, response, field, expected) => {
    expect(() => adapter.getNextPageParam(response as never, [], null, [null])).toThrow(
      expect.objectContaining({
        name: 'MalformedResponseError',
        adapterId: 'relay.connection',
        field,
        expected,
      }),
    )
  })

  it('names totalCount when it is not a count', () => {
    expect(() => adapter.getTotal?.(page([], { hasNextPage: false }, { totalCount: -3 }))).toThrow(
      expect.objectContaining({ name: 'MalformedResponseError', field: `${PATH}.totalCount` }),
    )
  })

  it('refuses an endCursor it has already requested', () => {
    const repeated = page(issues(4, 3), { hasNextPage: true, endCursor: 'c3' })
    expect(() => adapter.getNextPageParam(repeated, [repeated], 'c3', [null, 'c3'])).toThrow(CursorLoopError)
  })

  it('checks its options in development', () => {
    const make = (options: Record<string, unknown>) => () =>
      relayConnectionAdapter({ path: PATH, query: QUERY, ...options })
    expect(make({ path: '' })).toThrow(InvalidOptionError)
    expect(make({ path: 'data..issues' })).toThrow('option "path"')
    expect(make({ query: 'query { viewer { login } }' })).toThrow('declares and uses $first and $after')
    expect(make({ variables: { first: 10 } })).toThrow('option "variables.first"')
    expect(make({ variables: 'owner' })).toThrow('option "variables"')
    expect(make({ placement: 'header' })).toThrow('option "placement"')
    expect(make({ maxLimit: 20, defaultLimit: 30 })).toThrow('defaultLimit')
    expect(relayConnectionAdapter({ path: PATH, query: QUERY, maxLimit: 20 }).defaultLimit).toBe(20)
    expect(relayConnectionAdapter({ path: PATH, query: QUERY, id: 'github.issues' }).id).toBe('github.issues')
  })
})
