/**
 * The GitHub, JSON:API and HubSpot mocks sort and filter for real: every page in the requested order, the
 * pagination links carrying sort and filters on, and each provider's error for a field it cannot sort by.
 */
import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import type { GithubIssue } from './githubDataset'
import { createGithubMock, GITHUB_MOCK_BASE_URL } from './githubMock'
import { createHubspotMock, HUBSPOT_MOCK_BASE_URL } from './hubspotMock'
import type { HubspotContact } from './hubspotMock'
import { createJsonApiMock, JSON_API_MOCK_BASE_URL } from './jsonApiMock'
import type { JsonApiArticle } from './jsonApiMock'

const { serve } = setupMockServer()

async function getJson<T>(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(url, init)
  return { status: response.status, body: (await response.json()) as T, headers: response.headers }
}

/** The `rel="next"` URL of a `link` header, if any. */
const nextLink = (headers: Headers): string | undefined =>
  /<([^>]*)>; rel="next"/.exec(headers.get('link') ?? '')?.[1]

const isSorted = <T>(values: readonly T[], descending: boolean) =>
  values.every((value, i) => i === 0 || (descending ? values[i - 1]! >= value : values[i - 1]! <= value))

describe('GitHub mock: sort, direction and filters', () => {
  const ISSUES = `${GITHUB_MOCK_BASE_URL}/repos/pagewise/pagewise/issues`

  it('walks issues by comments ascending, labelled bug, every state: in order on every page, the links carrying it all', async () => {
    const api = serve(createGithubMock({ issues: 600 }))
    const pages: GithubIssue[][] = []
    let url: string | undefined = `${ISSUES}?sort=comments&direction=asc&state=all&labels=bug&per_page=20`
    while (url !== undefined && pages.length < 100) {
      const { status, body, headers }: { status: number; body: GithubIssue[]; headers: Headers } =
        await getJson<GithubIssue[]>(url)
      expect(status).toBe(200)
      pages.push(body)
      url = nextLink(headers)
      if (url !== undefined) {
        const params = new URL(url).searchParams
        expect(Object.fromEntries(params)).toMatchObject({
          sort: 'comments',
          direction: 'asc',
          state: 'all',
          labels: 'bug',
          per_page: '20',
        })
      }
    }
    const expected = api.dataset.issues
      .filter((issue) => issue.labels.some((label) => label.name === 'bug'))
      .sort((a, b) => a.comments - b.comments || a.number - b.number)
    expect(pages.length).toBeGreaterThan(2)
    expect(pages.flat().map((issue) => issue.number)).toEqual(expected.map((issue) => issue.number))
    for (const page of pages)
      expect(
        isSorted(
          page.map((issue) => issue.comments),
          false,
        ),
      ).toBe(true)
  })

  it('sorts by updated descending and filters by creator', async () => {
    const api = serve(createGithubMock({ issues: 300 }))
    const creator = api.dataset.issues[0]!.user.login
    const { body } = await getJson<GithubIssue[]>(
      `${ISSUES}?sort=updated&direction=desc&state=all&creator=${creator}&per_page=100`,
    )
    expect(body.length).toBeGreaterThan(0)
    expect(body.every((issue) => issue.user.login === creator)).toBe(true)
    expect(
      isSorted(
        body.map((issue) => issue.updated_at),
        true,
      ),
    ).toBe(true)
  })

  it.each(['sort=title', 'direction=up'])(
    'answers %s with 422 Validation Failed naming the field',
    async (param) => {
      serve(createGithubMock({ issues: 10 }))
      const { status, body } = await getJson<Record<string, unknown>>(`${ISSUES}?${param}`)
      expect(status).toBe(422)
      expect(body).toMatchObject({
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', field: param.split('=')[0], code: 'invalid' }],
        documentation_url: expect.any(String),
      })
    },
  )
})

type JsonApiPage = {
  data: JsonApiArticle[]
  links: Record<string, string | null>
  errors?: { status: string; detail: string; source?: { parameter: string } }[]
}

