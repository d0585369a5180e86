import { toBase64Url } from './base64url'
import { HOUR_MS, MINUTE_MS, REFERENCE_TIME_MS, rfc3339 } from './dates'
import { flat } from './flat'
import { FIRST_NAMES, LAST_NAMES, toAscii } from './names'
import { createRng, hashSeed, recordRng } from './random'
import type { Rng } from './random'

/** Where the GitHub mock listens unless told otherwise: `${GITHUB_MOCK_BASE_URL}/repos/:owner/:repo/issues`. */
export const GITHUB_MOCK_BASE_URL = 'https://api.github.mock'

/** The author of an issue, as GitHub's "simple user" (trimmed). */
export interface GithubUser {
  login: string
  id: number
  node_id: string
  type: 'User' | 'Bot'
  html_url: string
}

/** A label of an issue. */
export interface GithubLabel {
  id: number
  node_id: string
  name: string
  color: string
  default: boolean
}

/** An issue as `GET /repos/{owner}/{repo}/issues` lists it (the fields pagewise's demos use, in GitHub's shape). */
export interface GithubIssue {
  url: string
  html_url: string
  id: number
  node_id: string
  /** 1, 2, 3, … in order of creation. */
  number: number
  title: string
  user: GithubUser
  labels: GithubLabel[]
  state: 'open' | 'closed'
  state_reason: 'completed' | 'not_planned' | 'reopened' | null
  locked: boolean
  comments: number
  /** ISO 8601 UTC, whole seconds (`2026-03-01T10:15:00Z`). */
  created_at: string
  updated_at: string
  closed_at: string | null
  author_association: 'OWNER' | 'MEMBER' | 'CONTRIBUTOR' | 'NONE'
  body: string | null
}

/** A generated repository's issues. */
export interface GithubDataset {
  seed: number
  /** The fixed "now" of the data: every generated issue is older. */
  referenceTime: string
  owner: string
  repo: string
  /** Issues by number ascending (`issues[0]` is #1, the oldest); the API lists them newest first. */
  issues: GithubIssue[]
}

/** Size, seed and names of a generated repository. */
export interface GithubDatasetOptions {
  /** Seed of every generated value. @default 1 */
  seed?: number
  /** Number of issues (#1…#n). @default 500 */
  issues?: number
  /** Repository owner. @default 'pagewise' */
  owner?: string
  /** Repository name. @default 'pagewise' */
  repo?: string
  /** API root the issues' `url` fields point to. @default GITHUB_MOCK_BASE_URL */
  baseUrl?: string
}

const SALT_ISSUE = 401
const SALT_USER = 402

/** GitHub's default labels and their colours. */
const LABELS: readonly GithubLabel[] = [
  ['bug', 'd73a4a'],
  ['documentation', '0075ca'],
  ['duplicate', 'cfd3d7'],
  ['enhancement', 'a2eeef'],
  ['good first issue', '7057ff'],
  ['help wanted', '008672'],
  ['invalid', 'e4e669'],
  ['question', 'd876e3'],
  ['wontfix', 'ffffff'],
].map(([name, color], index) => ({
  id: 5_100_000_001 + index,
  node_id: flat('LA_kwDOMock', toBase64Url(String(index))),
  name: name as string,
  color: color as string,
  default: true,
}))

const PARTS = [
  'InfiniteTable',
  'Pager',
  'usePaginatedList',
  'usePagedList',
  'createFetcher',
  'the Close adapter',
  'the Pipedrive adapter',
  'the retry policy',
  'keyset windows',
  'the mock API',
  'Storybook',
  'fetchAll',
] as const

const TITLES: readonly ((part: string, n: number) => string)[] = [
  (part) => flat(part, ' crashes when the list is empty'),
  (part) => flat('Support custom headers in ', part),
  (part, n) => flat(part, ' is slow with ', String(n * 1000), ' rows'),
  (part) => flat('Docs: explain ', part, ' with an example'),
  (part) => flat('Flaky test in ', part),
  (part) => flat(part, ': rows flicker after a refetch'),
  (part) => flat('TypeScript error when passing a generic to ', part),
  (part) => flat('Keyboard focus is lost in ', part),
  (part) => flat('Dark theme colours of ', part, ' lack contrast'),
  (part) => flat('Feature request: abort ', part, ' on unmount'),
]

const BODIES: readonly string[] = [
  '### Steps to reproduce\n\n1. Open the demo\n2. Scroll to the end\n\n### Expected\n\nThe next page loads.',
  'This would help us page through our own API. Happy to send a pull request.',
  'Seen on Chrome and Firefox. A minimal reproduction is linked below.',
  '<details><summary>Stack trace</summary>\n\n```\nTypeError: Cannot read properties of undefined\n```\n</details>',
  'Could the docs show how to do this with `createFetcher`?',
]

interface GithubContext {
  seed: number
  owner: string
  repo: string
  baseUrl: string
  issueCount: number
  users: GithubUser[]
}

