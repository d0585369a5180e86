import { InvalidOptionError } from '../../core/errors'

/** Replaced by the application's bundler: production builds drop the development-only checks here. */
declare const process: { env: { NODE_ENV?: string } }

/**
 * The page sizes a page-size menu offers: `options` up to the adapter's `maxLimit` (larger ones are left out, as the
 * API would refuse them), plus the current size when it is not among them, in ascending order.
 * Throws `InvalidOptionError` for an empty list or a size that is not a positive whole number.
 *
 * @example
 * pageSizeChoices([25, 50, 100, 1000], 500, 50) // [25, 50, 100]
 */
export function pageSizeChoices(
  options: readonly number[],
  maxLimit: number,
  current: number,
  owner = 'pageSizeChoices',
): number[] {
  if (process.env.NODE_ENV !== 'production') {
    if (!Array.isArray(options) || options.length === 0) {
      throw new InvalidOptionError(owner, 'pageSizeOptions', 'a non-empty array of page sizes', options)
    }
    for (const size of options) {
      if (!Number.isInteger(size) || size < 1) {
        throw new InvalidOptionError(owner, 'pageSizeOptions', 'whole numbers >= 1', size)
      }
    }
  }
  const sizes = new Set(options.filter((size) => size <= maxLimit))
  sizes.add(current)
  return [...sizes].sort((a, b) => a - b)
}
