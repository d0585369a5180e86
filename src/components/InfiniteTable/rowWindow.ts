import { useLayoutEffect, useState, useSyncExternalStore } from 'react'
import type { Key, RefObject } from 'react'
import { warnOnce } from '../../core/warnOnce'

// The window of rows <InfiniteTable> renders: the rows in view plus `overscan` either side, in normal flow inside
// one block placed at the first one's offset. Rows are `rowHeight` tall unless measured otherwise, so where a row
// sits is arithmetic, and a page arriving costs what it adds (no per-row layout to rebuild). The table renders again
// only when the window changes, not on every scroll event.

/** A row measured at a height other than the estimate: its key, where it was measured, and its height. */
export interface MeasuredRow {
  key: Key
  index: number
  height: number
}

/** Where rows sit: `count` rows of `rowHeight` px, but for the measured ones (sorted by index). */
export interface RowLayout {
  count: number
  rowHeight: number
  measured: readonly MeasuredRow[]
}

/**
 * The layout of `count` rows. With `keyAt`, a measurement counts while its key is still at its index (a record
 * inserted above moves it: it is measured again when it renders), so a stale height never displaces the rows after
 * it; without, every measurement counts at its index.
 */
export function rowLayout(
  count: number,
  rowHeight: number,
  measured: ReadonlyMap<Key, MeasuredRow> = new Map(),
  keyAt?: (index: number) => Key,
): RowLayout {
  const valid: MeasuredRow[] = []
  for (const row of measured.values()) {
    if (row.index < count && (keyAt === undefined || keyAt(row.index) === row.key)) valid.push(row)
  }
  valid.sort((a, b) => a.index - b.index)
  return { count, rowHeight, measured: valid }
}

/** The offset of row `index`'s top from the top of the rows, in px (`count` gives the total height). */
export function rowTop({ rowHeight, measured }: RowLayout, index: number): number {
  let top = index * rowHeight
  for (const row of measured) {
    if (row.index >= index) break
    top += row.height - rowHeight
  }
  return top
}

function heightOf({ rowHeight, measured }: RowLayout, index: number): number {
  return measured.find((row) => row.index === index)?.height ?? rowHeight
}

/** The row covering `offset` px from the top of the rows (clamped to the rows there are). */
export function rowAt(layout: RowLayout, offset: number): number {
  const { count, rowHeight, measured } = layout
  let top = 0
  let from = 0
  for (const row of measured) {
    // The rows before this measured one are all of the estimated height.
    const before = top + (row.index - from) * rowHeight
    if (offset < before) break
    if (offset < before + row.height) return row.index
    top = before + row.height
    from = row.index + 1
  }
  return Math.max(0, Math.min(count - 1, from + Math.floor((offset - top) / rowHeight)))
}

/** How the view moved when the first row in view last changed; what the window renders ahead while it flings. */
export interface RowMotion {
  /** The first row in view. */
  start: number
  /** The jump that got there when it was the overscan or more, else 0. */
  jump: number
  /** Rows to render ahead of the view while it keeps jumping the same way. */
  ahead: number
}

/** The motion after the first row in view became `start`. */
export function nextMotion(motion: RowMotion, start: number, overscan: number): RowMotion {
  if (start === motion.start) return motion
  const jump = Math.abs(start - motion.start) >= overscan ? start - motion.start : 0
  const ahead = jump * motion.jump > 0 ? (Math.abs(jump) < Math.abs(motion.jump) ? jump : motion.jump) : 0
  return { start, jump, ahead }
}

/** What the scroll area shows: its offset from the top of the rows, the height below the header, whether it moves. */
export interface RowView {
  offset: number
  viewport: number
  scrolling: boolean
  motion: RowMotion
}

/** The rows to render, `first` to `last` (inclusive; `last < first` when there are none), and the rows in view. */
export interface RowWindowRange {
  first: number
  last: number
  startIndex: number
  endIndex: number
}

