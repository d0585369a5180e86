/** `HttpError`'s shape, read without importing the HTTP layer into the components. */
interface ExplainedHttpError {
  status: number
  detail: string
}

function isExplainedHttpError(error: Error): error is Error & ExplainedHttpError {
  const candidate = error as Partial<ExplainedHttpError>
  return typeof candidate.status === 'number' && typeof candidate.detail === 'string'
}

/**
 * An error as a component shows it to users: `HttpError`s as "HTTP 503: <the provider's explanation>", without the
 * request URL; other errors by their message, without pagewise's `[pagewise] ` log prefix. Always plain text.
 */
export function errorText(error: Error | null | undefined): string {
  if (!error) return ''
  if (isExplainedHttpError(error)) return `HTTP ${error.status}: ${error.detail}`
  return error.message.replace(/^\[pagewise\]\s*/, '')
}
