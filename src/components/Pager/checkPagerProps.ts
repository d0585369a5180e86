import { InvalidOptionError } from '../../core/errors'
import { warnOnce } from '../../core/warnOnce'
import type { PagerProps } from './pagerTypes'

/** The name `<Pager>` gives itself in errors and warnings. */
export const PAGER = '<Pager>'

/**
 * Checks the props a pager cannot work without, throwing `InvalidOptionError` naming `<Pager>` and the prop
 * (`siblingCount` and `boundaryCount` are checked by `usePagination`), and warns once when the pager has no accessible
 * name. Development only.
 */
export function checkPagerProps(props: PagerProps): void {
  if (process.env.NODE_ENV === 'production') return
  const { list, variant, labels, pageSizeOptions } = props
  const invalid = (option: string, expected: string, received: unknown) =>
    new InvalidOptionError(PAGER, option, expected, received)
  if (
    typeof list !== 'object' ||
    list === null ||
    !Array.isArray(list.items) ||
    typeof list.goToPage !== 'function'
  ) {
    throw invalid('list', 'the result of usePagedList', list)
  }
  if (variant !== undefined && variant !== 'full' && variant !== 'compact') {
    throw invalid('variant', '"full" or "compact"', variant)
  }
  if (labels !== undefined && (typeof labels !== 'object' || labels === null)) {
    throw invalid('labels', 'an object of texts', labels)
  }
  if (pageSizeOptions !== undefined) {
    if (!Array.isArray(pageSizeOptions) || pageSizeOptions.length === 0) {
      throw invalid('pageSizeOptions', 'a non-empty array of page sizes', pageSizeOptions)
    }
    const wrong = pageSizeOptions.find((size) => !Number.isInteger(size) || size < 1)
    if (wrong !== undefined) throw invalid('pageSizeOptions', 'whole numbers >= 1', wrong)
  }
  if (!props['aria-label'] && !props['aria-labelledby']) {
    warnOnce(
      'Pager:name',
      `[pagewise] ${PAGER}: give the pager an accessible name with aria-label="…" (say, "Deals pages") or ` +
        'aria-labelledby="<heading id>": a page can hold several navigation landmarks, and each needs a name.',
    )
  }
}
