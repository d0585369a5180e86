import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { FocusEvent, KeyboardEvent, RefObject } from 'react'

/** The part of the row window keyboard navigation uses. */
export interface ScrollsToRows {
  /** Scrolls the least needed to bring row `index` into view. */
  scrollToIndex: (index: number) => void
  range: { startIndex: number; endIndex: number } | null
}

/** The index of the grid row an event came from, when the row itself (not a control inside it) is the target. */
function rowIndexOf(target: EventTarget, grid: HTMLElement): number | null {
  const row = target as HTMLElement
  const index =
    row.getAttribute('role') === 'row' && grid.contains(row) ? Number(row.dataset.index) : Number.NaN
  return Number.isInteger(index) ? index : null
}

/**
 * Keyboard row navigation with a roving tabindex (WAI-ARIA grid): one row is in the tab order; ↑ ↓ PageUp PageDown
 * Home End move focus, scrolling the row into view first, since a row outside the rendered window is not in the DOM yet.
 * End reaches the status row after the last record, which brings the end into view and so loads more.
 *
 * @param rowCount - Rows that take focus: the loaded records and the status row after them.
 * @param onActivate - Enter on a row: `onRowAction` for records; the status row presses its button.
 * @param onMove - A key moved focus from row `from` to row `to` (Shift ranges of row selection follow it).
 * @returns the row in the tab order, whether focus is in the grid, the grid's handlers for a row window, and a way to
 *   move focus to a row.
 */
export function useRowFocus(
  gridRef: RefObject<HTMLDivElement | null>,
  rowCount: number,
  onActivate: (index: number, row: HTMLElement) => void,
  onMove?: (from: number, to: number, event: KeyboardEvent<HTMLDivElement>) => void,
) {
  const [activeIndex, setActiveIndex] = useState(0)
  const [focusWithin, setFocusWithin] = useState(false)
  const focusRequest = useRef<number | null>(null)
  const active = Math.max(0, Math.min(activeIndex, rowCount - 1))

  // After each render: move DOM focus to the requested row once the window has rendered it; and when the
  // focused row left the DOM (the status row, after a page arrived before it), to the row now at its place, which
  // is the first new record. Focus is never dropped to the page.
  useLayoutEffect(() => {
    const grid = gridRef.current
    const lost = focusWithin && !grid?.contains(document.activeElement)
    const index = focusRequest.current ?? (lost ? active : null)
    const row =
      index === null ? null : grid?.querySelector<HTMLElement>(`[role="row"][data-index="${index}"]`)
    if (row) {
      focusRequest.current = null
      row.focus({ preventScroll: true })
    }
  })

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    setFocusWithin(true)
    const index = rowIndexOf(event.target, event.currentTarget)
    if (index !== null) setActiveIndex(index)
  }

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    // A row removed while focused (the status row moving past the viewport) is not the user leaving the grid.
    if (!event.target.isConnected) return
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusWithin(false)
  }

  /** The grid's focus and key handlers; keys scroll through `rows`, the row window created after this hook. */
  const handlersFor = (rows: ScrollsToRows) => {
    const moveTo = (index: number, from: number, event: KeyboardEvent<HTMLDivElement>) => {
      const target = Math.max(0, Math.min(index, rowCount - 1))
      onMove?.(from, target, event)
      setActiveIndex(target)
      focusRequest.current = target
      rows.scrollToIndex(target)
    }

    const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
      const index = rowIndexOf(event.target, event.currentTarget)
      if (index === null || event.altKey || event.metaKey) return
      const range = rows.range
      const pageRows = range ? Math.max(1, range.endIndex - range.startIndex) : 1
      const moves: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        PageDown: index + pageRows,
        PageUp: index - pageRows,
        Home: 0,
        End: rowCount - 1,
      }
      const next = moves[event.key]
      if (next !== undefined) {
        event.preventDefault()
        moveTo(next, index, event)
      } else if (event.key === 'Enter') {
        event.preventDefault()
        onActivate(index, event.target as HTMLElement)
      }
    }

    return { onKeyDown, onFocus, onBlur }
  }

  /** Moves focus to row `index` once the window renders it (the caller scrolls it into view). */
  const focusRow = useCallback((index: number) => {
    setActiveIndex(index)
    focusRequest.current = index
  }, [])

  return [active, focusWithin, handlersFor, focusRow] as const
}
