import { decodeJsonBase64Url, encodeJsonBase64Url } from './base64url'

/** The keyset position inside a Pipedrive v2 cursor: the sort value and id of the last record of a page. */
export interface PipedriveCursorPosition {
  field: 'id' | 'update_time' | 'add_time'
  fieldValue: number | string
  sortDirection: 'asc' | 'desc'
  id: number
}

/**
 * Base64url of `{"field":"id","fieldValue":7,"sortDirection":"asc","id":7}`, the shape Pipedrive's v2 cursors
 * decode to. Clients must treat it as opaque.
 *
 * @example
 * encodePipedriveCursor({ field: 'id', fieldValue: 7, sortDirection: 'asc', id: 7 })
 * // 'eyJmaWVsZCI6ImlkIiwiZmllbGRWYWx1ZSI6Nywic29ydERpcmVjdGlvbiI6ImFzYyIsImlkIjo3fQ'
 */
export function encodePipedriveCursor(position: PipedriveCursorPosition): string {
  const { field, fieldValue, sortDirection, id } = position
  return encodeJsonBase64Url({ field, fieldValue, sortDirection, id })
}

/** The position inside a cursor, or `undefined` when it does not decode to one. */
export function decodePipedriveCursor(cursor: string): PipedriveCursorPosition | undefined {
  const value = decodeJsonBase64Url(cursor)
  if (typeof value !== 'object' || value === null) return undefined
  const { field, fieldValue, sortDirection, id } = value as Record<string, unknown>
  if (field !== 'id' && field !== 'update_time' && field !== 'add_time') return undefined
  if (sortDirection !== 'asc' && sortDirection !== 'desc') return undefined
  if (typeof id !== 'number' || !Number.isInteger(id)) return undefined
  if (field === 'id') return fieldValue === id ? { field, fieldValue: id, sortDirection, id } : undefined
  return typeof fieldValue === 'string' ? { field, fieldValue, sortDirection, id } : undefined
}
