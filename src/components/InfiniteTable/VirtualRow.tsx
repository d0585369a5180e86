import type { HTMLAttributes, ReactNode } from 'react'

/** Where a row sits in the virtual list, and how it takes focus. */
export interface VirtualRowPlacement {
  /** 0-based position in the virtual list; the row's `aria-rowindex` is this + 2 (the header is row 1). */
  index: number
  /** Offset from the top of the rows, in pixels. */
  start: number
  /** In the tab order (the roving tabindex). */
  tabbable: boolean
  /** The virtualizer's measuring ref. */
  measure: (element: HTMLDivElement | null) => void
}

/** A grid row at its place in the virtual list: measured, focusable, indexed for the virtualizer and for ARIA. */
export function VirtualRow({
  index,
  start,
  tabbable,
  measure,
  children,
  ...attributes
}: VirtualRowPlacement &
  Omit<HTMLAttributes<HTMLDivElement>, 'role' | 'style' | 'tabIndex'> & { children: ReactNode }) {
  return (
    <div
      {...attributes}
      ref={measure}
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      style={{ transform: `translateY(${start}px)` }}
    >
      {children}
    </div>
  )
}
