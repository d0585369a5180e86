import { decodeJsonBase64Url, encodeJsonBase64Url } from './base64url'

/** FNV-1a over UTF-16 code units, as 8 hex digits: a checksum that makes hand-edited cursors invalid. */
export function checksum(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * An opaque Close cursor: base64url of `{ k: kind, p: position, c: checksum }`. It encodes a keyset position
 * (the sort key of the last record seen), never an offset, so records inserted meanwhile do not shift pages.
 *
 * @example
 * const cursor = encodeCloseCursor('event', { d: '2026-03-01T10:15:00.000000+00:00', id: 'ev_…', dir: 'next' })
 */
export function encodeCloseCursor(kind: string, position: Record<string, unknown>): string {
  return encodeJsonBase64Url({ k: kind, p: position, c: checksum(kind + JSON.stringify(position)) })
}

/** The position inside a cursor of `kind`, or `undefined` when it is not one (garbage, edited, other kind). */
export function decodeCloseCursor(kind: string, cursor: string): Record<string, unknown> | undefined {
  const decoded = decodeJsonBase64Url(cursor)
  if (!isRecord(decoded) || decoded.k !== kind || !isRecord(decoded.p)) return undefined
  return decoded.c === checksum(kind + JSON.stringify(decoded.p)) ? decoded.p : undefined
}
