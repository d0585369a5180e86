import { ItemFlattener } from '../core/itemFlattener'
import type { GetItemId } from '../core/itemFlattener'
import { containsPageParam } from '../adapters/defineAdapter'
import type { CheckContext } from './checkContext'
import { describeAdapterError, describeError, failWith } from './checkContext'
import { checkPageItems } from './checkPageItems'
import type { ConformanceProperty } from './conformanceProperties'
import { describeParam } from './describeParam'
import type { Traversal } from './simulateTraversal'

/** Properties every run checks, whatever happened in it. */
const ALWAYS: readonly ConformanceProperty[] = [
  'valid-pages-read',
  'well-formed-requests',
  'request-count',
  'distinct-page-params',
  'stops-at-end',
  'page-items',
]

/**
 * Checks a traversal over a well-formed list against every property that applies to it. Throws `PropertyFailure`
 * for the first one broken; returns the properties checked.
 */
export function checkTraversal<TResponse, TItem, TParam>(
  context: CheckContext<TResponse, TItem, TParam>,
  traversal: Traversal<TItem>,
): ConformanceProperty[] {
  const fail = failWith(traversal)
  const { end } = traversal
  if (end.kind === 'violation') fail(end.property, end.detail)
  if (end.kind === 'adapter-error')
    fail('valid-pages-read', describeAdapterError(context.server.name, traversal, end.error))
  checkPageItems(context, traversal)
  const checked = [...ALWAYS]
  if (checkTotal(context, traversal)) checked.push('total')
  if (traversal.list.inserted === 0) {
    checkExactlyOnce(context, traversal)
    checked.push('exactly-once')
  } else {
    checkNoLossUnderDrift(context, traversal)
    checked.push('no-loss-under-drift')
  }
  if (checkRandomAccess(context, traversal)) checked.push('random-access')
  return checked
}

/** getTotal reads back the total the server reported. Returns whether the run could check it. */
function checkTotal<TResponse, TItem, TParam>(
  context: CheckContext<TResponse, TItem, TParam>,
  traversal: Traversal<TItem>,
): boolean {
  const { adapter, server } = context
  if (!server.reportsTotal || adapter.getTotal === undefined) return false
  let checked = false
  for (const page of traversal.pages) {
    const served = traversal.requests[page.number - 1]?.page
    if (served?.total === undefined) continue
    checked = true
    let total: unknown
    try {
      total = adapter.getTotal(page.response as TResponse)
    } catch (error) {
      failWith(traversal)(
        'total',
        `getTotal threw ${describeError(error)} on the answer to request #${page.number}`,
      )
    }
    if (total !== served.total) {
      failWith(traversal)(
        'total',
        `the answer to request #${page.number} reported a total of ${served.total}; getTotal returned ${describeParam(total)}`,
      )
    }
  }
  return checked
}

/**
 * The ids received, each with the request whose answer held it, and whether the server served it again at the start
 * of a keyset window (a record on the edge value, which the window before it served too).
 */
function receivedIds<TItem>(
  getItemId: GetItemId<TItem>,
  traversal: Traversal<TItem>,
): { id: unknown; request: number; refetched: boolean }[] {
  return traversal.pages.flatMap((page) => {
    const refetched = traversal.requests[page.number - 1]?.refetched ?? 0
    return page.items.map((item, index) => ({
      id: getItemId(item),
      request: page.number,
      refetched: index < refetched,
    }))
  })
}

/**
 * Without drift: every record is received once, in order. The only second copies allowed are the records a keyset
 * window starts with that the window before it served (the server counts them; there are none on servers without
 * windows); the de-duplicated items, as the hooks show them, must then be the list, in order.
 */
function checkExactlyOnce<TResponse, TItem, TParam>(
  context: CheckContext<TResponse, TItem, TParam>,
  traversal: Traversal<TItem>,
): void {
  const fail = failWith(traversal)
  const received = receivedIds(context.getItemId, traversal)
  const firstSeen = new Map<unknown, number>()
  for (const { id, request, refetched } of received) {
    const first = firstSeen.get(id)
    if (first !== undefined && !refetched) {
      fail(
        'exactly-once',
        `${String(id)} was received twice: in the answers to request #${first} and request #${request}`,
      )
    }
    if (first === undefined) firstSeen.set(id, request)
  }
  checkAllInOrder(traversal, 'exactly-once', dedupedIds(context, traversal), '')
}

