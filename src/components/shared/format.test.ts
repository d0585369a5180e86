import { describe, expect, test } from 'vitest'
import { MalformedResponseError } from '../../core/errors'
import { HttpError } from '../../http/HttpError'
import { errorText } from './format'

describe('errorText', () => {
  test('an HttpError shows its status and the provider explanation, not the URL', () => {
    const error = new HttpError({
      status: 503,
      statusText: 'Service Unavailable',
      body: { error: 'Close is temporarily unavailable' },
      url: 'https://api.close.com/api/v1/lead/?_skip=100',
      method: 'GET',
    })
    expect(errorText(error)).toBe('HTTP 503: Close is temporarily unavailable')
  })

  test('other errors show their message without the [pagewise] prefix', () => {
    const error = new MalformedResponseError('close.offset', 'has_more', 'a boolean', 'yes')
    expect(error.message.startsWith('[pagewise] ')).toBe(true)
    expect(errorText(error)).toBe(error.message.slice('[pagewise] '.length))
    expect(errorText(new Error('offline'))).toBe('offline')
    expect(errorText(null)).toBe('')
  })
})
