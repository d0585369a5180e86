/** Ids for a report: all of them when few, else the first and the last: `rec-0, rec-1, … rec-99 (100 records)`. */
export function describeIds(ids: readonly unknown[]): string {
  if (ids.length === 0) return 'no records'
  const shown = ids.length <= 6 ? ids.map(String) : [...ids.slice(0, 3).map(String), '…', String(ids.at(-1))]
  const count = ids.length === 1 ? '1 record' : `${ids.length} records`
  return `${count}: ${shown.join(', ')}`
}
