// The DOM parts both components share.

export interface LiveRegionProps {
  /** The sentence to announce; screen readers read it each time it changes. Empty announces nothing. */
  message: string
  /** Extra class on the region, after `pw-live-region`. */
  className?: string
}

/**
 * A visually hidden polite live region (`role="status"`). It stays mounted so that assistive technology has
 * registered it before the first message arrives, which is what makes the first announcement heard.
 */
export function LiveRegion({ message, className }: LiveRegionProps) {
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

/** Joins the truthy class names with single spaces: `classNames('pw-row', selected && 'is-selected')`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ')
}
