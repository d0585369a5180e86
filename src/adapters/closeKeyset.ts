import { InvalidOptionError, OffsetLimitError } from '../core/errors'
import { checkField, readField } from '../core/readField'
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

  /**
   * The run of equal values that ends the window once `records` are added to what it had loaded (`tail`), each
   * record's value checked. The page is checked to be newest first. Across pages it cannot be: records added at the
   * head while paging push records already seen onto the next page (newer than the last one before it; the id
   * de-duplication drops them). The last page's last record is still the oldest loaded, which is all the next window
   * needs.
   */
  const tailAfter = (records: TItem[], tail: CloseKeysetTail | undefined): CloseKeysetTail | undefined => {
    let previous: string | number | undefined
    records.forEach((record, index) => {
      const at = `data[${index}].${field}`
      const value = readField(id, record, field) as string | number
      checkField(
        id,
        at,
        value,
        value !== '' && (typeof value === 'string' || Number.isFinite(value)),
        'a string or a number (keep it in _fields)',
      )
      checkField(
        id,
        at,
        value,
        previous === undefined || !isAbove(value, previous),
        `at most ${JSON.stringify(previous)} (keyset pagination needs the list ordered by ${field}, newest first)`,
      )
      tail =
        tail?.value === value
          ? { ...tail, count: tail.count + 1 }
          : { value, count: 1, above: tail?.value ?? null }
      previous = value
    })
    return tail
  }

  // `closeOffset`'s id (this one's), sizes and `getItems`, with keyset params: a cursor list, no page N.
  const adapter: PaginationAdapter<TResponse, TItem, CloseKeysetParam> = {
    ...offset,
    kind: 'cursor',
    initialPageParam: { skip: 0, below: null, windowStart: 0 },
    pageParamAt: undefined,
    toRequest: ({ skip, below }, limit) => {
      const request = offset.toRequest(skip, limit)
      if (below !== null) request.query[param] = String(below)
      return request
    },
    getNextPageParam: (lastPage, _allPages, { skip, below, windowStart, tail }) => {
      // Reads and checks the page (has_more, data, an empty page that claims more) as plain closeOffset does.
      const nextSkip = offset.getNextPageParam(lastPage, [], skip, [])
      if (nextSkip === undefined) return undefined
      const edge = tailAfter(offset.getItems(lastPage), tail)
      if (nextSkip <= maxSkip) return { skip: nextSkip, below, windowStart, ...(edge && { tail: edge }) }
      // The next window: the list below the edge, from `_skip=0`. `__lt` filters below the value just above the
      // edge run, `__lte` at the edge: either way it starts with the records equal to the edge, its only overlap
      // with this window.
      const nextBelow = edge && (inclusive ? edge.value : edge.above)
      if (nextBelow == null || nextBelow === below) {
        throw new OffsetLimitError(
          id,
          '_skip',
          nextSkip,
          maxSkip,
          `More records share ${field} = ${JSON.stringify(edge?.value)} than one window of _skip holds: ` +
            'narrow the query or use the Export API.',
        )
      }
      return { skip: 0, below: nextBelow, windowStart: windowStart + nextSkip - edge!.count }
    },
    // Back within the window only; what came before the page reached is not known, so no `tail`.
    getPreviousPageParam: (firstPage, _allPages, { skip, below, windowStart }) => {
      const previousSkip = offset.getPreviousPageParam!(firstPage, [], skip, [])
      return previousSkip === undefined ? undefined : { skip: previousSkip, below, windowStart }
    },
    // Windows are slices of the list ordered by the keyset field, newest first: the one sort it can take.
    sortParams: (sort) => {
      if (sort.column !== field || sort.direction !== 'descending') {
        throw new InvalidOptionError(
          id,
          'sort',
          `{ column: '${field}', direction: 'descending' } or absent: keyset windows need the list newest first by ${field}`,
          sort,
        )
      }
      return offset.sortParams!(sort)
    },
    // `total_results` of a later window counts that window: the records above it make it the whole list's again.
    getTotal: (response: TResponse, pageParam?: CloseKeysetParam) => {
      const total = offset.getTotal!(response)
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

/** A keyset value on one scale: a number as it is, an ISO 8601 date as its instant, other text as `NaN`. */
const scale = (value: string | number): number =>
  typeof value === 'number' ? value : ISO_DATE.test(value) ? Date.parse(value) : NaN

/**
 * Whether `a` sorts strictly above (newer than) `b`: numbers by value, dates by instant (then as text, for
 * sub-millisecond digits), other text as text.
 */
function isAbove(a: string | number, b: string | number): boolean {
  const difference = scale(a) - scale(b)
  // `NaN` (not on one scale) and 0 (the same millisecond) compare as text.
  return difference ? difference > 0 : String(a) > String(b)
}
