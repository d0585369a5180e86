import type { CheckContext } from './checkContext'
import { failWith } from './checkContext'
import { describeIds } from './describeIds'
import type { Traversal } from './simulateTraversal'

/** Each handed-out page holds the records the server sent, in order. */
export function checkPageItems<TResponse, TItem, TParam>(
  context: CheckContext<TResponse, TItem, TParam>,
  traversal: Traversal<TItem>,
): void {
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
