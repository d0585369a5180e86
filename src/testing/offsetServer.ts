import { commonMalformedPages } from './commonMalformedPages'
import { readIntegerParam } from './readRequestParam'
import type { ServerSpec, SimulatedServer } from './simulatedServer'

/** Describes a simulated offset- or page-number-paginated API for `offsetServer`. */
export interface OffsetServerSpec<TResponse> extends ServerSpec<TResponse> {
  /** Name of the offset (or page number) parameter. @default 'offset' */
  offsetParam?: string
  /** Name of the page-size parameter. @default 'limit' */
  limitParam?: string
  /** `'item'`: the param counts records. `'page'`: it counts pages, starting at `firstPage`. @default 'item' */
  unit?: 'item' | 'page'
  /** With `unit: 'page'`, the number of the first page. @default 1 */
  firstPage?: number
  /** Whether the server may serve short pages mid-list (a server-side cap). @default true, false with `unit: 'page'` */
  shortPages?: boolean
}

/**
 * A simulated offset API: reads the offset and the page size from each request and answers with `respond`.
 *
 * @example
 * const ticketsServer = offsetServer({
 *   name: 'Helpdesk tickets',
 *   offsetParam: 'page',
 *   limitParam: 'per_page',
 *   unit: 'page',
 *   respond: (page) => ({ results: page.records, count: page.total ?? null }),
 * })
 */
export function offsetServer<TResponse>(spec: OffsetServerSpec<TResponse>): SimulatedServer<TResponse> {
  const { name, placement = 'query', unit = 'item' } = spec
  const offsetParam = spec.offsetParam ?? 'offset'
  const limitParam = spec.limitParam ?? 'limit'
  const firstPage = unit === 'page' ? (spec.firstPage ?? 1) : 0
  const server: SimulatedServer<TResponse> = {
    name,
    readRequest: (request) => {
      const limit = readIntegerParam(request, placement, limitParam, 1)
      const param = readIntegerParam(request, placement, offsetParam, firstPage)
      return { offset: unit === 'page' ? (param - firstPage) * limit : param, limit }
    },
    respond: (page) => spec.respond(page),
    malformed: spec.malformed ?? commonMalformedPages,
  }
  if (spec.reportsTotal) server.reportsTotal = spec.reportsTotal
  if (spec.announcesEnd === false) server.announcesEnd = false
  if (!(spec.shortPages ?? unit === 'item')) server.shortPages = false
  return server
}
