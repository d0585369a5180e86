const PREVIEW_LENGTH = 60

/** A short, human-readable rendering of any value for an error message: `"yes" (a string)`, `null`, `an array`. */
export function describeValue(value: unknown): string {
  const type = typeof value
  if (value === undefined) return 'nothing (the field is missing)'
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'string') {
    return `${JSON.stringify(value.length > PREVIEW_LENGTH ? `${value.slice(0, PREVIEW_LENGTH)}…` : value)} (a string)`
  }
  if (typeof value === 'object') return 'an object'
  return type === 'number' || type === 'boolean' || type === 'bigint'
    ? `${String(value)} (a ${type})`
    : `a ${type}`
}
