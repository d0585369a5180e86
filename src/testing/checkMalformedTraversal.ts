import { MalformedResponseError, PagewiseError } from '../core/errors'
import type { CheckContext } from './checkContext'
import { describeAdapterError, describeError, failWith } from './checkContext'
import { checkPageItems } from './checkPageItems'
import { describeParam } from './describeParam'
import type { Traversal } from './simulateTraversal'

/**
 * Checks a run in which one answer was malformed: the adapter must refuse that answer with the expected typed error
 * before handing it out. Returns whether the malformed answer was sent (a list can end before the chosen page).
 */
export function checkMalformedTraversal<TResponse, TItem, TParam>(
  context: CheckContext<TResponse, TItem, TParam>,
  traversal: Traversal<TItem>,
): boolean {
  const fail = failWith(traversal)
  const { end, malformed } = traversal
  if (malformed === undefined) {
    // The list ended, or broke, before the malformed answer: the run checks a well-formed list.
    if (end.kind === 'violation') fail(end.property, end.detail)
    if (end.kind === 'adapter-error')
      fail('valid-pages-read', describeAdapterError(context.server.name, traversal, end.error))
    checkPageItems(context, traversal)
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
