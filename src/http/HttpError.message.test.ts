import { describe, expect, it } from 'vitest'
import { providerErrorMessage } from './HttpError'

const NGINX_502 = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>`

describe('providerErrorMessage: Close', () => {
  it('reads { error: "…" }', () => {
    const body = {
      error: 'The skip you set is larger than the maximum skip for this resource (max_skip = 250000).',
    }
    expect(providerErrorMessage(body, 400, 'Bad Request')).toBe(
      'The skip you set is larger than the maximum skip for this resource (max_skip = 250000).',
    )
  })

  it('reads the legacy { error: { message, rate_reset } }', () => {
    const body = { error: { message: 'API call limit exceeded.', rate_reset: '3.2', rate_limit: 160 } }
    expect(providerErrorMessage(body, 429, 'Too Many Requests')).toBe('API call limit exceeded.')
  })

  it('names the field of a field error', () => {
    const body = { errors: [], 'field-errors': { lead: 'Object does not exist.' } }
    expect(providerErrorMessage(body, 400, 'Bad Request')).toBe('lead: Object does not exist.')
  })

  it('joins several errors and field errors with "; ", nested fields with dots', () => {
    const body = {
      errors: ['Invalid request.'],
      'field-errors': { name: 'This field is required.', addresses: { '0': { zipcode: 'Invalid zip.' } } },
    }
    expect(providerErrorMessage(body, 400, 'Bad Request')).toBe(
      'Invalid request.; name: This field is required.; addresses.0.zipcode: Invalid zip.',
    )
  })

  it('reads { errors: ["…"] } of some 404s', () => {
    expect(providerErrorMessage({ errors: ['Empty query not allowed'] }, 404, 'Not Found')).toBe(
      'Empty query not allowed',
    )
  })
})

describe('providerErrorMessage: Pipedrive', () => {
  it('adds error_info in parentheses', () => {
    const body = {
      success: false,
      error: 'Entity was not found',
      error_info: 'Please check developers.pipedrive.com for more information about Pipedrive API.',
      data: null,
      additional_data: null,
    }
    expect(providerErrorMessage(body, 404, 'Not Found')).toBe(
      'Entity was not found (Please check developers.pipedrive.com for more information about Pipedrive API.)',
    )
  })

  it('reads a gateway 401 with errorCode and no error_info', () => {
    const body = { success: false, error: 'unauthorized access', errorCode: 401, data: null }
    expect(providerErrorMessage(body, 401, 'Unauthorized')).toBe('unauthorized access')
  })
})

describe('providerErrorMessage: other bodies', () => {
  it('uses the <title> of an HTML page', () => {
    expect(providerErrorMessage(NGINX_502, 502, 'Bad Gateway')).toBe('502 Bad Gateway')
  })

  it('never quotes an HTML page without a title: the status stands in', () => {
    const html =
      '<div><script>var x = "<b>"</script><p>Service&nbsp;temporarily   <b>down</b> &amp; out</p></div>'
    expect(providerErrorMessage(html, 503, '')).toBe('503')
    expect(providerErrorMessage(html, 503, 'Service Unavailable')).toBe('503 Service Unavailable')
  })

  it('truncates long text to 500 characters', () => {
    const message = providerErrorMessage('overloaded '.repeat(100), 503, 'Service Unavailable')
    expect(message).toHaveLength(500)
    expect(message).toMatch(/^overloaded overloaded .*…$/)
  })

  it('keeps a plain-text body', () => {
    expect(providerErrorMessage('upstream connect error\n  or disconnect', 503, '')).toBe(
      'upstream connect error or disconnect',
    )
  })

  it('reads { message } and problem details { title, detail }', () => {
    expect(providerErrorMessage({ message: 'Quota exceeded' }, 429, '')).toBe('Quota exceeded')
    expect(providerErrorMessage({ title: 'Bad input', detail: 'limit must be ≤ 500' }, 400, '')).toBe(
      'limit must be ≤ 500',
    )
  })

  it('falls back to the status and its reason phrase as received (none over HTTP/2)', () => {
    expect(providerErrorMessage('', 503, 'Service Unavailable')).toBe('503 Service Unavailable')
    expect(providerErrorMessage('   ', 429, '')).toBe('429')
    expect(providerErrorMessage({}, 599, '')).toBe('599')
    expect(providerErrorMessage({ error: '' }, 500, 'Internal Server Error')).toBe(
      '500 Internal Server Error',
    )
  })

  it('never throws, whatever the body', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom')
        },
      },
    )
    for (const body of [null, undefined, 42, true, ['x'], Symbol('s'), hostile, { errors: 'nope' }]) {
      expect(providerErrorMessage(body, 500, 'Internal Server Error')).toBe('500 Internal Server Error')
    }
  })
})
