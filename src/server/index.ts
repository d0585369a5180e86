// pagewise/server: the key-keeping proxy between the browser and a provider's API. No React, no framework: a
// fetch-standard handler, plus an adapter for Node's `http`.

export { createProxyHandler } from './createProxyHandler'
export { createNodeListener } from './nodeListener'

export type { ProxyCredentials, ProxyHandler, ProxyHandlerOptions, ProxyLogEntry } from './createProxyHandler'
export type { NodeListenerOptions, NodeRequestLike, NodeResponseLike } from './nodeListener'
export type { ProxyAllowEntry, ProxyMethod, ProxyRoute } from './proxyRoutes'
export type { ProxyBudget } from './requestBudget'

// What a server component needs to prefetch a list: the main entry is marked 'use client', and a server component
// cannot call a function from a client module. These are the same functions, with no React in them.
export { paginatedListOptions } from '../hooks/paginatedListOptions'
export { createFetcher } from '../http/createFetcher'
export { closeOffset, closeEventsCursor, closeSearchCursor } from '../adapters/close'
export { closeKeysetOffset } from '../adapters/closeKeyset'
export { pipedriveOffset, pipedriveCursor } from '../adapters/pipedrive'
export { offsetAdapter } from '../adapters/offsetAdapter'
export { cursorAdapter } from '../adapters/cursorAdapter'
