/** A page param or a request parameter as it reads in a report: `0`, `"after:rec-99"`, `null`, `{"page":2}`. */
export function describeParam(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'bigint') return `${value}n`
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
