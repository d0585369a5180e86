const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/** Base64url (RFC 4648 §5, no padding) of a UTF-8 string; works in browsers and Node without `Buffer`. */
export function toBase64Url(text: string): string {
  let binary = ''
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The UTF-8 text of a base64url string, or `undefined` when it is not valid base64url or UTF-8. */
export function fromBase64Url(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return undefined
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
    return decoder.decode(bytes)
  } catch {
    return undefined
  }
}

/** Base64url of the JSON text of `value`. */
export function encodeJsonBase64Url(value: unknown): string {
  return toBase64Url(JSON.stringify(value))
}

/** The JSON value inside a base64url string, or `undefined` when it does not decode. */
export function decodeJsonBase64Url(encoded: string): unknown {
  const text = fromBase64Url(encoded)
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
