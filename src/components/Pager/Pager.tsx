import { forwardRef, useId } from 'react'
import type { PaginationControl } from '../../hooks/usePagination'
import { paginationOf } from '../../hooks/usePagination'
import { errorText, formatCount } from '../shared/format'
import { classNames, useLiveRegion } from '../shared/parts'
import { checkPagerProps, PAGER } from './checkPagerProps'
import { PagerButton } from './PagerButton'
import { JumpToPage, PagerError } from './PagerParts'
import { defaultPagerLabels, pageWords } from './pagerTexts'
import type { PagerProps } from './pagerTypes'

const GLYPHS = { first: '«', previous: '‹', next: '›', last: '»' }

/**
 * Page navigation for a `usePagedList` result, in a `<nav>`. It adapts to what the API allows:
 *
 * - offset APIs that report a total: First, Previous, numbered pages with ellipses, Next, Last, a jump-to-page field
 *   and "101–150 of 1,234";
 * - cursor APIs, and offset APIs without a total: Previous, "Page 3", Next and "101–150 of many" (Previous works on
 *   forward-only cursors too: `usePagedList` keeps the cursors it saw).
 *
 * While a page loads, the page before stays on screen and the pager is busy (`aria-busy`, `data-state="loading"`);
 * a polite live region announces "Page 3 of 25" once it has landed. Buttons that cannot act are disabled, and one
 * that has focus stays focusable (`aria-disabled`). Style it with `pagewise/styles.css` and the `pw-pager__*`
 * classes; render your own pager with `usePagination` instead when you need other markup.
 *
 * @example
 * const deals = usePagedList({ queryKey: ['deals'], adapter: pipedriveCursor<Deal>(), fetchPage, pageSize: 50 })
 * <DealTable deals={deals.items} />
 * <Pager list={deals} pageSizeOptions={[25, 50, 100]} aria-label="Deals pages" />
 */
export const Pager = /* @__PURE__ */ forwardRef<HTMLElement, PagerProps>(function Pager(props, ref) {
  if (process.env.NODE_ENV !== 'production') checkPagerProps(props)
  const {
    list,
    pageSizeOptions,
    siblingCount,
    boundaryCount,
    variant = 'full',
    showJumpToPage = true,
    locale,
    labels: labelOverrides,
    className,
    ...navProps
  } = props
  const labels = { ...defaultPagerLabels, ...labelOverrides }
  const pagination = paginationOf(list, { siblingCount, boundaryCount }, PAGER)
  const { state, mode, range, pageIndex, pageCount } = pagination
  // The page shown, in words: "Page 3 of 25" between Previous and Next, in the announcement and in the error.
  const words = pageWords(pageIndex, pageCount, locale)
  // "Page 3 of 25" once the page moved to has landed (not while it loads, and not for the first page shown), so screen
  // reader users hear where they are after each move.
  const liveRegion = useLiveRegion(
    pageIndex,
    (seen) =>
      list.status === 'success' && !list.isPlaceholderData && seen !== pageIndex
        ? () => labels.pageChanged(words)
        : undefined,
    'pw-pager__announcer',
  )
  const sizeId = useId()
  const full = variant === 'full'
  const pageButtons = full && mode === 'numbered'
  const count = (value: number) => formatCount(value, locale)

  // One control of the list: a step button named in words ("Next page") with a glyph shown (and, compact, the word
  // beside it), a numbered page ("Go to page 5", the current one with `aria-current="page"`), an ellipsis, or
  // "Page 3" between Previous and Next when the pages are not numbered.
  const control = (item: PaginationControl) => {
    if (item.type === 'ellipsis') return <span className="pw-pager__ellipsis">…</span>
    if (item.type === 'page') {
      if (!pageButtons) {
        return (
          <span className="pw-pager__current" aria-current="page">
            {labels.page(words)}
          </span>
        )
      }
      const page = pageWords(item.pageIndex, undefined, locale)
      return (
        <PagerButton
          className="pw-pager__page"
          data-action="page"
          data-current={item.selected ? '' : undefined}
          aria-current={item.selected ? 'page' : undefined}
          aria-label={(item.selected ? labels.currentPage : labels.goToPage)(page)}
          disabled={item.disabled}
          onClick={item.onSelect}
        >
          {page.page}
        </PagerButton>
      )
    }
    const { type } = item
    const text = full ? null : (
      <span className="pw-pager__step-text">{labels[type as 'previous' | 'next']}</span>
    )
    return (
      <PagerButton
        className="pw-pager__step"
        data-action={type}
        aria-label={labels[`${type}Page`]}
        disabled={item.disabled}
        onClick={item.onSelect}
      >
        {type === 'next' ? text : null}
        <span className="pw-pager__glyph" aria-hidden="true">
          {GLYPHS[type]}
        </span>
        {type === 'previous' ? text : null}
      </PagerButton>
    )
  }

  return (
    <nav
      ref={ref}
      {...navProps}
      className={classNames('pw-pager', className)}
      data-state={state}
      data-variant={variant}
      data-mode={mode}
      aria-busy={state === 'loading' || undefined}
    >
      {full ? (
        <p className="pw-pager__range">
          {range
            ? labels.range({
                start: count(range.start),
                end: count(range.end),
                total: range.total === undefined ? undefined : count(range.total),
              })
            : pagination.isEmpty
              ? labels.empty
              : list.status === 'pending'
                ? labels.loading
                : ''}
        </p>
      ) : null}
      <ul className="pw-pager__list">
        {pagination.items.map((item) =>
          // The compact variant keeps Previous, the current page and Next.
          full ||
          item.type === 'previous' ||
          item.type === 'next' ||
          (item.type === 'page' && item.selected) ? (
            <li
              key={item.key}
              className="pw-pager__item"
              data-type={item.type}
              aria-hidden={item.type === 'ellipsis' || undefined}
            >
              {control(item)}
            </li>
          ) : null,
        )}
      </ul>
      {pageButtons && showJumpToPage && pageCount !== undefined && pageCount > 1 ? (
        <JumpToPage list={list} pageCount={pageCount} labels={labels} locale={locale} />
      ) : null}
      {full && pageSizeOptions !== undefined ? (
        // The page-size menu: a labelled native <select> of the sizes up to the adapter's maxLimit (the API would
        // refuse larger ones), plus the size in use, ascending.
        <div className="pw-pager__page-size">
          <label className="pw-pager__page-size-label" htmlFor={sizeId}>
            {labels.pageSize}
          </label>
          <select
            id={sizeId}
            className="pw-pager__page-size-select"
            value={list.pageSize}
            onChange={(event) => list.setPageSize(Number(event.currentTarget.value))}
          >
            {[...new Set([...pageSizeOptions.filter((size) => size <= list.adapter.maxLimit), list.pageSize])]
              .sort((a, b) => a - b)
              .map((size) => (
                <option key={size} value={size}>
                  {count(size)}
                </option>
              ))}
          </select>
        </div>
      ) : null}
      {state === 'error' ? (
        <PagerError
          message={labels.error({ ...words, message: errorText(list.error) })}
          retryLabel={labels.retry}
          onRetry={() => void list.retry()}
        />
      ) : null}
      {liveRegion}
    </nav>
  )
})
