import { InvalidOptionError } from '../core/errors'

/** Query parameter names that carry secrets, compared without case, `_` or `-` (`api_token`, `apiKey`, …). */
const CREDENTIAL_PARAMS = new Set([
  'apitoken',
  'apikey',
  'accesstoken',
  'token',
  'secret',
  'clientsecret',
  'password',
])

const ADVICE =
  'send credentials in a header (Authorization, x-api-token) or through a server-side proxy, ' +
  'never in the URL, where they leak into logs, browser history and query keys'

/** Whether a query parameter name looks like a credential. */
export function isCredentialParam(name: string): boolean {
  return CREDENTIAL_PARAMS.has(name.toLowerCase().replace(/[-_]/g, ''))
}

/**
 * Throws `InvalidOptionError` when `params` contain a credential such as `api_token`. `where` names the
 * option (`'baseUrl'`, `'path'`, `'defaults.query'`, `'request.query'`). The secret itself is never put in
 * the message.
 */
export function assertNoCredentials(where: string, params: Iterable<string>): void {
  for (const name of params) {
    if (isCredentialParam(name)) {
      throw new InvalidOptionError(
        'createFetcher',
        where,
        `free of the "${name}" query parameter: ${ADVICE}`,
        '[redacted]',
      )
    }
  }
}

/** A URL fit for an error message: no user name, password, query or fragment. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z\d+\-.]*:)?([\\/]{2})[^\\/?#@]*@/i, '$1$2').replace(/[?#][\s\S]*$/, '')
}
