import { CursorLoopError } from '../../src/core/errors'
import type { FullResponse, PageRequest } from '../../src/core/types'
import { commonMalformedPages } from '../../src/testing'
import type { MalformedPage, SimulatedPage, SimulatedServer } from '../../src/testing'
import { readIntegerParam } from '../../src/testing/simulatedServer'
import type { SimulatedItem } from './serverParts'

/** An answer of `linkHeaderServer`: the records (or an object holding them) with a `Link` header. */
export type LinkHeaderAnswer = FullResponse<SimulatedItem>

/** Options of `linkHeaderServer`. */
export interface LinkHeaderServerOptions {
  /** Name shown in reports and errors. @default 'Link header list (page numbers)' or '… (cursors)' */
  name?: string
  /** The list's URL: the first page's, and the base of every link. @default 'https://api.example.test/items' */
  url?: string
  /**
   * How the links name a page. `'page'`: page numbers, `?page=2&per_page=30` (GitHub, GitLab offset pagination), with
   * `first`, `prev`, `next` and, when the total is reported, `last` links. `'cursor'`: an opaque token,
   * `?page_info=…&per_page=30` (Shopify, GitLab keyset pagination), with `next` and `previous` links.
   * @default 'page'
   */
  pagination?: 'page' | 'cursor'
  /** Query parameter of the page number or token in the links. @default 'page' or 'page_info' */
  pageParam?: string
  /** Query parameter of the page size. @default 'per_page' */
  limitParam?: string
  /** Body field holding the records, such as `'products'` (Shopify). @default the body is the array (GitHub) */
  items?: string
  /** A header reporting the total on every answer, such as `'x-total-count'` or GitLab's `'x-total'`. @default none */
  totalHeader?: string
  /** Links relative to the list's origin (`</items?page=2>`) instead of absolute URLs. @default false */
  relativeLinks?: boolean
  /** Malformed answers to inject. @default linkHeaderMalformedPages */
  malformed?: readonly MalformedPage<LinkHeaderAnswer>[]
}

/** Ways of writing one link, all valid RFC 8288, used in turn so that an adapter's parser meets each. */
const LINK_STYLES: readonly ((url: string, rel: string) => string)[] = [
  (url, rel) => `<${url}>; rel="${rel}"`,
  // A token cannot hold a space: several relation types are always quoted.
  (url, rel) => `<${url}>;rel=${rel.includes(' ') ? `"${rel}"` : rel}`,
  (url, rel) => ` <${url}> ; title="page, ${rel}; <${rel}>" ; REL = "${rel}"`,
]

/** `answer` with `headers` set over its own. */
function withHeaders(answer: LinkHeaderAnswer, headers: Record<string, string>): LinkHeaderAnswer {
  const merged = new Headers(answer.headers)
  for (const [name, value] of Object.entries(headers)) merged.set(name, value)
  return { ...answer, headers: merged }
}

/**
 * Malformed answers of a `Link` header API: the kit's common ones (an HTML page, an empty object, neither a full
 * response), the body alone (a `fetchPage` that drops the headers), a `Link` header without `<…>` around its URL,
 * an error object as the body, and a `rel="next"` link to the page just loaded (a `CursorLoopError`).
 */
export const linkHeaderMalformedPages: readonly MalformedPage<LinkHeaderAnswer>[] = [
  ...commonMalformedPages,
  { name: 'the body alone, without headers', corrupt: (answer) => answer.body },
  {
    name: 'a Link header without <…> around its URL',
    corrupt: (answer) => withHeaders(answer, { link: 'https://api.example.test/items?page=2; rel="next"' }),
  },
  {
    name: 'an error object as the body',
    corrupt: (answer) => ({ ...answer, body: { message: 'Server Error' } }),
  },
  {
    name: 'a rel="next" link to the page just loaded',
    appliesTo: (page) => page.hasMore,
    corrupt: (answer) => withHeaders(answer, { link: `<${answer.url ?? ''}>; rel="next"` }),
    expect: CursorLoopError,
  },
]

