import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'

// The DOM parts both components share.

/** Joins the truthy class names with single spaces: `classNames('pw-row', selected && 'is-selected')`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ')
}

/**
 * A visually hidden polite live region (`role="status"`, class `pw-live-region` and `className`) saying what
 * `announce` says. On each render, `announce` receives the `current` of the last announcement and returns the new
 * sentence, as a function, or `undefined` to keep the last one (it must, once nothing changed). The sentence is
 * written once the frame that shows what it announces is painted: it may need the page's first `Intl` number format,
 * which costs tens of milliseconds that the rows must not wait for. The region stays mounted so that assistive
 * technology has registered it before the first message arrives, which is what makes the first announcement heard.
 */
export function useLiveRegion<T>(
  current: T,
  announce: (seen: T) => (() => string) | undefined,
  className?: string,
): ReactElement {
  return <LiveRegion current={current} announce={announce} className={className} />
}

interface LiveRegionState<T> {
  /** What the last announcement was about. */
  current: T
  message: string
  /** The sentence to write after the next paint. */
  due: (() => string) | null
}

function LiveRegion<T>({
  current,
  announce,
  className,
}: {
  current: T
  announce: (seen: T) => (() => string) | undefined
  className: string | undefined
}): ReactElement {
  const [state, setState] = useState<LiveRegionState<T>>({ current, message: '', due: null })
  // Derived during render (React's pattern for state that follows props): what changed is seen in the render that
  // shows it, only the sentence waits.
  const next = announce(state.current)
  if (next) setState({ current, message: state.message, due: next })
  const { due } = state
  useEffect(() => {
    if (!due) return
    let timer: ReturnType<typeof setTimeout> | undefined
    // A task after the next animation frame runs once that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() =>
        setState((now) => (now.due === due ? { ...now, message: due(), due: null } : now)),
      )
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [due])
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={classNames('pw-live-region', className)}
    >
      {state.message}
    </div>
  )
}
