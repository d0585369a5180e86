import { CursorLoopError, InvalidOptionError } from '../core/errors'
import { isObject } from '../core/isObject'
import { checkField, expectArray, expectOptionalCount, readField } from '../core/readField'
import type { FullResponse, PaginationAdapter } from '../core/types'
import type { CursorParam } from './cursorAdapter'
import { checkedAdapter } from './defineAdapter'
import { withSort } from './sortSpec'
import type { SortSpec } from './sortSpec'
import { pageSizes } from './fieldSpec'
import { pageUrlRequest, resolvePageUrl } from './pageUrlRequest'

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
  /**
   * How the API writes a sort (sent on the first page; the API's next links carry it on). `false` for an API that
   * cannot sort. @default GitHub's `{ param: 'sort', directionParam: 'direction' }` (`?sort=created&direction=desc`)
   */
  sort?: SortSpec | false
}

/**
 * The next token of an RFC 8288 Link header: a link's `<URI-Reference>` (first, or after a comma), one of its
 * `; name`, `; name=token` or `; name="quoted string"` params, or the end (the last group, matched empty). Commas
 * inside `<…>` and quotes separate nothing. Sticky, one token at a time: linear in the header's length.
 */
const LINK_TOKEN =
  /(?:^[\s,]*|\s*,[\s,]*)<([^>]*)>|\s*;\s*([\w!#$%&'*+.^`|~-]+)(?:\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;,"]+)))?|[\s,]*$()/y
const FULL = '{ body, headers, status } from fetchPage, as createFetcher does'

/**
 * The target of the first link whose relation types (`rel`: space-separated, case-insensitive, only a link's first
 * `rel` counts) include one of `rels`: `undefined` when no link does, `false` when `header` is not a Link header (or
 * that link has no URL).
 */
function findLink(header: string, rels: readonly string[]): string | undefined | false {
  // The current link's target; `null` once its first `rel` is read (only that one counts).
  let target: string | null | undefined
  let found: string | undefined
  LINK_TOKEN.lastIndex = 0
  for (;;) {
    const [, link, name, quoted, token, end] = LINK_TOKEN.exec(header) ?? []
    if (end !== undefined) return found
    if (link !== undefined) target = link.trim()
    else if (name === undefined || target === undefined) return false
    else if (target !== null && name.toLowerCase() === 'rel') {
      const types = (quoted?.replace(/\\(.)/g, '$1') ?? token ?? '').toLowerCase().split(/\s+/)
      if (found === undefined && rels.some((wanted) => types.includes(wanted))) {
        if (!target) return false
        found = target
      }
      target = null
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

  /** The value of header `name` (case-insensitive): `undefined` when absent or empty. A body alone is malformed. */
  const header = (response: FullResponse<TBody>, name: string): string | undefined => {
    checkField(id, '$', response, isObject(response), `a full response (${FULL})`)
    const { headers } = response as { headers?: Partial<Headers> }
    checkField(id, 'headers', headers, typeof headers?.get === 'function', `a Headers object (${FULL})`)
    return headers!.get!(name.toLowerCase()) || undefined
  }
  /**
   * The target of the first link with one of `rels`, or `undefined`. A relative target is resolved against the URL
   * the page came from (RFC 8288), when `fetchPage` reports it as `createFetcher` does.
   */
  const link = (response: FullResponse<TBody>, rels: readonly string[]): string | undefined => {
    const value = header(response, 'link')
    const target = value && findLink(value, rels)
    const base = response.url
    // An unresolvable target (`http://[`) is as malformed as a missing one.
    const resolved = target === false ? null : target && base ? resolvePageUrl(target, base) : target
    checkField(
      id,
      'headers.link',
      value,
      resolved !== null,
      'an RFC 8288 Link header: <https://…>; rel="next"',
    )
    return resolved as string | undefined
  }
  const getItems = (response: FullResponse<TBody>): TItem[] => {
    header(response, 'link')
    if (typeof items === 'function') return expectArray(id, 'items(body)', items(response.body)) as TItem[]
    const field = items === undefined ? 'body' : `body.${items}`
    return expectArray(id, field, readField(id, response, field)) as TItem[]
  }

  const adapter: PaginationAdapter<FullResponse<TBody>, TItem, CursorParam> = {
    id,
    kind: 'cursor',
    response: 'full',
    initialPageParam: null,
    ...pageSizes(options, 30, 100),
    toRequest: (url, limit) => pageUrlRequest(url, limitParam, limit),
    getItems,
    getNextPageParam: (lastPage) => {
      getItems(lastPage)
      const next = link(lastPage, ['next'])
      // A next link to the page itself would load it again and again: caught here, before that request.
      if (next && next === lastPage.url) {
        throw new CursorLoopError(id, 'repeated-param', next, 'rel="next" points at the page itself')
      }
      return next
    },
    getPreviousPageParam: (firstPage) => link(firstPage, ['prev', 'previous']),
    getTotal: totalHeader
      ? (response) => {
          const value = header(response, totalHeader)
          return value ? expectOptionalCount(id, `headers.${totalHeader}`, value.trim()) : undefined
        }
      : undefined,
  }
  return checkedAdapter(
    {
      ...adapter,
      ...withSort(
        options.sort === false ? undefined : (options.sort ?? { param: 'sort', directionParam: 'direction' }),
        'linkHeaderAdapter',
      ),
    },
    'linkHeaderAdapter',
  )
}
