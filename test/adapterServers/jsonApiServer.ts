import type { JsonApiDocument } from '../../src/adapters/jsonApi'
import { ApiReportedError, CursorLoopError } from '../../src/core/errors'
import { commonMalformedPages } from '../../src/testing'
import type { MalformedPage, SimulatedPage, SimulatedServer } from '../../src/testing'
import type { SimulatedItem } from './serverParts'

type Document = JsonApiDocument<SimulatedItem>

/** Options of `jsonApiServer`. */
export interface JsonApiServerOptions {
  /**
   * How the server pages, and so what its links carry: `'cursor'`, `page[cursor]` (records inserted meanwhile never
   * shift a page), for `jsonApiAdapter()`; `'number'`, `page[number]` from 1 (random access, no short pages), for
   * `jsonApiAdapter({ numberParam: 'page[number]' })`, and for `jsonApiAdapter()` with `malformed: false`.
   * @default 'cursor'
   */
  pagination?: 'cursor' | 'number'
  /** Whether the links carry `page[size]`; without it, the client must add it to each request. @default true */
  sizeInLinks?: boolean
  /** The collection's absolute URL: the links point there, and a request's `url` must too. */
  url?: string
  /** Largest `page[size]` the server accepts; a larger one is a malformed request. @default 100 */
  maxSize?: number
}

const SIZE = 'page[size]'
const NUMBER = 'page[number]'
const CURSOR = 'page[cursor]'

/**
 * Simulates a JSON:API collection (`GET /articles`): the page size in `page[size]`, the page in `page[cursor]` (or
 * `page[number]`), read from the request's `url` (the `links.next` the client followed) and its `query` (which
 * wins, as `createFetcher` sends it); answered with `{ jsonapi, data, links: { self, first, prev?, next, last? },
 * meta: { page: { total } } }`, `links.next` being `null` on the last page. Reports the total on half of the runs.
 *
 * @example
 * await verifyAdapter(jsonApiAdapter(), { server: jsonApiServer() })
 * await verifyAdapter(jsonApiAdapter({ numberParam: 'page[number]' }), { server: jsonApiServer({ pagination: 'number' }) })
 */
export function jsonApiServer(options: JsonApiServerOptions = {}): SimulatedServer<Document> {
  const { pagination = 'cursor', sizeInLinks = true, maxSize = 100 } = options
  const collection = new URL(options.url ?? 'https://api.example.com/articles')
  const byNumber = pagination === 'number'

  /** A link to the collection with these page parameters (and the page size, unless `sizeInLinks` is off). */
  const link = (page: SimulatedPage, params: Record<string, string | number>): string => {
    const url = new URL(collection)
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value))
    if (sizeInLinks) url.searchParams.set(SIZE, String(page.limit))
    return url.href
  }
  const pageNumber = (page: SimulatedPage) => page.offset / page.limit + 1

  const respond = (page: SimulatedPage): Document => {
    const { total } = page
    const links: NonNullable<Document['links']> = {}
    if (byNumber) {
      const number = pageNumber(page)
      links.self = link(page, { [NUMBER]: number })
      links.first = link(page, { [NUMBER]: 1 })
      links.prev = number > 1 ? link(page, { [NUMBER]: number - 1 }) : null
      links.next = page.hasMore ? link(page, { [NUMBER]: number + 1 }) : null
      if (total !== undefined)
        links.last = link(page, { [NUMBER]: Math.max(1, Math.ceil(total / page.limit)) })
    } else {
      links.self = link(page, page.cursor === null ? {} : { [CURSOR]: page.cursor })
      links.first = link(page, {})
      links.next = page.hasMore && page.nextCursor !== null ? link(page, { [CURSOR]: page.nextCursor }) : null
    }
    return {
      jsonapi: { version: '1.1' },
      data: page.records,
      links,
      ...(total === undefined ? {} : { meta: { page: { total } } }),
    }
  }

  const malformed: MalformedPage<Document>[] = [
    ...commonMalformedPages,
    { name: '"data" is missing', corrupt: ({ data: _data, ...rest }) => rest },
    { name: '"links" is a string', corrupt: (response) => ({ ...response, links: 'next' }) },
    {
      name: '"links.next" is a page number, not a URL',
      corrupt: (response, page) => ({
        ...response,
        links: { ...response.links, next: pageNumber(page) + 1 },
      }),
    },
    {
      name: 'an "errors" document with HTTP 200',
      expect: ApiReportedError,
      corrupt: () => ({
        jsonapi: { version: '1.1' },
        errors: [{ status: '500', title: 'Internal Server Error', detail: 'The database timed out.' }],
      }),
    },
    byNumber
      ? {
          name: '"links.next" on an empty page',
          corrupt: (response, page) => ({
            ...response,
            data: [],
            links: { ...response.links, next: link(page, { [NUMBER]: pageNumber(page) + 1 }) },
          }),
          expect: CursorLoopError,
        }
      : {
          name: '"links.next" repeats the URL of the request',
          appliesTo: (page) => page.request.url !== undefined,
          corrupt: (response, page) => ({
            ...response,
            links: { ...response.links, next: page.request.url },
          }),
          expect: CursorLoopError,
        },
  ]

  return {
    name: `JSON:API collection (${byNumber ? 'page[number]' : 'page[cursor]'}${sizeInLinks ? '' : ', links without page[size]'})`,
    readRequest: (request) => {
      const params = new URLSearchParams()
      if (request.url !== undefined) {
        const url = new URL(request.url, collection)
        if (url.origin !== collection.origin || url.pathname !== collection.pathname) {
          throw new Error(`request.url ${request.url} is not a page of ${collection.href}`)
        }
        url.searchParams.forEach((value, name) => params.set(name, value))
      }
      for (const [name, value] of Object.entries(request.query)) params.set(name, value)
      const limit = integer(params, SIZE, undefined)
      if (limit > maxSize) throw new Error(`"${SIZE}" is ${limit}, above the server's maximum of ${maxSize}`)
      const other = byNumber ? CURSOR : NUMBER
      if (params.has(other))
        throw new Error(`"${other}" was sent to a server that pages by ${byNumber ? NUMBER : CURSOR}`)
      if (byNumber) return { offset: (integer(params, NUMBER, 1) - 1) * limit, limit }
      return { cursor: params.get(CURSOR), limit }
    },
    respond,
    reportsTotal: 'sometimes',
    ...(byNumber ? { shortPages: false } : {}),
    malformed,
  }
}

/** A positive integer parameter; `fallback` when absent (none: required). */
function integer(params: URLSearchParams, name: string, fallback: number | undefined): number {
  const raw = params.get(name)
  if (raw === null && fallback !== undefined) return fallback
  if (raw === null) throw new Error(`neither the query nor the page URL has "${name}"`)
  if (!/^[1-9]\d{0,8}$/.test(raw))
    throw new Error(`"${name}" is ${JSON.stringify(raw)}, not a positive integer`)
  return Number(raw)
}
