import type { MockRequestRecord } from './mockTypes'

/** What a handler gets: the request with its URL, query and body already read. */
export interface MockCall {
  request: Request
  url: URL
  query: Record<string, string>
  body: unknown
  /** Path parameters of the route (`id` of `/lead/:id/`); a repeated one keeps its first value. */
  params?: Record<string, string>
}

/** The answers of a record's read, create, update and delete routes (`GET`, `POST`, `PUT`/`PATCH`, `DELETE`). */
export interface RecordWrites {
  read: (call: MockCall) => Response
  create: (call: MockCall) => Response
  update: (call: MockCall) => Response
  remove: (call: MockCall) => Response
}

async function readBody(request: Request): Promise<unknown> {
  if (request.body === null) return undefined
  const text = await request.clone().text()
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** Reads a request once, for both the handler and the request log. */
export async function readCall(
  request: Request,
  routeParams: Readonly<Record<string, string | readonly string[] | undefined>> = {},
): Promise<MockCall> {
  const url = new URL(request.url)
  const query: Record<string, string> = {}
  url.searchParams.forEach((value, key) => {
    query[key] = value
  })
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(routeParams)) {
    const first = typeof value === 'string' ? value : value?.[0]
    if (first !== undefined) params[name] = first
  }
  return { request, url, query, body: await readBody(request), params }
}

/** The log entry of a call; `status` is filled in once the answer is known. */
export function recordOf(call: MockCall, time: number): MockRequestRecord {
  return {
    method: call.request.method.toUpperCase(),
    path: call.url.pathname,
    query: { ...call.query },
    body: call.body,
    status: 0,
    time,
  }
}
