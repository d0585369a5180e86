import { describeValue } from './describeValue'

// Every class names itself in a field: minifiers rename classes, so `new.target.name` would read `'e'` in an app's
// production build. Fields are `declare`d and set in the constructor, so no class-field code is emitted for them.

/** Base class of every error pagewise throws on purpose. `instanceof PagewiseError` catches them all. */
export class PagewiseError extends Error {
  /** The adapter involved, such as `'close.offset'`, when one is. */
  declare readonly adapterId: string | undefined

  constructor(message: string, adapterId?: string, options?: ErrorOptions) {
    super(message, options)
    // Subclasses set their own name in a field, which runs after this.
    this.name = 'PagewiseError'
    this.adapterId = adapterId
  }
}

/**
 * A response did not have the shape its adapter expects: `data` missing, `has_more` not a boolean, an HTML page
 * instead of JSON, and so on. Pages loaded before it are kept.
 *
 * @example
 * if (error instanceof MalformedResponseError) console.log(error.adapterId, error.field, error.received)
 */
export class MalformedResponseError extends PagewiseError {
  override readonly name: string = 'MalformedResponseError'
  declare readonly adapterId: string
  /** Path of the offending field, such as `'additional_data.pagination.next_start'`; `'$'` for the response itself. */
  declare readonly field: string
  /** The value found there (`undefined` when the field is missing). */
  declare readonly received: unknown
  /** What the adapter expected, such as `'a boolean'`. */
  declare readonly expected: string

  constructor(adapterId: string, field: string, expected: string, received: unknown) {
    const where = field === '$' ? 'the response' : `"${field}"`
    super(
      `[pagewise] ${adapterId}: expected ${where} to be ${expected}, received ${describeValue(received)}.`,
      adapterId,
    )
    this.field = field
    this.expected = expected
    this.received = received
  }
}

/** Why a `CursorLoopError` was thrown. */
export type CursorLoopReason =
  /** The API returned a cursor or offset that this list has already requested. */
  | 'repeated-param'
  /** The API said there is more, but the page was empty, so the next request could not advance. */
  | 'no-progress'

/**
 * The API answered in a way that would make pagination loop forever: a cursor or offset returned twice, or
 * "there is more" with an empty page. Pagination stops; pages loaded before it are kept.
 */
export class CursorLoopError extends PagewiseError {
  override readonly name: string = 'CursorLoopError'
  declare readonly adapterId: string
  /** The page param that would have been requested again (for `'no-progress'`, the param of the empty page). */
  declare readonly pageParam: unknown
  /** What went wrong. */
  declare readonly reason: CursorLoopReason

  constructor(adapterId: string, reason: CursorLoopReason, pageParam: unknown, detail?: string) {
    const param = describeValue(pageParam)
    const what =
      reason === 'repeated-param'
        ? `the API returned the page param ${param} a second time`
        : `the API reported more items after an empty page (page param ${param})`
    super(
      `[pagewise] ${adapterId}: ${what}${detail ? ` (${detail})` : ''}; stopping instead of looping forever.`,
      adapterId,
    )
    this.pageParam = pageParam
    this.reason = reason
  }
}

/**
 * The next page lies past a limit the API enforces (Close's `max_skip`). pagewise stops before sending a request
 * the server would refuse.
 */
export class OffsetLimitError extends PagewiseError {
  override readonly name: string = 'OffsetLimitError'
  declare readonly adapterId: string
  /** The request parameter that would exceed the limit, such as `'_skip'`. */
  declare readonly field: string
  /** The offset that would have been requested. */
  declare readonly offset: number
  /** The largest offset the API accepts. */
  declare readonly maxOffset: number

  constructor(adapterId: string, field: string, offset: number, maxOffset: number, advice: string) {
    super(
      `[pagewise] ${adapterId}: the next page starts at ${field}=${offset}, past the API's maximum of ${maxOffset}. ${advice}`,
      adapterId,
    )
    this.field = field
    this.offset = offset
    this.maxOffset = maxOffset
  }
}

/** An option passed to a pagewise factory or hook is invalid. Thrown at once, before any request. */
export class InvalidOptionError extends PagewiseError {
  override readonly name: string = 'InvalidOptionError'
  /** The option's name, such as `'maxLimit'`. */
  declare readonly option: string

  constructor(owner: string, option: string, expected: string, received: unknown) {
    super(
      `[pagewise] ${owner}: option "${option}" must be ${expected}, received ${describeValue(received)}.`,
      owner,
    )
    this.option = option
  }
}

/**
 * `createFetcher` refused a page URL the API handed out (a `Link` header's `rel="next"`) because it is not on the
 * origin of `baseUrl`: following it would send your credentials to another host. Not retried.
 */
export class CrossOriginUrlError extends PagewiseError {
  override readonly name: string = 'CrossOriginUrlError'
  /** The refused URL, with credential-like query parameters redacted. */
  declare readonly url: string
  /** The only origin `createFetcher` loads from: `baseUrl`'s. */
  declare readonly allowedOrigin: string

  constructor(url: string, allowedOrigin: string) {
    super(
      `[pagewise] createFetcher: refused to load ${url}, a page URL from the API: it is not on ${allowedOrigin}, ` +
        "baseUrl's origin, and pagewise sends your credentials nowhere else.",
    )
    this.url = url
    this.allowedOrigin = allowedOrigin
  }
}

/**
 * A successful (2xx) answer reported errors in its body instead of data: a GraphQL answer's `errors` (GraphQL answers
 * HTTP 200 when a query fails) or a JSON:API error document. The message is the API's first error. Not retried.
 */
export class ApiReportedError extends PagewiseError {
  override readonly name: string = 'ApiReportedError'
  declare readonly adapterId: string
  /** Where the errors were in the answer: `'errors'`. */
  declare readonly field: string
  /** The API's error list, as received. */
  declare readonly errors: unknown[]

  constructor(adapterId: string, field: string, errors: unknown[], message: string) {
    const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : ''
    super(`[pagewise] ${adapterId}: the API answered with "${field}": ${message}${more}`, adapterId)
    this.field = field
    this.errors = errors
  }
}
