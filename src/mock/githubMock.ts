import { http, HttpResponse } from 'msw'
import { badGatewayPage } from './gatewayPages'
import { buildGithubDataset, GITHUB_MOCK_BASE_URL } from './githubDataset'
import type { GithubDataset, GithubDatasetOptions, GithubIssue } from './githubDataset'
import { assembleMockApi, trimBaseUrl } from './mockApi'
import { MockBadRequest, oneOf } from './params'
import type { MockApi, MockCommonOptions } from './mockTypes'
import type { RateLimitState } from './rateLimiter'
import type { MockCall } from './requestRecord'
import { createMockRuntime } from './runtime'
import type { ProviderProfile } from './runtime'

export { GITHUB_MOCK_BASE_URL }

const LIST_DOCS = 'https://docs.github.com/rest/issues/issues#list-repository-issues'
const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api'

/** Options of `createGithubMock`. */
export interface GithubMockOptions extends MockCommonOptions, Omit<GithubDatasetOptions, 'baseUrl'> {
  /** API root the handlers answer on. @default GITHUB_MOCK_BASE_URL */
  baseUrl?: string
  /**
   * When set, every request needs `Authorization: Bearer <token>` (or `token <token>`): without the header the
   * answer is 401 "Requires authentication", with another token 401 "Bad credentials". @default undefined
   */
  token?: string
  /**
   * The status of an answer over `faults.rateLimit`: 403 (GitHub's primary rate limit: `x-ratelimit-remaining: 0`
   * and `x-ratelimit-reset`, no `retry-after`) or 429 (a secondary rate limit, with `retry-after` too).
   * @default 403
   */
  rateLimitStatus?: 403 | 429
  /**
   * Fault: an origin such as `'https://evil.example'` that every `rel="next"` link points to instead of the mock's
   * own, as a compromised or misconfigured API might, to show that pagewise refuses to follow it. @default null
   */
  foreignNextLink?: string | null
}

/** The GitHub mock: a `MockApi` whose foreign next-link fault can also change at run time. */
export interface GithubMock extends MockApi<GithubDataset> {
  /** Points every `rel="next"` link to `origin` (`null`: the mock's own origin again). Undone by `reset()`. */
  setForeignNextLink(origin: string | null): void
}

/** A GitHub error answer: `{ message, documentation_url }`. */
function githubError(
  status: number,
  message: string,
  docs: string,
  headers?: Record<string, string>,
): Response {
  return HttpResponse.json({ message, documentation_url: docs }, { status, ...(headers ? { headers } : {}) })
}

/** GitHub's auth, rate-limit and server-error answers. */
function githubProfile(options: GithubMockOptions, now: () => number): ProviderProfile {
  const { token, rateLimitStatus = 403 } = options
  // Set by `authorize` just before `unauthorized` is called (both synchronously, for one request).
  let missing = false
  const limitHeaders = (state: RateLimitState): Record<string, string> => ({
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-used': String(state.limit - state.remaining),
    'x-ratelimit-reset': String(Math.ceil(now() / 1000) + state.resetSeconds),
    'x-ratelimit-resource': 'core',
  })
  return {
    authorize: (request) => {
      if (token === undefined) return true
      const header = request.headers.get('authorization')
      missing = header === null
      return header === `Bearer ${token}` || header === `token ${token}`
    },
    unauthorized: () =>
      githubError(
        401,
        missing ? 'Requires authentication' : 'Bad credentials',
        'https://docs.github.com/rest',
      ),
    rateLimited: (state) => {
      const headers = limitHeaders({ ...state, remaining: 0 })
      if (rateLimitStatus === 403) {
        return githubError(403, 'API rate limit exceeded for user ID 1.', RATE_LIMIT_DOCS, headers)
      }
      return githubError(
        429,
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        RATE_LIMIT_DOCS,
        { ...headers, 'retry-after': String(state.resetSeconds) },
      )
    },
    rateLimitHeaders: limitHeaders,
    serverError: (status) =>
      status === 502
        ? badGatewayPage()
        : githubError(503, 'Service Unavailable', 'https://docs.github.com/rest'),
  }
}

/** GitHub names only the field of an invalid parameter (a 422), not the values it takes. */
const invalid = (name: string) => name

/** A positive integer parameter; anything else reads as `fallback`. */
function positive(raw: string | undefined, fallback: number): number {
  const value = raw !== undefined && /^\d{1,9}$/.test(raw) ? Number(raw) : 0
  return value >= 1 ? value : fallback
}

const COMPARE: Record<'created' | 'updated' | 'comments', (a: GithubIssue, b: GithubIssue) => number> = {
  created: (a, b) => a.number - b.number,
  updated: (a, b) =>
    a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : a.number - b.number,
  comments: (a, b) => a.comments - b.comments || a.number - b.number,
}

/**
 * Answers `GET /repos/{owner}/{repo}/issues`: `state`, `labels`, `creator`, `sort`, `direction`, `per_page`, `page`,
 * with the `Link` header of the page. Every link is the request's own URL with another `page`, so it carries the
 * sort, direction and filters on, as GitHub's do.
 */
