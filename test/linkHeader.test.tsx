// @vitest-environment jsdom
/**
 * linkHeaderAdapter end to end: usePaginatedList through createFetcher (Bearer token in a header) and the GitHub
 * mock, following `Link: rel="next"` to the end; and a next link on another origin, which is refused before any
 * request leaves, with the pages already loaded kept.
 */
import { http, HttpResponse } from 'msw'
import { act, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { linkHeaderAdapter } from '../src/adapters/linkHeader'
import { CrossOriginUrlError, MalformedResponseError } from '../src/core/errors'
import type { FetchPage, FullResponse } from '../src/core/types'
import { createFetcher } from '../src/http/createFetcher'
import { usePaginatedList } from '../src/hooks/usePaginatedList'
import type { GithubIssue } from '../src/mock/githubDataset'
import { createGithubMock, GITHUB_MOCK_BASE_URL } from '../src/mock/githubMock'
import { setupMockServer } from './mockServer'
import { renderWithClient } from './renderWithClient'

const { server, serve } = setupMockServer()
const TOKEN = 'ghp_linkHeaderEndToEnd0123456789'
const github = createFetcher({ baseUrl: GITHUB_MOCK_BASE_URL, headers: { authorization: `Bearer ${TOKEN}` } })
const fetchIssues = github('/repos/pagewise/pagewise/issues', { query: { state: 'all' } })
const adapter = linkHeaderAdapter<GithubIssue>()
const EVIL = 'https://evil.example'

/** The list of issues the hook shows, paged `pageSize` at a time. */
type IssuesPage = FullResponse<GithubIssue[]>

function renderIssues(pageSize: number, fetchPage: FetchPage<IssuesPage, string | null> = fetchIssues) {
  const { result, client } = renderWithClient(() =>
    usePaginatedList({ queryKey: ['github', 'issues'], adapter, fetchPage, pageSize }),
  )
  return { list: () => result.current, client }
}

/** Fetches pages until the list says there are no more, or a fetch fails. */
async function loadAll(
  list: () => Pick<
    ReturnType<typeof usePaginatedList>,
    'isPending' | 'hasNextPage' | 'isError' | 'isFetching' | 'fetchNextPage'
  >,
): Promise<void> {
  await waitFor(() => expect(list().isPending).toBe(false))
  while (list().hasNextPage && !list().isError) {
    await act(() => list().fetchNextPage())
    await waitFor(() => expect(list().isFetching).toBe(false))
  }
}

/** Records every request that reaches `origin` (none should). */
function watchOrigin(origin: string): Request[] {
  const reached: Request[] = []
  server.use(
    http.all(`${origin}/*`, ({ request }) => {
      reached.push(request)
      return HttpResponse.json([])
    }),
  )
  return reached
}

describe('linkHeaderAdapter + createFetcher + the GitHub mock', () => {
  it('reads every issue exactly once, newest first, following rel="next" with the token in a header', async () => {
    const mock = serve(createGithubMock({ issues: 437, token: TOKEN }))
    const { list, client } = renderIssues(50)
    await loadAll(list)

    expect(list().error).toBeNull()
    expect(list().hasNextPage).toBe(false)
    const expected = [...mock.dataset.issues].reverse().map((issue) => issue.number)
    expect(list().items.map((issue) => issue.number)).toEqual(expected)
    // One request per page; each later one is the previous answer's next link.
    expect(
      mock.requests.map((request) => [request.query.page, request.query.per_page, request.status]),
    ).toEqual(
      Array.from({ length: 9 }, (_, index) => [index === 0 ? undefined : String(index + 1), '50', 200]),
    )
    expect(mock.requests.every((request) => request.query.state === 'all')).toBe(true)
    // The token travelled in the header only: not in a query key, not in a URL.
    const keys = JSON.stringify(
      client
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey),
    )
    expect(keys).toContain('"adapter":"linkHeader"')
    expect(`${keys}${JSON.stringify(mock.requests)}`).not.toContain(TOKEN)
  })

  it('clamps the page size to 100 and reads a one-page list (no Link header) in one request', async () => {
    const mock = serve(createGithubMock({ issues: 60, token: TOKEN }))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { list } = renderIssues(500)
    await loadAll(list)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('maxLimit of linkHeader (100)'))
    expect(list().pageSize).toBe(100)
    expect(list().items).toHaveLength(60)
    expect(mock.requests).toHaveLength(1)
    expect(mock.requests[0]?.query.per_page).toBe('100')
  })

  it('refuses a next link on another origin: CrossOriginUrlError, nothing sent there, the first page kept', async () => {
    const mock = serve(createGithubMock({ issues: 120, token: TOKEN, foreignNextLink: EVIL }))
    const reached = watchOrigin(EVIL)
    const { list } = renderIssues(30)
    await waitFor(() => expect(list().items).toHaveLength(30))
    expect(list().hasNextPage).toBe(true)

    await act(() => list().fetchNextPage())
    await waitFor(() => expect(list().isError).toBe(true))
    const error = list().error
    expect(error).toBeInstanceOf(CrossOriginUrlError)
    expect(error).toMatchObject({ allowedOrigin: GITHUB_MOCK_BASE_URL })
    expect(new URL((error as CrossOriginUrlError).url).origin).toBe(EVIL)
    expect(error?.message).toContain(EVIL)
    expect(reached).toHaveLength(0)
    expect(mock.requests).toHaveLength(1)
    const firstPage = [...mock.dataset.issues]
      .reverse()
      .slice(0, 30)
      .map((issue) => issue.number)
    expect(list().items.map((issue) => issue.number)).toEqual(firstPage)

    // Not retried, and a retry is refused the same way: still nothing reaches the other origin.
    await act(() => list().retry())
    await waitFor(() => expect(list().isError).toBe(true))
    expect(reached).toHaveLength(0)
    expect(list().items).toHaveLength(30)
  })

  it('a malformed Link header mid-list keeps the pages before it, and retry() resumes there', async () => {
    const mock = serve(createGithubMock({ issues: 200, token: TOKEN, faults: { malformedOnRequest: 2 } }))
    const { list } = renderIssues(40)
    await loadAll(list)
    expect(list().error).toBeInstanceOf(MalformedResponseError)
    expect(list().error).toMatchObject({ adapterId: 'linkHeader', field: 'headers.link' })
    expect(list().items).toHaveLength(40)
    await act(() => list().retry())
    await loadAll(list)
    expect(list().error).toBeNull()
    expect(list().items).toHaveLength(200)
    expect(mock.requests[2]?.query.page).toBe('2')
  })

  it('resolves relative links against the page that carried them, and stops at a link back to the same page', async () => {
    // A server that moves the list under /archive/ after page 1 and links with relative references. Resolved
    // against the endpoint instead, page 3 would be /v2/items?page=3 (a 404 here), not /v2/archive/items?page=3.
    const API = 'https://api.relative.test'
    const asked: string[] = []
    const items = (page: number) => Array.from({ length: 2 }, (_, index) => ({ id: page * 10 + index }))
    const answer = (page: number, link?: string) =>
      HttpResponse.json(items(page), link === undefined ? {} : { headers: { link } })
    server.use(
      http.get(`${API}/v2/items`, ({ request }) => {
        asked.push(new URL(request.url).pathname + new URL(request.url).search)
        return answer(1, '<archive/items?page=2>; rel="next"')
      }),
      http.get(`${API}/v2/archive/items`, ({ request }) => {
        const url = new URL(request.url)
        asked.push(url.pathname + url.search)
        const page = Number(url.searchParams.get('page'))
        if (page === 2) return answer(2, '<items?page=3>; rel="next"')
        // Page 3 links to itself: a loop, caught before asking for page 3 again.
        return answer(3, '<?page=3&per_page=2>; rel="next"')
      }),
    )
    const fetchPage = createFetcher({ baseUrl: `${API}/v2` })('/items')
    const { result } = renderWithClient(() =>
      usePaginatedList({
        queryKey: ['relative'],
        adapter: linkHeaderAdapter<{ id: number }>(),
        fetchPage,
        pageSize: 2,
      }),
    )
    await loadAll(() => result.current)
    expect(asked).toEqual([
      '/v2/items?per_page=2',
      '/v2/archive/items?page=2&per_page=2',
      '/v2/archive/items?page=3&per_page=2',
    ])
    // As with any page that fails its checks, the looping page is not shown; the pages before it stay.
    expect(result.current.items.map((item) => item.id)).toEqual([10, 11, 20, 21])
    expect(result.current.error).toMatchObject({ name: 'CursorLoopError', reason: 'repeated-param' })
    expect(result.current.error?.message).toContain('rel="next" points at the page itself')
  })

  it('a fetchPage that returns the body alone gets an error saying what to return', async () => {
    serve(createGithubMock({ issues: 10, token: TOKEN }))
    // A fetchPage of one's own that forgets the headers: it resolves to the parsed body.
    const bodyOnly: FetchPage<IssuesPage, string | null> = async (request) =>
      (await fetchIssues({ ...request, response: 'body' })) as IssuesPage
    const { list } = renderIssues(10, bodyOnly)
    await waitFor(() => expect(list().isError).toBe(true))
    expect(list().error).toBeInstanceOf(MalformedResponseError)
    expect(list().error?.message).toContain('{ body, headers, status }')
  })
})
