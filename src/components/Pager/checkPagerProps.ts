import { InvalidOptionError } from '../../core/errors'
import { warnOnce } from '../../core/warnOnce'
import type { PagerProps } from './pagerTypes'

/** Replaced by the application's bundler: production builds drop the development-only checks below. */
declare const process: { env: { NODE_ENV?: string } }

/** The name `<Pager>` gives itself in errors and warnings. */
export const PAGER = '<Pager>'

/**
 * Checks the props a pager cannot work without, throwing `InvalidOptionError` naming `<Pager>` and the prop.
 * (`siblingCount`, `boundaryCount` and `pageSizeOptions` are checked where they are used.) Development only.
 */
export function checkPagerProps(props: PagerProps): void {
  if (process.env.NODE_ENV === 'production') return
  const { list, variant, labels } = props
  if (
    typeof list !== 'object' ||
    list === null ||
    !Array.isArray(list.items) ||
    typeof list.goToPage !== 'function'
  ) {
    throw new InvalidOptionError(PAGER, 'list', 'the result of usePagedList', list)
  }
  if (variant !== undefined && variant !== 'full' && variant !== 'compact') {
    throw new InvalidOptionError(PAGER, 'variant', '"full" or "compact"', variant)
  }
  if (labels !== undefined && (typeof labels !== 'object' || labels === null)) {
    throw new InvalidOptionError(PAGER, 'labels', 'an object of texts', labels)
  }
}

/** One development warning when the pager has no accessible name. */
export function warnIfUnnamed(props: Pick<PagerProps, 'aria-label' | 'aria-labelledby'>): void {
  if (process.env.NODE_ENV === 'production' || props['aria-label'] || props['aria-labelledby']) return
  warnOnce(
    'Pager:name',
    `[pagewise] ${PAGER}: give the pager an accessible name with aria-label="…" (say, "Deals pages") or ` +
      'aria-labelledby="<heading id>": a page can hold several navigation landmarks, and each needs a name.',
  )
}
