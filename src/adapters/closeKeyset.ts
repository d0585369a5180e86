import { InvalidOptionError, MalformedResponseError, OffsetLimitError } from '../core/errors'
import { readField } from '../core/readField'
import type { PaginationAdapter } from '../core/types'
import { checkCloseOptions, closeListAdapter } from './close'
import type { CloseListResponse, CloseOffsetOptions } from './close'
import { checkedAdapter } from './defineAdapter'

/**
 * How `closeKeysetOffset` goes on past Close's largest `_skip`: it filters below the last record's value of `field`
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

/** The page param of `closeKeysetOffset`: a `_skip` within a window of the list. */
export interface CloseKeysetParam {
  /** `_skip` within the window. */
  skip: number
  /** The value sent in `keyset.param`; `null` in the first window, which has no filter. */
  below: string | number | null
  /** How many records of the whole list come before the window's first record; 0 in the first window. */
  windowStart: number
  /**
   * The run of equal `keyset.field` values that ends the records the window loaded before this page: the value, how
   * many records hold it, and the value just above the run (`null` when the run starts the window). It lets the next
   * window be found from the last page and its param alone. Absent on a window's first page and on a page reached
   * backwards.
   */
  tail?: { value: string | number; count: number; above: string | number | null }
}

/** `CloseKeysetParam.tail`: the run of equal values at the end of what a window has loaded. */
type CloseKeysetTail = NonNullable<CloseKeysetParam['tail']>

const KEYSET_ADVICE = (field: string, value: unknown): string =>
  `More records share ${field} = ${JSON.stringify(value)} than one window of _skip holds: ` +
  'narrow the query or use the Export API.'

/** Options of `closeKeysetOffset`: those of `closeOffset`, and the field whose values slice the list. */
export interface CloseKeysetOffsetOptions extends Omit<CloseOffsetOptions, 'keyset' | 'maxSkip'> {
  /**
   * The field the list is ordered by, newest first, and the filter that keeps records below a value of it.
   * @example { field: 'date_created', param: 'date_created__lt' }
   */
  keyset: CloseKeyset
  /**
   * Largest `_skip` the resource accepts: past it, the list goes on in a new keyset window from `_skip=0`.
   * @default 250000
   */
  maxSkip?: number
}

/**
 * Close list endpoints past Close's largest `_skip`, as Close advises: `_skip` / `_limit` as `closeOffset` sends them
 * up to `maxSkip`, then the next window is the list below the last record's `keyset.field` (`date_created__lt=…`),
 * from `_skip=0`. The list must be ordered by that field, newest first, and every record must carry it (keep it in
 * `_fields`). The page param is a `CloseKeysetParam`, the adapter id `'close.offsetKeyset'` and its kind `'cursor'`:
 * pages past `maxSkip` are only reached in sequence.
 *
 * Records that share the edge value are requested again in the next window (Close has no tie-breaker filter); the
 * id de-duplication of the hooks and `fetchAll` drops them. More records on one value than a window holds stop the
 * list with `OffsetLimitError` instead of looping. Each next param comes from the last page and its param alone:
 * the param carries what the window's earlier pages said about the edge (`tail`), and the window's start, which
 * `getTotal(response, pageParam)` adds to a later window's `total_results`.
 *
 * @example
 * const allLeads = closeKeysetOffset<Lead>({ keyset: { field: 'date_created', param: 'date_created__lt' } })
 */
export function closeKeysetOffset<TItem>(
  options: CloseKeysetOffsetOptions,
): PaginationAdapter<CloseListResponse<TItem>, TItem, CloseKeysetParam> {
  type TResponse = CloseListResponse<TItem>
  const owner = 'closeKeysetOffset'
  // Keyset pages have other page params than plain `closeOffset` ones: another id keeps them apart in the cache.
  const id = 'close.offsetKeyset'
  if (process.env.NODE_ENV !== 'production') checkKeyset(options?.keyset, owner)
  const offset = closeListAdapter<TItem>(options, id)
  if (process.env.NODE_ENV !== 'production') checkCloseOptions(options, offset, owner)
  const { keyset } = options
  const maxSkip = options.maxSkip ?? 250_000
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
   * The run of equal values that ends the window once `records` are added to what it had loaded (`before`). The page
   * is checked to be newest first. Across pages it cannot be: records added at the head while paging push records
   * already seen onto the next page (newer than the last one before it; the id de-duplication drops them). The last
   * page's last record is still the oldest loaded, which is all the next window needs.
   */
  const tailAfter = (records: TItem[], before: CloseKeysetTail | undefined): CloseKeysetTail | undefined => {
    let tail = before
    let previous: string | number | undefined
    records.forEach((record, index) => {
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
      tail =
        tail?.value === key
          ? { ...tail, count: tail.count + 1 }
          : { value: key, count: 1, above: tail?.value ?? null }
      previous = key
    })
    return tail
  }

  /** The first page of the window after the one `lastParam` is in, which ends with `tail`. */
  const nextWindow = (
    tail: CloseKeysetTail | undefined,
    lastParam: CloseKeysetParam,
    nextSkip: number,
  ): CloseKeysetParam => {
    // `__lt` filters below the value just above the edge run, `__lte` at the edge: either way the next window starts
    // with the records equal to the edge, its only overlap with this one.
    const below = tail === undefined ? null : inclusive ? tail.value : tail.above
    if (tail === undefined || below === null || below === lastParam.below) {
      throw new OffsetLimitError(id, '_skip', nextSkip, maxSkip, KEYSET_ADVICE(field, tail?.value))
    }
    return { skip: 0, below, windowStart: lastParam.windowStart + nextSkip - tail.count }
  }

  const adapter: PaginationAdapter<TResponse, TItem, CloseKeysetParam> = {
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
    getItems: (response) => offset.getItems(response),
    getNextPageParam: (lastPage, _allPages, lastParam) => {
      // Reads and checks the page (has_more, data, an empty page that claims more) as plain closeOffset does.
      const nextSkip = offset.getNextPageParam(lastPage, [lastPage], lastParam.skip, [lastParam.skip])
      if (nextSkip === undefined) return undefined
      const tail = tailAfter(offset.getItems(lastPage), lastParam.tail)
      if (nextSkip > maxSkip) return nextWindow(tail, lastParam, nextSkip)
      const next: CloseKeysetParam = {
        skip: nextSkip,
        below: lastParam.below,
        windowStart: lastParam.windowStart,
      }
      if (tail !== undefined) next.tail = tail
      return next
    },
    // Back within the window only; what came before the page reached is not known, so no `tail`.
    getPreviousPageParam: (firstPage, _allPages, firstParam) => {
      const length = firstParam.skip > 0 ? offset.getItems(firstPage).length : 0
      if (length === 0) return undefined
      const { below, windowStart } = firstParam
      return { skip: Math.max(0, firstParam.skip - length), below, windowStart }
    },
    // `total_results` of a later window counts that window: the records above it make it the whole list's again.
    getTotal: (response: TResponse, pageParam?: CloseKeysetParam) => {
      const total = offset.getTotal?.(response)
      return total === undefined ? undefined : total + (pageParam?.windowStart ?? 0)
    },
  }
  return checkedAdapter(adapter, owner)
}

/** Development only: the keyset is the developer's own option. */
function checkKeyset(keyset: CloseKeyset | undefined, owner: string): void {
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
