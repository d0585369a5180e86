import { InvalidOptionError, MalformedResponseError, OffsetLimitError } from '../core/errors'
import { readField } from '../core/readField'
import type { PaginationAdapter } from '../core/types'
import type { CloseListResponse } from './close'
import { checkedAdapter } from './defineAdapter'

/** Replaced by the application's bundler: production builds drop the development-only checks here. */
declare const process: { env: { NODE_ENV?: string } }

/**
 * How `closeOffset` goes on past Close's largest `_skip`: it filters below the last record's value of `field`
 * (Close's advice: slice deep lists by `date_created`) and starts again at `_skip=0`.
 */
export interface CloseKeyset {
  /**
   * The record field the list is ordered by, newest first, such as `'date_created'` (a dotted path works too).
   * Every record must carry it: keep it in `_fields`.
   */
  field: string
  /**
   * The query parameter that keeps records below a value of `field`, such as `'date_created__lt'` or
   * `'date_created__lte'` (Close's `field__lt` / `field__lte` filter syntax).
   */
  param: string
  /**
   * Whether `param` also keeps records equal to the value (`__lte`). Either way, records sharing the value at a
   * window edge are fetched again rather than lost; the hooks and `fetchAll` drop the second copy by id.
   * @default true when `param` ends in `__lte`, else false
   */
  inclusive?: boolean
}

/** The page param of `closeOffset({ keyset })`: a `_skip` within a window of the list. */
export interface CloseKeysetParam {
  /** `_skip` within the window. */
  skip: number
  /** The value sent in `keyset.param`; `null` in the first window, which has no filter. */
  below: string | number | null
  /** How many records of the whole list come before the window's first record; 0 in the first window. */
  windowStart: number
}

/**
 * `windowStart` of the pages read in a later window, so that their `total_results` (counted within the window) can
 * be shifted to the whole list's. Keyed by the response object, and shared by every keyset adapter: hooks may get a
 * new adapter object at each render, and the page read by one is the page another reports the total of.
 */
const windowStarts = new WeakMap<object, number>()

const KEYSET_ADVICE = (field: string, value: unknown): string =>
  `More records share ${field} = ${JSON.stringify(value)} than one window of _skip holds: ` +
  'narrow the query or use the Export API.'

/**
 * `closeOffset` with keyset windows: `_skip` / `_limit` as usual up to `maxSkip`, then the next window is the list
 * below the last record's `keyset.field`, from `_skip=0`. Built on the plain offset adapter (`offset`), which reads
 * the pages and refuses a `_skip` past `maxSkip`.
 *
 * Records that share the edge value are requested again in the next window (Close has no tie-breaker filter); the
 * id de-duplication of the hooks and `fetchAll` drops them. More records on one value than a window holds stop the
 * list with `OffsetLimitError` instead of looping.
 */
