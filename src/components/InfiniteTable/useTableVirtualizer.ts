import { defaultRangeExtractor, observeElementRect, useVirtualizer } from '@tanstack/react-virtual'
import type { VirtualizerOptions } from '@tanstack/react-virtual'
import { useRef } from 'react'

/** TanStack Virtual's options the table sets itself, plus the three this hook adds. */
export interface TableVirtualizerOptions extends Pick<
  VirtualizerOptions<HTMLDivElement, HTMLDivElement>,
  'count' | 'getScrollElement' | 'estimateSize' | 'getItemKey' | 'overscan' | 'initialOffset' | 'initialRect'
> {
  /**
   * The sticky header's height. The viewport the virtualizer sees is the grid's height minus the header's, and
   * offsets are measured from the top of the rows (the body starts right under the header, where `scrollTop` 0 puts
   * it): so the rows in range are exactly those the header does not cover, and scrolling to a row aligns it below
   * the header, not under it.
   */
  headerHeight: number
  /** A row to keep rendered wherever the user scrolls: the one holding keyboard focus. */
  keepIndex: number | null
  onScrollOffsetChange: ((offset: number) => void) | undefined
}

/**
 * TanStack Virtual over the grid: rows measured as they render, the viewport below the sticky header, the focused
 * row kept in the DOM (so scrolling with the mouse never drops keyboard focus), and scroll offsets reported.
 */
export function useTableVirtualizer({
  headerHeight,
  keepIndex,
  onScrollOffsetChange,
  ...options
}: TableVirtualizerOptions) {
  const reported = useRef<number | null>(null)
  // The first row in view at the last range, the jump that got there when it passed three times the overscan (else
  // 0), and how far ahead to render while the view keeps jumping (see the range extractor).
  const lastRange = useRef({ start: 0, jump: 0, ahead: 0 })

  // TanStack Virtual hands back one mutable instance by design; the table re-renders through its onChange.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    ...options,
    observeElementRect: (instance, onRect) =>
      observeElementRect(instance, ({ width, height }) =>
        onRect({ width, height: Math.max(0, height - headerHeight) }),
      ),
    rangeExtractor: (range) => {
      // Overscan rows are there for the next frame's small move. When the view jumped more than three times the
      // overscan since the last range (a fling, or a slow device where each frame moves by dozens of rows), the next
      // frame will jump past them too: they would be mounted for nobody and make that frame longer, so only one row
      // either side is rendered until the view slows down or stops (TanStack Virtual re-renders when scrolling ends).
      // When two such jumps in a row went the same way, the view is flinging: by the time this render is painted it
      // has moved on by about as much again, so the rows are rendered there (by the smaller of the two jumps: a fling
      // slows down), not where the view was when the scroll event fired. A single jump (Home, the scrollbar) renders
      // where it landed.
      // Decided once per range: the extractor runs on every render.
      const { startIndex: start, endIndex: end, count, overscan } = range
      const last = lastRange.current
      if (start !== last.start) {
        const jump = Math.abs(start - last.start) > 3 * overscan ? start - last.start : 0
        const ahead = jump * last.jump > 0 ? (Math.abs(jump) < Math.abs(last.jump) ? jump : last.jump) : 0
        lastRange.current = { start, jump, ahead }
      }
      const { jump, ahead } = lastRange.current
      // Not while a row holds keyboard focus: keys move the view by scrolling to rows, and the rows rendered ahead
      // there would bring the next page in sooner than the rows in view call for.
      const shift = keepIndex === null ? Math.max(-start, Math.min(ahead, count - 1 - end)) : 0
      const indexes = defaultRangeExtractor(
        // The virtualizer itself (the extractor is not handed it, and runs only once it exists): scrolling now?
        jump && virtualizer.isScrolling
          ? { ...range, startIndex: start + shift, endIndex: end + shift, overscan: Math.min(1, overscan) }
          : range,
      )
      if (keepIndex === null || keepIndex >= count || indexes.includes(keepIndex)) return indexes
      return keepIndex < (indexes[0] ?? 0) ? [keepIndex, ...indexes] : [...indexes, keepIndex]
    },
    onChange: ({ scrollOffset }) => {
      if (scrollOffset === null || scrollOffset === reported.current) return
      reported.current = scrollOffset
      onScrollOffsetChange?.(scrollOffset)
    },
  })
  return virtualizer
}
