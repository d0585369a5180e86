import { CursorLoopError, InvalidOptionError, MalformedResponseError } from '../core/errors'
import { isObject } from '../core/isObject'
import { expectArray, expectOptionalCount, readField } from '../core/readField'
import type { FullResponse, PaginationAdapter } from '../core/types'
import type { CursorParam } from './cursorAdapter'
import { checkedAdapter } from './defineAdapter'
import { pageUrlRequest, resolvePageUrl } from './pageUrlRequest'

/** Replaced by the application's bundler: production builds drop the development-only checks here. */
declare const process: { env: { NODE_ENV?: string } }

/** Options of `linkHeaderAdapter`. */
export interface LinkHeaderAdapterOptions<TBody, TItem> {
  /** Identifier used in the query key and in error messages. @default 'linkHeader' */
  id?: string
  /**
   * Where the records are in the body: a dotted path such as `'products'`, or a function of the body. Give the body's
   * type as the second type parameter: `linkHeaderAdapter<Product, { products: Product[] }>({ items: 'products' })`.
   * @default the body itself is the array of records (GitHub, GitLab)
   */
  items?: string | ((body: TBody) => TItem[] | null | undefined)
  /** Name of the page-size parameter, sent on the first page and on a next URL that lacks it. @default 'per_page' */
  limitParam?: string
  /** Page size when the caller does not choose one. @default 30 (GitHub's) */
  defaultLimit?: number
  /** Largest page size the API accepts. @default 100 (GitHub's and GitLab's) */
  maxLimit?: number
  /**
   * A response header holding the total record count, such as `'x-total-count'` or GitLab's `'x-total'`. Without it
   * (or when the header is absent from an answer) the total is unknown.
   */
  totalHeader?: string
}

/**
 * The next token of an RFC 8288 Link header: a link's `<URI-Reference>` (first, or after a comma), or one of its
 * `; name`, `; name=token` or `; name="quoted string"` params. Commas inside `<…>` and quotes separate nothing.
 */
