import type { ParamPlacement } from '../adapters/fieldSpec'
import { commonMalformedPages } from './commonMalformedPages'
import { readIntegerParam, readRequestParam } from './readRequestParam'
import type { MalformedPage, SimulatedPage, SimulatedServer } from './simulatedServer'

/** Describes a simulated cursor-paginated API for `cursorServer`. */
export interface CursorServerSpec<TResponse> {
  /** Name shown in reports and errors, such as `'Acme events'`. */
  name: string
  /** Name of the cursor parameter; absent or `null` asks for the first page. @default 'cursor' */
  cursorParam?: string
  /** Name of the page-size parameter. @default 'limit' */
  limitParam?: string
  /** Whether the params arrive in the query string or a JSON body. @default 'query' */
  placement?: ParamPlacement
  /** Puts a page into the API's response shape; `page.nextCursor` is the cursor to send back. */
  respond(page: SimulatedPage): TResponse
  /** Whether the API reports the total: on every answer (`true`) or on half of the runs (`'sometimes'`). @default false */
  reportsTotal?: boolean | 'sometimes'
  /** Whether the server may serve short pages mid-list (a server-side cap). @default true */
  shortPages?: boolean
  /** Whether answers tell the client that the list has ended; `false` when only an empty page does. @default true */
  announcesEnd?: boolean
  /** Malformed answers to inject. @default commonMalformedPages (an HTML page, an empty object) */
  malformed?: readonly MalformedPage<NoInfer<TResponse>>[]
}

/**
 * A simulated cursor API: reads the cursor and the page size from each request and answers with `respond`. Its
 * cursors are keyset cursors ("after record X"), so records inserted at the head never shift a page.
 *
 * @example
 * const eventsServer = cursorServer({
 *   name: 'Acme events',
 *   cursorParam: 'page_token',
 *   limitParam: 'page_size',
 *   respond: (page) => ({ events: page.records, next_page_token: page.nextCursor }),
 * })
 */
export function cursorServer<TResponse>(spec: CursorServerSpec<TResponse>): SimulatedServer<TResponse> {
  const { name, placement = 'query' } = spec
  const cursorParam = spec.cursorParam ?? 'cursor'
  const limitParam = spec.limitParam ?? 'limit'
  const server: SimulatedServer<TResponse> = {
    name,
    readRequest: (request) => {
      const limit = readIntegerParam(request, placement, limitParam, 1)
      const cursor = readRequestParam(request, placement, cursorParam)
      if (cursor === undefined || cursor === null) return { cursor: null, limit }
      if (typeof cursor !== 'string')
        throw new Error(`"${cursorParam}" is ${JSON.stringify(cursor)}, not a string`)
      return { cursor, limit }
    },
    respond: (page) => spec.respond(page),
    malformed: spec.malformed ?? commonMalformedPages,
  }
  if (spec.reportsTotal) server.reportsTotal = spec.reportsTotal
  if (spec.announcesEnd === false) server.announcesEnd = false
  if (spec.shortPages === false) server.shortPages = false
  return server
}