/** The ids of the de-duplicated items, as `usePaginatedList` shows them. */
function dedupedIds<TResponse, TItem, TParam>(
  context: CheckContext<TResponse, TItem, TParam>,
  traversal: Traversal<TItem>,
): unknown[] {
  const { adapter, getItemId } = context
  const items = new ItemFlattener<TResponse, TItem>().flatten(
    traversal.pages.map((page) => page.response as TResponse),
    (response) => adapter.getItems(response),
    getItemId,
  )
  return items.map(getItemId)
}

/** The list's initial records all appear in `ids`, in order; `ids` holds nothing else from the initial list. */
function checkAllInOrder(
  traversal: Traversal<unknown>,
  property: ConformanceProperty,
  ids: readonly unknown[],
  context: string,
): void {
  const fail = failWith(traversal)
  const { initial } = traversal.list
  const received = new Set(ids)
  const missing = initial.findIndex((record) => !received.has(record.id))
  if (missing !== -1) {
    const count = initial.filter((record) => !received.has(record.id)).length
    fail(
      property,
      `${initial[missing]?.id} (record ${missing + 1} of ${initial.length}) was never received${context}; ` +
        `${count} of ${initial.length} records lost`,
    )
  }
  const initialIds = new Set(initial.map((record) => record.id))
  const order = ids.filter((id) => initialIds.has(id as string))
  const wrong = order.findIndex((id, index) => id !== initial[index]?.id)
  if (wrong !== -1) {
    fail(
      property,
      `${String(order[wrong])} was received where ${initial[wrong]?.id} (record ${wrong + 1}) belongs: out of order`,
    )
  }
}

/** With drift: the de-duplicated items (as usePaginatedList shows them) hold every initial record once, in order. */
function checkNoLossUnderDrift<TResponse, TItem, TParam>(
  context: CheckContext<TResponse, TItem, TParam>,
  traversal: Traversal<TItem>,
): void {
  const ids = dedupedIds(context, traversal)
  const seen = new Set<unknown>()
  for (const id of ids) {
    if (seen.has(id)) {
      failWith(traversal)(
        'no-loss-under-drift',
        `the de-duplicated items hold ${String(id)} twice (getItemId must return each record's id)`,
      )
    }
    seen.add(id)
  }
  checkAllInOrder(
    traversal,
    'no-loss-under-drift',
    ids,
    ` although it was in the list throughout (${traversal.list.inserted} records were inserted at the head while paging)`,
  )
}

/**
 * Offset adapters: `pageParamAt(i, limit)` names the page the traversal reached as page i, for each page reached
 * through full pages, on runs where nothing moved and pages are not capped. Returns whether the run could check it.
 */
function checkRandomAccess<TResponse, TItem, TParam>(
  context: CheckContext<TResponse, TItem, TParam>,
  traversal: Traversal<TItem>,
): boolean {
  const { adapter } = context
  const { scenario, limit } = traversal
  if (adapter.kind !== 'offset' || adapter.pageParamAt === undefined) return false
  if (traversal.list.inserted > 0) return false
  if (scenario.kind === 'traversal' && scenario.serverPageCap !== undefined && scenario.serverPageCap < limit)
    return false
  // Only pages reached through full pages sit at index × limit: the page after a short last page does not.
  const reachable = traversal.requests.findIndex((request) => request.page?.records.length !== limit) + 1
  traversal.requests.slice(0, reachable || undefined).forEach((request, index) => {
    let param: unknown
    try {
      param = adapter.pageParamAt?.(index, limit)
    } catch (error) {
      failWith(traversal)('random-access', `pageParamAt(${index}, ${limit}) threw ${describeError(error)}`)
    }
    if (!containsPageParam([request.pageParam], param)) {
      failWith(traversal)(
        'random-access',
        `pageParamAt(${index}, ${limit}) returned ${describeParam(param)}, but the traversal reached page ${index} ` +
          `(request #${request.number}) with ${describeParam(request.pageParam)}`,
      )
    }
  })
  return true
}
