import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { createGithubDataset } from './githubDataset'
import type { GithubIssue } from './githubDataset'
import { createGithubMock, GITHUB_MOCK_BASE_URL } from './githubMock'
import type { GithubMockOptions } from './githubMock'

const { serve } = setupMockServer()
const mock = (options: GithubMockOptions = {}) => serve(createGithubMock(options))
const ISSUES = `${GITHUB_MOCK_BASE_URL}/repos/pagewise/pagewise/issues`

interface Answer {
  status: number
  body: unknown
  headers: Headers
  /** The `link` header as `{ rel: url }`. */
  links: Record<string, string>
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { headers })
  const links: Record<string, string> = {}
  for (const part of (response.headers.get('link') ?? '').split(', ').filter(Boolean)) {
    const [, target = '', rel = ''] = /^<([^>]*)>; rel="([^"]+)"$/.exec(part) ?? []
    links[rel] = target
  }
  return { status: response.status, body: await response.json(), headers: response.headers, links }
}

const numbers = (body: unknown) => (body as GithubIssue[]).map((issue) => issue.number)
const newestFirst = (issues: readonly GithubIssue[]) => [...issues].reverse().map((issue) => issue.number)

describe('GitHub mock: GET /repos/{owner}/{repo}/issues', () => {
  it('answers 30 open issues newest first, with next and last links and no prev or first', async () => {
    const api = mock({ issues: 200 })
    const first = await get(ISSUES)
    expect(first.status).toBe(200)
    const open = api.dataset.issues.filter((issue) => issue.state === 'open')
    expect(numbers(first.body)).toEqual(newestFirst(open).slice(0, 30))
    expect(Object.keys(first.links)).toEqual(['next', 'last'])
    expect(first.links.next).toBe(`${ISSUES}?page=2`)
    expect(first.links.last).toBe(`${ISSUES}?page=${Math.ceil(open.length / 30)}`)
    expect(first.headers.get('link')).toMatch(
      /^<https:\/\/api\.github\.mock\/[^>]+>; rel="next", <[^>]+>; rel="last"$/,
    )
  })

  it('pages through every issue by following rel="next": each once, newest first; the last page has prev and first only', async () => {
    const api = mock({ issues: 250 })
    const seen: number[] = []
    let url: string | undefined = `${ISSUES}?state=all&per_page=100`
    let last: Answer | undefined
    while (url !== undefined) {
      last = await get(url)
      seen.push(...numbers(last.body))
      url = last.links.next
    }
    expect(seen).toEqual(newestFirst(api.dataset.issues))
    expect(last?.links).toEqual({
      prev: `${ISSUES}?state=all&per_page=100&page=2`,
      first: `${ISSUES}?state=all&per_page=100&page=1`,
    })
  })

  it('clamps per_page to 100, reads bad per_page and page values as the defaults, and filters by state', async () => {
    const api = mock({ issues: 300 })
    expect(numbers((await get(`${ISSUES}?state=all&per_page=500`)).body)).toHaveLength(100)
    expect(numbers((await get(`${ISSUES}?state=all&per_page=abc`)).body)).toHaveLength(30)
    expect(numbers((await get(`${ISSUES}?state=all&page=0`)).body)).toEqual(
      newestFirst(api.dataset.issues).slice(0, 30),
    )
    const closed = await get(`${ISSUES}?state=closed&per_page=100`)
    expect((closed.body as GithubIssue[]).every((issue) => issue.state === 'closed')).toBe(true)
    const oldest = await get(`${ISSUES}?state=all&direction=asc&per_page=3`)
    expect(numbers(oldest.body)).toEqual([1, 2, 3])
    const updated = (await get(`${ISSUES}?state=all&sort=updated&per_page=100`)).body as GithubIssue[]
    expect(updated.map((issue) => issue.updated_at)).toEqual(
      updated
        .map((issue) => issue.updated_at)
        .sort()
        .reverse(),
    )
  })

  it('sends no link header when the list fits on one page, and an empty array past the end', async () => {
    mock({ issues: 10 })
    const single = await get(`${ISSUES}?state=all`)
    expect(numbers(single.body)).toHaveLength(10)
    expect(single.headers.get('link')).toBeNull()
    const past = await get(`${ISSUES}?state=all&per_page=5&page=9`)
    expect(past.body).toEqual([])
    expect(past.links.next).toBeUndefined()
  })

  it('answers GitHub error bodies: 422 for a bad state, 404 for another repository', async () => {
    mock()
    const invalid = await get(`${ISSUES}?state=opened`)
    expect(invalid.status).toBe(422)
    expect(invalid.body).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'state', code: 'invalid' }],
      documentation_url: expect.stringContaining('docs.github.com'),
    })
    const missing = await get(`${GITHUB_MOCK_BASE_URL}/repos/someone/else/issues`)
    expect(missing.status).toBe(404)
    expect(Object.keys(missing.body as object)).toEqual(['message', 'documentation_url'])
  })

  it('with a token: 401 without authorization or with another token; Bearer and token schemes work', async () => {
    const api = mock({ token: 'ghp_secret' })
    const none = await get(ISSUES)
    expect(none.status).toBe(401)
    expect(none.body).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
    })
    const wrong = await get(ISSUES, { authorization: 'Bearer ghp_other' })
    expect(wrong.status).toBe(401)
    expect(wrong.body).toMatchObject({ message: 'Bad credentials' })
    expect((await get(ISSUES, { authorization: 'Bearer ghp_secret' })).status).toBe(200)
    expect((await get(ISSUES, { authorization: 'token ghp_secret' })).status).toBe(200)
    expect(api.requests.map((request) => request.status)).toEqual([401, 401, 200, 200])
  })

  it('rate limit: x-ratelimit headers on every answer, then 403 with remaining 0 and a reset time in epoch seconds', async () => {
    let clock = Date.UTC(2026, 2, 1, 12, 0, 0)
    mock({ now: () => clock, faults: { rateLimit: { requests: 2, windowMs: 60_000 } } })
    const ok = await get(ISSUES)
    expect(ok.headers.get('x-ratelimit-limit')).toBe('2')
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('1')
    expect(ok.headers.get('x-ratelimit-resource')).toBe('core')
    await get(ISSUES)
    clock += 10_000
    const limited = await get(ISSUES)
    expect(limited.status).toBe(403)
    expect(limited.body).toMatchObject({ message: expect.stringContaining('API rate limit exceeded') })
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBe(clock / 1000 + 50)
    expect(limited.headers.get('retry-after')).toBeNull()
  })

  it('rate limit with rateLimitStatus 429: a secondary limit with retry-after', async () => {
    mock({ rateLimitStatus: 429, faults: { rateLimit: { requests: 1, windowMs: 5000 } } })
    await get(ISSUES)
    const limited = await get(ISSUES)
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({ message: expect.stringContaining('secondary rate limit') })
    expect(limited.headers.get('retry-after')).toBe('5')
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
  })

  it('adds latency, and logs every request', async () => {
    const api = mock({ faults: { latency: { fixedMs: 40, jitterMs: 0 } } })
    const started = performance.now()
    await get(`${ISSUES}?per_page=5&page=2`)
    expect(performance.now() - started).toBeGreaterThanOrEqual(35)
    expect(api.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/repos/pagewise/pagewise/issues',
        query: { per_page: '5', page: '2' },
        status: 200,
      }),
    ])
  })

  it('foreignNextLink: only the next link points to another origin, until turned off or reset', async () => {
    const api = mock({ issues: 100, foreignNextLink: 'https://evil.example' })
    const first = await get(`${ISSUES}?per_page=10`)
    expect(first.links.next).toBe('https://evil.example/repos/pagewise/pagewise/issues?per_page=10&page=2')
    expect(first.links.last?.startsWith(GITHUB_MOCK_BASE_URL)).toBe(true)
    api.setForeignNextLink(null)
    expect((await get(`${ISSUES}?per_page=10`)).links.next?.startsWith(GITHUB_MOCK_BASE_URL)).toBe(true)
    api.setForeignNextLink('https://other.example')
    api.reset()
    expect((await get(`${ISSUES}?per_page=10`)).links.next?.startsWith('https://evil.example/')).toBe(true)
  })

  it('malformedOnRequest: the page comes with a link header whose URL lacks its <…>', async () => {
    mock({ faults: { malformedOnRequest: 2 } })
    expect((await get(ISSUES)).headers.get('link')).toMatch(/^</)
    const broken = await get(`${ISSUES}?page=2`)
    expect(broken.status).toBe(200)
    expect(Array.isArray(broken.body)).toBe(true)
    expect(broken.headers.get('link')).toBe(`${ISSUES}?page=2; rel="next"`)
  })

  it('drift: new issues (the next numbers) land on top, so page-number pages shift', async () => {
    const api = mock({ issues: 50, faults: { drift: { insertEvery: 2, count: 3 } } })
    const first = numbers((await get(`${ISSUES}?state=all&per_page=10`)).body)
    const second = numbers((await get(`${ISSUES}?state=all&per_page=10&page=2`)).body)
    expect(api.dataset.issues).toHaveLength(53)
    expect(first[0]).toBe(50)
    expect(second.slice(0, 3)).toEqual(first.slice(-3))
  })

  it('is deterministic: same seed, same issues; another seed, other issues', () => {
    const a = createGithubDataset({ seed: 5, issues: 20 })
    expect(createGithubDataset({ seed: 5, issues: 20 })).toEqual(a)
    expect(createGithubDataset({ seed: 6, issues: 20 }).issues.map((issue) => issue.title)).not.toEqual(
      a.issues.map((issue) => issue.title),
    )
    const times = a.issues.map((issue) => issue.created_at)
    expect(times).toEqual([...times].sort())
    for (const issue of a.issues) {
      expect(issue.updated_at >= issue.created_at).toBe(true)
      expect(issue.closed_at === null).toBe(issue.state === 'open')
    }
  })
})
