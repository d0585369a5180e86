import { InvalidOptionError } from '../core/errors'
import { isObject } from '../core/isObject'
import { checkField, expectArray, expectOptionalCount, readField } from '../core/readField'
import type { PaginationAdapter } from '../core/types'
import type { CursorParam } from './cursorAdapter'
import { checkedAdapter } from './defineAdapter'
import { pageSizes } from './fieldSpec'
import { buildOffsetAdapter } from './offsetAdapter'
import { throwIfErrors } from './responseErrors'
import { pageUrlRequest, resolvePageUrl } from './pageUrlRequest'
import type { SortParams } from './sortSpec'

/** A JSON:API link: a URL, or (JSON:API 1.1) a link object whose `href` is the URL. */
export type JsonApiLink = string | { href: string; [member: string]: unknown }

/** A JSON:API resource object, such as `{ type: 'articles', id: '1', attributes: { title: '…' } }`. */
export interface JsonApiResource<TAttributes = Record<string, unknown>> {
  /** The resource type, such as `'articles'`. */
  type: string
  /** The resource id: always a string in JSON:API. */
  id: string
  /** The resource's own fields. */
  attributes?: TAttributes
  /** Links to related resources. */
  relationships?: Record<string, unknown>
  /** Links of the resource itself (`self`). */
  links?: Record<string, JsonApiLink | null>
  /** Non-standard details. */
  meta?: Record<string, unknown>
}

/** A JSON:API document holding one page of a collection. */
export interface JsonApiDocument<TItem> {
  /** The records of this page. */
  data: TItem[]
  /** Pagination links; `next` absent or `null` on the last page. */
  links?: {
    /** This page. */
    self?: JsonApiLink | null
    /** The first page. */
    first?: JsonApiLink | null
    /** The page before; `null` on the first. */
    prev?: JsonApiLink | null
    /** The page after; `null` (or absent) on the last. */
    next?: JsonApiLink | null
    /** The last page, when the server knows it. */
    last?: JsonApiLink | null
  }
  /** Non-standard details, where many servers put the total (`meta.page.total`, `meta.total`). */
  meta?: Record<string, unknown>
  /** Related resources of a compound document (`?include=author`). */
  included?: JsonApiResource[]
  /** The JSON:API version the server implements. */
  jsonapi?: { version?: string }
}

/** Options of `jsonApiAdapter`. */
export interface JsonApiAdapterOptions {
  /**
   * Identifier used in the query key and in error messages.
   * @default 'jsonApi' (following links), 'jsonApi.pageNumber' (with `numberParam`)
   */
  id?: string
  /** Page size when the caller does not choose one. @default 20 (or maxLimit, when lower) */
  defaultLimit?: number
  /** Largest page size the server accepts. @default 100 */
  maxLimit?: number
  /** Where the records are. @default 'data' */
  items?: string
  /**
   * Where the total record count is. Without it, `meta.page.total` is read, else `meta.total`; either may be absent.
   * @example 'meta.record_count'
   */
  total?: string
  /** Name of the page-size parameter. @default 'page[size]' */
  sizeParam?: string
  /**
   * Page by number through this parameter instead of following `links.next`, for servers that use the page-number
   * strategy: pages can then be reached directly (`kind: 'offset'`, a pager can jump to the last page). `links.next`
   * still says whether a page follows. Page numbers start at 1.
   * @default undefined (follow `links.next`, whatever the server's strategy)
   * @example 'page[number]'
   */
  numberParam?: string
}

/**
 * JSON:API (jsonapi.org) collections: records in `data`, the next page at `links.next` (a URL; `null` or absent on
 * the last page). The first request sends `page[size]`; later ones load `links.next` as given, adding `page[size]`
 * when the link lacks it (and resolving a relative link against `links.self`), so it works whatever the server's
 * strategy (page numbers, offsets or cursors). The total comes from `meta.page.total` or `meta.total` when present.
 * A 2xx document with `errors` is refused, with the first error's `detail`.
 *
 * With `numberParam` (`'page[number]'`), pages are requested by number instead, so a pager can jump to any page.
 *
 * The page URL is loaded only on your fetcher's origin (`createFetcher` refuses any other), and it must carry your
 * filters: JSON:API servers copy them into their links. A list's `sort` is JSON:API's `sort=-created` (a leading `-`
 * is descending), sent on the first page and carried on by the links.
 *
 * @example
 * const articles = jsonApiAdapter<JsonApiResource<Article>>()
 * const pages = jsonApiAdapter<JsonApiResource<Article>>({ numberParam: 'page[number]' })
 */
