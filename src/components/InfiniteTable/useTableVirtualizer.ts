import { defaultRangeExtractor, observeElementRect, useVirtualizer } from '@tanstack/react-virtual'
import type { Range } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { Key, RefObject } from 'react'

export interface TableVirtualizerOptions {
  /** The scrolling grid element. */
  scrollRef: RefObject<HTMLDivElement | null>
  /** Rows in the virtual list: the loaded records plus the status row, if any. */
  count: number
  rowHeight: number
  /**
   * The sticky header's height. The viewport the virtualizer sees is the grid's height minus the header's, and
   * offsets are measured from the top of the rows (the body starts right under the header, where `scrollTop` 0 puts
   * it): so the rows in range are exactly those the header does not cover, and scrolling to a row aligns it below
   * the header, not under it.
   */
  headerHeight: number
  overscan: number
  getKey: (index: number) => Key
  /** The scroll area's height when it is known up front, so the first render already fills it. */
  viewportHeight: number | undefined
  initialScrollOffset: number | undefined
  onScrollOffsetChange: ((offset: number) => void) | undefined
  /** A row to keep rendered wherever the user scrolls: the one holding keyboard focus. */
  keepIndex: number | null
}

/**
 * TanStack Virtual over the grid: rows measured as they render, the viewport below the sticky header, the focused
 * row kept in the DOM (so scrolling with the mouse never drops keyboard focus), and scroll offsets reported.
 */
export function useTableVirtualizer(options: TableVirtualizerOptions) {
  const { scrollRef, count, rowHeight, headerHeight, overscan, getKey, keepIndex } = options
  const { viewportHeight, initialScrollOffset, onScrollOffsetChange } = options
  const reported = useRef<number | null>(null)

  const rangeExtractor = (range: Range): number[] => {
    const indexes = defaultRangeExtractor(range)
    if (keepIndex === null || keepIndex >= count || indexes.includes(keepIndex)) return indexes
    return keepIndex < (indexes[0] ?? 0) ? [keepIndex, ...indexes] : [...indexes, keepIndex]
  }

  // TanStack Virtual hands back one mutable instance by design; the table re-renders through its onChange.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: getKey,
    overscan,
    observeElementRect: (instance, onRect) =>
      observeElementRect(instance, ({ width, height }) =>
        onRect({ width, height: Math.max(0, height - headerHeight) }),
      ),
    rangeExtractor,
    initialOffset: initialScrollOffset,
    initialRect: viewportHeight === undefined ? undefined : { width: 0, height: viewportHeight },
    onChange: (instance) => {
      const offset = instance.scrollOffset
      if (onScrollOffsetChange === undefined || offset === null || offset === reported.current) return
      reported.current = offset
      onScrollOffsetChange(offset)
    },
  })
}
