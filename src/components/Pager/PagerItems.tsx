import type { Pagination, PaginationControl, PaginationStepControl } from '../../hooks/usePagination'
import { PagerButton } from './PagerButton'
import type { PagerLabels } from './pagerLabels'
import type { PagerVariant } from './pagerTypes'
import { pageWords } from './usePageAnnouncement'

/** Props of `PagerItems`. */
export interface PagerItemsProps {
  pagination: Pagination
  variant: PagerVariant
  labels: PagerLabels
  locale: string | undefined
}

const GLYPHS: Record<PaginationStepControl['type'], string> = {
  first: '«',
  previous: '‹',
  next: '›',
  last: '»',
}

/**
 * The pager's controls as a list (class `pw-pager__list`): step buttons named in words ("Next page") with a glyph
 * shown, numbered pages ("Go to page 5", the current one with `aria-current="page"`), ellipses hidden from
 * assistive technology, or "Page 3" between Previous and Next when pages are not numbered.
 */
export function PagerItems({ pagination, variant, labels, locale }: PagerItemsProps) {
  const compact = variant === 'compact'
  const items = compact
    ? pagination.items.filter(
        (item) => item.type === 'previous' || item.type === 'next' || (item.type === 'page' && item.selected),
      )
    : pagination.items
  return (
    <ul className="pw-pager__list">
      {items.map((item) => (
        <li
          key={item.key}
          className="pw-pager__item"
          data-type={item.type}
          aria-hidden={item.type === 'ellipsis' || undefined}
        >
          {renderItem(item, pagination, compact, labels, locale)}
        </li>
      ))}
    </ul>
  )
}

function renderItem(
  item: PaginationControl,
  pagination: Pagination,
  compact: boolean,
  labels: PagerLabels,
  locale: string | undefined,
) {
  if (item.type === 'ellipsis') return <span className="pw-pager__ellipsis">…</span>
  if (item.type === 'page') {
    if (compact || pagination.mode === 'sequential') {
      return (
        <span className="pw-pager__current" aria-current="page">
          {labels.page(pageWords(item.pageIndex, pagination.pageCount, locale))}
        </span>
      )
    }
    const words = pageWords(item.pageIndex, undefined, locale)
    return (
      <PagerButton
        className="pw-pager__page"
        data-action="page"
        data-current={item.selected ? '' : undefined}
        aria-current={item.selected ? 'page' : undefined}
        aria-label={item.selected ? labels.currentPage(words) : labels.goToPage(words)}
        disabled={item.disabled}
        onClick={item.onSelect}
      >
        {words.page}
      </PagerButton>
    )
  }
  const name = {
    first: labels.firstPage,
    previous: labels.previousPage,
    next: labels.nextPage,
    last: labels.lastPage,
  }[item.type]
  const word = item.type === 'previous' ? labels.previous : item.type === 'next' ? labels.next : ''
  return (
    <PagerButton
      className="pw-pager__step"
      data-action={item.type}
      aria-label={name}
      disabled={item.disabled}
      onClick={item.onSelect}
    >
      {compact && item.type === 'next' ? <span className="pw-pager__step-text">{word}</span> : null}
      <span className="pw-pager__glyph" aria-hidden="true">
        {GLYPHS[item.type]}
      </span>
      {compact && item.type === 'previous' ? <span className="pw-pager__step-text">{word}</span> : null}
    </PagerButton>
  )
}