export function jsonApiAdapter<TItem = JsonApiResource>(
  options: JsonApiAdapterOptions & { numberParam: string },
): PaginationAdapter<JsonApiDocument<TItem>, TItem, number>
export function jsonApiAdapter<TItem = JsonApiResource>(
  options?: JsonApiAdapterOptions & { numberParam?: undefined },
): PaginationAdapter<JsonApiDocument<TItem>, TItem, CursorParam>
export function jsonApiAdapter<TItem = JsonApiResource>(
  options: JsonApiAdapterOptions = {},
):
  | PaginationAdapter<JsonApiDocument<TItem>, TItem, number>
  | PaginationAdapter<JsonApiDocument<TItem>, TItem, CursorParam> {
  type Page = JsonApiDocument<TItem>
  const { numberParam, items = 'data', sizeParam = 'page[size]' } = options
  const id = options.id ?? (numberParam === undefined ? 'jsonApi' : 'jsonApi.pageNumber')
  if (process.env.NODE_ENV !== 'production') {
    for (const name of ['items', 'total', 'sizeParam', 'numberParam'] as const) {
      const value = options[name]
      if (value !== undefined && (typeof value !== 'string' || value === '')) {
        throw new InvalidOptionError(`jsonApiAdapter(${id})`, name, 'a non-empty string', value)
      }
    }
  }
  const sizes = pageSizes(options, 20, 100)
  const totalFields = options.total === undefined ? ['meta.page.total', 'meta.total'] : [options.total]

  const getItems = (page: Page): TItem[] => {
    throwIfErrors(id, page)
    return expectArray(id, items, readField(id, page, items)) as TItem[]
  }
  /** The first total of `totalFields` that is there; those after it are not read. */
  const getTotal = (page: Page): number | undefined =>
    totalFields.reduce<number | undefined>(
      (total, field) => total ?? expectOptionalCount(id, field, readField(id, page, field)),
      undefined,
    )
  /** The URL of `links.<name>` as the document gives it; `undefined` when the link is absent or `null`. */
  const href = (page: Page, name: string): string | undefined => {
    const field = `links.${name}`
    const value = readField(id, page, field)
    const url = isObject(value) ? value.href : value
    if (value == null || value === '') return undefined
    checkField(id, field, value, typeof url === 'string' && url, 'a URL, a link object { href } or null')
    return url as string
  }
  /**
   * The URL of `links.next` or `links.prev`. A relative one is resolved against `links.self`, the document's own URL,
   * when that is absolute; otherwise it is passed on as given (`createFetcher` resolves it against the endpoint).
   */
  const link = (page: Page, name: string): string | undefined => {
    const url = href(page, name)
    const self = url && href(page, 'self')
    const base = self && resolvePageUrl(self)
    return (base && resolvePageUrl(url!, base)) || url
  }

  if (numberParam !== undefined) {
    return buildOffsetAdapter<Page, TItem>(
      {
        id,
        items: getItems,
        total: getTotal,
        hasMore: (page) => link(page, 'next') !== undefined,
        offsetParam: numberParam,
        limitParam: sizeParam,
        unit: 'page',
        ...sizes,
        sort: jsonApiSort,
      },
      'jsonApiAdapter',
    )
  }

  return checkedAdapter<Page, TItem, CursorParam>(
    {
      id,
      kind: 'cursor',
      initialPageParam: null,
      ...sizes,
      toRequest: (url, limit) => pageUrlRequest(url, sizeParam, limit),
      getItems,
      getNextPageParam: (page) => {
        getItems(page)
        return link(page, 'next')
      },
      getPreviousPageParam: (page) => link(page, 'prev'),
      getTotal,
      sortParams: jsonApiSort,
    },
    'jsonApiAdapter',
  )
}

/** JSON:API's sort: `sort=created`, `sort=-created` for descending. */
const jsonApiSort: SortParams = ({ column, direction }) => ({
  sort: direction === 'descending' ? `-${column}` : column,
})
