/** What one `RateLimit` header says. Times are in seconds, as sent. */
export interface RateLimitHeader {
  limit?: number
  remaining?: number
  resetSeconds?: number
}

const DECIMAL = /^\d+(?:\.\d+)?$/
const LEGACY_KEY = /(?:^|[\s,;])(?:limit|remaining|reset)\s*=/i

/** A non-negative decimal number (`'8'`, `'1.5'`, `'"8"'`); `undefined` for anything else. */
export function parseDecimal(value: string | null | undefined): number | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim().replace(/^"(.*)"$/, '$1')
  if (!DECIMAL.test(trimmed)) return undefined
  const parsed = Number(trimmed)
  return Number.isFinite(parsed) ? parsed : undefined
}

function params(part: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const pair of part.split(';')) {
    const [key, value] = pair.split('=', 2)
    if (key !== undefined && value !== undefined) found.set(key.trim().toLowerCase(), value)
  }
  return found
}

/** Early drafts, as Close sends it: `limit=160, remaining=0, reset=8` (or with `;`). */
function parseLegacy(value: string): RateLimitHeader {
  const found = params(value.replaceAll(',', ';'))
  const result: RateLimitHeader = {}
  const limit = parseDecimal(found.get('limit'))
  const remaining = parseDecimal(found.get('remaining'))
  const resetSeconds = parseDecimal(found.get('reset'))
  if (limit !== undefined) result.limit = limit
  if (remaining !== undefined) result.remaining = remaining
  if (resetSeconds !== undefined) result.resetSeconds = resetSeconds
  return result
}

function policyName(part: string): string {
  return (part.split(';', 1)[0] ?? '').trim().replace(/^"(.*)"$/, '$1')
}

/**
 * IETF structured form: `"default";r=0;t=8`, possibly several policies separated by `,`. The most restrictive
 * policy wins (fewest remaining, then latest reset); its quota `q` comes from `RateLimit-Policy` when sent.
 */
function parseStructured(value: string, policy: string | null): RateLimitHeader {
  let best: RateLimitHeader & { name?: string } = {}
  for (const item of value.split(',')) {
    const found = params(item)
    const remaining = parseDecimal(found.get('r'))
    const resetSeconds = parseDecimal(found.get('t'))
    if (remaining === undefined && resetSeconds === undefined) continue
    const fewer = (remaining ?? Infinity) < (best.remaining ?? Infinity)
    const sameButLater =
      (remaining ?? Infinity) === (best.remaining ?? Infinity) &&
      (resetSeconds ?? -1) > (best.resetSeconds ?? -1)
    if (best.name === undefined || fewer || sameButLater) {
      best = { name: policyName(item) }
      if (remaining !== undefined) best.remaining = remaining
      if (resetSeconds !== undefined) best.resetSeconds = resetSeconds
    }
  }
  const { name, ...result } = best
  const quota = policy?.split(',').find((item) => policyName(item) === name)
  const limit = quota === undefined ? undefined : parseDecimal(params(quota).get('q'))
  if (limit !== undefined) result.limit = limit
  return result
}

/** Parses a `RateLimit` header in either form; `{}` when it is absent or unreadable. */
export function parseRateLimitHeader(value: string | null, policy: string | null): RateLimitHeader {
  if (value === null || value.trim() === '') return {}
  return LEGACY_KEY.test(value) ? parseLegacy(value) : parseStructured(value, policy)
}
