/**
 * The page params a traversal requested, compared as `defineAdapter`'s loop guard compares them: primitives by
 * value, objects by their JSON. Constant time per request, so a 5,000-request traversal stays fast.
 */
export class PageParamSet {
  readonly #primitives = new Map<unknown, number>()
  readonly #objects = new Map<string, number>()

  /** Records `param` as requested by request `number`; returns the request that asked for it first, if any. */
  add(param: unknown, number: number): number | undefined {
    const isObject = typeof param === 'object' && param !== null
    const map: Map<unknown, number> = isObject ? this.#objects : this.#primitives
    const key = isObject ? JSON.stringify(param) : param
    const first = map.get(key)
    if (first !== undefined) return first
    map.set(key, number)
    return undefined
  }
}
