import type { Meta, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse } from 'msw'
import type { ComponentType } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createFetcher, InfiniteTable, Pager, usePagedList, usePaginatedList } from '../src'
import type { InfiniteTableColumn, LoadMode } from '../src'
import { linkHeaderAdapter } from '../src/adapters/linkHeader'
import type { GithubIssue } from '../src/mock/githubDataset'
import { createGithubMock, GITHUB_MOCK_BASE_URL } from '../src/mock/githubMock'
import { RequestLog } from './demo/RequestLog'
import { storyFetch } from './support/storyRun'
import { intro } from './demo/StoryIntro'

type LinkHeaderStoryArgs = {
  /** Issues per request (`per_page`; GitHub serves at most 100). */
  pageSize: number
  /** Mock API latency per request. */
  latencyMs: number
  /** Height of the `<InfiniteTable>` in pixels. */
  height: number
  /** Scroll trigger or a Load more button. */
  loadMode: LoadMode
}

/** The mock's token: what a real app sends as `Authorization: Bearer <token>` (a GitHub token, server-side). */
const DEMO_TOKEN = 'github-demo-token'
const FOREIGN_ORIGIN = 'https://evil.example'
const ISSUES = 240

const githubMock = createGithubMock({ issues: ISSUES, token: DEMO_TOKEN, seed: 3 })
const readRequests = () => githubMock.requests
/** Requests that reached the foreign origin: there must be none. */
const foreignRequests: string[] = []

const github = createFetcher({
  baseUrl: GITHUB_MOCK_BASE_URL,
  fetch: storyFetch,
  headers: { authorization: `Bearer ${DEMO_TOKEN}`, accept: 'application/vnd.github+json' },
})
const fetchIssues = github('/repos/pagewise/pagewise/issues', { query: { state: 'all' } })
const issuesAdapter = linkHeaderAdapter<GithubIssue>()

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
const issueName = { one: 'issue', other: 'issues' }

const columns: InfiniteTableColumn<GithubIssue>[] = [
  { id: 'number', header: 'Issue', cell: (issue) => `#${issue.number}`, width: 90 },
  { id: 'title', header: 'Title', cell: (issue) => issue.title },
  { id: 'state', header: 'State', cell: (issue) => issue.state, width: 90 },
  { id: 'author', header: 'Opened by', cell: (issue) => issue.user.login, width: 200 },
  {
    id: 'created',
    header: 'Opened',
    cell: (issue) => day.format(new Date(issue.created_at)),
    width: 130,
    align: 'end',
  },
]

/** GitHub issues through `linkHeaderAdapter`, beside the log of the requests the mock answered. */
function GithubIssuesTable({ pageSize, height, loadMode, label }: LinkHeaderStoryArgs & { label: string }) {
  const list = usePaginatedList({
    queryKey: ['github', 'pagewise/pagewise', 'issues', label],
    adapter: issuesAdapter,
    fetchPage: fetchIssues,
    pageSize,
  })
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(220px, 320px)', gap: 16 }}>
      <InfiniteTable
        list={list}
        columns={columns}
        aria-label={label}
        itemName={issueName}
        loadMode={loadMode}
        height={height}
      />
      <RequestLog requests={readRequests} title="Requests to the mock GitHub API" />
    </div>
  )
}

