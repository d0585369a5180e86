import { useId, useLayoutEffect, useRef, useState } from 'react'
import type { PaginationList } from '../../hooks/usePagination'
import { formatCount } from '../shared/format'
import { PagerButton } from './PagerButton'
import type { PagerLabels } from './pagerTexts'

// The parts of <Pager> with state of their own: the jump-to-page field and the error with Retry.

// ── Jump to page ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The jump-to-page field (class `pw-pager__jump`): type a page number, press Enter or Go. A number outside the list
 * marks the field invalid and says which pages exist. Spaces and digit-group separators the locale writes are ignored.
 */
export function JumpToPage({
  list,
  pageCount,
  labels,
  locale,
}: {
  list: Pick<PaginationList, 'canGoToPage' | 'goToPage'>
  pageCount: number
  labels: Pick<PagerLabels, 'jumpToPage' | 'jump' | 'jumpInvalid'>
  locale: string | undefined
}) {
  const id = useId()
  const [text, setText] = useState('')
  const [invalid, setInvalid] = useState(false)
  return (
    <form
      className="pw-pager__jump"
      onSubmit={(event) => {
        event.preventDefault()
        // 1-based, as typed.
        const digits = text.replace(/[\s.,'’]/g, '') // \s covers the no-break spaces too
        const index = Number(digits) - 1
        const valid = /^\d+$/.test(digits) && Number.isSafeInteger(index) && list.canGoToPage(index)
        setInvalid(!valid)
        if (valid) {
          setText('')
          list.goToPage(index)
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

// ── Error ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** Where focus goes when the Retry button it was on goes away: the current page, else the first working control. */
const AFTER_RETRY = [
  'button[aria-current=page]',
  '[data-action=next]:enabled',
  '[data-action=previous]:enabled',
  'button:enabled',
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
