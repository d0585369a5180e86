import { InvalidOptionError } from '../core/errors'

// What the proxy lets through: the allow-list of paths and methods, and the checks that keep a request path from
// leaving it. Every check works on the path as the URL parser left it (dot segments resolved, non-ASCII encoded), so
// what remains to refuse is what an upstream server might decode a second time.

/** The methods a route may allow. Anything else (TRACE, CONNECT, PROPFIND, made-up names) is always refused. */
export type ProxyMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A path the browser may reach through the proxy, and the methods it may use there. */
export interface ProxyRoute {
  /**
   * A path under `upstream`: the route covers it and everything below it. `'/lead/'` covers `/lead/` and
   * `/lead/lead_abc/`; `'/v2/deals'` covers `/v2/deals` and `/v2/deals/7`, not `/v2/dealsx`.
   */
  path: string
  /** The methods allowed on this path. @default ['GET'] */
  methods?: readonly ProxyMethod[]
}

/**
 * An entry of `allow`: a route, or its short form, a path with an optional method in front:
 * `'/lead/'` (GET only) or `'POST /data/search/'`.
 */
export type ProxyAllowEntry = string | ProxyRoute

/** A route, checked and ready to match. */
export interface ResolvedRoute {
  path: string
  methods: ReadonlySet<string>
}

const METHODS: readonly ProxyMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
/** RFC 3986 path characters: unreserved, sub-delims, `:`, `@`, `/`, and percent-escapes. */
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/
/**
 * Escapes an upstream could decode into a path separator, a dot segment, a second escape or a header break:
 * `%2e` (.), `%2f` (/), `%5c` (\), `%25` (%, so `%252e` is refused too), and control characters.
 */
const DANGEROUS_ESCAPE = /%(2e|2f|5c|25|[01][0-9a-f]|7f)/i

/** Why a request path was refused, for the 400 answer (never quoting the path, which the client chose). */
export type PathProblem =
  | 'characters outside a URL path'
  | 'an encoded dot, slash, backslash, percent sign or control character'
  | 'a malformed percent-escape'
  | 'an empty segment (//)'
  | 'a dot segment (. or ..)'

/** What is wrong with a request path under the mount point, if anything. */
export function pathProblem(path: string): PathProblem | undefined {
  if (!PATH_CHARS.test(path)) return 'characters outside a URL path'
  if (/%(?![0-9a-f]{2})/i.test(path)) return 'a malformed percent-escape'
  if (DANGEROUS_ESCAPE.test(path)) {
    return 'an encoded dot, slash, backslash, percent sign or control character'
  }
  // The first segment is the empty one before the leading slash.
  const segments = path.split('/').slice(1)
  // A trailing slash leaves one empty last segment, which Close's paths have (`/lead/`).
  if (segments.slice(0, -1).some((segment) => segment === '')) return 'an empty segment (//)'
  if (segments.some((segment) => segment === '.' || segment === '..')) return 'a dot segment (. or ..)'
  return undefined
}

/** Reads `'POST /data/search/'`, `'/lead/'` or a route object into a checked route. */
function resolveRoute(entry: ProxyAllowEntry, index: number): ResolvedRoute {
  const fail = (expected: string): InvalidOptionError =>
    new InvalidOptionError('createProxyHandler', `allow[${index}]`, expected, entry)
  let path: string
  let methods: readonly string[]
  if (typeof entry === 'string') {
    const short = /^(?:([A-Z]+) +)?(\/\S*)$/.exec(entry)
    if (!short) throw fail('a path such as "/lead/", or a method and a path such as "POST /data/search/"')
    path = short[2] ?? ''
    methods = [short[1] ?? 'GET']
  } else if (typeof entry === 'object' && entry !== null && typeof entry.path === 'string') {
    path = entry.path
    methods = entry.methods ?? ['GET']
  } else {
    throw fail('a path string or { path, methods }')
  }
  if (!path.startsWith('/') || pathProblem(path) !== undefined || path.includes('%')) {
    throw fail('a plain path starting with "/", without dot segments, "//" or escapes')
  }
  const unknown = methods.find((method) => !(METHODS as readonly string[]).includes(method))
  if (unknown !== undefined || methods.length === 0) throw fail(`methods among ${METHODS.join(', ')}`)
  return { path, methods: new Set(methods) }
}

/** Checks `allow` once, when the handler is made: a mistake there is a configuration error, not a 404 later. */
export function resolveRoutes(allow: readonly ProxyAllowEntry[]): ResolvedRoute[] {
  if (!Array.isArray(allow) || allow.length === 0) {
    throw new InvalidOptionError(
      'createProxyHandler',
      'allow',
      'a non-empty list of paths such as ["/lead/", "POST /data/search/"]',
      allow,
    )
  }
  return allow.map(resolveRoute)
}

/** Whether `route` covers `path`: the same path, or one below it (at a segment boundary). */
function covers(route: ResolvedRoute, path: string): boolean {
  if (path === route.path) return true
  return path.startsWith(route.path.endsWith('/') ? route.path : `${route.path}/`)
}

/** The routes covering `path`; empty when the path is not allowed at all. */
export function matchingRoutes(routes: readonly ResolvedRoute[], path: string): ResolvedRoute[] {
  return routes.filter((route) => covers(route, path))
}

/** Whether `method` is one a route could ever allow; other methods are refused before anything else is read. */
export function isKnownMethod(method: string): method is ProxyMethod {
  return (METHODS as readonly string[]).includes(method)
}
