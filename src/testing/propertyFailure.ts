import type { ConformanceProperty } from './conformanceProperties'
import type { Traversal } from './simulateTraversal'

/** Thrown inside a fast-check run when a traversal breaks a property; carries what the counter-example shows. */
export class PropertyFailure extends Error {
  constructor(
    readonly property: ConformanceProperty,
    readonly detail: string,
    readonly traversal: Traversal<unknown>,
  ) {
    super(`${property}: ${detail}`)
    this.name = 'PropertyFailure'
  }
}
