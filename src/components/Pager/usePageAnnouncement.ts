import { useState } from 'react'
import type { PaginationList } from '../../hooks/usePagination'
import { formatCount } from '../shared/formatCount'
import type { PagerLabels, PageWords } from './pagerLabels'

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

/**
 * The sentence for the pager's polite live region: "Page 3 of 25" once the page moved to has landed (not while
 * it loads, and not for the first page shown), so screen reader users hear where they are after each move.
 */
export function usePageAnnouncement(
  list: Pick<PaginationList, 'pageIndex' | 'pageCount' | 'status' | 'isPlaceholderData'>,
  labels: Pick<PagerLabels, 'pageChanged'>,
  locale: string | undefined,
): string {
  const { pageIndex, pageCount } = list
  const landed = list.status === 'success' && !list.isPlaceholderData
  const [announced, setAnnounced] = useState({ pageIndex, message: '' })
  if (landed && announced.pageIndex !== pageIndex) {
    // Follows the list during render (React's pattern for state derived from props), so it is never a frame late.
    setAnnounced({ pageIndex, message: labels.pageChanged(pageWords(pageIndex, pageCount, locale)) })
  }
  return announced.message
}