const LINK_TOKEN =
  /(?:^[\s,]*|\s*,[\s,]*)<([^>]*)>|\s*;\s*([\w!#$%&'*+.^`|~-]+)(?:\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;,"]+)))?/y
const LINK_END = /[\s,]*$/y
const FULL = 'fetchPage must return { body, headers, status } for this adapter, as createFetcher does'

/**
 * The target of the first link whose relation types (`rel`: space-separated, case-insensitive, only a link's first
 * `rel` counts) include one of `rels`: `undefined` when no link does, `false` when `header` is not a Link header (or
 * that link has no URL).
 */
function findLink(header: string, rels: readonly string[]): string | undefined | false {
  let target: string | undefined
  let relSeen = false
  let found: string | undefined
  LINK_TOKEN.lastIndex = 0
  for (;;) {
    LINK_END.lastIndex = LINK_TOKEN.lastIndex
    if (LINK_END.test(header)) return found
    const [, link, name, quoted, token] = LINK_TOKEN.exec(header) ?? []
    if (link !== undefined) {
      target = link.trim()
      relSeen = false
    } else if (name === undefined || target === undefined) return false
    else if (!relSeen && name.toLowerCase() === 'rel') {
      relSeen = true
      const types = (quoted?.replace(/\\(.)/g, '$1') ?? token ?? '').toLowerCase().split(/\s+/)
      if (found === undefined && rels.some((wanted) => types.includes(wanted))) {
        if (target === '') return false
        found = target
      }
    }
  }
}

/**
 * RFC 8288 `Link` header pagination, as GitHub, GitLab (offset pages) and Shopify use it: each answer's
 * `Link: <…>; rel="next"` is the URL of the next page, and its absence ends the list. The first page is the
 * endpoint's own URL with `per_page`; later pages load the next URL as the API gave it (`createFetcher` loads it
 * only on `baseUrl`'s origin, and adds the page size only when the URL lacks it). `rel="prev"` (or `previous`)
 * pages backwards.
 *
 * Reads headers, so `fetchPage` must resolve to `{ body, headers, status }` (`response: 'full'`, as `createFetcher`
 * does). The page param is the next page's URL, `null` for the first page.
 *
 * @example
 * const github = createFetcher({
 *   baseUrl: 'https://api.github.com',
 *   headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' },
 * })
 * const issues = usePaginatedList({
 *   queryKey: ['github', 'issues', owner, repo],
 *   adapter: linkHeaderAdapter<Issue>(), // per_page, Link: rel="next"; default 30, max 100
 *   fetchPage: github(`/repos/${owner}/${repo}/issues`, { query: { state: 'all' } }),
 * })
 * // GitLab, with its total: linkHeaderAdapter<Project>({ id: 'gitlab.projects', totalHeader: 'x-total', defaultLimit: 20 })
 * // Shopify: linkHeaderAdapter<Product, { products: Product[] }>({ id: 'shopify.products', items: 'products', limitParam: 'limit', defaultLimit: 50, maxLimit: 250 })
 */
export function linkHeaderAdapter<TItem, TBody = TItem[]>(
  options: LinkHeaderAdapterOptions<NoInfer<TBody>, NoInfer<TItem>> = {},
): PaginationAdapter<FullResponse<TBody>, TItem, CursorParam> {
  const { id = 'linkHeader', items, limitParam = 'per_page', totalHeader } = options
  const maxLimit = options.maxLimit ?? 100
  if (process.env.NODE_ENV !== 'production') {
    const owner = `linkHeaderAdapter(${id})`
    if (!isObject(options)) throw new InvalidOptionError(owner, 'options', 'an object', options)
    const name = (option: string, value: unknown, absentOk: boolean) => {
      if (!(typeof value === 'string' && value.trim() !== '') && !(absentOk && value === undefined)) {
        throw new InvalidOptionError(owner, option, 'a non-empty string', value)
      }
    }
    name('limitParam', limitParam, false)
    name('totalHeader', totalHeader, true)
    if (items !== undefined && typeof items !== 'function') name('items', items, false)
  }

  /** The headers of a full response; a body alone (or anything else) is malformed. */
  const headersOf = (response: FullResponse<TBody>): Headers => {
    if (!isObject(response)) throw new MalformedResponseError(id, '$', `a full response (${FULL})`, response)
    const headers = response.headers as Partial<Headers> | undefined
    if (typeof headers?.get !== 'function') {
      throw new MalformedResponseError(id, 'headers', `a Headers object (${FULL})`, headers)
    }
    return headers as Headers
  }
  /** The value of header `name` (case-insensitive): `undefined` when absent or empty. */
  const header = (response: FullResponse<TBody>, name: string): string | undefined =>
    headersOf(response).get(name.toLowerCase()) || undefined
  /**
   * The target of the first link with one of `rels`, or `undefined`. A relative target is resolved against the URL
   * the page came from (RFC 8288), when `fetchPage` reports it as `createFetcher` does.
   */
  const link = (response: FullResponse<TBody>, rels: readonly string[]): string | undefined => {
    const value = header(response, 'link')
    const target = value === undefined ? undefined : findLink(value, rels)
    const base = response.url
    // An unresolvable target (`http://[`) is as malformed as a missing one.
    const resolved =
      target === false ? null : target === undefined || !base ? target : resolvePageUrl(target, base)
    if (resolved !== null) return resolved
    throw new MalformedResponseError(
      id,
      'headers.link',
      'an RFC 8288 Link header: <https://…>; rel="next"',
      value,
    )
  }
  const getItems = (response: FullResponse<TBody>): TItem[] => {
    headersOf(response)
    if (typeof items === 'function') return expectArray(id, 'items(body)', items(response.body)) as TItem[]
    const field = items === undefined ? 'body' : `body.${items}`
    return expectArray(id, field, readField(id, response, field)) as TItem[]
  }

  const adapter: PaginationAdapter<FullResponse<TBody>, TItem, CursorParam> = {
    id,
    kind: 'cursor',
    response: 'full',
    initialPageParam: null,
    defaultLimit: options.defaultLimit ?? Math.min(30, maxLimit),
    maxLimit,
    toRequest: (url, limit) => pageUrlRequest(url, limitParam, limit),
    getItems,
    getNextPageParam: (lastPage) => {
      getItems(lastPage)
      const next = link(lastPage, ['next'])
      // A next link to the page itself would load it again and again: caught here, before that request.
      if (next !== undefined && next === lastPage.url) {
        throw new CursorLoopError(id, 'repeated-param', next, 'rel="next" points at the page itself')
      }
      return next
    },
    getPreviousPageParam: (firstPage) => link(firstPage, ['prev', 'previous']),
  }
  if (totalHeader !== undefined) {
    adapter.getTotal = (response) => {
      const value = header(response, totalHeader)
      if (value === undefined) return undefined
      return expectOptionalCount(id, `headers.${totalHeader}`, value.trim())
    }
  }
  return checkedAdapter(adapter, 'linkHeaderAdapter')
}
