import { useLayoutEffect, useRef } from 'react'
import { PagerButton } from './PagerButton'

/** Props of `PagerError`. */
export interface PagerErrorProps {
  /** What went wrong, in words. */
  message: string
  /** The Retry button's text. */
  retryLabel: string
  /** Loads the failed page again. */
  onRetry: () => void
  /** Called when the block goes away (the retry worked) while its Retry button has focus. */
  onFocusLost: () => void
}

/**
 * Why the page could not be loaded, with Retry (class `pw-pager__error`, `role="alert"`). When a retry works the
 * block goes away; if Retry had focus then, `onFocusLost` lets the pager put focus somewhere useful.
 */
export function PagerError({ message, retryLabel, onRetry, onFocusLost }: PagerErrorProps) {
  const retryRef = useRef<HTMLButtonElement>(null)
  const focusLost = useRef(onFocusLost)
  useLayoutEffect(() => {
    focusLost.current = onFocusLost
  }, [onFocusLost])
  useLayoutEffect(() => {
    const retry = retryRef.current
    // Layout cleanups of a removed block run while its nodes are still in the document.
    return () => {
      if (retry !== null && retry.ownerDocument.activeElement === retry) focusLost.current()
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
