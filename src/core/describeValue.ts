const PREVIEW_LENGTH = 60

/** A short, human-readable rendering of any value for an error message: `"yes" (a string)`, `null`, `an array`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)'
  if (value === null) return 'null'
  if (typeof value === 'string') {
    const preview = value.length > PREVIEW_LENGTH ? `${value.slice(0, PREVIEW_LENGTH)}…` : value
    return `${JSON.stringify(preview)} (a string)`
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${String(value)} (a ${typeof value})`
  }
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}
