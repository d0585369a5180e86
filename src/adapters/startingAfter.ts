import { CursorLoopError, InvalidOptionError, MalformedResponseError } from '../core/errors'
import { isObject } from '../core/isObject'
import { expectBoolean, readField } from '../core/readField'
import type { PaginationAdapter } from '../core/types'
import { checkedAdapter } from './defineAdapter'
import { itemReaders, placeParams, readFieldSpec } from './fieldSpec'
import type { FieldSpec } from './fieldSpec'

/** Replaced by the application's bundler: production builds drop the development-only checks here. */
declare const process: { env: { NODE_ENV?: string } }

/** A page of a Stripe list endpoint (`GET /v1/customers`, `/v1/charges`, `/v1/invoices`, …). */
export interface StripeListResponse<TItem> {
  /** Always `'list'`. */
  object: 'list'
  /** The endpoint's path, such as `'/v1/customers'`. */
  url: string
  /** Whether more records follow this page, in the direction it was requested. */
  has_more: boolean
  /** The records of this page, in the list's order (newest first). */
  data: TItem[]
}

/**
 * The page param of `startingAfterAdapter`, with its direction: `null` for the head of the list,
 * `{ startingAfter: id }` for the records after record `id`, `{ endingBefore: id }` for those just before it.
 */
export type StartingAfterParam = { startingAfter: string } | { endingBefore: string } | null

/** Options of `startingAfterAdapter`. */
export interface StartingAfterOptions<TResponse, TItem> {
  /** Identifier used in the query key and in error messages. @default 'stripe.startingAfter' */
  id?: string
  /** Where the records are. @default 'data' */
  items?: FieldSpec<TResponse> | ((response: TResponse) => TItem[] | null | undefined)
  /** Where the "more records follow" flag is. @default 'has_more' */
  hasMore?: FieldSpec<TResponse>
  /** The field of a record that holds its id (a dotted path works too). Ignored with `getId`. @default 'id' */
  idField?: string
  /** Reads a record's id, for records whose id is not a plain field. Must return a non-empty string. */
  getId?: (item: TItem) => unknown
  /** Name of the "after this id" parameter (`'after'` for OpenAI-style lists). @default 'starting_after' */
  startingAfterParam?: string
  /** Name of the "before this id" parameter (`'before'` for OpenAI-style lists). @default 'ending_before' */
  endingBeforeParam?: string
  /** Name of the page-size parameter. @default 'limit' */
  limitParam?: string
  /** Page size when the caller does not choose one. @default 10 (Stripe's default) */
  defaultLimit?: number
  /** Largest page size the API accepts. @default 100 (Stripe's maximum) */
  maxLimit?: number
}

/**
 * Stripe list pagination: `limit` and `starting_after=<id of the last record received>`; `has_more` says whether more
 * follow. Going back sends `ending_before=<id of the first record>`: Stripe answers with the records just before it,
 * still in the list's order, and `has_more` then says whether more precede them. The page param keeps the direction,
 * so the loop guard and the hooks' cursor history tell the two apart.
 *
 * @example
 * const stripe = createFetcher({ baseUrl: 'https://api.stripe.com/v1', headers: { authorization: `Bearer ${key}` } })
 * const customers = usePaginatedList({
 *   queryKey: ['stripe', 'customers'],
 *   adapter: startingAfterAdapter<Stripe.Customer>(),
 *   fetchPage: stripe('/customers'),
 *   pageSize: 100,
 * })
 */
export function startingAfterAdapter<TItem, TResponse = StripeListResponse<TItem>>(
  options: StartingAfterOptions<TResponse, TItem> = {},
): PaginationAdapter<TResponse, TItem, StartingAfterParam> {
  const id = options.id ?? 'stripe.startingAfter'
  const { getId, idField = 'id', hasMore = 'has_more' } = options
  if (process.env.NODE_ENV !== 'production') checkOptions(id, options)
  const maxLimit = options.maxLimit ?? 100
  const { getItems } = itemReaders<TResponse, TItem>(id, options)
  const itemsField = typeof options.items === 'function' ? 'items(response)' : (options.items ?? 'data')

  /** The id of record `index`, which a request will carry: a non-empty string, or a typed error naming it. */
  const idAt = (items: TItem[], index: number): string => {
    const item = items[index] as TItem
    const at = `${itemsField}[${index}]`
    let field = `getId(${at})`
    let value: unknown
    if (getId) value = getId(item)
    else {
      if (!isObject(item)) throw new MalformedResponseError(id, at, 'an object', item)
      field = `${at}.${idField}`
      value = readField(id, item, idField)
    }
    if (typeof value !== 'string' || value === '') {
      throw new MalformedResponseError(id, field, 'a non-empty string (the record id)', value)
    }
    return value
  }
  /** The page's records and its `has_more`, read and checked. */
  const read = (page: TResponse) => {
    const items = getItems(page)
    const { field, value } = readFieldSpec(id, page, hasMore, 'hasMore')
    return { items, more: expectBoolean(id, field, value), field }
  }
  const noProgress = (param: StartingAfterParam, field: string) =>
    new CursorLoopError(id, 'no-progress', param, `${field} is true on an empty page`)

  return checkedAdapter<TResponse, TItem, StartingAfterParam>(
    {
      id,
      kind: 'cursor',
      initialPageParam: null,
      defaultLimit: options.defaultLimit ?? Math.min(10, maxLimit),
      maxLimit,
      toRequest: (param, limit) =>
        placeParams('query', {
          [options.limitParam ?? 'limit']: limit,
          [options.startingAfterParam ?? 'starting_after']:
            param && 'startingAfter' in param ? param.startingAfter : null,
          [options.endingBeforeParam ?? 'ending_before']:
            param && 'endingBefore' in param ? param.endingBefore : null,
        }),
      getItems,
      getNextPageParam: (lastPage, _allPages, lastParam) => {
        const { items, more, field } = read(lastPage)
        // A page read backwards is followed by the records it was read before: there are more after it.
        if (lastParam && 'endingBefore' in lastParam ? items.length === 0 : !more) return undefined
        if (items.length === 0) throw noProgress(lastParam, field)
        return { startingAfter: idAt(items, items.length - 1) }
      },
      getPreviousPageParam: (firstPage, _allPages, firstParam) => {
        if (firstParam === null) return undefined
        const { items, more, field } = read(firstPage)
        const backwards = 'endingBefore' in firstParam
        // Read backwards, `has_more` says whether records precede the page; read forwards, they always do (at
        // least the record it started after), but an empty page has no first id to end before.
        if (backwards && !more) return undefined
        if (items.length > 0) return { endingBefore: idAt(items, 0) }
        if (backwards) throw noProgress(firstParam, field)
        return undefined
      },
    },
    'startingAfterAdapter',
  )
}

/** Development only: the options are the developer's own. */
function checkOptions(id: string, options: StartingAfterOptions<never, never>): void {
  const owner = `startingAfterAdapter(${id})`
  if (options.getId !== undefined && typeof options.getId !== 'function') {
    throw new InvalidOptionError(owner, 'getId', 'a function or absent', options.getId)
  }
  for (const name of ['idField', 'startingAfterParam', 'endingBeforeParam', 'limitParam'] as const) {
    const value = options[name]
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
      throw new InvalidOptionError(owner, name, 'a non-empty string', value)
    }
  }
}
