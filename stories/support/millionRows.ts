import { delay, http } from 'msw'
import type { HttpHandler } from 'msw'
import { offsetAdapter } from '../../src'
import type { PaginationAdapter } from '../../src'

// A list of a million leads that exists nowhere: every record is computed from its index when a page asks for it, so
// an API answering any page of it costs a page's worth of work and memory, never the list's. The heap benchmark
// (bench/browser/heap.ts) scrolls through it in the browser; stories can list it through `millionRowsHandlers`.

/** One record of the million-row list. */
export interface MillionLead {
  /** `lead_0000000` … `lead_0999999`: the index, zero-padded to 7 digits. */
  id: string
  /** `Lead 1` … `Lead 1,000,000`: the index plus one, with thousands separators. */
  display_name: string
  status_label: string
  /** An ISO date-time, a minute older for each index: the list is newest first. */
  date_created: string
}

/** A page of the list: `GET <base>/lead/?offset=N&limit=M`. */
export interface MillionRowsPage {
  data: MillionLead[]
  total: number
  has_more: boolean
}

/** Where the list is served: the records are at `${MILLION_ROWS_BASE}/lead/`. */
export const MILLION_ROWS_BASE = 'https://million.example/api/v1'
/** How many records the list holds unless told otherwise. */
export const MILLION_ROWS_TOTAL = 1_000_000
/** The page size when a request names none, and the most records one page holds. */
export const MILLION_ROWS_DEFAULT_LIMIT = 100
export const MILLION_ROWS_MAX_LIMIT = 200

const STATUSES = ['Potential', 'Qualified', 'Customer', 'Bad Fit', 'Interested'] as const
/** The date of record 0 (the newest); each next record is a minute older. */
const NEWEST = Date.UTC(2025, 0, 1, 12, 0, 0)

/** The record at `index` (0-based), computed from the index alone. */
export function millionLeadAt(index: number): MillionLead {
  return {
    id: `lead_${String(index).padStart(7, '0')}`,
    display_name: `Lead ${(index + 1).toLocaleString('en-US')}`,
    // Not index % 5, so that neighbouring pages do not repeat the same five.
    status_label: STATUSES[(index * 7 + Math.floor(index / 13)) % STATUSES.length]!,
    date_created: new Date(NEWEST - index * 60_000).toISOString(),
  }
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

/** A query parameter as a non-negative integer: `fallback` when absent, `undefined` when it is not digits. */
function integerParam(params: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = params.get(name)
  if (raw === null) return fallback
  return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined
}

/**
 * The API's answer to `url`: for `GET <base>/lead/?offset=N&limit=M`, the records `N` to `N + M - 1` (fewer at the
 * end; none past it) as `{ data, total, has_more }`. `offset` defaults to 0, `limit` to 100 and is capped at 200.
 * A parameter that is not a non-negative integer (or a limit of 0) is a 400 with a JSON `{ error }`; another path, a
 * 404. `total` (default 1,000,000) sets the list's length.
 */
export function answerMillionRows(url: URL, options: { total?: number } = {}): Response {
  const total = options.total ?? MILLION_ROWS_TOTAL
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`answerMillionRows: total must be a non-negative integer, not ${total}`)
  }
  if (!url.pathname.endsWith('/lead/')) return json({ error: `No such resource: ${url.pathname}` }, 404)
  const offset = integerParam(url.searchParams, 'offset', 0)
  if (offset === undefined) return json({ error: 'offset must be a non-negative integer' }, 400)
  const limit = integerParam(url.searchParams, 'limit', MILLION_ROWS_DEFAULT_LIMIT)
  if (limit === undefined || limit === 0) return json({ error: 'limit must be a positive integer' }, 400)
  const end = Math.min(total, offset + Math.min(limit, MILLION_ROWS_MAX_LIMIT))
  const data: MillionLead[] = []
  for (let index = offset; index < end; index += 1) data.push(millionLeadAt(index))
  return json({ data, total, has_more: end < total } satisfies MillionRowsPage)
}

/**
 * MSW handlers serving the list at `${MILLION_ROWS_BASE}/lead/` (for a story's `parameters.msw`), after
 * `latencyMs` (default 0) per request.
 */
export function millionRowsHandlers(options: { total?: number; latencyMs?: number } = {}): HttpHandler[] {
  const { total, latencyMs = 0 } = options
  return [
    http.get(`${MILLION_ROWS_BASE}/lead/`, async ({ request }) => {
      if (latencyMs > 0) await delay(latencyMs)
      return answerMillionRows(new URL(request.url), { total })
    }),
  ]
}

/**
 * The pagewise adapter of the list: `offset` / `limit`, the records in `data`, `total`, and `has_more`; pages of 100
 * unless asked otherwise, at most 200.
 */
export function millionRowsAdapter(): PaginationAdapter<MillionRowsPage, MillionLead, number> {
  return offsetAdapter<MillionRowsPage, MillionLead>({
    id: 'million.offset',
    offsetParam: 'offset',
    limitParam: 'limit',
    items: 'data',
    total: 'total',
    hasMore: 'has_more',
    defaultLimit: MILLION_ROWS_DEFAULT_LIMIT,
    maxLimit: MILLION_ROWS_MAX_LIMIT,
  })
}
