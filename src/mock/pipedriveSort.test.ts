/**
 * The Pipedrive mock sorts, filters and searches for real: v1 `sort`, v2 `sort_by` / `sort_direction` with cursors
 * bound to their sort, and the v2 search endpoints, every page in order, with Pipedrive's 400 body.
 */
import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../../test/mockServer'
import { createPipedriveMock, PIPEDRIVE_MOCK_BASE_URL } from './index'
import type { PipedriveDeal, PipedriveMockOptions, PipedriveNote } from './index'

const { serve } = setupMockServer()
const mock = (options: PipedriveMockOptions = {}) => serve(createPipedriveMock(options))

type Body = Record<string, unknown> & {
  data: unknown
  additional_data: Record<string, unknown> | null
}

async function get(path: string): Promise<{ status: number; body: Body }> {
  const response = await fetch(`${PIPEDRIVE_MOCK_BASE_URL}/api${path}`)
  return { status: response.status, body: (await response.json()) as Body }
}

/** Pipedrive's error body, whatever the message. */
const pipedrive400 = (message: string | RegExp) => ({
  success: false,
  error: expect.stringMatching(message),
  error_info: expect.any(String),
  data: null,
  additional_data: null,
})

/** Every page of a v2 cursor list or search, each page's records kept apart. */
async function cursorPages<T>(path: string, read: (body: Body) => T[]): Promise<T[][]> {
  const out: T[][] = []
  let cursor: string | null = null
  do {
    const { status, body }: { status: number; body: Body } = await get(
      `${path}${cursor === null ? '' : `&cursor=${cursor}`}`,
    )
    expect(status).toBe(200)
    out.push(read(body))
    cursor = (body.additional_data?.next_cursor as string | null) ?? null
  } while (cursor !== null && out.length < 100)
  return out
}

const isSorted = (values: readonly (string | number)[], descending: boolean) =>
  values.every((value, i) => i === 0 || (descending ? values[i - 1]! >= value : values[i - 1]! <= value))

describe('Pipedrive v1: sort=field ASC|DESC', () => {
  it('walks notes by "user_id ASC, add_time DESC" with start/limit: in order on every page', async () => {
    const api = mock({ notes: 700 })
    const walked: PipedriveNote[][] = []
    for (let start = 0; walked.length < 20; start += 150) {
      const { body } = await get(
        `/v1/notes?sort=${encodeURIComponent('user_id ASC, add_time DESC')}&start=${start}&limit=150`,
      )
      walked.push((body.data as PipedriveNote[] | null) ?? [])
      if (body.additional_data?.pagination === undefined) break
      if (
        !(body.additional_data.pagination as { more_items_in_collection: boolean }).more_items_in_collection
      )
        break
    }
    expect(walked.map((page) => page.length)).toEqual([150, 150, 150, 150, 100])
    const expected = api.dataset.notes
      .slice()
      .sort(
        (a, b) => a.user_id - b.user_id || (a.add_time < b.add_time ? 1 : a.add_time > b.add_time ? -1 : 0),
      )
    expect(walked.flat().map((note) => note.id)).toEqual(expected.map((note) => note.id))
    for (const page of walked) {
      expect(
        isSorted(
          page.map((note) => note.user_id),
          false,
        ),
      ).toBe(true)
    }
  })

  it('filters and sorts together, and refuses an unknown sort field with the Pipedrive body', async () => {
    const api = mock({ notes: 400 })
    const user = api.dataset.notes[0]!.user_id
    const { body } = await get(
      `/v1/notes?user_id=${user}&sort=${encodeURIComponent('add_time DESC')}&limit=500`,
    )
    const notes = body.data as PipedriveNote[]
    expect(notes.every((note) => note.user_id === user)).toBe(true)
    expect(
      isSorted(
        notes.map((note) => note.add_time),
        true,
      ),
    ).toBe(true)
    const bad = await get(`/v1/notes?sort=${encodeURIComponent('colour DESC')}`)
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual(pipedrive400(/colour/))
  })
})

describe('Pipedrive v2: sort_by and sort_direction', () => {
  it.each([
    ['add_time', 'desc'],
    ['update_time', 'asc'],
    ['id', 'desc'],
  ] as const)('walks won deals of one owner by %s %s: in order on every page', async (field, direction) => {
    const api = mock({ deals: 2000 })
    const owner = api.dataset.deals[0]!.owner_id
    const walked = await cursorPages(
      `/v2/deals?sort_by=${field}&sort_direction=${direction}&status=won&owner_id=${owner}&limit=20`,
      (body) => body.data as PipedriveDeal[],
    )
    const matching = api.dataset.deals.filter((deal) => deal.status === 'won' && deal.owner_id === owner)
    expect(matching.length).toBeGreaterThan(40)
    const sign = direction === 'asc' ? 1 : -1
    const expected = matching
      .slice()
      .sort((a, b) => sign * ((a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0) || a.id - b.id))
    expect(walked.flat().map((deal) => deal.id)).toEqual(expected.map((deal) => deal.id))
    for (const page of walked)
      expect(
        isSorted(
          page.map((deal) => deal[field]),
          direction === 'desc',
        ),
      ).toBe(true)
  })

  it.each([
    ['sort_by=title', /sort_by/],
    ['sort_by=add_time&sort_direction=down', /sort_direction/],
  ])('answers %s with 400 and the Pipedrive error body', async (params, message) => {
    mock({ deals: 10 })
    const { status, body } = await get(`/v2/deals?${params}`)
    expect(status).toBe(400)
    expect(body).toEqual(pipedrive400(message))
  })

  it.each([
    ['another field', 'sort_by=update_time&sort_direction=desc'],
    ['another direction', 'sort_by=add_time&sort_direction=asc'],
    ['the default sort', ''],
  ])('refuses a cursor reused under %s with a 400', async (_name, other) => {
    mock({ deals: 300 })
    const first = await get('/v2/deals?sort_by=add_time&sort_direction=desc&limit=50')
    const cursor = first.body.additional_data?.next_cursor as string
    const reused = await get(`/v2/deals?${other}&limit=50&cursor=${cursor}`)
    expect(reused.status).toBe(400)
    expect(reused.body).toEqual(pipedrive400(/cursor/i))
  })
})

