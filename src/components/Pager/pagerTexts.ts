import { formatCount } from '../shared/format'

// What <Pager> says: its labels, the words they receive, and the announcement after each move.

/** The page shown, formatted for the locale: `{ page: '3', pageCount: '25' }`. */
export interface PageWords {
  /** The page, 1-based and formatted (`'1,234'`). */
  page: string
  /** The number of pages, formatted; `undefined` when the total is not known. */
  pageCount: string | undefined
}

/** The records of the page shown, formatted for the locale: `{ start: '101', end: '150', total: '1,234' }`. */
export interface RangeWords {
  /** Position of the first record, 1-based. */
  start: string
  /** Position of the last record. */
  end: string
  /** Number of records in the list; `undefined` while unknown (no total reported, last page not reached). */
  total: string | undefined
}

/**
 * Every text `<Pager>` shows or announces. Functions receive numbers already formatted for `locale`. Pass only the
 * ones to change: `labels={{ nextPage: 'Nächste Seite' }}`.
 */
export interface PagerLabels {
  /** Accessible name of the First button. @default "First page" */
  firstPage: string
  /** Accessible name of the Previous button. @default "Previous page" */
  previousPage: string
  /** Accessible name of the Next button. @default "Next page" */
  nextPage: string
  /** Accessible name of the Last button. @default "Last page" */
  lastPage: string
  /** Visible text of the Previous button in the compact variant. @default "Previous" */
  previous: string
  /** Visible text of the Next button in the compact variant. @default "Next" */
  next: string
  /** Accessible name of a page button. @default "Go to page 5" */
  goToPage: (words: PageWords) => string
  /** Accessible name of the current page's button (numbered pages). @default "Page 5" */
  currentPage: (words: PageWords) => string
  /** The current page, shown between Previous and Next without numbered pages. @default "Page 3" or "Page 3 of 25" */
  page: (words: PageWords) => string
  /** Announced in the live region after each move. @default "Page 3 of 25", or "Page 3" when the total is unknown */
  pageChanged: (words: PageWords) => string
  /** The records shown. @default "101–150 of 1,234", or "101–150 of many" when the total is unknown */
  range: (words: RangeWords) => string
  /** Shown instead of the range while the first page loads. @default "Loading…" */
  loading: string
  /** Shown instead of the range when the list is empty. @default "No results" */
  empty: string
  /** Label of the page-size menu. @default "Per page" */
  pageSize: string
  /** Label of the jump-to-page field. @default "Jump to page" */
  jumpToPage: string
  /** The button that submits the jump-to-page field. @default "Go" */
  jump: string
  /** Shown when the jump-to-page field holds no page of the list. @default "Enter a page from 1 to 25" */
  jumpInvalid: (words: PageWords) => string
  /**
   * Shown, with Retry, when the page could not be loaded; `message` is the error as users read it
   * ("HTTP 503: <the provider's explanation>"). @default "Page 3 could not be loaded: <message>"
   */
  error: (words: PageWords & { message: string }) => string
  /** The button that loads the failed page again. @default "Retry" */
  retry: string
}

/** "Page 3 of 25", or "Page 3" when the number of pages is unknown. */
const pageOf = ({ page, pageCount }: PageWords) =>
  pageCount === undefined ? `Page ${page}` : `Page ${page} of ${pageCount}`

/** English texts, the defaults. */
export const defaultPagerLabels: PagerLabels = {
  firstPage: 'First page',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  lastPage: 'Last page',
  previous: 'Previous',
  next: 'Next',
  goToPage: ({ page }) => `Go to page ${page}`,
  currentPage: ({ page }) => `Page ${page}`,
  page: pageOf,
  pageChanged: pageOf,
  range: ({ start, end, total }) => `${start}–${end} of ${total ?? 'many'}`,
  loading: 'Loading…',
  empty: 'No results',
  pageSize: 'Per page',
  jumpToPage: 'Jump to page',
  jump: 'Go',
  jumpInvalid: ({ pageCount }) => `Enter a page from 1 to ${pageCount ?? 1}`,
  error: ({ page, message }) => `Page ${page} could not be loaded: ${message}`,
  retry: 'Retry',
}

/** The page shown, in words for the labels. */
export function pageWords(
  pageIndex: number,
  pageCount: number | undefined,
  locale: string | undefined,
): PageWords {
  return {
    page: formatCount(pageIndex + 1, locale),
    pageCount: pageCount === undefined ? undefined : formatCount(Math.max(pageCount, 1), locale),
  }
}
