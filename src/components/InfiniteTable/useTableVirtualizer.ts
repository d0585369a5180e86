import { defaultRangeExtractor, observeElementRect, useVirtualizer } from '@tanstack/react-virtual'
import type { VirtualizerOptions } from '@tanstack/react-virtual'
import { useLayoutEffect, useRef } from 'react'

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
  // The first row in view at the last range, and whether the view had jumped past the overscan to get there.
  const lastRange = useRef({ start: 0, fast: false })
  // The virtualizer itself, for the range extractor, which is not handed it: whether the view is scrolling now.
  const instance = useRef<{ isScrolling: boolean } | null>(null)

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
      // Decided once per range: the extractor runs on every render.
      const last = lastRange.current
      if (range.startIndex !== last.start) {
        lastRange.current = {
          start: range.startIndex,
          fast: Math.abs(range.startIndex - last.start) > 3 * range.overscan,
        }
      }
      const indexes = defaultRangeExtractor(
        lastRange.current.fast && instance.current?.isScrolling
          ? { ...range, overscan: Math.min(1, range.overscan) }
          : range,
      )
      if (keepIndex === null || keepIndex >= options.count || indexes.includes(keepIndex)) return indexes
      return keepIndex < (indexes[0] ?? 0) ? [keepIndex, ...indexes] : [...indexes, keepIndex]
    },
    onChange: ({ scrollOffset }) => {
      if (onScrollOffsetChange === undefined || scrollOffset === null || scrollOffset === reported.current)
        return
      reported.current = scrollOffset
      onScrollOffsetChange(scrollOffset)
    },
  })
  useLayoutEffect(() => {
    instance.current = virtualizer
  }, [virtualizer])
  return virtualizer
}