function generateUser(seed: number, index: number): GithubUser {
  const rng = recordRng(seed, SALT_USER, index)
  const first = toAscii(rng.pick(FIRST_NAMES))
  const last = toAscii(rng.pick(LAST_NAMES))
  const bot = index === 7
  const login = bot
    ? 'dependabot[bot]'
    : flat(first, '-', last, index % 3 === 0 ? String(rng.int(1, 99)) : '')
  const id = bot ? 49_699_333 : 1_000_000 + index * 7919 + rng.int(0, 7000)
  return {
    login,
    id,
    node_id: flat(bot ? 'MDM6Qm90' : 'MDQ6VXNlcj', toBase64Url(String(id))),
    type: bot ? 'Bot' : 'User',
    html_url: flat('https://github.com/', bot ? 'apps/dependabot' : login),
  }
}

function githubContext(options: GithubDatasetOptions): GithubContext {
  const seed = options.seed ?? 1
  return {
    seed,
    owner: options.owner ?? 'pagewise',
    repo: options.repo ?? 'pagewise',
    baseUrl: (options.baseUrl ?? GITHUB_MOCK_BASE_URL).replace(/\/+$/, ''),
    issueCount: Math.max(0, Math.floor(options.issues ?? 500)),
    users: Array.from({ length: 24 }, (_, index) => generateUser(seed, index)),
  }
}

function association(index: number): GithubIssue['author_association'] {
  if (index === 0) return 'OWNER'
  if (index < 4) return 'MEMBER'
  return index % 2 === 0 ? 'CONTRIBUTOR' : 'NONE'
}

function pickLabels(rng: Rng): GithubLabel[] {
  const count = rng.chance(0.25) ? 0 : rng.chance(0.7) ? 1 : 2
  const picked = new Set<GithubLabel>()
  while (picked.size < count) picked.add(rng.pick(LABELS))
  return [...picked].sort((a, b) => a.id - b.id)
}

/**
 * Issue #`number`, created at `createdMs`; updated (and maybe closed) between then and `nowMs`. Issue numbers go up
 * with creation time, so "newest first" is "highest number first".
 */
function generateIssue(ctx: GithubContext, number: number, createdMs: number, nowMs: number): GithubIssue {
  const rng = recordRng(ctx.seed, SALT_ISSUE, number)
  const authorIndex = rng.int(0, ctx.users.length - 1)
  const part = rng.pick(PARTS)
  const closed = rng.chance(0.4)
  const span = Math.max(0, nowMs - createdMs)
  const updatedMs = createdMs + Math.floor(span * rng.next() ** 2)
  const closedMs = closed ? createdMs + Math.floor((updatedMs - createdMs) * rng.next()) : undefined
  const id = 2_100_000_000 + number * 13
  return {
    url: flat(ctx.baseUrl, '/repos/', ctx.owner, '/', ctx.repo, '/issues/', String(number)),
    html_url: flat('https://github.com/', ctx.owner, '/', ctx.repo, '/issues/', String(number)),
    id,
    node_id: flat('I_kwDOMock', toBase64Url(String(id))),
    number,
    title: rng.pick(TITLES)(part, rng.int(1, 50)),
    user: ctx.users[authorIndex] as GithubUser,
    labels: pickLabels(rng),
    state: closed ? 'closed' : 'open',
    state_reason: closed
      ? rng.chance(0.8)
        ? 'completed'
        : 'not_planned'
      : rng.chance(0.05)
        ? 'reopened'
        : null,
    locked: rng.chance(0.02),
    comments: Math.floor(rng.next() ** 3 * 40),
    created_at: rfc3339(createdMs),
    updated_at: rfc3339(updatedMs),
    closed_at: closedMs === undefined ? null : rfc3339(closedMs),
    author_association: association(authorIndex),
    body: rng.chance(0.1) ? null : rng.pick(BODIES),
  }
}

/** A generated repository, with what the mock needs to add issues later (drift). */
export interface GithubDatasetBuild {
  dataset: GithubDataset
  /** Adds `count` issues, newer than every other, with the next numbers. */
  addIssues(count: number): void
}

/** Builds the dataset: issue #n is created about 3 hours after #n−1, the newest just before the reference time. */
export function buildGithubDataset(options: GithubDatasetOptions = {}): GithubDatasetBuild {
  const ctx = githubContext(options)
  const jitter = createRng(hashSeed(ctx.seed, SALT_ISSUE))
  const issues = Array.from({ length: ctx.issueCount }, (_, index) => {
    const createdMs = REFERENCE_TIME_MS - (ctx.issueCount - index) * 3 * HOUR_MS + jitter.int(0, 2 * HOUR_MS)
    return generateIssue(ctx, index + 1, createdMs, REFERENCE_TIME_MS)
  })
  const dataset: GithubDataset = {
    seed: ctx.seed,
    referenceTime: new Date(REFERENCE_TIME_MS).toISOString(),
    owner: ctx.owner,
    repo: ctx.repo,
    issues,
  }
  let added = 0
  return {
    dataset,
    addIssues(count) {
      for (let index = 0; index < count; index += 1) {
        added += 1
        const createdMs = REFERENCE_TIME_MS + added * MINUTE_MS
        dataset.issues.push(generateIssue(ctx, dataset.issues.length + 1, createdMs, createdMs))
      }
    },
  }
}

/**
 * Generates a deterministic GitHub repository's issues: the same seed and size give identical issues.
 *
 * @example
 * const { issues } = createGithubDataset({ issues: 1000 })
 * issues[0]?.number // 1
 */
export function createGithubDataset(options: GithubDatasetOptions = {}): GithubDataset {
  return buildGithubDataset(options).dataset
}