describe('JSON:API mock: sort=field,-other and filter[…]', () => {
  const ARTICLES = `${JSON_API_MOCK_BASE_URL}/articles`

  it('walks articles by author, then newest first, following links.next: in order on every page', async () => {
    const api = serve(createJsonApiMock({ articles: 230 }))
    const pages: JsonApiArticle[][] = []
    let url: string | null = `${ARTICLES}?sort=author,-publishedAt&page[size]=50`
    while (url !== null && pages.length < 20) {
      const { body }: { body: JsonApiPage } = await getJson<JsonApiPage>(url)
      pages.push(body.data)
      url = body.links.next ?? null
      if (url !== null) expect(new URL(url).searchParams.get('sort')).toBe('author,-publishedAt')
    }
    const expected = api.dataset.articles
      .slice()
      .sort((a, b) =>
        a.attributes.author !== b.attributes.author
          ? a.attributes.author < b.attributes.author
            ? -1
            : 1
          : a.attributes.publishedAt < b.attributes.publishedAt
            ? 1
            : -1,
      )
    expect(pages.map((page) => page.length)).toEqual([50, 50, 50, 50, 30])
    expect(pages.flat().map((article) => article.id)).toEqual(expected.map((article) => article.id))
  })

  it('filters by filter[author] and filter[title], and the links keep the filter', async () => {
    const api = serve(createJsonApiMock({ articles: 300 }))
    const author = api.dataset.articles[0]!.attributes.author
    const byAuthor = await getJson<JsonApiPage>(`${ARTICLES}?filter[author]=${encodeURIComponent(author)}`)
    expect(byAuthor.body.data.map((a) => a.id)).toEqual(
      api.dataset.articles
        .filter((a) => a.attributes.author === author)
        .map((a) => a.id)
        .slice(0, 20),
    )
    const byTitle = await getJson<JsonApiPage>(`${ARTICLES}?filter[title]=notes&page[size]=5&sort=title`)
    expect(byTitle.body.data.every((a) => a.attributes.title.toLowerCase().includes('notes'))).toBe(true)
    expect(
      isSorted(
        byTitle.body.data.map((a) => a.attributes.title),
        false,
      ),
    ).toBe(true)
    expect(new URL(byTitle.body.links.next!).searchParams.get('filter[title]')).toBe('notes')
  })

  it.each([
    ['sort=-body', 'sort'],
    ['sort=title,colour', 'sort'],
    ['filter[colour]=red', 'filter[colour]'],
  ])('answers %s with a 400 error document naming the parameter', async (query, parameter) => {
    serve(createJsonApiMock({ articles: 10 }))
    const { status, body } = await getJson<JsonApiPage>(`${ARTICLES}?${query}`)
    expect(status).toBe(400)
    expect(body.errors?.[0]).toMatchObject({ status: '400', source: { parameter } })
  })
})

type SearchPage = { total: number; results: HubspotContact[]; paging?: { next: { after: string } } }

describe('HubSpot mock: search sorts', () => {
  const SEARCH = `${HUBSPOT_MOCK_BASE_URL}/crm/v3/objects/contacts/search`
  const search = <T = SearchPage>(body: unknown) =>
    getJson<T>(SEARCH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('walks contacts by lastmodifieddate descending with after: in order on every page', async () => {
    const api = serve(createHubspotMock({ contacts: 450 }))
    const sorts = [{ propertyName: 'lastmodifieddate', direction: 'DESCENDING' }]
    const pages: HubspotContact[][] = []
    let after: string | undefined
    do {
      const { body }: { body: SearchPage } = await search({ sorts, limit: 100, after })
      pages.push(body.results)
      after = body.paging?.next.after
    } while (after !== undefined && pages.length < 20)
    expect(pages.map((page) => page.length)).toEqual([100, 100, 100, 100, 50])
    const expected = api.dataset.contacts
      .slice()
      .sort((a, b) =>
        a.properties.lastmodifieddate !== b.properties.lastmodifieddate
          ? a.properties.lastmodifieddate < b.properties.lastmodifieddate
            ? 1
            : -1
          : Number(a.id) - Number(b.id),
      )
    expect(pages.flat().map((contact) => contact.id)).toEqual(expected.map((contact) => contact.id))
  })

  it('sorts hs_object_id as a number', async () => {
    serve(createHubspotMock({ contacts: 120 }))
    const { body } = await search({
      sorts: [{ propertyName: 'hs_object_id', direction: 'DESCENDING' }],
      limit: 3,
    })
    expect(body.results.map((contact) => contact.id)).toEqual(['170', '169', '168'])
  })

  it.each([
    [[{ propertyName: 'colour', direction: 'ASCENDING' }], /colour/],
    [[{ propertyName: 'createdate', direction: 'DOWN' }], /direction/],
  ])('refuses sorts %j with a 400 VALIDATION_ERROR', async (sorts, message) => {
    serve(createHubspotMock({ contacts: 10 }))
    const { status, body } = await search<Record<string, unknown>>({ sorts })
    expect(status).toBe(400)
    expect(body).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      message: expect.stringMatching(message),
    })
  })
})
