import type { MalformedPage } from './simulatedServer'

/** What a proxy or a load balancer answers in place of the API during an outage. */
const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head>' +
  '<body><h1>Down for maintenance</h1></body></html>'

/**
 * Malformed answers any JSON API can give, whatever its shape: an HTML page where JSON was expected (a fetcher
 * that returns the body as text) and an empty object. `offsetServer` and `cursorServer` use them by default.
 *
 * @example
 * offsetServer({
 *   name: 'Helpdesk tickets',
 *   respond: (page) => ({ results: page.records }),
 *   malformed: [...commonMalformedPages, { name: '"results" is null', corrupt: (answer) => ({ ...answer, results: null }) }],
 * })
 */
export const commonMalformedPages: readonly MalformedPage<unknown>[] = [
  { name: 'an HTML maintenance page instead of JSON', corrupt: () => MAINTENANCE_PAGE },
  { name: 'an empty JSON object', corrupt: () => ({}) },
]