/**
 * Simulates an API paginated by RFC 8288 `Link` headers, for `linkHeaderAdapter`: the first request carries the
 * page size in its query; each answer is `{ body, headers, status: 200 }` whose `Link` header points to the next
 * page, and later requests load that URL (`request.url`, with `request.query` over its parameters, as
 * `createFetcher` does). The last page has no `next` link. Requests must ask for the full response.
 *
 * @example
 * await verifyAdapter(linkHeaderAdapter(), { server: linkHeaderServer() })
 * await verifyAdapter(linkHeaderAdapter({ totalHeader: 'x-total' }), { server: linkHeaderServer({ totalHeader: 'x-total' }) })
 * await verifyAdapter(linkHeaderAdapter({ items: 'products', limitParam: 'limit' }), {
 *   server: linkHeaderServer({ pagination: 'cursor', items: 'products', limitParam: 'limit' }),
 * })
 */
export function linkHeaderServer(options: LinkHeaderServerOptions = {}): SimulatedServer<LinkHeaderAnswer> {
  const { pagination = 'page', limitParam = 'per_page', items, totalHeader, relativeLinks = false } = options
  const byPage = pagination === 'page'
  const pageParam = options.pageParam ?? (byPage ? 'page' : 'page_info')
  const list = new URL(options.url ?? 'https://api.example.test/items')
  const listPath = `${list.origin}${list.pathname}`

  const href = (value: string, limit: number): string => {
    const url = new URL(list)
    url.searchParams.set(pageParam, value)
    url.searchParams.set(limitParam, String(limit))
    return relativeLinks ? `${url.pathname}${url.search}` : url.href
  }
  /** The URL a request loads: its page URL (or the list's), with `request.query` over its parameters. */
  const loadedUrl = (request: PageRequest<unknown>): URL => {
    const url = new URL(request.url ?? list, list)
    for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value)
    return url
  }
  const server: SimulatedServer<LinkHeaderAnswer> = {
    name: options.name ?? `Link header list (${byPage ? 'page numbers' : 'cursors'})`,
    readRequest: (request) => {
      if (request.response !== 'full') {
        throw new Error(
          'the request does not ask for the full response (response: "full"): fetchPage would resolve to the body ' +
            'alone, without the Link header',
        )
      }
      const url = loadedUrl(request)
      if (`${url.origin}${url.pathname}` !== listPath) {
        throw new Error(`the request loads ${String(request.url)}, not a page of ${listPath}`)
      }
      const query = Object.fromEntries(url.searchParams)
      const asRead: PageRequest<unknown> = { ...request, query }
      const limit = readIntegerParam(asRead, 'query', limitParam, 1)
      if (!byPage) return { cursor: query[pageParam] ?? null, limit }
      const number = query[pageParam] === undefined ? 1 : readIntegerParam(asRead, 'query', pageParam, 1)
      return { offset: (number - 1) * limit, limit }
    },
    respond: (page: SimulatedPage) => {
      const links: [string, string][] = []
      if (byPage) {
        const current = page.offset / page.limit + 1
        if (page.hasMore) {
          const next = href(String(current + 1), page.limit)
          const last =
            page.total === undefined ? undefined : Math.max(current + 1, Math.ceil(page.total / page.limit))
          if (last === current + 1) links.push([next, 'next last'])
          else {
            links.push([next, 'next'])
            if (last !== undefined) links.push([href(String(last), page.limit), 'last'])
          }
        }
        if (current > 1) {
          links.unshift([href(String(current - 1), page.limit), 'prev'])
          links.push([href('1', page.limit), 'first'])
        }
      } else {
        if (page.cursor !== null) {
          links.push([href(`before:${page.records[0]?.id ?? page.cursor}`, page.limit), 'previous'])
        }
        if (page.nextCursor !== null) links.push([href(page.nextCursor, page.limit), 'next'])
      }
      const style = LINK_STYLES[page.offset % LINK_STYLES.length] ?? LINK_STYLES[0]!
      const headers = new Headers()
      // As GitHub does, no Link header at all when there is no other page.
      if (links.length > 0) headers.set('link', links.map(([url, rel]) => style(url, rel)).join(', '))
      if (totalHeader !== undefined && page.total !== undefined) headers.set(totalHeader, String(page.total))
      const body = items === undefined ? page.records : { [items]: page.records }
      // The page's own URL, as createFetcher reports it: relative links resolve against it.
      return { body, headers, status: 200, url: loadedUrl(page.request).href }
    },
    malformed: options.malformed ?? linkHeaderMalformedPages,
  }
  if (totalHeader !== undefined) server.reportsTotal = true
  // Page n starts at (n - 1) × per_page: a page-number API cannot serve a short page mid-list.
  if (byPage) server.shortPages = false
  return server
}
