import type { HTMLAttributes } from 'react'
import type { PaginationState } from '../../core/paginationModel'
import type { PaginationList } from '../../hooks/usePagination'
import type { PagerLabels } from './pagerTexts'

/**
 * The look of a pager: `'full'` (range, First / Previous / pages / Next / Last, jump-to-page and page-size menu) or
 * `'compact'` (Previous, "Page 3 of 25", Next), for narrow cards. Mirrored as `data-variant`.
 */
export type PagerVariant = 'full' | 'compact'

/**
 * The pager's state, mirrored as `data-state` on its root (with `aria-busy` while loading): `loading` while the
 * page shown is fetched (the page before stays on screen), `error` when it failed, else `idle`.
 */
export type PagerState = PaginationState

/** Props of `<Pager>`. Other `<nav>` props (`id`, `className`, `style`, `data-*`, handlers) go to the root. */
export interface PagerProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** The list to page through: the result of `usePagedList`. */
  list: PaginationList
  /** The pager's accessible name, such as "Deals pages". One of `aria-label` or `aria-labelledby` is required. */
  'aria-label'?: string
  /** The id of the element naming the pager, such as the heading of the list it pages. */
  'aria-labelledby'?: string
  /**
   * Page sizes for the page-size menu; sizes above the adapter's `maxLimit` are left out, and the current size is
   * added when missing. No menu without it, or in the compact variant.
   * @default undefined
   */
  pageSizeOptions?: readonly number[]
  /** Pages shown on each side of the current page (numbered pages). @default 1 */
  siblingCount?: number
  /** Pages always shown at the start and at the end (numbered pages). @default 1 */
  boundaryCount?: number
  /** `'full'`, or `'compact'` for narrow cards: Previous, "Page 3 of 25", Next. @default 'full' */
  variant?: PagerVariant
  /** Show the jump-to-page field (numbered pages, full variant). @default true */
  showJumpToPage?: boolean
  /** Locale of every number shown (`Intl.NumberFormat`): `'de-DE'` writes 1.234. @default the browser's */
  locale?: string
  /** Texts to change; the others keep their English defaults (see `PagerLabels`). @default {} */
  labels?: Partial<PagerLabels>
}