/** One page of GitHub issues at a time in a `<Pager>`: Previous uses the next links the hook kept. */
function GithubIssuesPager({ pageSize }: LinkHeaderStoryArgs) {
  const list = usePagedList({
    queryKey: ['github', 'pagewise/pagewise', 'issues', 'pager'],
    adapter: issuesAdapter,
    fetchPage: fetchIssues,
    pageSize,
  })
  return (
    <section style={{ maxWidth: 900, font: 'var(--pw-font-size) var(--pw-font)' }}>
      <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>GitHub issues</h2>
      <table
        aria-label="GitHub issues"
        aria-busy={list.isFetching}
        style={{ width: '100%', borderCollapse: 'collapse' }}
      >
        <tbody>
          {list.items.map((issue) => (
            <tr key={issue.id}>
              <td style={{ padding: '4px 12px 4px 0', borderBottom: '1px solid var(--pw-border)' }}>
                #{issue.number}
              </td>
              <td style={{ padding: '4px 12px 4px 0', borderBottom: '1px solid var(--pw-border)' }}>
                {issue.title}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        list={list}
        aria-label="GitHub issues pages"
        pageSizeOptions={[10, 25, 50, 100]}
        style={{ marginTop: 8 }}
      />
    </section>
  )
}

/**
 * RFC 8288 `Link` header pagination, as GitHub, GitLab and Shopify use it: `linkHeaderAdapter()` asks for the first
 * page with `per_page`, then loads each answer's `Link: <…>; rel="next"` URL as given, until an answer has none.
 * The mock is GitHub's `GET /repos/{owner}/{repo}/issues`; the token travels in the `Authorization` header.
 */
const meta: Meta<LinkHeaderStoryArgs> = {
  title: 'Adapters/Beyond CRMs/Link header (GitHub)',
  component: InfiniteTable as ComponentType<never> as ComponentType<LinkHeaderStoryArgs>,
  parameters: {
    msw: [
      ...githubMock.handlers,
      // Never reached: pagewise refuses a next link on another origin before sending anything.
      http.all(`${FOREIGN_ORIGIN}/*`, ({ request }) => {
        foreignRequests.push(request.url)
        return HttpResponse.json([])
      }),
    ],
    controls: { include: ['pageSize', 'latencyMs', 'height', 'loadMode'] },
  },
  args: { pageSize: 30, latencyMs: 120, height: 420, loadMode: 'auto' },
  argTypes: {
    pageSize: {
      control: { type: 'number', min: 1, max: 150 },
      description: 'Issues per request (per_page), clamped to 100 as GitHub does',
    },
    latencyMs: {
      control: { type: 'range', min: 0, max: 3000, step: 50 },
      description: 'Mock API latency per request, in milliseconds',
    },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 }, description: 'Height of the table' },
    loadMode: { control: 'inline-radio', options: ['auto', 'button'], description: 'Scroll or Load more' },
  },
  beforeEach: ({ args }) => {
    githubMock.reset()
    githubMock.setFaults({ latency: { fixedMs: args.latencyMs, jitterMs: 0 } })
    foreignRequests.length = 0
  },
}

export default meta
type Story = StoryObj<LinkHeaderStoryArgs>

const TIMEOUT = { timeout: 8000 }
const lastRowIndex = (grid: HTMLElement) =>
  Number([...grid.querySelectorAll('.pw-infinite-table__row')].at(-1)?.getAttribute('aria-rowindex') ?? 0)

/** Finds the grid and waits for its first rows. */
async function gridWithRows(canvasElement: HTMLElement, name: string) {
  const grid = await within(canvasElement).findByRole('grid', { name }, TIMEOUT)
  await waitFor(() => expect(lastRowIndex(grid)).toBeGreaterThan(1), TIMEOUT)
  return grid
}

/** `linkHeaderAdapter` on the mock GitHub issues: scroll for more, to the end row ("All 240 issues loaded"). */
export const GithubIssues: Story = {
  name: 'GitHub issues · linkHeaderAdapter · InfiniteTable',
  decorators: [
    intro(
      'GitHub-style issues paged by the Link header: each answer\'s rel="next" URL is loaded as given, until there is none. Scroll to the end; the log shows each request.',
    ),
  ],
  render: (args) => <GithubIssuesTable {...args} label="GitHub issues" />,
  play: async ({ canvasElement, args }) => {
    const grid = await gridWithRows(canvasElement, 'GitHub issues')
    await expect(within(grid).getByText(`#${ISSUES}`)).toBeVisible()
    await waitFor(() => {
      grid.scrollTop = grid.scrollHeight
      expect(lastRowIndex(grid)).toBeGreaterThan(args.pageSize + 1)
    }, TIMEOUT)
    // The second request is the first answer's rel="next" URL: page 2, same per_page and state.
    await expect(githubMock.requests[1]?.query).toEqual({
      state: 'all',
      per_page: String(args.pageSize),
      page: '2',
    })
    await waitFor(
      () => {
        grid.scrollTop = grid.scrollHeight
        expect(within(grid).getByText(`All ${ISSUES} issues loaded`)).toBeVisible()
      },
      { timeout: 20_000 },
    )
    await expect(githubMock.requests).toHaveLength(Math.ceil(ISSUES / args.pageSize))
    await expect(githubMock.requests.every((request) => request.status === 200)).toBe(true)
  },
}

/** The same list in a `<Pager>`: Next follows the `Link` header; Previous shows the kept page, with no request. */
export const GithubIssuesPaged: Story = {
  name: 'GitHub issues · linkHeaderAdapter · Pager',
  decorators: [
    intro(
      'The same issues in a pager: Next follows the Link header, Previous shows the page already loaded, without a request. Press Next, then Previous.',
    ),
  ],
  args: { pageSize: 25 },
  render: (args) => <GithubIssuesPager {...args} />,
  play: async ({ canvasElement }) => {
    const nav = await within(canvasElement).findByRole('navigation', { name: 'GitHub issues pages' }, TIMEOUT)
    await waitFor(() => expect(within(nav).getByText('1–25 of many')).toBeVisible(), TIMEOUT)
    const next = within(nav).getByRole('button', { name: 'Next page' })
    await waitFor(() => expect(next).not.toHaveAttribute('data-disabled'), TIMEOUT)
    await userEvent.click(next)
    await waitFor(() => expect(within(nav).getByText('26–50 of many')).toBeVisible(), TIMEOUT)
    await expect(githubMock.requests[1]?.query.page).toBe('2')
    // Pages 1 and 2, and page 3 prefetched once page 2 is shown: then Previous sends nothing.
    await waitFor(() => expect(githubMock.requests).toHaveLength(3), TIMEOUT)
    const sent = githubMock.requests.length
    await userEvent.click(within(nav).getByRole('button', { name: 'Previous page' }))
    await waitFor(() => expect(within(nav).getByText('1–25 of many')).toBeVisible(), TIMEOUT)
    await expect(githubMock.requests).toHaveLength(sent)
  },
}

/**
 * The API's `rel="next"` link points to another origin (`https://evil.example`): following it would send the token
 * there. `createFetcher` refuses it with `CrossOriginUrlError` before any request, the error row names the refused
 * URL, and the issues loaded so far stay.
 */
export const ForeignNextLinkRefused: Story = {
  name: 'A next link to another origin is refused',
  decorators: [
    intro(
      "The API's next link points to another site, which would receive your token: pagewise refuses it before sending anything. The error row names the refused URL, and the issues loaded so far stay.",
    ),
  ],
  beforeEach: () => {
    githubMock.setForeignNextLink(FOREIGN_ORIGIN)
  },
  render: (args) => <GithubIssuesTable {...args} label="GitHub issues (foreign next link)" />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const grid = await gridWithRows(canvasElement, 'GitHub issues (foreign next link)')
    // Every issue loaded stays, down to the last, above the error row. Titles that wrap make rows taller once they
    // are measured, so the end moves further down as it comes into view: scroll until it is there.
    await waitFor(() => {
      grid.scrollTop = grid.scrollHeight
      expect(lastRowIndex(grid)).toBe(args.pageSize + 1)
    }, TIMEOUT)
    const retry = await canvas.findByRole('button', { name: 'Retry' }, TIMEOUT)
    const text = retry.closest('[role="row"]')?.textContent ?? ''
    await expect(text).toContain(`Could not load issues: createFetcher: refused to load ${FOREIGN_ORIGIN}/`)
    await expect(text).toContain(`not on ${GITHUB_MOCK_BASE_URL}`)
    await expect(githubMock.requests).toHaveLength(1)
    await expect(foreignRequests).toEqual([])
  },
}
