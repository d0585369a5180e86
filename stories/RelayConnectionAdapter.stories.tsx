import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMemo } from 'react'
import type { ComponentType } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { relayConnectionAdapter } from '../src/adapters/relayConnection'
import { InfiniteTable } from '../src/components/InfiniteTable'
import type { InfiniteTableColumn } from '../src/components/InfiniteTable'
import { usePaginatedList } from '../src/hooks/usePaginatedList'
import { createFetcher } from '../src/http/createFetcher'
import { createGraphqlMock, GRAPHQL_MOCK_BASE_URL } from '../src/mock/graphqlMock'
import type { GraphqlIssue } from '../src/mock/graphqlMock'
import { storyFetch } from './support/storyRun'
import { intro } from './demo/StoryIntro'

type RelayStoryArgs = {
  /** The repository's owner and name, sent as `$owner` and `$name`. */
  owner: string
  name: string
  /** Issues per request (`first`, at most 100). */
  pageSize: number
  /** Mock API latency per request. */
  latencyMs: number
  /** Height of the `<InfiniteTable>` in pixels. */
  height: number
}

const ISSUES = 180
const github = createGraphqlMock({ issues: ISSUES, repository: { owner: 'pagewise', name: 'demo' } })
// GitHub's GraphQL API needs a token: it goes in a header, never in the URL or the query key.
const graphql = createFetcher({
  baseUrl: GRAPHQL_MOCK_BASE_URL,
  fetch: storyFetch,
  headers: { authorization: 'Bearer storybook-demo-token' },
})('/graphql')

const QUERY = `query RepositoryIssues($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    issues(first: $first, after: $after) {
      totalCount
      edges { cursor node { id number title state createdAt author { login } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
const columns: InfiniteTableColumn<GraphqlIssue>[] = [
  { id: 'number', header: '#', cell: (issue) => `#${issue.number}`, width: 80 },
  { id: 'title', header: 'Title', cell: (issue) => issue.title },
  { id: 'state', header: 'State', cell: (issue) => (issue.state === 'OPEN' ? 'Open' : 'Closed'), width: 100 },
  { id: 'author', header: 'Author', cell: (issue) => issue.author?.login ?? 'ghost', width: 180 },
  {
    id: 'opened',
    header: 'Opened',
    cell: (issue) => day.format(new Date(issue.createdAt)),
    width: 130,
    align: 'end',
  },
]

/** `relayConnectionAdapter` on `repository.issues`: `first`/`after` in the variables, `endCursor` while `hasNextPage`. */
function IssuesTable({ owner, name, pageSize, height }: RelayStoryArgs) {
  const adapter = useMemo(
    () =>
      relayConnectionAdapter<GraphqlIssue>({
        path: 'data.repository.issues',
        query: QUERY,
        variables: { owner, name },
      }),
    [owner, name],
  )
  const list = usePaginatedList({
    // The variables identify the list: they belong in the key.
    queryKey: ['github', 'issues', { owner, name }],
    adapter,
    fetchPage: graphql,
    pageSize,
  })
  return (
    <InfiniteTable
      list={list}
      columns={columns}
      aria-label={`Issues of ${owner}/${name}`}
      itemName={{ one: 'issue', other: 'issues' }}
      height={height}
    />
  )
}

/**
 * A GraphQL API with Relay connections, on a mock modelled on GitHub's (`createGraphqlMock`): one POST per page,
 * `{ query, variables: { owner, name, first, after } }`, and GraphQL errors answered with HTTP 200.
 */
const meta: Meta<RelayStoryArgs> = {
  title: 'Adapters/Beyond CRMs/GraphQL connection',
  component: InfiniteTable as ComponentType<never> as ComponentType<RelayStoryArgs>,
  parameters: {
    msw: github.handlers,
    controls: { include: ['owner', 'name', 'pageSize', 'latencyMs', 'height'] },
  },
  args: { owner: 'pagewise', name: 'demo', pageSize: 50, latencyMs: 100, height: 420 },
  argTypes: {
    owner: { control: 'text', description: 'Repository owner ($owner); the mock knows pagewise/demo' },
    name: { control: 'text', description: 'Repository name ($name)' },
    pageSize: { control: { type: 'number', min: 1, max: 100 }, description: 'first; GitHub allows 100' },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 }, description: 'Mock latency (ms)' },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 }, description: 'Table height (px)' },
  },
  render: (args) => <IssuesTable {...args} />,
  beforeEach: ({ args }) => {
    github.reset()
    github.setFaults({ latency: { fixedMs: args.latencyMs, jitterMs: 0 } })
  },
}

export default meta
type Story = StoryObj<RelayStoryArgs>

const TIMEOUT = { timeout: 8000 }
const lastRowIndex = (grid: HTMLElement) =>
  Number([...grid.querySelectorAll('.pw-infinite-table__row')].at(-1)?.getAttribute('aria-rowindex') ?? 0)
const variablesOf = (index: number) =>
  (github.requests[index]?.body as { variables?: Record<string, unknown> } | undefined)?.variables

/** The issues of pagewise/demo, page after page by `endCursor`, to the end of the connection. */
export const Issues: Story = {
  name: 'Issues · relayConnectionAdapter · InfiniteTable',
  decorators: [
    intro(
      'A GraphQL API with Relay connections: one POST per page, asking for the issues after the last endCursor. Scroll to the end of the connection.',
    ),
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const grid = await canvas.findByRole('grid', { name: 'Issues of pagewise/demo' }, TIMEOUT)
    await waitFor(() => expect(lastRowIndex(grid)).toBeGreaterThan(1), TIMEOUT)
    await expect(within(grid).getAllByText(github.dataset.issues[0]!.title)[0]).toBeVisible()
    // totalCount gives the table its row count before the last page.
    await expect(grid).toHaveAttribute('aria-rowcount', String(ISSUES + 1))
    await waitFor(
      () => {
        grid.scrollTop = grid.scrollHeight
        expect(within(grid).getByText(`All ${ISSUES} issues loaded`)).toBeVisible()
      },
      { timeout: 15_000 },
    )
    await expect(github.requests.every((request) => request.method === 'POST')).toBe(true)
    await expect(variablesOf(0)).toEqual({
      owner: 'pagewise',
      name: 'demo',
      first: args.pageSize,
      after: null,
    })
    await expect(variablesOf(1)).toMatchObject({ first: args.pageSize, after: expect.any(String) })
    await expect(github.requests).toHaveLength(Math.ceil(ISSUES / args.pageSize))
  },
}

/**
 * An unknown repository: the server answers HTTP 200 with `data: { repository: null }` and a GraphQL `errors` list.
 * The adapter turns it into a typed error, and the error row shows the server's message. Retry asks again.
 */
export const GraphQLError: Story = {
  name: 'GraphQL error · unknown repository',
  decorators: [
    intro(
      "An unknown repository: the server answers HTTP 200 with a GraphQL error, and the error row shows the server's message. Retry asks again, and fails again, as it should.",
    ),
  ],
  args: { name: 'missing' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const retry = await canvas.findByRole('button', { name: 'Retry' }, TIMEOUT)
    const row = retry.closest('[role="row"]')
    await expect(row).toHaveTextContent(
      'Could not load issues: relay.connection: the API answered with "errors": ' +
        "Could not resolve to a Repository with the name 'pagewise/missing'.",
    )
    await expect(github.requests.map((request) => request.status)).toEqual([200])
    await userEvent.click(retry)
    await waitFor(() => expect(github.requests).toHaveLength(2), TIMEOUT)
    await expect(await canvas.findByRole('button', { name: 'Retry' }, TIMEOUT)).toBeVisible()
  },
}
