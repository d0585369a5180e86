const warned = new Set<string>()

/**
 * Only `process.env.NODE_ENV` is read, and bundlers replace it; pagewise needs no Node types for that.
 *
 * pagewise's development-only code (checks of the developer's own options and props, and warnings) starts with
 * `if (process.env.NODE_ENV === 'production') return`, written out in each module: bundlers then drop the check and
 * its messages from production builds. Data from an API (pages, cursors, limits, HTTP answers) is always checked.
 */
declare const process: { env: { NODE_ENV?: string } }

/** Logs `message` with `console.warn` once per page load, in development builds only. */
export function warnOnce(key: string, message: string): void {
  if (process.env.NODE_ENV === 'production' || warned.has(key)) return
  warned.add(key)
  console.warn(message)
}