/**
 * The rows to render for `view`: those in view, plus `overscan` either side. Overscan rows are there for the next
 * frame's small move. When the view moved by the overscan or more since the first row in view last changed (a fling,
 * or a slow device where each frame moves by dozens of rows), the next frame will likely move past them too: they
 * would be mounted for nobody and make that frame longer, so only one row is rendered past the view while it keeps
 * scrolling, on the side it moves towards (the rows it leaves behind would be seen by nobody either). When two such
 * jumps in a row went the same way, the view is flinging: by the time this render is painted it has moved on by
 * about as much again, so the rows are rendered there (by the smaller of the two jumps: a fling slows down), and only
 * there: rendering the rows in view as well doubled the rows of those frames, and on a slow CPU a longer frame makes
 * the next jump longer still. Should the view stop instead, the row window notices in the next frame (no scroll event
 * came) and renders the rows in view. Not while a row holds keyboard focus (`focused`): keys move the view by
 * scrolling to rows, and rows rendered ahead would bring the next page in sooner than the rows in view call for.
 */
export function rowWindow(
  layout: RowLayout,
  view: RowView,
  overscan: number,
  focused: boolean,
): RowWindowRange {
  const { count } = layout
  if (count === 0) return { first: 0, last: -1, startIndex: 0, endIndex: -1 }
  // Never past the end: the rows shrink (a new list) before the scroller clamps its offset.
  const offset = Math.max(0, Math.min(view.offset, rowTop(layout, count) - view.viewport))
  const startIndex = rowAt(layout, offset)
  const endIndex = rowAt(layout, offset + Math.max(0, view.viewport - 1))
  const { jump, ahead } = view.motion
  const flinging = jump !== 0 && view.scrolling
  const shift = flinging && !focused ? Math.max(-startIndex, Math.min(ahead, count - 1 - endIndex)) : 0
  // Flinging: one row past the view on the side it moves towards, none on the side it leaves.
  const before = flinging ? (jump < 0 ? Math.min(1, overscan) : 0) : overscan
  const after = flinging ? (jump > 0 ? Math.min(1, overscan) : 0) : overscan
  return {
    first: Math.max(0, startIndex + shift - before),
    last: Math.min(count - 1, endIndex + shift + after),
    startIndex,
    endIndex,
  }
}

function sameRange(a: RowWindowRange, b: RowWindowRange): boolean {
  return (
    a.first === b.first && a.last === b.last && a.startIndex === b.startIndex && a.endIndex === b.endIndex
  )
}

/** What `followRows` reads of a render: its layout, its rows, and the key of each. */
export interface FollowedRender {
  layout: RowLayout
  range: RowWindowRange
  options: { keyAt: (index: number) => Key }
}

/** How far from its old index a row is looked for after the rows changed, beyond the change in their count. */
const FOLLOW_SLACK = 64

/**
 * Where the view goes when rows were inserted or removed above it: the first row in view in the `previous` render (or,
 * when it is gone, the next one still there) is found by key in the `next` one, near its old index, and the view moves
 * by as much as it did, so that it stays where it was on screen. Heights measured before it move with their rows.
 * `undefined` when nothing moved, or no row of the view is found (the list was replaced).
 */
export function followRows(
  previous: FollowedRender,
  next: FollowedRender,
  measured: ReadonlyMap<Key, MeasuredRow>,
  offset: number,
): { offset: number; start: number; measured: ReadonlyMap<Key, MeasuredRow> } | undefined {
  const { layout: before, range, options: old } = previous
  const { count } = next.layout
  const keyAt = next.options.keyAt
  const radius = Math.abs(count - before.count) + FOLLOW_SLACK
  for (let index = rowAt(before, offset); index <= range.endIndex; index++) {
    const key = old.keyAt(index)
    let found = -1
    for (let distance = 0; distance <= radius && found < 0; distance++) {
      if (index + distance < count && keyAt(index + distance) === key) found = index + distance
      else if (distance && index - distance >= 0 && keyAt(index - distance) === key) found = index - distance
    }
    if (found < 0) continue
    if (found === index) return undefined
    const shift = found - index
    const followed = new Map<Key, MeasuredRow>()
    for (const [rowKey, row] of measured) {
      const moved = row.index + shift
      if (keyAt(row.index) === rowKey) followed.set(rowKey, row)
      else if (moved >= 0 && moved < count && keyAt(moved) === rowKey)
        followed.set(rowKey, { ...row, index: moved })
    }
    // Where the row was: its block as rendered, and the rows above it in that block as measured since (a measurement
    // not rendered yet has moved it already, in flow).
    const known = rowLayout(before.count, before.rowHeight, measured, old.keyAt)
    const was = rowTop(before, range.first) + rowTop(known, index) - rowTop(known, range.first)
    const layout = rowLayout(count, next.layout.rowHeight, followed, keyAt)
    const to = rowTop(layout, found) + offset - was
    return { offset: to, start: rowAt(layout, to), measured: followed }
  }
  return undefined
}