export function closeKeysetAdapter<TItem>(
  offset: PaginationAdapter<CloseListResponse<TItem>, TItem, number>,
  keyset: CloseKeyset,
  maxSkip: number,
): PaginationAdapter<CloseListResponse<TItem>, TItem, CloseKeysetParam> {
  const { id } = offset
  checkKeyset(keyset)
  const { field, param } = keyset
  const inclusive = keyset.inclusive ?? param.endsWith('__lte')

  const keyOf = (record: unknown, index: number): string | number => {
    const value = readField(id, record, field)
    if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value)))
      return value
    throw new MalformedResponseError(
      id,
      `data[${index}].${field}`,
      `a string or a number (keyset pagination reads it on every record; keep it in _fields)`,
      value,
    )
  }

  /**
   * The keys of the loaded records of the window `lastParam` belongs to, in list order. Each page is checked to be
   * newest first. Across pages it cannot be: records added at the head while paging push records already seen onto
   * the next page (newer than the last one before it; the id de-duplication drops them). The last page's last record
   * is still the oldest loaded, which is all the next window needs.
   */
  const windowKeys = (
    allPages: CloseListResponse<TItem>[],
    allPageParams: CloseKeysetParam[],
    lastParam: CloseKeysetParam,
  ): Array<string | number> => {
    let first = allPages.length - 1
    while (first > 0 && allPageParams[first - 1]?.below === lastParam.below) first -= 1
    const keys: Array<string | number> = []
    for (let page = first; page < allPages.length; page += 1) {
      let previous: string | number | undefined
      offset.getItems(allPages[page] as CloseListResponse<TItem>).forEach((record, index) => {
        const key = keyOf(record, index)
        if (previous !== undefined && isAbove(key, previous)) {
          throw new MalformedResponseError(
            id,
            `data[${index}].${field}`,
            `at most ${JSON.stringify(previous)}, the value of the record before it ` +
              `(keyset pagination needs the list ordered by ${field}, newest first)`,
            key,
          )
        }
        keys.push(key)
        previous = key
      })
    }
    return keys
  }

  /** In strict mode, the nearest loaded value above `edge` (records are newest first, so scan back). */
  const valueAbove = (
    allPages: CloseListResponse<TItem>[],
    edge: string | number,
  ): string | number | null => {
    for (let page = allPages.length - 1; page >= 0; page -= 1) {
      const records = offset.getItems(allPages[page] as CloseListResponse<TItem>)
      for (let index = records.length - 1; index >= 0; index -= 1) {
        const key = keyOf(records[index], index)
        if (key !== edge) return key
      }
    }
    return null
  }

  const nextWindow = (
    allPages: CloseListResponse<TItem>[],
    allPageParams: CloseKeysetParam[],
    lastParam: CloseKeysetParam,
    nextSkip: number,
  ): CloseKeysetParam => {
    const keys = windowKeys(allPages, allPageParams, lastParam)
    const edge = keys[keys.length - 1] as string | number
    let ties = 0
    while (ties < keys.length && keys[keys.length - 1 - ties] === edge) ties += 1
    const below = inclusive ? edge : valueAbove(allPages, edge)
    if (below === null || below === lastParam.below) {
      throw new OffsetLimitError(id, '_skip', nextSkip, maxSkip, KEYSET_ADVICE(field, edge))
    }
    // The window `< below` (or `<= below`) starts with the records equal to the edge: they are its only overlap.
    return { skip: 0, below, windowStart: lastParam.windowStart + nextSkip - ties }
  }

  const adapter: PaginationAdapter<CloseListResponse<TItem>, TItem, CloseKeysetParam> = {
    id,
    kind: 'cursor',
    initialPageParam: { skip: 0, below: null, windowStart: 0 },
    defaultLimit: offset.defaultLimit,
    maxLimit: offset.maxLimit,
    toRequest: (pageParam, limit) => {
      const { query } = offset.toRequest(pageParam.skip, limit)
      if (pageParam.below !== null) query[param] = String(pageParam.below)
      return { query }
    },
    getItems: offset.getItems,
    getNextPageParam: (lastPage, allPages, lastParam, allPageParams) => {
      const windowSkips = allPageParams
        .filter((pageParam) => pageParam.below === lastParam.below)
        .map((pageParam) => pageParam.skip)
      // Reads and checks the page (has_more, data, an empty page that claims more) as plain closeOffset does.
      const nextSkip = offset.getNextPageParam(lastPage, allPages, lastParam.skip, windowSkips)
      if (lastParam.windowStart > 0) windowStarts.set(lastPage, lastParam.windowStart)
      if (nextSkip === undefined) return undefined
      if (nextSkip <= maxSkip) return { ...lastParam, skip: nextSkip }
      return nextWindow(allPages, allPageParams, lastParam, nextSkip)
    },
    getPreviousPageParam: (firstPage, _allPages, firstParam) => {
      const length = firstParam.skip > 0 ? offset.getItems(firstPage).length : 0
      return length === 0 ? undefined : { ...firstParam, skip: Math.max(0, firstParam.skip - length) }
    },
    getTotal: (response) => {
      const total = offset.getTotal?.(response)
      return total === undefined ? undefined : total + (windowStarts.get(response) ?? 0)
    },
  }
  return checkedAdapter(adapter, 'closeOffset')
}

/** Development only: the keyset is the developer's own option. */
function checkKeyset(keyset: CloseKeyset): void {
  if (process.env.NODE_ENV === 'production') return
  const owner = 'closeOffset'
  if (typeof keyset !== 'object' || keyset === null) {
    throw new InvalidOptionError(owner, 'keyset', "an object such as { field: 'date_created', … }", keyset)
  }
  for (const option of ['field', 'param'] as const) {
    if (typeof keyset[option] !== 'string' || keyset[option].trim() === '') {
      throw new InvalidOptionError(owner, `keyset.${option}`, 'a non-empty string', keyset[option])
    }
  }
  if (keyset.inclusive !== undefined && typeof keyset.inclusive !== 'boolean') {
    throw new InvalidOptionError(owner, 'keyset.inclusive', 'a boolean', keyset.inclusive)
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/

/**
 * Whether `a` sorts strictly above (newer than) `b`: numbers by value, dates by instant (then as text, for
 * sub-millisecond digits), other text as text.
 */
function isAbove(a: string | number, b: string | number): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a > b
  const left = String(a)
  const right = String(b)
  if (ISO_DATE.test(left) && ISO_DATE.test(right)) {
    const leftMs = Date.parse(left)
    const rightMs = Date.parse(right)
    if (!Number.isNaN(leftMs) && !Number.isNaN(rightMs) && leftMs !== rightMs) return leftMs > rightMs
  }
  return left > right
}
