const warned = new Set<string>()

/** Logs `message` with `console.warn` once per page load, in development builds only. */
export function warnOnce(key: string, message: string): void {
  if (process.env.NODE_ENV === 'production' || warned.has(key)) return
  warned.add(key)
  console.warn(message)
}
