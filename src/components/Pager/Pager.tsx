import { forwardRef } from 'react'
import { paginationOf } from '../../hooks/usePagination'
import { errorText, formatCount } from '../shared/format'
import { classNames, LiveRegion } from '../shared/parts'
import { checkPagerProps, PAGER } from './checkPagerProps'
import { JumpToPage, PagerError, PagerItems, PageSizeSelect } from './PagerParts'
import { defaultPagerLabels, pageWords, usePageAnnouncement } from './pagerTexts'
import type { PagerProps } from './pagerTypes'

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
  checkPagerProps(props)
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
  const announcement = usePageAnnouncement(list, labels, locale)
  const { state, mode, range, pageIndex, pageCount } = pagination
  const full = variant === 'full'
  const count = (value: number) => formatCount(value, locale)
  const rangeText = range
    ? labels.range({
        start: count(range.start),
        end: count(range.end),
        total: range.total === undefined ? undefined : count(range.total),
      })
    : pagination.isEmpty
      ? labels.empty
      : list.status === 'pending'
        ? labels.loading
        : ''

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
      {full ? <p className="pw-pager__range">{rangeText}</p> : null}
      <PagerItems pagination={pagination} compact={!full} labels={labels} locale={locale} />
      {full && mode === 'numbered' && showJumpToPage && pageCount !== undefined && pageCount > 1 ? (
        <JumpToPage
          pageCount={pageCount}
          canGoToPage={list.canGoToPage}
          goToPage={list.goToPage}
          labels={labels}
          locale={locale}
        />
      ) : null}
      {full && pageSizeOptions !== undefined ? (
        <PageSizeSelect
          // The sizes up to the adapter's maxLimit (the API would refuse larger ones), plus the size in use, ascending.
          sizes={[
            ...new Set([...pageSizeOptions.filter((size) => size <= list.adapter.maxLimit), list.pageSize]),
          ].sort((a, b) => a - b)}
          value={list.pageSize}
          onChange={list.setPageSize}
          label={labels.pageSize}
          locale={locale}
        />
      ) : null}
      {state === 'error' ? (
        <PagerError
          message={labels.error({
            ...pageWords(pageIndex, pageCount, locale),
            message: errorText(list.error),
          })}
          retryLabel={labels.retry}
          onRetry={() => void list.retry()}
        />
      ) : null}
      <LiveRegion message={announcement} className="pw-pager__announcer" />
    </nav>
  )
})
