import { forwardRef, useState } from 'react'
import type { ButtonHTMLAttributes } from 'react'
import { classNames } from '../shared/parts'

/** Props of `PagerButton`: a `<button>`'s, with a `disabled` that never takes focus away. */
export interface PagerButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /**
   * The button cannot act. It is rendered `disabled`, except while it has focus: then it stays focusable with
   * `aria-disabled="true"` (and ignores presses), so pressing Next onto the last page does not drop focus to the
   * page body. `data-disabled` is set either way, for styling.
   * @default false
   */
  disabled?: boolean
}

/**
 * A button of `<Pager>` (class `pw-pager__button`). Use it to build your own pager on `usePagination` with the same
 * focus behaviour.
 *
 * @example
 * <PagerButton aria-label="Next page" disabled={next.disabled} onClick={next.onSelect}>›</PagerButton>
 */
export const PagerButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, PagerButtonProps>(
  function PagerButton(
    { disabled = false, className, type = 'button', onClick, onFocus, onBlur, ...props },
    ref,
  ) {
    const [focused, setFocused] = useState(false)
    return (
      <button
        ref={ref}
        type={type}
        {...props}
        className={classNames('pw-pager__button', className)}
        disabled={disabled && !focused}
        aria-disabled={disabled && focused ? true : props['aria-disabled']}
        data-disabled={disabled ? '' : undefined}
        onFocus={(event) => {
          setFocused(true)
          onFocus?.(event)
        }}
        onBlur={(event) => {
          setFocused(false)
          onBlur?.(event)
        }}
        onClick={disabled ? (event) => event.preventDefault() : onClick}
      />
    )
  },
)
