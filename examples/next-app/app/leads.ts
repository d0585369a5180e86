// The leads list, as both sides name it: the server component prefetches it, the client component renders it. The
// same query key and page size on both sides make the server's first page the client's first page.

/** The lead fields the table shows: `_fields` keeps Close's answers small. */
export const LEAD_FIELDS = 'id,display_name,status_label'

/** Records per page. */
export const LEADS_PAGE_SIZE = 50

/** The list's query key (pagewise appends the adapter and page size). */
export const LEADS_QUERY_KEY = ['close', 'leads', LEAD_FIELDS] as const

/** A lead as the table reads it. */
export interface Lead {
  id: string
  display_name: string
  status_label: string
}
