import { forwardRef, useCallback, useEffect, useRef } from 'react'
import { paginationOf } from '../../hooks/usePagination'
import { classNames } from '../shared/classNames'
import { errorText } from '../shared/errorText'
import { formatCount } from '../shared/formatCount'
import { LiveRegion } from '../shared/LiveRegion'
import { checkPagerProps, PAGER, warnIfUnnamed } from './checkPagerProps'
import { JumpToPage } from './JumpToPage'
import { pageSizeChoices } from './pageSizeChoices'
import { PageSizeSelect } from './PageSizeSelect'
import { PagerError } from './PagerError'
import { PagerItems } from './PagerItems'
import { defaultPagerLabels } from './pagerLabels'
import type { PagerProps } from './pagerTypes'
import { pageWords, usePageAnnouncement } from './usePageAnnouncement'

/** Where focus goes when the Retry button it was on goes away: the current page, else the first working button. */
const AFTER_RETRY = [
  'button[aria-current="page"]',
  'button[data-action="next"]:not(:disabled)',
  'button[data-action="previous"]:not(:disabled)',
  'button:not(:disabled)',
  'select',
]

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
  const sizes =
    pageSizeOptions === undefined
      ? undefined
      : pageSizeChoices(pageSizeOptions, list.adapter.maxLimit, list.pageSize, PAGER)
  const announcement = usePageAnnouncement(list, labels, locale)
  const { state, mode, range, pageIndex, pageCount } = pagination
  const full = variant === 'full'

  const ariaLabel = props['aria-label']
  const ariaLabelledBy = props['aria-labelledby']
  useEffect(() => {
    warnIfUnnamed({ 'aria-label': ariaLabel, 'aria-labelledby': ariaLabelledBy })
  }, [ariaLabel, ariaLabelledBy])

  const rootRef = useRef<HTMLElement | null>(null)
  const setRoot = useCallback(
    (node: HTMLElement | null) => {
      rootRef.current = node
      if (typeof ref === 'function') ref(node)
      else if (ref) ref.current = node
    },
    [ref],
  )
  const focusAfterRetry = useCallback(() => {
    // After the commit that removed the Retry button, when the new controls are in place.
    queueMicrotask(() => {
      const root = rootRef.current
      const target = AFTER_RETRY.map((selector) => root?.querySelector<HTMLElement>(selector)).find(Boolean)
      target?.focus()
    })
  }, [])

  const words = pageWords(pageIndex, pageCount, locale)
  const rangeText = range
    ? labels.range({
        start: formatCount(range.start, locale),
        end: formatCount(range.end, locale),
        total: range.total === undefined ? undefined : formatCount(range.total, locale),
      })
    : pagination.isEmpty
      ? labels.empty
      : list.status === 'pending'
        ? labels.loading
        : ''

  return (
    <nav
      ref={setRoot}
      {...navProps}
      className={classNames('pw-pager', className)}
      data-state={state}
      data-variant={variant}
      data-mode={mode}
      aria-busy={state === 'loading' || undefined}
    >
      {full ? <p className="pw-pager__range">{rangeText}</p> : null}
      <PagerItems pagination={pagination} variant={variant} labels={labels} locale={locale} />
      {full && mode === 'numbered' && showJumpToPage && pageCount !== undefined && pageCount > 1 ? (
        <JumpToPage
          pageCount={pageCount}
          canGoToPage={list.canGoToPage}
          goToPage={list.goToPage}
          labels={labels}
          locale={locale}
        />
      ) : null}
      {full && sizes !== undefined ? (
        <PageSizeSelect
          sizes={sizes}
          value={list.pageSize}
          onChange={list.setPageSize}
          label={labels.pageSize}
          locale={locale}
        />
      ) : null}
      {state === 'error' ? (
        <PagerError
          message={labels.error({ ...words, message: errorText(list.error) })}
          retryLabel={labels.retry}
          onRetry={() => void list.retry()}
          onFocusLost={focusAfterRetry}
        />
      ) : null}
      <LiveRegion message={announcement} className="pw-pager__announcer" />
    </nav>
  )
})
