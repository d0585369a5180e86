import { connect } from 'node:net'

// Attacks on the key-keeping proxy, sent by a raw HTTP/1.1 client: Node's own client and fetch normalise request
// targets and refuse bad header values, so these requests would never leave them. Used by
// src/server/proxyAttacks.test.ts (Node's http) and scripts/example-next-app.ts (the same attacks on Next.js).

/** One attack: what it tries, the request text, and the status the proxy under Node's http answers. */
export interface ProxyAttack {
  name: string
  request: string
  status: number
}

/** The status line and headers of a raw HTTP answer, and its body. */
export interface RawAnswer {
  status: number
  head: string
  body: string
}

/**
 * Sends `request` (the whole request text: request line, headers, blank line, body) on a new connection, byte for
 * byte, and reads the answer until the server closes the connection (`Connection: close` is the caller's to send).
 */
export function rawRequest(origin: string, request: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request, 'latin1'))
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      const [head = '', ...rest] = text.split('\r\n\r\n')
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        head,
        body: rest.join('\r\n\r\n'),
      })
    })
  })
}

/** A request with `Connection: close`, so the raw client's answer ends with the connection. */
export const requestText = (method: string, target: string, headers: string[] = [], body = ''): string =>
  [`${method} ${target} HTTP/1.1`, 'Host: app.test', 'Connection: close', ...headers, '', body].join('\r\n')

/**
 * Each attack on a proxy mounted at `mount` that allows `GET /lead/` and `POST /data/search/` with a 1 KiB body cap,
 * the request sent, and the status `createProxyHandler` under `createNodeListener` answers.
 */
export function proxyAttacks(mount: string): ProxyAttack[] {
  const line = requestText
  return [
    { name: '.. (plain)', request: line('GET', `${mount}/lead/../../admin/`), status: 400 },
    {
      name: '.. resolving inside the allow-list',
      request: line('GET', `${mount}/lead/../lead/`),
      status: 400,
    },
    { name: '%2e%2e', request: line('GET', `${mount}/lead/%2e%2e/%2e%2e/admin/`), status: 400 },
    { name: '%2E%2e (mixed case)', request: line('GET', `${mount}/lead/%2E%2e/user/`), status: 400 },
    { name: '.%2e (half encoded)', request: line('GET', `${mount}/lead/.%2e/user/`), status: 400 },
    {
      name: '%252e%252e (double-encoded dots)',
      request: line('GET', `${mount}/lead/%252e%252e/user/`),
      status: 400,
    },
    { name: '..%2f (encoded slash)', request: line('GET', `${mount}/lead/..%2fuser/`), status: 400 },
    {
      name: '%2F (encoded slash, upper case)',
      request: line('GET', `${mount}/lead%2F..%2Fuser/`),
      status: 400,
    },
    { name: '%252f (double-encoded slash)', request: line('GET', `${mount}/lead/%252fuser/`), status: 400 },
    { name: '%5c (encoded backslash)', request: line('GET', `${mount}/lead/..%5c..%5cuser/`), status: 400 },
    { name: '\\ (backslash)', request: line('GET', `${mount}/lead\\..\\user/`), status: 400 },
    { name: '%00 (NUL)', request: line('GET', `${mount}/lead/%00/`), status: 400 },
    {
      name: '%0d%0a in the path (header injection)',
      request: line('GET', `${mount}/lead/%0d%0aSet-Cookie:%20x=1/`),
      status: 400,
    },
    {
      name: '// (empty segment: another host)',
      request: line('GET', `${mount}//evil.example/lead/`),
      status: 400,
    },
    {
      name: 'https:// inside the path',
      request: line('GET', `${mount}/https://evil.example/lead/`),
      status: 400,
    },
    {
      name: 'absolute-form request target',
      request: line('GET', `http://evil.example${mount}/lead/`),
      status: 400,
    },
    {
      name: 'protocol-relative request target',
      request: line('GET', `//evil.example${mount}/lead/`),
      status: 400,
    },
    { name: 'path outside the allow-list', request: line('GET', `${mount}/user/`), status: 404 },
    { name: 'prefix look-alike (/leads/)', request: line('GET', `${mount}/leads/`), status: 404 },
    { name: 'path outside the mount point', request: line('GET', '/api/other/lead/'), status: 404 },
    {
      name: 'bare CR in a header value',
      request: line('GET', `${mount}/lead/`, ['X-A: a\rSet-Cookie: x=1']),
      status: 400,
    },
    {
      name: 'bare LF in a header value',
      request: line('GET', `${mount}/lead/`, ['X-A: a\nInjected: 1']),
      status: 400,
    },
    { name: 'unknown method PROPFIND', request: line('PROPFIND', `${mount}/lead/`), status: 405 },
    { name: 'TRACE', request: line('TRACE', `${mount}/lead/`), status: 405 },
    { name: 'OPTIONS', request: line('OPTIONS', `${mount}/lead/`), status: 405 },
    { name: 'made-up method FOO', request: line('FOO', `${mount}/lead/`), status: 400 },
    { name: 'DELETE on a GET-only path', request: line('DELETE', `${mount}/lead/lead_1/`), status: 405 },
    {
      name: 'POST on a GET-only path',
      request: line('POST', `${mount}/lead/`, ['Content-Type: application/json', 'Content-Length: 2'], '{}'),
      status: 405,
    },
    {
      name: 'body over the cap, with Content-Length',
      request: line(
        'POST',
        `${mount}/data/search/`,
        ['Content-Type: application/json', 'Content-Length: 5000'],
        'x'.repeat(5000),
      ),
      status: 413,
    },
    {
      name: 'body over the cap, chunked (no Content-Length)',
      request: line(
        'POST',
        `${mount}/data/search/`,
        ['Content-Type: application/json', 'Transfer-Encoding: chunked'],
        `${'400\r\n' + 'x'.repeat(1024) + '\r\n'}${'400\r\n' + 'x'.repeat(1024) + '\r\n'}0\r\n\r\n`,
      ),
      status: 413,
    },
    {
      name: 'form body (text/plain, no preflight)',
      request: line(
        'POST',
        `${mount}/data/search/`,
        ['Content-Type: text/plain', 'Content-Length: 3'],
        'a=b',
      ),
      status: 415,
    },
  ]
}
