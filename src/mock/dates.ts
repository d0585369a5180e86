/**
 * The fixed "now" of every generated dataset, so that data never depends on the wall clock. Generated records
 * are dated before it; records inserted by the drift fault are dated after it.
 */
export const REFERENCE_TIME_MS = Date.UTC(2026, 2, 1, 12, 0, 0)

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))
const dayPrefixes = new Map<number, string>()

/** `YYYY-MM-DD` of a UTC day number, cached: records share few distinct days and this runs 100,000s of times. */
function dayText(day: number): string {
  let text = dayPrefixes.get(day)
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10)
    if (dayPrefixes.size < 20_000) dayPrefixes.set(day, text)
  }
  return text
}

const MILLIS: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'))

/** Formats a UTC instant as `<day><sep><time><tail>` without allocating `Date` objects. */
function format(ms: number, separator: string, withMillis: string | undefined, tail: string): string {
  const whole = Math.floor(ms)
  const day = Math.floor(whole / DAY_MS)
  const inDay = whole - day * DAY_MS
  const seconds = Math.floor(inDay / 1000)
  return [
    dayText(day),
    separator,
    TWO_DIGITS[Math.floor(seconds / 3600)],
    ':',
    TWO_DIGITS[Math.floor(seconds / 60) % 60],
    ':',
    TWO_DIGITS[seconds % 60],
    withMillis === undefined ? '' : '.',
    withMillis === undefined ? '' : MILLIS[inDay % 1000],
    withMillis ?? '',
    tail,
  ].join('')
}

/** Close style: `2026-03-01T10:15:00.123000+00:00` (microseconds and an explicit offset). */
export function closeTimestamp(ms: number): string {
  return format(ms, 'T', '000', '+00:00')
}

/** Pipedrive v2 style (RFC 3339, whole seconds, UTC): `2026-03-01T10:15:00Z`. */
export function rfc3339(ms: number): string {
  return format(ms, 'T', undefined, 'Z')
}

/** Pipedrive v1 style: `2026-03-01 10:15:00` (UTC, no offset). */
export function pipedriveV1Time(ms: number): string {
  return format(ms, ' ', undefined, '')
}

/** Pipedrive leads style: `2026-03-01T10:15:00.000Z`. */
export function isoWithMs(ms: number): string {
  return format(ms, 'T', '', 'Z')
}

/** A calendar date: `2026-03-01`. */
export function dateOnly(ms: number): string {
  return dayText(Math.floor(ms / DAY_MS))
}

/**
 * Parses an RFC 3339 date-time (the offset is required, so the result never depends on the local time zone),
 * a `YYYY-MM-DD` date (UTC) or a Pipedrive v1 `YYYY-MM-DD HH:MM:SS` (UTC) string.
 * Returns `undefined` when the text is not a date.
 */
export function parseTimestamp(text: string): number | undefined {
  const normalized = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? `${text.replace(' ', 'T')}Z` : text
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(normalized))
    return undefined
  // JavaScript keeps milliseconds only; Close's microseconds are dropped on purpose.
  const ms = Date.parse(normalized.replace(/(\.\d{3})\d+/, '$1'))
  return Number.isNaN(ms) ? undefined : ms
}
