const formats = new Map<string, Intl.NumberFormat>()

/**
 * Formats a count for `locale` with `Intl.NumberFormat` (`2500` → `"2,500"` in `en-US`, `"2.500"` in `de-DE`).
 * Formatters are created once per locale; `undefined` means the browser's locale.
 */
export function formatCount(value: number, locale?: string): string {
  const key = locale ?? ''
  let format = formats.get(key)
  if (format === undefined) {
    format = new Intl.NumberFormat(locale)
    formats.set(key, format)
  }
  return format.format(value)
}
