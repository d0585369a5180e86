import { commonMalformedPages } from './commonMalformedPages'
import { readIntegerParam, readRequestParam } from './readRequestParam'
import type { ServerSpec, SimulatedServer } from './simulatedServer'

/** Describes a simulated cursor-paginated API for `cursorServer`. */
export interface CursorServerSpec<TResponse> extends ServerSpec<TResponse> {
  /** Name of the cursor parameter; absent or `null` asks for the first page. @default 'cursor' */
  cursorParam?: string
  /** Name of the page-size parameter. @default 'limit' */
  limitParam?: string
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
