import type { ProxyHandler } from './createProxyHandler'

// Node 20's `http` has no fetch-standard server API: this adapter turns its request into a `Request` and writes the
// `Response` back, streaming both bodies. The types below are the parts of `IncomingMessage` and `ServerResponse` it
// uses, so the package needs no `@types/node` and the adapter works with `http`, `https` and `http2`'s compat API.

/** The parts of Node's `http.IncomingMessage` the adapter reads. */
export interface NodeRequestLike {
  method?: string | undefined
  url?: string | undefined
  headers: Record<string, string | string[] | undefined>
  /** Whether the whole body has arrived. */
  complete: boolean
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown
  on(event: 'end', listener: () => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  pause(): unknown
  resume(): unknown
}

/** The parts of Node's `http.ServerResponse` the adapter writes. */
export interface NodeResponseLike {
  writeHead(status: number, statusMessage: string, headers: Record<string, string | string[]>): unknown
  write(chunk: Uint8Array): boolean
  end(): unknown
  destroy(): unknown
  once(event: 'drain' | 'close', listener: () => void): unknown
  removeListener(event: 'drain' | 'close', listener: () => void): unknown
  /** Whether the response was sent in full (`false` when the client went away first). */
  readonly writableFinished: boolean
  readonly destroyed: boolean
}

/** Options of `createNodeListener`. */
export interface NodeListenerOptions {
  /**
   * The origin of the `Request` URLs the handler sees. The `Host` header is the client's to choose, so it is not
   * used; the proxy forwards by path and never reads the origin.
   * @default 'http://localhost'
   */
  origin?: string
}

/** A dot segment, plain or percent-encoded in any case (`..`, `.%2E`, `%2e`), or a backslash. */
const RAW_PATH_TRICK = /(^|\/)(\.|%2e){1,2}(\/|$)|\\/i

/** Methods the fetch standard will not put in a `Request`; a route could never allow them either. */
const FORBIDDEN_METHODS = /^(CONNECT|TRACE|TRACK)$/i

/** A JSON error written straight to Node's response, for requests the adapter cannot turn into a `Request`. */
function refuse(response: NodeResponseLike, status: number, error: string): void {
  response.writeHead(status, '', { 'content-type': 'application/json', 'cache-control': 'no-store' })
  response.write(new TextEncoder().encode(JSON.stringify({ error })))
  response.end()
}

/**
 * The request body as a web stream. It reads Node's stream with backpressure (paused while the handler is not
 * reading); once the handler stops reading (a body over the cap), the rest is discarded rather than the connection
 * cut, so the client still receives the 413.
 */
function bodyStream(request: NodeRequestLike): ReadableStream<Uint8Array> {
  let open = true
  return new ReadableStream<Uint8Array>({
    start(controller) {
      request.on('data', (chunk) => {
        if (!open) return
        controller.enqueue(
          typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk),
        )
        if ((controller.desiredSize ?? 0) <= 0) request.pause()
      })
      request.on('end', () => {
        if (open) controller.close()
        open = false
      })
      request.on('error', (error) => {
        if (open) controller.error(error)
        open = false
      })
      request.pause()
    },
    pull() {
      request.resume()
    },
    cancel() {
      open = false
      request.resume()
    },
  })
}

/** Writes the web `Response` to Node's response, streaming its body with backpressure. */
async function send(response: Response, to: NodeResponseLike, requestComplete: () => boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  // A body left unread (refused as too large) would stall the next request on this connection.
  if (!requestComplete()) headers.connection = 'close'
  to.writeHead(response.status, response.statusText, headers)
  if (response.body === null) {
    to.end()
    return
  }
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (to.destroyed) break
      if (!to.write(value)) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            to.removeListener('drain', done)
            to.removeListener('close', done)
            resolve()
          }
          to.once('drain', done)
          to.once('close', done)
        })
      }
    }
    if (to.destroyed) await reader.cancel()
    else to.end()
  } catch {
    // The upstream's body broke off (or the client left): cut the connection, so the client sees an incomplete
    // response rather than a short one that looks whole.
    to.destroy()
  }
}

/**
 * Serves a fetch-standard handler (`createProxyHandler`'s) from Node's `http` module: each request becomes a
 * `Request` (its body streamed, its `signal` aborted when the client disconnects) and the `Response` is streamed
 * back. Only origin-form request targets (`/api/close/lead/`) are accepted: absolute (`http://other.host/…`) and
 * protocol-relative (`//other.host/…`) ones answer 400.
 *
 * @example
 * import { createServer } from 'node:http'
 * const proxy = createProxyHandler({ upstream: 'https://api.close.com/api/v1', basePath: '/api/close', allow: ['/lead/'] })
 * createServer(createNodeListener(proxy)).listen(3001)
 */
export function createNodeListener(
  handler: ProxyHandler,
  options: NodeListenerOptions = {},
): (request: NodeRequestLike, response: NodeResponseLike) => void {
  const origin = new URL(options.origin ?? 'http://localhost').origin
  return (incoming, outgoing) => {
    const target = incoming.url ?? '/'
    const method = (incoming.method ?? 'GET').toUpperCase()
    if (!target.startsWith('/') || target.startsWith('//')) {
      refuse(outgoing, 400, 'The request target must be a path (no scheme, no host).')
      return
    }
    // The URL parser below would resolve these silently (`/a/%2e%2e/b` is `/b`): refused as sent, like the proxy's
    // own checks refuse what survives parsing.
    if (RAW_PATH_TRICK.test(target.split('?', 1)[0] ?? '')) {
      refuse(outgoing, 400, 'The request path has a dot segment or a backslash.')
      return
    }
    if (FORBIDDEN_METHODS.test(method)) {
      refuse(outgoing, 405, `The method ${method} is not allowed.`)
      return
    }
    const abort = new AbortController()
    outgoing.once('close', () => {
      if (!outgoing.writableFinished) abort.abort()
    })
    let request: Request
    try {
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        // HTTP/2 pseudo-headers (`:path`) are not headers of the request.
        if (value === undefined || name.startsWith(':')) continue
        for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
      }
      const hasBody = method !== 'GET' && method !== 'HEAD'
      request = new Request(new URL(target, origin), {
        method,
        headers,
        signal: abort.signal,
        ...(hasBody && { body: bodyStream(incoming), duplex: 'half' }),
      } as RequestInit)
    } catch {
      refuse(outgoing, 400, 'The request could not be read.')
      return
    }
    handler(request)
      .then((response) => send(response, outgoing, () => incoming.complete))
      .catch(() => {
        // Only reached when writing the head failed (the handler itself never throws): nothing sensible to send.
        outgoing.destroy()
      })
  }
}
