import 'server-only'
import { createFetcher } from 'pagewise/server'

// The Close API as the server reaches it: the key lives here, in server-only code, read from the environment. The
// route handler and the server components use it; no client component can import this file.

/** The Close API root: the real one, or the mock's in tests (`CLOSE_API_URL`). */
export function closeApiUrl(): string {
  return process.env.CLOSE_API_URL ?? 'https://api.close.com/api/v1'
}

/** HTTP Basic with the API key as the user name and an empty password, as Close expects. */
export function closeAuthorization(): { authorization: string } {
  const key = process.env.CLOSE_API_KEY
  if (!key) throw new Error('Set CLOSE_API_KEY in .env.local (see README.md).')
  return { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` }
}

/** A fetcher for server components: straight to Close, with the key. */
export const closeOnServer = createFetcher({ baseUrl: closeApiUrl(), headers: closeAuthorization })

/** One GET on the server, for pages that show a single answer (a lead's contacts). */
export async function closeGet<T>(path: string, query: Record<string, string>): Promise<T> {
  const url = new URL(`${closeApiUrl()}${path}`)
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
  const response = await fetch(url, { headers: closeAuthorization(), cache: 'no-store', redirect: 'manual' })
  // The URL is not quoted: it is the server's business, and the message may reach a log the browser's user sees.
  if (!response.ok) throw new Error(`Close answered ${response.status} for ${path}`)
  return (await response.json()) as T
}
