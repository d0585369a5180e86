import { MalformedResponseError, PagewiseError } from '../core/errors'
import { appendUnique } from '../core/itemFlattener'
import type { GetItemId } from '../core/itemFlattener'
import type { PaginationAdapter } from '../core/types'
import type { SimulatedServer } from './simulatedServer'
import { PropertyFailure } from './simulateTraversal'
import type { Traversal } from './simulateTraversal'
import { describeIds, describeParam, paramKey } from './conformanceScenario'
import type { ConformanceProperty } from './conformanceScenario'

/** Properties every traversal run checks, whatever happened in it. */
const ALWAYS: readonly ConformanceProperty[] = [
  'valid-pages-read',
  'well-formed-requests',
  'request-count',
  'distinct-page-params',
  'stops-at-end',
  'page-items',
]

/** What the checks need besides the traversal. */
export interface CheckContext<TItem> {
  adapter: PaginationAdapter<unknown, TItem, unknown>
  server: SimulatedServer<unknown>
  getItemId: GetItemId<TItem>
}

/**
 * Checks a traversal over a well-formed list against every property that applies to it. Throws `PropertyFailure`
 * for the first one broken; returns the properties checked.
 */
export function checkTraversal<TItem>(
  context: CheckContext<TItem>,
  traversal: Traversal<TItem>,
): ConformanceProperty[] {
  checkWellFormedRun(context, traversal)
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

/**
 * Checks a run in which one answer was malformed: the adapter must refuse that answer with the expected typed error
 * before handing it out. Returns whether the malformed answer was sent (a list can end before the chosen page).
 */
export function checkMalformedTraversal<TItem>(
  context: CheckContext<TItem>,
  traversal: Traversal<TItem>,
): boolean {
  const fail = failWith(traversal)
  const { end, malformed } = traversal
  if (malformed === undefined) {
    // The list ended, or broke, before the malformed answer: the run checks a well-formed list.
    checkWellFormedRun(context, traversal)
    return false
  }
  const answer = `the malformed answer to request #${malformed.request} (${malformed.name})`
  if (end.kind === 'completed') {
    const next = traversal.requests.length > malformed.request ? 'went on to the next page' : 'ended the list'
    fail('malformed-pages', `the adapter accepted ${answer} without an error and ${next}`)
  }
  if (end.kind === 'violation') {
    fail('malformed-pages', `the adapter accepted ${answer} without an error, then: ${end.detail}`)
  }
  const error = end.kind === 'adapter-error' ? end.error : undefined
  const handedOut = traversal.pages.find((page) => page.number === malformed.request)
  if (handedOut !== undefined) {
    fail(
      'malformed-pages',
      `the adapter handed out ${answer} as a page of ${handedOut.items.length} items before failing with ${describeError(error)}`,
    )
  }
  const expected = malformed.expect ?? MalformedResponseError
  if (!(error instanceof expected)) {
    fail(
      'malformed-pages',
      `the adapter threw ${describeError(error)} on ${answer}; expected a ${expected.name}`,
    )
  }
  if (error instanceof PagewiseError && error.adapterId !== context.adapter.id) {
    fail(
      'malformed-pages',
      `the ${error.name} thrown on ${answer} names the adapter ${describeParam(error.adapterId)}, not ${describeParam(context.adapter.id)}`,
    )
  }
  checkPageItems(context, traversal)
  return true
}

/** The run read its well-formed pages to the end, and each handed-out page holds the records the server sent. */
function checkWellFormedRun<TItem>(context: CheckContext<TItem>, traversal: Traversal<TItem>): void {
  const fail = failWith(traversal)
  const { end, requests, pages } = traversal
  if (end.kind === 'violation') fail(end.property, end.detail)
  if (end.kind === 'adapter-error') {
    const where =
      pages.length < requests.length
        ? `reading the answer to request #${requests.length}`
        : `building request #${requests.length + 1}`
    const hint =
      end.error instanceof MalformedResponseError
        ? ` Is ${describeParam(context.server.name)} the simulated server for this adapter?`
        : ''
    fail(
      'valid-pages-read',
      `the adapter threw ${describeError(end.error)} ${where} of a well-formed list.${hint}`,
    )
  }
  checkPageItems(context, traversal)
}

function checkPageItems<TItem>(context: CheckContext<TItem>, traversal: Traversal<TItem>): void {
  for (const page of traversal.pages) {
    const served = traversal.requests[page.number - 1]?.page
    if (served === undefined) continue
    const expected = served.records.map((record) => record.id)
    const received = page.items.map(context.getItemId)
    if (expected.length !== received.length || expected.some((id, index) => id !== received[index])) {
      failWith(traversal)(
        'page-items',
        `the answer to request #${page.number} held ${describeIds(expected)}; getItems returned ${describeIds(received)}`,
      )
    }
  }
}

/** getTotal reads back the total the server reported. Returns whether the run could check it. */
function checkTotal<TItem>(context: CheckContext<TItem>, traversal: Traversal<TItem>): boolean {
  const { adapter, server } = context
  if (!server.reportsTotal || adapter.getTotal === undefined) return false
  let checked = false
  for (const page of traversal.pages) {
    const request = traversal.requests[page.number - 1]
    const served = request?.page
    if (served?.total === undefined) continue
    checked = true
    let total: unknown
    try {
      // With the page param, as pagewise reads it (a keyset window's total counts from the window's start).
      total = adapter.getTotal(page.response, request?.pageParam)
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
 * Without drift: every record is received once, in order. The only second copies allowed are the records a keyset
 * window starts with that the window before it served (the server counts them; there are none on servers without
 * windows); the de-duplicated items, as the hooks show them, must then be the list, in order.
 */
function checkExactlyOnce<TItem>(context: CheckContext<TItem>, traversal: Traversal<TItem>): void {
  const firstSeen = new Map<unknown, number>()
  for (const page of traversal.pages) {
    const refetched = traversal.requests[page.number - 1]?.refetched ?? 0
    page.items.forEach((item, index) => {
      const id = context.getItemId(item)
      const first = firstSeen.get(id)
      if (first === undefined) firstSeen.set(id, page.number)
      else if (index >= refetched) {
        failWith(traversal)(
          'exactly-once',
          `${String(id)} was received twice: in the answers to request #${first} and request #${page.number}`,
        )
      }
    })
  }
  checkAllInOrder(traversal, 'exactly-once', dedupedIds(context, traversal), '')
}

/** With drift: the de-duplicated items (as usePaginatedList shows them) hold every initial record once, in order. */
function checkNoLossUnderDrift<TItem>(context: CheckContext<TItem>, traversal: Traversal<TItem>): void {
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

/** The ids of the de-duplicated items, as `usePaginatedList` shows them. */
function dedupedIds<TItem>(context: CheckContext<TItem>, traversal: Traversal<TItem>): unknown[] {
  const items: TItem[] = []
  const seen = new Set<unknown>()
  for (const page of traversal.pages) appendUnique(items, page.items, seen, context.getItemId)
  return items.map(context.getItemId)
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
  const initialIds = new Set<unknown>(initial.map((record) => record.id))
  const order = ids.filter((id) => initialIds.has(id))
  const wrong = order.findIndex((id, index) => id !== initial[index]?.id)
  if (wrong !== -1) {
    fail(
      property,
      `${String(order[wrong])} was received where ${initial[wrong]?.id} (record ${wrong + 1}) belongs: out of order`,
    )
  }
}

/**
 * Offset adapters: `pageParamAt(i, limit)` names the page the traversal reached as page i, for each page reached
 * through full pages, on runs where nothing moved and pages are not capped. Returns whether the run could check it.
 */
function checkRandomAccess<TItem>(context: CheckContext<TItem>, traversal: Traversal<TItem>): boolean {
  const { adapter } = context
  const { scenario, limit } = traversal
  if (adapter.kind !== 'offset' || adapter.pageParamAt === undefined || traversal.list.inserted > 0)
    return false
  if (
    scenario.kind === 'traversal' &&
    scenario.serverPageCap !== undefined &&
    scenario.serverPageCap < limit
  ) {
    return false
  }
  // Only pages reached through full pages sit at index × limit: the page after a short last page does not.
  const reachable = traversal.requests.findIndex((request) => request.page?.records.length !== limit) + 1
  traversal.requests.slice(0, reachable || undefined).forEach((request, index) => {
    let param: unknown
    try {
      param = adapter.pageParamAt?.(index, limit)
    } catch (error) {
      failWith(traversal)('random-access', `pageParamAt(${index}, ${limit}) threw ${describeError(error)}`)
    }
    if (paramKey(param) !== paramKey(request.pageParam)) {
      failWith(traversal)(
        'random-access',
        `pageParamAt(${index}, ${limit}) returned ${describeParam(param)}, but the traversal reached page ${index} ` +
          `(request #${request.number}) with ${describeParam(request.pageParam)}`,
      )
    }
  })
  return true
}

/** Fails the run: throws the `PropertyFailure` of `traversal`. */
function failWith(traversal: Traversal<unknown>) {
  return (property: ConformanceProperty, detail: string): never => {
    throw new PropertyFailure(property, detail, traversal)
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name} (${error.message})` : describeParam(error)
}
