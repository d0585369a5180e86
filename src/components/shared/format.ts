// How both components put numbers and errors into words.

/** One locale's number format and plural rules, created once: `undefined` is the browser's locale. */
const formats = new Map<string | undefined, [Intl.NumberFormat, Intl.PluralRules]>()

function formatsOf(locale: string | undefined): [Intl.NumberFormat, Intl.PluralRules] {
  let found = formats.get(locale)
  if (!found) formats.set(locale, (found = [new Intl.NumberFormat(locale), new Intl.PluralRules(locale)]))
  return found
}

/** Formats a count for `locale` (`2500` → `"2,500"` in `en-US`, `"2.500"` in `de-DE`). */
export function formatCount(value: number, locale?: string): string {
  return formatsOf(locale)[0].format(value)
}

/** Whether `locale` names `value` things in the singular: "1 lead", not "1 leads". */
export function isOne(value: number, locale?: string): boolean {
  return formatsOf(locale)[1].select(value) === 'one'
}

/**
 * An error as a component shows it to users: `HttpError`s as "HTTP 503: <the provider's explanation>", without the
 * request URL (its shape is read without importing the HTTP layer); other errors by their message, without
 * pagewise's `[pagewise] ` log prefix. Always plain text.
 */
export function errorText(error: Error | null | undefined): string {
  if (!error) return ''
  const { status, detail } = error as Partial<{ status: unknown; detail: unknown }>
  return typeof status === 'number' && typeof detail === 'string'
    ? `HTTP ${status}: ${detail}`
    : error.message.replace(/^\[pagewise\]\s*/, '')
}
