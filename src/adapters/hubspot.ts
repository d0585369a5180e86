import { InvalidOptionError } from '../core/errors'
import { checkField, readField } from '../core/readField'
import type { PaginationAdapter, SortDescriptor } from '../core/types'
import { buildCursorAdapter } from './cursorAdapter'
import type { CursorParam } from './cursorAdapter'
import { pageSizes } from './fieldSpec'
import type { ParamPlacement } from './fieldSpec'

/** A HubSpot CRM record (contact, company, deal, …) as the CRM v3 object endpoints return it. */
export interface HubspotCrmObject<TProperties = Record<string, string | null>> {
  /** The record id, a numeric string such as `'151'`. */
  id: string
  /** The properties asked for (by default a few, such as `firstname`, `lastname`, `email`), all as strings. */
  properties: TProperties
  /** ISO 8601 creation time. */
  createdAt: string
  /** ISO 8601 time of the last change. */
  updatedAt: string
  /** Whether the record is archived. */
  archived: boolean
}

/** A page of a HubSpot CRM v3 list (`GET /crm/v3/objects/{type}`) or search (`POST /crm/v3/objects/{type}/search`). */
export interface HubspotPage<TItem> {
  /** The records of this page. */
  results: TItem[]
  /** Absent on the last page; otherwise `next.after` is the cursor of the next page. */
  paging?: {
    /** The next page: send `after` back (`link` is the same request as a URL). */
    next?: { after: string; link?: string }
  }
  /** Number of matching records; search endpoints report it, list endpoints do not. */
  total?: number
}

/** Options of `hubspotAdapter`. */
export interface HubspotAdapterOptions {
  /** Identifier used in the query key and in error messages. @default 'hubspot' */
  id?: string
  /**
   * Where `after` and `limit` travel: `'query'` for the object lists (`GET /crm/v3/objects/contacts`), `'body'` for
   * the search endpoints (`POST /crm/v3/objects/contacts/search`, where they sit beside `filterGroups` and `sorts`).
   * @default 'query'
   */
  placement?: ParamPlacement
  /** Page size when the caller does not choose one. @default 10 (HubSpot's default) */
  defaultLimit?: number
  /** Largest `limit` the endpoint accepts. @default 100 for object lists, 200 for search */
  maxLimit?: number
}

/**
 * HubSpot CRM v3: `limit` and `after`, answered with `{ results, paging: { next: { after, link } } }`; no
 * `paging.next` is the end of the list. An `after` that arrives percent-encoded (`NTI1Cg%3D%3D`) is decoded once, so
 * that the query string carries it as `paging.next.link` does (`after=NTI1Cg%3D%3D`), not encoded twice. Search
 * endpoints also report `total`. With `placement: 'body'`, `after` and `limit` go in the JSON body of the search (max
 * 200 a page), `after` exactly as HubSpot gave it, and a list's `sort` as HubSpot's `sorts`; put your `filterGroups` and
 * `properties` in the fetcher's body (or the list's `filter`). The GET lists cannot sort: a `sort` is refused there. HubSpot search returns at most 10,000 results for one query: narrow it (by `createdate`, say) to go
 * further.
 *
 * @example
 * const hubspot = createFetcher({ baseUrl: 'https://api.hubapi.com', headers: { authorization: `Bearer ${token}` } })
 * const contacts = usePaginatedList({
 *   queryKey: ['hubspot', 'contacts'],
 *   adapter: hubspotAdapter<HubspotCrmObject>(),
 *   fetchPage: hubspot('/crm/v3/objects/contacts', { query: { properties: 'firstname,lastname,email' } }),
 *   pageSize: 100,
 * })
 * const search = hubspotAdapter<HubspotCrmObject>({ placement: 'body' })
 */
export function hubspotAdapter<TItem>(
  options: HubspotAdapterOptions = {},
): PaginationAdapter<HubspotPage<TItem>, TItem, CursorParam> {
  const { id = 'hubspot', placement = 'query' } = options
  if (process.env.NODE_ENV !== 'production' && placement !== 'query' && placement !== 'body') {
    throw new InvalidOptionError(`hubspotAdapter(${id})`, 'placement', '"query" or "body"', placement)
  }
  return buildCursorAdapter<HubspotPage<TItem>, TItem>(
    {
      id,
      items: 'results',
      // No `paging.next`: the last page. Present, it must carry a cursor: an empty one would end the list early.
      nextCursor: (page) => {
        if (readField(id, page, 'paging.next') == null) return null
        const field = 'paging.next.after'
        const after = readField(id, page, field) as string
        checkField(id, field, after, typeof after === 'string' && after, 'a non-empty string')
        // In a search's JSON body it goes back as HubSpot gave it; in the query string, as its `paging.next.link`
        // has it: HubSpot may give `after` percent-encoded (`NTI1Cg%3D%3D`, with the link `?after=NTI1Cg%3D%3D`,
        // read as `NTI1Cg==`), and the fetcher encodes the query once, so it is decoded once here. One whose `%` is
        // not a valid escape is sent as given.
        if (placement === 'body') return after
        try {
          return decodeURIComponent(after)
        } catch {
          return after
        }
      },
      total: 'total',
      cursorParam: 'after',
      placement,
      ...pageSizes(options, 10, placement === 'body' ? 200 : 100),
      // Searches sort (`sorts` in the body); the GET lists cannot.
      ...(placement === 'body' && {
        sort: ({ column, direction }: SortDescriptor) => ({
          sorts: [
            { propertyName: column, direction: direction === 'ascending' ? 'ASCENDING' : 'DESCENDING' },
          ],
        }),
      }),
    },
    'hubspotAdapter',
  )
}
