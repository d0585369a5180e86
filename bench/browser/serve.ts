import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/**
 * Cross-origin isolation: with it, `performance.now()` and requestAnimationFrame timestamps have microsecond rather
 * than 100 µs resolution, so frame times are not rounded to 16.6 / 16.7 / 16.8 ms.
 */
const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
}

/** Path of an empty page (200, cross-origin isolated): where a tab goes first, to be throttled before the bench page. */
export const BLANK_PAGE = '/blank.html'

/** A minimal static file server for the built bench pages, on a free port of 127.0.0.1. */
export async function serveDirectory(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost')
    if (pathname === BLANK_PAGE) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...ISOLATION })
      response.end('<!doctype html><title>Blank</title><link rel="icon" href="data:," />')
      return
    }
    const file = path.join(root, path.normalize(decodeURIComponent(pathname)))
    if (!file.startsWith(root + path.sep)) {
      response.writeHead(403, ISOLATION).end()
      return
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          ...ISOLATION,
        })
        response.end(body)
      },
      () => {
        response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', ...ISOLATION })
        response.end('<!doctype html><title>Not found</title>')
      },
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}
