import { useId, useLayoutEffect, useRef, useState } from 'react'
import type { Pagination, PaginationControl } from '../../hooks/usePagination'
import { formatCount } from '../shared/format'
import { PagerButton } from './PagerButton'
import type { PagerLabels } from './pagerTexts'
import { pageWords } from './pagerTexts'

// The parts of <Pager> under its range line: the controls, the jump-to-page field, the page-size menu and the error.

// ── Controls ────────────────────────────────────────────────────────────────────────────────────────────────────

const GLYPHS = { first: '«', previous: '‹', next: '›', last: '»' }

/**
 * The pager's controls as a list (class `pw-pager__list`): step buttons named in words ("Next page") with a glyph
 * shown, numbered pages ("Go to page 5", the current one with `aria-current="page"`), ellipses hidden from
 * assistive technology, or "Page 3" between Previous and Next when pages are not numbered.
 */
export function PagerItems({
  pagination,
  compact,
  labels,
  locale,
}: {
  pagination: Pagination
  compact: boolean
  labels: PagerLabels
  locale: string | undefined
}) {
  const items = compact
    ? pagination.items.filter(
        (item) => item.type === 'previous' || item.type === 'next' || (item.type === 'page' && item.selected),
      )
    : pagination.items
  const renderItem = (item: PaginationControl) => {
    if (item.type === 'ellipsis') return <span className="pw-pager__ellipsis">…</span>
    if (item.type === 'page') {
      if (compact || pagination.mode === 'previous-next') {
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
          aria-label={(item.selected ? labels.currentPage : labels.goToPage)(words)}
          disabled={item.disabled}
          onClick={item.onSelect}
        >
          {words.page}
        </PagerButton>
      )
    }
    const { type } = item
    // The compact variant shows Previous and Next in words beside the glyph.
    const text = compact ? (
      <span className="pw-pager__step-text">{labels[type as 'previous' | 'next']}</span>
    ) : null
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
    <ul className="pw-pager__list">
      {items.map((item) => (
        <li
          key={item.key}
          className="pw-pager__item"
          data-type={item.type}
          aria-hidden={item.type === 'ellipsis' || undefined}
        >
          {renderItem(item)}
        </li>
      ))}
    </ul>
  )
}

// ── Jump to page ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The jump-to-page field (class `pw-pager__jump`): type a page number, press Enter or Go. A number outside the list
 * marks the field invalid and says which pages exist. Spaces and digit-group separators the locale writes are ignored.
 */
export function JumpToPage({
  pageCount,
  canGoToPage,
  goToPage,
  labels,
  locale,
}: {
  pageCount: number
  canGoToPage: (index: number) => boolean
  goToPage: (index: number) => void
  labels: Pick<PagerLabels, 'jumpToPage' | 'jump' | 'jumpInvalid'>
  locale: string | undefined
}) {
  const id = useId()
  const [text, setText] = useState('')
  const [invalid, setInvalid] = useState(false)
  return (
    <form
      className="pw-pager__jump"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        // 1-based, as typed.
        const digits = text.replace(/[\s.,'’\u00a0\u202f]/g, '')
        const index = Number(digits) - 1
        const valid = /^\d+$/.test(digits) && Number.isSafeInteger(index) && canGoToPage(index)
        setInvalid(!valid)
        if (valid) {
          setText('')
          goToPage(index)
        }
      }}
    >
      <label className="pw-pager__jump-label" htmlFor={id}>
        {labels.jumpToPage}
      </label>
      <input
        id={id}
        className="pw-pager__jump-input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        size={Math.max(String(pageCount).length, 2)}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.currentTarget.value)
          setInvalid(false)
        }}
      />
      <PagerButton type="submit" className="pw-pager__jump-button">
        {labels.jump}
      </PagerButton>
      {invalid ? (
        <span id={`${id}-error`} className="pw-pager__jump-error" role="alert">
          {labels.jumpInvalid({ page: text, pageCount: formatCount(pageCount, locale) })}
        </span>
      ) : null}
    </form>
  )
}

// ── Page size ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The page-size menu (class `pw-pager__page-size`): a labelled native `<select>` of `sizes`, ascending. */
export function PageSizeSelect({
  sizes,
  value,
  onChange,
  label,
  locale,
}: {
  sizes: readonly number[]
  value: number
  onChange: (size: number) => void
  label: string
  locale: string | undefined
}) {
  const id = useId()
  return (
    <div className="pw-pager__page-size">
      <label className="pw-pager__page-size-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="pw-pager__page-size-select"
        value={value}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      >
        {sizes.map((size) => (
          <option key={size} value={size}>
            {formatCount(size, locale)}
          </option>
        ))}
      </select>
    </div>
  )
}

// ── Error ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** Where focus goes when the Retry button it was on goes away: the current page, else the first working control. */
const AFTER_RETRY = [
  'button[aria-current="page"]',
  'button[data-action="next"]:not(:disabled)',
  'button[data-action="previous"]:not(:disabled)',
  'button:not(:disabled)',
  'select',
]

/**
 * Why the page could not be loaded, with Retry (class `pw-pager__error`, `role="alert"`). When a retry works the
 * block goes away; if Retry had focus then, focus moves to the pager's current page rather than to the page body.
 */
export function PagerError({
  message,
  retryLabel,
  onRetry,
}: {
  message: string
  retryLabel: string
  onRetry: () => void
}) {
  const retryRef = useRef<HTMLButtonElement>(null)
  useLayoutEffect(() => {
    const retry = retryRef.current
    // Layout cleanups of a removed block run while its nodes are still in the document; focus moves after the commit
    // that removed it, when the new controls are in place.
    return () => {
      const pager = retry?.closest('.pw-pager')
      if (pager && retry?.ownerDocument.activeElement === retry) {
        queueMicrotask(() =>
          AFTER_RETRY.map((selector) => pager.querySelector<HTMLElement>(selector))
            .find(Boolean)
            ?.focus(),
        )
      }
    }
  }, [])
  return (
    <div className="pw-pager__error" role="alert">
      <span className="pw-pager__error-message">{message}</span>
      <PagerButton ref={retryRef} className="pw-pager__retry" onClick={onRetry}>
        {retryLabel}
      </PagerButton>
    </div>
  )
}