/** How long after the last scroll event the view counts as still (as TanStack Virtual and browsers' `scrollend`). */
const SCROLL_END_MS = 150

export interface RowWindowOptions {
  /** The scrolling element: its `scrollTop` is the offset of the rows, which start right under the sticky header. */
  scroller: RefObject<HTMLDivElement | null>
  /** Rows: the loaded records, plus the status row after them. */
  count: number
  /** A row's height until it is measured otherwise. */
  rowHeight: number
  /** The sticky header's height: the rows' viewport is the scroller's height less this. */
  headerHeight: number
  overscan: number
  /** The key of the row at `index`: measured heights follow their row's key. */
  keyAt: (index: number) => Key
  /** Whether a row holds keyboard focus (no rendering ahead of a fling). */
  focused: boolean
  /** The viewport's height when it is known before the first layout, so the first render already fills it. */
  initialViewport: number | undefined
  /** Where to start, in px from the top of the rows. */
  initialOffset: number | undefined
  onScrollOffsetChange: ((offset: number) => void) | undefined
}

/** The window the table renders, and what moves it. */
export interface RowWindow extends RowWindowRange {
  layout: RowLayout
  /** The rows' total height, in px. */
  totalHeight: number
  /** The view is at the very top (rows inserted there are shown, not scrolled past). */
  atTop: boolean
  /** The view moved less than 150 ms ago. */
  scrolling: boolean
  /** The range of rows in view, `null` before there are rows. */
  range: { startIndex: number; endIndex: number } | null
  /** Scrolls the least needed to bring row `index` into view. */
  scrollToIndex: (index: number) => void
  scrollToOffset: (offset: number) => void
  /** A ref callback for the block holding the window's rows: rows whose height is not the estimate are measured there. */
  measure: (node: HTMLElement | null) => void
}

/** What the last render drew from: the scroll events and measurements compare against it. */
interface Rendered {
  layout: RowLayout
  range: RowWindowRange
  options: RowWindowOptions
}

/** What the table's render reads: the view, and the heights measured other than the estimate, by row key. */
interface RowWindowSnapshot {
  view: RowView
  measured: ReadonlyMap<Key, MeasuredRow>
}

/**
 * One table's scroll state, an external store for `useSyncExternalStore`: its scroll events move the view, and it
 * notifies (the table renders again, synchronously, before the frame paints) only when the window of rows changes.
 */
