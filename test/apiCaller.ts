/** A mock API's answer as a test reads it: status, headers and the parsed JSON body. */
export interface Answer<T> {
  status: number
  headers: Headers
  body: T
}

/**
 * `call(method, path, body?, base?)` against `defaultBase`: a JSON body when given, the JSON answer back. For tests
 * that talk to the mock APIs over `fetch` as a client would.
 */
export function apiCaller(defaultBase: string) {
  return async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    base = defaultBase,
  ): Promise<Answer<T>> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, headers: response.headers, body: (await response.json()) as T }
  }
}
