import { CursorLoopError, InvalidOptionError } from '../core/errors'
import { isObject } from '../core/isObject'
import { checkField, expectBoolean, readField } from '../core/readField'
import type { PaginationAdapter } from '../core/types'
import { checkedAdapter } from './defineAdapter'
import { withSort } from './sortSpec'
import type { SortSpec } from './sortSpec'
import { fieldName, fieldReader, itemReaders, pageSizes, placeParams } from './fieldSpec'
import type { FieldSpec } from './fieldSpec'

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
  /** How the API writes a sort, when it can (Stripe's lists cannot: newest first, always). */
  sort?: SortSpec
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
  const { id = 'stripe.startingAfter', getId, idField = 'id', hasMore = 'has_more' } = options
  if (process.env.NODE_ENV !== 'production') checkOptions(id, options)
  const { getItems } = itemReaders<TResponse, TItem>(id, options)
  const itemsField = fieldName(options.items ?? 'data', 'items')
  const readMore = fieldReader(id, hasMore, 'hasMore', expectBoolean)

  /** The id of record `index`, which a request will carry: a non-empty string, or a typed error naming it. */
  const idAt = (items: TItem[], index: number): string => {
    const at = `${itemsField}[${index}]`
    const item = items[index]!
    const value = getId
      ? getId(item)
      : readField(id, checkField(id, at, item, isObject(item), 'an object'), idField)
    return checkField(
      id,
      getId ? `getId(${at})` : `${at}.${idField}`,
      value,
      typeof value === 'string' && value,
      'a non-empty string (the record id)',
    ) as string
  }
  const noProgress = (param: StartingAfterParam) =>
    new CursorLoopError(id, 'no-progress', param, `${fieldName(hasMore, 'hasMore')} is true on an empty page`)

  return checkedAdapter<TResponse, TItem, StartingAfterParam>(
    {
      id,
      kind: 'cursor',
      initialPageParam: null,
      ...pageSizes(options, 10, 100),
      toRequest: (param, limit) => {
        // One of the two, or neither for the head of the list.
        const { startingAfter = null, endingBefore = null }: Partial<Record<string, string | null>> = {
          ...param,
        }
        return placeParams('query', {
          [options.limitParam ?? 'limit']: limit,
          [options.startingAfterParam ?? 'starting_after']: startingAfter,
          [options.endingBeforeParam ?? 'ending_before']: endingBefore,
        })
      },
      getItems,
      getNextPageParam: (lastPage, _allPages, lastParam) => {
        const items = getItems(lastPage)
        const more = readMore(lastPage)
        // A page read backwards is followed by the records it was read before: there are more after it.
        if (lastParam && 'endingBefore' in lastParam ? !items.length : !more) return undefined
        if (!items.length) throw noProgress(lastParam)
        return { startingAfter: idAt(items, items.length - 1) }
      },
      ...withSort(options.sort, 'startingAfterAdapter'),
      getPreviousPageParam: (firstPage, _allPages, firstParam) => {
        if (!firstParam) return undefined
        const items = getItems(firstPage)
        const more = readMore(firstPage)
        const backwards = 'endingBefore' in firstParam
        // Read backwards, `has_more` says whether records precede the page; read forwards, they always do (at
        // least the record it started after), but an empty page has no first id to end before.
        if (backwards && !more) return undefined
        if (items.length) return { endingBefore: idAt(items, 0) }
        if (backwards) throw noProgress(firstParam)
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
