import { MalformedResponseError } from '../core/errors'
import type { GetItemId } from '../core/itemFlattener'
import type { PaginationAdapter } from '../core/types'
import type { ConformanceProperty } from './conformanceProperties'
import { describeParam } from './describeParam'
import { PropertyFailure } from './propertyFailure'
import type { SimulatedServer } from './simulatedServer'
import type { Traversal } from './simulateTraversal'

/** What the checks need besides the traversal. */
export interface CheckContext<TResponse, TItem, TParam> {
  adapter: PaginationAdapter<TResponse, TItem, TParam>
  server: SimulatedServer<TResponse>
  getItemId: GetItemId<TItem>
}

/** Fails the run: throws the `PropertyFailure` of `traversal`. */
export function failWith(traversal: Traversal<unknown>) {
  return (property: ConformanceProperty, detail: string): never => {
    throw new PropertyFailure(property, detail, traversal)
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name} (${error.message})`
  return describeParam(error)
}

/** Where in the traversal the adapter threw, and what. */
export function describeAdapterError(
  serverName: string,
  traversal: Traversal<unknown>,
  error: unknown,
): string {
  const { requests, pages } = traversal
  const where =
    pages.length < requests.length
      ? `reading the answer to request #${requests.length}`
      : `building request #${requests.length + 1}`
  const hint =
    error instanceof MalformedResponseError
      ? ` Is ${describeParam(serverName)} the simulated server for this adapter?`
      : ''
  return `the adapter threw ${describeError(error)} ${where} of a well-formed list.${hint}`
}