function issuesAnswer(
  records: () => GithubDataset,
  foreignNextLink: () => string | null,
): (call: MockCall) => Response {
  return ({ url, query }) => {
    const { owner, repo, issues } = records()
    const match = /\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(url.pathname)
    if (match?.[1]?.toLowerCase() !== owner.toLowerCase() || match[2]?.toLowerCase() !== repo.toLowerCase()) {
      return githubError(404, 'Not Found', LIST_DOCS)
    }
    let state: 'open' | 'closed' | 'all'
    let compare: (a: GithubIssue, b: GithubIssue) => number
    let sign: number
    try {
      state = oneOf(query, 'state', ['open', 'closed', 'all'] as const, 'open', invalid)
      compare = COMPARE[oneOf(query, 'sort', ['created', 'updated', 'comments'] as const, 'created', invalid)]
      sign = oneOf(query, 'direction', ['asc', 'desc'] as const, 'desc', invalid) === 'asc' ? 1 : -1
    } catch (error) {
      if (!(error instanceof MockBadRequest)) throw error
      return HttpResponse.json(
        {
          message: 'Validation Failed',
          errors: [{ resource: 'Issue', field: error.field, code: 'invalid' }],
          documentation_url: LIST_DOCS,
        },
        { status: 422 },
      )
    }
    const perPage = Math.min(100, positive(query.per_page, 30))
    const page = positive(query.page, 1)
    // `labels`: comma-separated names, an issue needs all of them (names compare case-insensitively on GitHub).
    const labels = (query.labels ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '')
    const creator = query.creator?.toLowerCase()
    const matching = issues
      .filter(
        (issue) =>
          (state === 'all' || issue.state === state) &&
          (creator === undefined || issue.user.login.toLowerCase() === creator) &&
          labels.every((name) => issue.labels.some((label) => label.name.toLowerCase() === name)),
      )
      .sort((a, b) => sign * compare(a, b))
    const lastPage = Math.max(1, Math.ceil(matching.length / perPage))
    const pageUrl = (number: number, origin?: string): string => {
      const link = new URL(url)
      link.searchParams.delete('page')
      link.searchParams.set('page', String(number))
      return origin === undefined ? link.href : new URL(`${link.pathname}${link.search}`, origin).href
    }
    const links: string[] = []
    if (page > 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`)
    if (page < lastPage) {
      links.push(`<${pageUrl(page + 1, foreignNextLink() ?? undefined)}>; rel="next"`)
      links.push(`<${pageUrl(lastPage)}>; rel="last"`)
    }
    if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`)
    const body = matching.slice((page - 1) * perPage, page * perPage)
    return HttpResponse.json(body, links.length > 0 ? { headers: { link: links.join(', ') } } : {})
  }
}

/** The `malformedOnRequest` fault: the page with a `Link` header whose URL lacks its `<…>`. */
function githubMalformed(body: unknown, listUrl: string): Response {
  return HttpResponse.json(Array.isArray(body) ? body : [], {
    headers: { link: `${listUrl}?page=2; rel="next"` },
  })
}

/**
 * A mock of GitHub's `GET /repos/{owner}/{repo}/issues` for MSW, paginated by `Link` headers, for
 * `linkHeaderAdapter`. What it relies on, from GitHub's REST documentation:
 *
 * - `per_page` (default 30, at most 100: larger values are served as 100) and `page` (1-based). `state`
 *   (`open` by default, `closed`, `all`), `sort` (`created` by default, `updated`, `comments`), `direction` (`desc`
 *   by default): issues come newest first; ties go by number. `labels` (comma-separated names, all required) and
 *   `creator` (a login) narrow the list. The mock answers an unknown `state`, `sort` or `direction` with 422
 *   `Validation Failed`; an unknown label or creator gives an empty list.
 * - The body is the array of issues. The `link` header lists absolute URLs with `rel="prev"`, `"next"`, `"last"` and
 *   `"first"`, each the request's URL with another `page`; page 1 has no `prev` and `first`, the last page no
 *   `next` and `last`, and a list that fits on one page has no `link` header at all. (GitHub's own links use the
 *   `/repositories/{id}/issues` form; the mock's keep the request's path.)
 * - Errors are `{ message, documentation_url }`: 401 `Requires authentication` / `Bad credentials` (with `token`),
 *   404 `Not Found` for another repository, 422 `Validation Failed`.
 * - Over `faults.rateLimit`: 403 (primary limit) or 429 (secondary limit, with `retry-after` in seconds), both with
 *   `x-ratelimit-remaining: 0` and `x-ratelimit-reset` (a Unix time in seconds); answers within the limit carry
 *   `x-ratelimit-limit`, `-remaining`, `-used`, `-reset` and `-resource`.
 *
 * Faults: latency, rate limit, 5xx, `malformedOnRequest` (a `link` header without `<…>` around its URL), drift (new
 * issues with the next numbers, the newest of all: they shift page-number pages, as on GitHub), and
 * `foreignNextLink`. Every request is logged in `requests`.
 *
 * @example
 * const github = createGithubMock({ issues: 1000, token: 'ghp_demo', faults: { latency: { fixedMs: 100, jitterMs: 50 } } })
 * const server = setupServer(...github.handlers)
 */
export function createGithubMock(options: GithubMockOptions = {}): GithubMock {
  const base = trimBaseUrl(options.baseUrl ?? GITHUB_MOCK_BASE_URL)
  const datasetOptions = { ...options, baseUrl: base }
  let build = buildGithubDataset(datasetOptions)
  let foreign = options.foreignNextLink ?? null
  const now = options.now ?? Date.now
  const runtime = createMockRuntime(githubProfile(options, now), options)
  const handlers = [
    http.get(
      `${base}/repos/:owner/:repo/issues`,
      runtime.endpoint({
        answer: issuesAnswer(
          () => build.dataset,
          () => foreign,
        ),
        malformed: (body) =>
          githubMalformed(body, `${base}/repos/${build.dataset.owner}/${build.dataset.repo}/issues`),
        drift: (count) => build.addIssues(count),
      }),
    ),
  ]
  const api = assembleMockApi(runtime, handlers, {
    current: () => build.dataset,
    reset: () => {
      build = buildGithubDataset(datasetOptions)
      foreign = options.foreignNextLink ?? null
    },
  })
  return Object.assign(api, {
    setForeignNextLink(origin: string | null) {
      foreign = origin
    },
  })
}
