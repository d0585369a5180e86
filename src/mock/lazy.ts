/**
 * Defines `key` on `target` as a value computed on first read (then stored as a plain writable property),
 * so a dataset only pays for the resources a test or story touches.
 */
export function defineLazy<T extends object, K extends keyof T>(
  target: T,
  key: K,
  compute: () => T[K],
): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute()
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true })
      return value
    },
    set(value: T[K]) {
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true })
    },
  })
}

/** Whether a lazy property has been computed (or assigned) already. */
export function isMaterialised<T extends object>(target: T, key: keyof T): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(target, key)
  return descriptor !== undefined && 'value' in descriptor
}