function createRowWindowStore(options: RowWindowOptions) {
  const listeners = new Set<() => void>()
  let snapshot: RowWindowSnapshot = {
    view: {
      offset: options.initialOffset ?? 0,
      viewport: options.initialViewport ?? 0,
      scrolling: false,
      motion: { start: 0, jump: 0, ahead: 0 },
    },
    measured: new Map(),
  }
  // The view as of the last scroll event, which may be ahead of the snapshot when the window did not change.
  let live = snapshot.view
  let rendered: Rendered | null = null
  let element: HTMLDivElement | null = null
  let pending = options.initialOffset
  // Measurements taken but not rendered yet: they render on the next frame, and later measurements build on them.
  let measuring: ReadonlyMap<Key, MeasuredRow> | null = null
  // The view stopped after a jump (a frame passed without a scroll event), though not for SCROLL_END_MS yet.
  let paused = false

  /** Where rows sit as far as is known: the last render's layout, with the measurements not rendered yet. */
  const known = ({ layout, options: current }: Rendered): RowLayout =>
    measuring === null ? layout : rowLayout(layout.count, layout.rowHeight, measuring, current.keyAt)

  /** Renders again from the live view and every measurement taken. */
  const publish = () => {
    snapshot = { view: live, measured: measuring ?? snapshot.measured }
    measuring = null
    for (const listener of listeners) listener()
  }

  /** The view with `changes`; renders again when the window of rows changed (or measurements wait to render). */
  const update = (changes: Partial<RowView>) => {
    if (rendered === null) return
    const { range, options: current } = rendered
    const layout = known(rendered)
    const next = { ...live, ...changes }
    // A move after the view stopped starts a new motion: the jumps before the stop say nothing of where it goes now
    // (a page at a time, by a key held down, is not a fling: its rows in view are rendered, none ahead).
    const resumed = changes.scrolling && (paused || !live.scrolling)
    if (changes.scrolling) paused = false
    next.motion = nextMotion(
      resumed ? { ...next.motion, jump: 0 } : next.motion,
      rowAt(layout, next.offset),
      current.overscan,
    )
    live = next
    const nextRange = rowWindow(layout, next, current.overscan, current.focused)
    if (measuring !== null || !sameRange(range, nextRange) || next.scrolling !== snapshot.view.scrolling)
      publish()
  }

  const scrollToOffset = (offset: number) => {
    if (!element) return
    element.scrollTop = offset
    update({ offset: element.scrollTop })
  }

  let resizeObserver: ResizeObserver | null = null

  return {
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    read: () => snapshot,
    /**
     * After each render: what it drew. When its rows changed while the view is scrolled down, records inserted or
     * removed above the view (new records shown on top, an edit) would move what the user looks at: the first row in
     * view keeps its place on screen instead, found by its key, with the heights measured above it following their
     * rows. At the very top nothing is kept: rows inserted there are meant to be seen.
     */
    rendered(next: Rendered) {
      const previous = rendered
      rendered = next
      if (!previous || !element || live.offset <= 0 || previous.options.keyAt === next.options.keyAt) return
      const moved = followRows(previous, next, measuring ?? snapshot.measured, live.offset)
      if (!moved) return
      measuring = moved.measured
      element.scrollTop = moved.offset
      live = { ...live, offset: element.scrollTop, motion: { ...live.motion, start: moved.start } }
      publish()
    },
    /** Follows `scroller`'s scroll events and size; returns the cleanup. */
    attach(scroller: HTMLDivElement, headerHeight: number) {
      element = scroller
      // The first mount only: a later `initialOffset` is not a scroll.
      const restore = pending
      pending = undefined
      if (restore) scroller.scrollTop = restore
      const viewport = () => Math.max(0, scroller.clientHeight - headerHeight)
      const sizes =
        typeof ResizeObserver === 'undefined'
          ? null
          : new ResizeObserver(() => update({ viewport: viewport() }))
      // Reading the scroller's offset or height here would lay out the render just committed before its paint, a
      // second layout for the first page: the observer reports the height once laid out (it reports on `observe`),
      // and the offset is the one kept, unless it was just set or the height is not known up front.
      if (sizes === null || restore || rendered?.options.initialViewport === undefined) {
        update({ offset: scroller.scrollTop, viewport: viewport() })
      }
      sizes?.observe(scroller)
      let stillTimer: ReturnType<typeof setTimeout> | undefined
      let reported = live.offset
      // Rows rendered ahead of a fling leave the view blank should it stop there. Browsers send a scroll event in
      // every frame the view moves, so a frame without one means it stopped: then the rows in view render at once
      // (and one row past them, the way it went: the overscan comes back after SCROLL_END_MS, as a frame of 35 rows
      // costs a slow device dearly when the view only waits for the next page), and the next move starts a new
      // motion. The check runs in the frame after the scroll event's (a callback requested from a scroll event runs in
      // that event's frame, so the second one runs in the next).
      let scrolls = 0
      let seen = 0
      let watching = false
      let attached = true
      const checkStop = () => {
        watching = attached && live.scrolling && live.motion.jump !== 0
        if (!watching) return
        if (scrolls === seen) {
          watching = false
          paused = true
          update({ motion: { ...live.motion, ahead: 0 } })
        } else {
          seen = scrolls
          requestAnimationFrame(checkStop)
        }
      }
      const watchStop = () => {
        if (watching) return
        watching = true
        seen = scrolls
        requestAnimationFrame(() => requestAnimationFrame(checkStop))
      }
      const onScroll = () => {
        const offset = scroller.scrollTop
        scrolls++
        update({ offset, scrolling: true })
        if (live.motion.jump !== 0) watchStop()
        clearTimeout(stillTimer)
        stillTimer = setTimeout(() => update({ scrolling: false }), SCROLL_END_MS)
        if (offset !== reported) {
          reported = offset
          rendered?.options.onScrollOffsetChange?.(offset)
        }
      }
      scroller.addEventListener('scroll', onScroll, { passive: true })
      return () => {
        attached = false
        scroller.removeEventListener('scroll', onScroll)
        sizes?.disconnect()
        clearTimeout(stillTimer)
        element = null
      }
    },
    scrollToOffset,
    scrollToIndex(index: number) {
      if (rendered === null) return
      const layout = known(rendered)
      const top = rowTop(layout, index)
      const bottom = top + heightOf(layout, index)
      const { offset, viewport } = live
      if (top < offset) scrollToOffset(top)
      else if (bottom > offset + viewport) scrollToOffset(bottom - viewport)
    },
    /**
     * Rows whose height is not the estimate (text that wraps, a taller cell) are measured once laid out: the block's
     * height says whether any is; only then are its rows read, one by one (layout is clean inside the observer).
     */
    measure(block: HTMLElement | null) {
      resizeObserver?.disconnect()
      resizeObserver = null
      if (!block || typeof ResizeObserver === 'undefined') return
      resizeObserver = new ResizeObserver(() => {
        if (rendered === null) return
        const { range, options: current } = rendered
        const layout = known(rendered)
        const expected = rowTop(layout, range.last + 1) - rowTop(layout, range.first)
        if (Math.abs(block.getBoundingClientRect().height - expected) < 0.1) return
        const measured = new Map(measuring ?? snapshot.measured)
        const heights = new Set<number>()
        for (const row of block.children) {
          const index = Number((row as HTMLElement).dataset.index)
          if (!Number.isInteger(index) || index >= layout.count) continue
          const height = row.getBoundingClientRect().height
          heights.add(height)
          if (Math.abs(height - heightOf(layout, index)) < 0.1) continue
          const key = current.keyAt(index)
          if (height === layout.rowHeight) measured.delete(key)
          else measured.set(key, { key, index, height })
        }
        const [height] = heights
        if (
          process.env.NODE_ENV !== 'production' &&
          heights.size === 1 &&
          height !== layout.rowHeight &&
          block.children.length >= 5
        ) {
          // Every row is another height than `rowHeight` (a larger font, more padding): each is measured and kept,
          // where one right `rowHeight` would place them all by arithmetic.
          warnOnce(
            'InfiniteTable:row-height',
            `[pagewise] <InfiniteTable>: rows are ${String(height)} px tall, not rowHeight=${String(layout.rowHeight)}. ` +
              `Set rowHeight={${String(Math.ceil(height ?? 0))}}: rows of the height given are placed without measuring ` +
              'each one.',
          )
        }
        // Rows above the view that grew or shrank moved the rows in view: the view follows the first of them, so what
        // the user looks at stays put. The grid opts out of the browser's own scroll anchoring, which would move it a
        // second time.
        const anchor = rowAt(layout, live.offset)
        const moved =
          rowTop(rowLayout(layout.count, layout.rowHeight, measured, current.keyAt), anchor) -
          rowTop(layout, anchor)
        if (element && live.offset > 0 && moved !== 0) {
          element.scrollTop = live.offset + moved
          live = { ...live, offset: element.scrollTop }
        }
        // On the next frame: rendering from inside the observer would resize the block again in this one, which
        // browsers report as an error ("ResizeObserver loop"). Rows are in normal flow, so this frame already shows
        // them right; only the rows' total height and the offset of the window wait a frame.
        if (measuring === null) {
          requestAnimationFrame(() => {
            if (measuring !== null) publish()
          })
        }
        measuring = measured
      })
      resizeObserver.observe(block)
    },
  }
}

/** The rows <InfiniteTable> renders, kept in step with the scroller (see `createRowWindowStore`). */
export function useRowWindow(options: RowWindowOptions): RowWindow {
  const { scroller, count, rowHeight, headerHeight, overscan, keyAt, focused } = options
  const [store] = useState(() => createRowWindowStore(options))
  const { view, measured } = useSyncExternalStore(store.subscribe, store.read, store.read)
  const layout = rowLayout(count, rowHeight, measured, keyAt)
  const range = rowWindow(layout, view, overscan, focused)
  useLayoutEffect(() => store.rendered({ layout, range, options }))
  useLayoutEffect(
    () => (scroller.current ? store.attach(scroller.current, headerHeight) : undefined),
    [store, scroller, headerHeight],
  )
  return {
    ...range,
    layout,
    totalHeight: rowTop(layout, count),
    atTop: view.offset <= 0,
    scrolling: view.scrolling,
    range: count === 0 ? null : { startIndex: range.startIndex, endIndex: range.endIndex },
    scrollToIndex: store.scrollToIndex,
    scrollToOffset: store.scrollToOffset,
    measure: store.measure,
  }
}