interface Match {
  result_score: number
  item: { id: number; type: string; title?: string; name?: string; status?: string; emails?: string[] }
}

const matches = (body: Body) => (body.data as { items: Match[] }).items

describe('Pipedrive v2 search: /deals/search and /persons/search', () => {
  it('answers the search envelope, best match first: the exact title, then titles starting with the term, then containing it', async () => {
    const api = mock({ deals: 600 })
    const title = api.dataset.deals[10]!.title
    const term = title.split(' ')[0]!
    const { status, body } = await get(`/v2/deals/search?term=${encodeURIComponent(term)}&limit=500`)
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['success', 'data', 'additional_data'])
    const found = matches(body)
    const lower = term.toLowerCase()
    const rank = (text: string) =>
      text.toLowerCase() === lower ? 3 : text.toLowerCase().startsWith(lower) ? 2 : 1
    const expected = api.dataset.deals
      .filter((deal) => deal.title.toLowerCase().includes(lower))
      .sort((a, b) => rank(b.title) - rank(a.title) || a.id - b.id)
    expect(found.map((match) => match.item.id)).toEqual(expected.map((deal) => deal.id))
    expect(
      isSorted(
        found.map((match) => match.result_score),
        true,
      ),
    ).toBe(true)
    const deal = api.dataset.deals.find((d) => d.id === found[0]!.item.id)!
    expect(found[0]!.item).toMatchObject({
      id: deal.id,
      type: 'deal',
      title: deal.title,
      value: deal.value,
      currency: deal.currency,
      status: deal.status,
      owner: { id: deal.owner_id },
      stage: { id: deal.stage_id, name: expect.any(String) },
    })
  })

  it('ranks an exact title above the titles that only contain it, and exact_match keeps only those', async () => {
    const api = mock({ deals: 400 })
    const title = api.dataset.deals[3]!.title
    const { body } = await get(`/v2/deals/search?term=${encodeURIComponent(title)}`)
    expect(matches(body)[0]).toMatchObject({ result_score: 1, item: { title } })
    const exact = await get(
      `/v2/deals/search?term=${encodeURIComponent(title.toUpperCase())}&exact_match=true`,
    )
    const exactTitles = matches(exact.body).map((match) => match.item.title)
    expect(exactTitles.length).toBeGreaterThan(0)
    expect(exactTitles.every((text) => text === title)).toBe(true)
  })

  it('walks every match once with cursor and limit, best first on every page, narrowed by status', async () => {
    const api = mock({ deals: 1500 })
    const walked = await cursorPages('/v2/deals/search?term=for&status=open&limit=40', matches)
    const expected = api.dataset.deals.filter(
      (deal) => deal.status === 'open' && deal.title.toLowerCase().includes('for'),
    )
    expect(walked.length).toBeGreaterThan(2)
    const ids = walked.flat().map((match) => match.item.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort((a, b) => a - b)).toEqual(expected.map((deal) => deal.id))
    expect(walked.flat().every((match) => match.item.status === 'open')).toBe(true)
    for (const page of walked)
      expect(
        isSorted(
          page.map((match) => match.result_score),
          true,
        ),
      ).toBe(true)
  })

  it('searches persons by name and e-mail', async () => {
    const api = mock({ persons: 300 })
    const person = api.dataset.persons[5]!
    const email = person.emails[0]!.value
    const byEmail = await get(`/v2/persons/search?term=${encodeURIComponent(email)}&fields=email`)
    expect(matches(byEmail.body)[0]).toMatchObject({
      result_score: 1,
      item: { id: person.id, type: 'person', name: person.name, emails: expect.arrayContaining([email]) },
    })
    const byName = await get(`/v2/persons/search?term=${encodeURIComponent(person.last_name)}&fields=name`)
    expect(matches(byName.body).map((match) => match.item.id)).toContain(person.id)
  })

  it.each([
    ['term=a', /term/],
    ['', /term/],
    ['term=acme&fields=body', /fields/],
    ['term=acme&status=maybe', /status/],
    ['term=acme&exact_match=perhaps', /exact_match/],
    ['term=acme&limit=501', /limit/],
  ])('answers %s with 400 and the Pipedrive error body', async (params, message) => {
    mock({ deals: 10 })
    const { status, body } = await get(`/v2/deals/search?${params}`)
    expect(status).toBe(400)
    expect(body).toEqual(pipedrive400(message))
  })

  it('takes a one-character term with exact_match, as Pipedrive documents', async () => {
    mock({ deals: 10 })
    expect((await get('/v2/deals/search?term=a&exact_match=true')).status).toBe(200)
  })

  it('refuses a cursor reused with another term or filter with a 400', async () => {
    mock({ deals: 800 })
    const first = await get('/v2/deals/search?term=for&limit=10')
    const cursor = first.body.additional_data?.next_cursor as string
    expect(typeof cursor).toBe('string')
    for (const other of ['term=fo', 'term=for&status=won', 'term=for&fields=notes']) {
      const reused = await get(`/v2/deals/search?${other}&limit=10&cursor=${cursor}`)
      expect(reused.status).toBe(400)
      expect(reused.body).toEqual(pipedrive400(/cursor/i))
    }
  })
})
