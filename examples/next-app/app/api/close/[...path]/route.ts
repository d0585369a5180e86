import { createProxyHandler } from 'pagewise/server'
import { closeApiUrl, closeAuthorization } from '../../../../lib/close'

// The browser's way to Close: /api/close/lead/?_skip=50 goes to <CLOSE_API_URL>/lead/?_skip=50 with the key added
// here. Only the lead list is open; anything else answers 404, and the browser never sees the key.
const proxy = createProxyHandler({
  upstream: closeApiUrl(),
  basePath: '/api/close',
  allow: ['/lead/'],
  headers: closeAuthorization,
})

export const GET = proxy
