import { HttpResponse } from 'msw'
import { htmlInsteadOfJson } from './gatewayPages'

/*
 * What the `malformedOnRequest` fault answers, per endpoint (always HTTP 200):
 *
 * | endpoint                          | malformed body                                                     |
 * |-----------------------------------|--------------------------------------------------------------------|
 * | Close GET /lead/ /contact/ /opportunity/ | the normal body with `has_more: "yes"` (a string)           |
 * | Close GET /event/                 | `{ cursor_next, cursor_previous }` without `data`                  |
 * | Close POST /data/search/          | an HTML maintenance page, `content-type: text/html`                |
 * | Pipedrive GET /api/v2/deals, /persons | the normal body with `additional_data.next_cursor` as a number |
 * | Pipedrive GET /api/v1/notes       | `{ success: true, additional_data }` without `data`                |
 * | Pipedrive GET /api/v1/leads       | an HTML maintenance page, `content-type: text/html`                |
 * | Close /lead/{id}/, POST /lead/    | an HTML maintenance page (a write is applied first, as when a proxy   |
 * | Pipedrive /api/v2/deals/{id}, POST | mangles the answer of a server that did the write)                  |
 */

const asRecord = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {}

/** Close offset lists: `has_more` as the string `"yes"`. */
export function closeListMalformed(body: unknown): Response {
  return HttpResponse.json({ data: [], ...asRecord(body), has_more: 'yes' })
}

/** Close events: the cursors without `data`. */
export function closeEventsMalformed(body: unknown): Response {
  const { cursor_next = null, cursor_previous = null } = asRecord(body)
  return HttpResponse.json({ cursor_next, cursor_previous })
}

/** Close search: an HTML page instead of JSON. */
export function closeSearchMalformed(): Response {
  return htmlInsteadOfJson('Close')
}

/** Pipedrive v2 cursor lists: `next_cursor` as a number (an offset, as a confused proxy might send). */
export function pipedriveCursorMalformed(body: unknown): Response {
  const normal = asRecord(body)
  const data = Array.isArray(normal.data) ? normal.data : []
  return HttpResponse.json({ success: true, data, additional_data: { next_cursor: data.length } })
}

/** Pipedrive v2 search: the matches as they were, `next_cursor` as a number. */
export function pipedriveSearchMalformed(body: unknown): Response {
  const { data = null } = asRecord(body)
  return HttpResponse.json({ success: true, data, additional_data: { next_cursor: 1 } })
}

/** Pipedrive v1 notes: the pagination without `data`. */
export function pipedriveNotesMalformed(body: unknown): Response {
  const { additional_data = null } = asRecord(body)
  return HttpResponse.json({ success: true, additional_data })
}

/** Pipedrive v1 leads: an HTML page instead of JSON. */
export function pipedriveLeadsMalformed(): Response {
  return htmlInsteadOfJson('Pipedrive')
}

/** Close lead writes and `GET /lead/{id}/`: an HTML page instead of JSON (the write itself was applied). */
export function closeWriteMalformed(): Response {
  return htmlInsteadOfJson('Close')
}

/** Pipedrive deal writes and `GET /api/v2/deals/{id}`: an HTML page instead of JSON (the write itself was applied). */
export function pipedriveWriteMalformed(): Response {
  return htmlInsteadOfJson('Pipedrive')
}
