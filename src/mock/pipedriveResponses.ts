import { HttpResponse } from 'msw'
import { badGatewayPage } from './gatewayPages'
import type { RateLimitState } from './rateLimiter'
import type { ProviderProfile } from './runtime'

/** Pipedrive's standard `error_info`. */
export const PIPEDRIVE_ERROR_INFO =
  'Please check developers.pipedrive.com for more information about Pipedrive API.'

/** A Pipedrive error answer: `{ success: false, error, error_info, data: null, additional_data: null }`. */
export function pipedriveError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return HttpResponse.json(
    { success: false, error, ...extra, error_info: PIPEDRIVE_ERROR_INFO, data: null, additional_data: null },
    { status },
  )
}

function hasToken(request: Request, token: string): boolean {
  return (
    request.headers.get('x-api-token') === token || request.headers.get('authorization') === `Bearer ${token}`
  )
}

/**
 * Pipedrive's auth, rate-limit and server-error answers. With `apiToken`, requests need `x-api-token` or
 * `Authorization: Bearer`; the legacy `api_token` query parameter is refused on purpose (it leaks secrets into logs).
 */
export function pipedriveProfile(apiToken: string | undefined): ProviderProfile {
  const limitHeaders = (state: RateLimitState): Record<string, string> => ({
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': String(state.resetSeconds),
  })
  return {
    authorize: (request) => apiToken === undefined || hasToken(request, apiToken),
    unauthorized: () => pipedriveError(401, 'unauthorized access', { errorCode: 401 }),
    rateLimited: (state) => {
      const response = pipedriveError(429, 'Request over limit')
      const headers = {
        ...limitHeaders({ ...state, remaining: 0 }),
        'Retry-After': String(state.resetSeconds),
      }
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
      return response
    },
    rateLimitHeaders: limitHeaders,
    serverError: (status) =>
      status === 502 ? badGatewayPage() : pipedriveError(503, 'Service Unavailable', { errorCode: 503 }),
  }
}
