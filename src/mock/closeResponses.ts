import { HttpResponse } from 'msw'
import { badGatewayPage } from './gatewayPages'
import type { RateLimitState } from './rateLimiter'
import type { ProviderProfile } from './runtime'

/** A Close error answer: `{"error": "…"}`. */
export function closeError(status: number, message: string): Response {
  return HttpResponse.json({ error: message }, { status })
}

/**
 * A Close validation answer with HTTP 400: `{"errors": […], "field-errors": {…}}`, per-field messages under
 * `field-errors` and messages about the request as a whole under `errors` (the shape of Close's validator, cleancat).
 */
export function closeFieldErrors(
  fieldErrors: Record<string, unknown>,
  errors: readonly string[] = [],
): Response {
  return HttpResponse.json({ errors, 'field-errors': fieldErrors }, { status: 400 })
}

const rateLimitHeader = (state: RateLimitState): string =>
  `limit=${state.limit}, remaining=${state.remaining}, reset=${state.resetSeconds}`

function isValidBasic(header: string | null, apiKey: string): boolean {
  if (header === null || !/^basic /i.test(header)) return false
  try {
    return atob(header.slice(6).trim()) === `${apiKey}:`
  } catch {
    return false
  }
}

/** Close's auth, rate-limit and server-error answers. With `apiKey`, requests need HTTP Basic `apiKey:` (empty password). */
export function closeProfile(apiKey: string | undefined): ProviderProfile {
  return {
    authorize: (request) =>
      apiKey === undefined || isValidBasic(request.headers.get('authorization'), apiKey),
    unauthorized: () =>
      HttpResponse.json(
        { error: 'The API key or OAuth token you provided is invalid or missing.' },
        { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="Close API"' } },
      ),
    rateLimited: (state) =>
      HttpResponse.json(
        {
          error: {
            message: `API call count exceeded for this ${state.windowSeconds} second window`,
            rate_reset: state.resetSeconds,
            rate_limit: state.limit,
            rate_window: state.windowSeconds,
          },
        },
        {
          status: 429,
          headers: {
            RateLimit: rateLimitHeader({ ...state, remaining: 0 }),
            'RateLimit-Reset': String(state.resetSeconds),
            'Retry-After': String(state.resetSeconds),
          },
        },
      ),
    rateLimitHeaders: (state) => ({ RateLimit: rateLimitHeader(state) }),
    serverError: (status) =>
      status === 502
        ? badGatewayPage()
        : HttpResponse.json(
            { error: 'Service temporarily unavailable. Please try again in a few moments.' },
            { status: 503, headers: { 'Retry-After': '1' } },
          ),
  }
}
