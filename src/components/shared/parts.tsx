import { useState } from 'react'
import type { ReactElement } from 'react'

// The DOM parts both components share.

/** Joins the truthy class names with single spaces: `classNames('pw-row', selected && 'is-selected')`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ')
}

/**
 * A visually hidden polite live region (`role="status"`, class `pw-live-region` and `className`) saying what
 * `announce` says. Its sentence is derived during render (React's pattern for state that follows props, so it is
 * never a frame late): `announce` receives the `current` of the last announcement and returns the new sentence, or
 * `undefined` to keep the last one (it must, once nothing changed). The region stays mounted so that assistive
 * technology has registered it before the first message arrives, which is what makes the first announcement heard.
 */
export function useLiveRegion<T>(
  current: T,
  announce: (seen: T) => string | undefined,
  className?: string,
): ReactElement {
  const [seen, setSeen] = useState({ current, message: '' })
  let message = announce(seen.current)
  if (message === undefined) message = seen.message
  else setSeen({ current, message })
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={classNames('pw-live-region', className)}
    >
      {message}
    </div>
  )
}
