import type { AdapterRequest } from '../core/types'

/**
 * The request for adapters whose page param is a page URL the API handed out (`Link: rel="next"`, JSON:API
 * `links.next`), `null` for the first page: the first page is the endpoint with the page size; a later one is the URL
 * itself, with the page size added only when the URL does not name one (a link that names its size keeps it).
 */
export function pageUrlRequest(url: string | null, limitParam: string, limit: number): AdapterRequest {
  const query = { [limitParam]: String(limit) }
  if (url === null) return { query }
  // URLSearchParams decodes names, so `page%5Bsize%5D` counts as `page[size]`; relative URLs work too.
  const search = /\?([^#]*)/.exec(url)?.[1]
  return { query: new URLSearchParams(search).has(limitParam) ? {} : query, url }
}

/**
 * `url` resolved against `base` (RFC 3986), or on its own without one: the absolute URL, or `null` when that gives
 * none (a relative `url` without `base`, or a string that is not a URL).
 */
export function resolvePageUrl(url: string, base?: string): string | null {
  try {
    return new URL(url, base).href
  } catch {
    return null
  }
}
