/**
 * A response body read as text: the parsed value when it is JSON, otherwise the text itself (an HTML page
 * from a proxy, say, which the adapter then reports as a malformed response). Never throws.
 */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
