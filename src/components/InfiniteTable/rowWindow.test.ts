import type { Key } from 'react'
import { describe, expect, test } from 'vitest'
import { followRows, nextMotion, rowAt, rowLayout, rowTop, rowWindow } from './rowWindow'
import type { MeasuredRow, RowLayout, RowMotion, RowWindowRange } from './rowWindow'

// As the table: 40 px rows, a 560 px viewport (14 rows) and an overscan of 8, so a jump of 8 rows or more is big.
const ROW = 40
const VIEWPORT = 560
const OVERSCAN = 8

const keyAt = (index: number): Key => `lead_${index}`

/** Heights measured other than the estimate, by row key, as the table keeps them: `[index, height]` pairs. */
function measured(rows: [index: number, height: number][], key = keyAt) {
  return new Map(rows.map(([index, height]) => [key(index), { key: key(index), index, height }]))
}

const still: RowMotion = { start: 0, jump: 0, ahead: 0 }

/** The window for a view at `offset` px that is not moving. */
function windowAt(layout: RowLayout, offset: number, viewport = VIEWPORT): RowWindowRange {
  return rowWindow(layout, { offset, viewport, scrolling: false, motion: still }, OVERSCAN, false)
}

/**
 * The windows the table renders as the view scrolls from row `from` (where it came to rest) through `offsets`, one
 * scroll event each, as the table's store does: the motion follows the first row in view, the window the motion.
 */
function scroll(
  layout: RowLayout,
  from: number,
  offsets: number[],
  { focused = false, scrolling = true } = {},
): { ranges: RowWindowRange[]; motion: RowMotion } {
  let motion: RowMotion = { start: from, jump: 0, ahead: 0 }
  const ranges = offsets.map((offset) => {
    motion = nextMotion(motion, rowAt(layout, offset), OVERSCAN)
    return rowWindow(layout, { offset, viewport: VIEWPORT, scrolling, motion }, OVERSCAN, focused)
  })
  return { ranges, motion }
}

const last = <T>(list: T[]): T => list[list.length - 1] as T

describe('rows of the estimated height', () => {
  const layout = rowLayout(1000, ROW)

  test('each row sits rowHeight below the one before, and the rows are count × rowHeight tall', () => {
    expect(rowTop(layout, 0)).toBe(0)
    expect(rowTop(layout, 1)).toBe(40)
    expect(rowTop(layout, 250)).toBe(10_000)
    expect(rowTop(layout, 1000)).toBe(40_000)
  })

  test('the row at an offset is the one whose 40 px cover it', () => {
    expect(rowAt(layout, 0)).toBe(0)
    expect(rowAt(layout, 39)).toBe(0)
    expect(rowAt(layout, 40)).toBe(1)
    expect(rowAt(layout, 10_019.5)).toBe(250)
    expect(rowAt(layout, 39_999)).toBe(999)
  })

  test('rows of another height are laid out the same way', () => {
    const compact = rowLayout(1000, 32)
    expect(rowTop(compact, 10)).toBe(320)
    expect(rowTop(compact, 1000)).toBe(32_000)
    expect(rowAt(compact, 319)).toBe(9)
    expect(rowAt(compact, 320)).toBe(10)
  })

  test('an offset above or below the rows gives the first or the last row', () => {
    expect(rowAt(layout, -100)).toBe(0)
    expect(rowAt(layout, 40_000)).toBe(999)
    expect(rowAt(layout, 1_000_000)).toBe(999)
  })
})

describe('measured rows', () => {
  // Row 5 wraps to 100 px (60 more than the estimate); row 10 is 25 px (15 less).
  const layout = rowLayout(
    100,
    ROW,
    measured([
      [10, 25],
      [5, 100],
    ]),
    keyAt,
  )

  test('rows after a taller or shorter row move down or up by the difference', () => {
    expect(rowTop(layout, 5)).toBe(200)
    expect(rowTop(layout, 6)).toBe(240 + 60)
    expect(rowTop(layout, 10)).toBe(400 + 60)
    expect(rowTop(layout, 11)).toBe(440 + 60 - 15)
    expect(rowTop(layout, 100)).toBe(4000 + 60 - 15)
  })

  test('any offset inside a tall row gives that row, and the next row starts where it ends', () => {
    expect(rowAt(layout, 199)).toBe(4)
    expect(rowAt(layout, 200)).toBe(5)
    expect(rowAt(layout, 250)).toBe(5)
    expect(rowAt(layout, 299)).toBe(5)
    expect(rowAt(layout, 300)).toBe(6)
  })

  test('a short row covers only its own height', () => {
    expect(rowAt(layout, 459)).toBe(9)
    expect(rowAt(layout, 460)).toBe(10)
    expect(rowAt(layout, 484)).toBe(10)
    expect(rowAt(layout, 485)).toBe(11)
    expect(rowAt(layout, 525)).toBe(12)
  })

  test('an offset past all the rows gives the last row', () => {
    expect(rowAt(layout, 4044)).toBe(99)
    expect(rowAt(layout, 4045)).toBe(99)
    expect(rowAt(layout, 100_000)).toBe(99)
  })

  test('fewer tall rows fill the view, and the overscan is counted in rows', () => {
    // Rows 100 to 104 are 120 px: five of them fill the 560 px viewport.
    const tall = rowLayout(1000, ROW, measured([100, 101, 102, 103, 104].map((index) => [index, 120])), keyAt)
    expect(windowAt(tall, rowTop(tall, 100))).toEqual({
      first: 92,
      last: 112,
      startIndex: 100,
      endIndex: 104,
    })
  })

  test('a measurement whose row moved to another index no longer counts', () => {
    // A record inserted at the top: lead_5 is now row 6, and row 5 is lead_4, never measured.
    const shifted = (index: number): Key => (index === 0 ? 'lead_new' : keyAt(index - 1))
    const moved = rowLayout(101, ROW, measured([[5, 100]]), shifted)
    expect(rowTop(moved, 6)).toBe(240)
    expect(rowTop(moved, 101)).toBe(4040)
    expect(rowAt(moved, 250)).toBe(6)
  })

  test('without a key function, every measurement counts at its index', () => {
    const trusted = rowLayout(101, ROW, measured([[5, 100]]))
    expect(rowTop(trusted, 6)).toBe(300)
    expect(rowTop(trusted, 101)).toBe(4100)
  })

  test('a measurement of a row the list no longer has does not count', () => {
    const shrunk = rowLayout(5, ROW, measured([[5, 100]]), keyAt)
    expect(rowTop(shrunk, 5)).toBe(200)
    expect(rowAt(shrunk, 250)).toBe(4)
  })
})

describe('the rows to render', () => {
  const layout = rowLayout(1000, ROW)

  test('at the top: no rows above the view, the overscan below it', () => {
    expect(windowAt(layout, 0)).toEqual({ first: 0, last: 21, startIndex: 0, endIndex: 13 })
  })

  test('in the middle: the rows in view and the overscan on either side', () => {
    expect(windowAt(layout, 4000)).toEqual({ first: 92, last: 121, startIndex: 100, endIndex: 113 })
    // Between two rows: the half rows at the top and bottom are both in view.
    expect(windowAt(layout, 4020)).toEqual({ first: 92, last: 122, startIndex: 100, endIndex: 114 })
  })

  test('at the end: the overscan above the view, nothing past the last row', () => {
    expect(windowAt(layout, 40_000 - VIEWPORT)).toEqual({
      first: 978,
      last: 999,
      startIndex: 986,
      endIndex: 999,
    })
  })

  test('an offset past the end renders the last rows, not nothing', () => {
    const end = { first: 978, last: 999, startIndex: 986, endIndex: 999 }
    expect(windowAt(layout, 40_000)).toEqual(end)
    expect(windowAt(layout, 1_000_000)).toEqual(end)
    // The list shrank to 20 rows (a new filter) before the scroller clamped its offset.
    expect(windowAt(rowLayout(20, ROW), 4000)).toEqual({ first: 0, last: 19, startIndex: 6, endIndex: 19 })
  })

  test('rows that do not fill the view are all in view', () => {
    expect(windowAt(rowLayout(5, ROW), 0)).toEqual({ first: 0, last: 4, startIndex: 0, endIndex: 4 })
  })

  test('with no rows there is nothing to render, wherever the view is', () => {
    for (const offset of [0, 4000]) {
      const range = windowAt(rowLayout(0, ROW), offset)
      expect(range.last).toBeLessThan(range.first)
      expect(range.endIndex).toBeLessThan(range.startIndex)
    }
  })
})

describe('the rows to render while the view scrolls', () => {
  const layout = rowLayout(1000, ROW)

  test('a small scroll keeps the full overscan around the view', () => {
    expect(scroll(layout, 100, [4080]).ranges).toEqual([
      { first: 94, last: 123, startIndex: 102, endIndex: 115 },
    ])
    // 7 rows down: less than the overscan.
    expect(scroll(layout, 100, [107 * ROW]).ranges).toEqual([
      { first: 99, last: 128, startIndex: 107, endIndex: 120 },
    ])
  })

  test('a scroll that leaves the same first row in view leaves the motion as it was', () => {
    const motion = { start: 150, jump: 50, ahead: 0 }
    expect(nextMotion(motion, 150, OVERSCAN)).toBe(motion)
  })

  test('a big jump renders one row past the view, on the side it moves towards, while it keeps scrolling', () => {
    // 8 rows down: as far as the overscan reaches, so the next move would pass the overscan rows too. The rows it left
    // behind are not rendered: the view is moving away from them.
    expect(scroll(layout, 100, [108 * ROW]).ranges).toEqual([
      { first: 108, last: 122, startIndex: 108, endIndex: 121 },
    ])
    expect(scroll(layout, 100, [6000]).ranges).toEqual([
      { first: 150, last: 164, startIndex: 150, endIndex: 163 },
    ])
    // Up: the row above the view.
    expect(scroll(layout, 150, [100 * ROW]).ranges).toEqual([
      { first: 99, last: 113, startIndex: 100, endIndex: 113 },
    ])
  })

  test('once the view stops after a big jump, the full overscan is back', () => {
    const { motion } = scroll(layout, 100, [6000])
    const range = rowWindow(
      layout,
      { offset: 6000, viewport: VIEWPORT, scrolling: false, motion },
      OVERSCAN,
      false,
    )
    expect(range).toEqual({ first: 142, last: 171, startIndex: 150, endIndex: 163 })
  })

  test('a small move after a big jump brings the full overscan back', () => {
    expect(last(scroll(layout, 100, [6000, 155 * ROW]).ranges)).toEqual({
      first: 147,
      last: 176,
      startIndex: 155,
      endIndex: 168,
    })
  })

  test('after two big jumps down, the rows rendered are ahead of the view by the smaller jump', () => {
    // 50 rows then 30: rendered 30 rows ahead, and one row below them.
    const slowing = scroll(layout, 100, [150 * ROW, 180 * ROW])
    expect(last(slowing.ranges)).toEqual({ first: 210, last: 224, startIndex: 180, endIndex: 193 })
    // 30 rows then 50: again 30 rows ahead.
    const speeding = scroll(layout, 100, [130 * ROW, 180 * ROW])
    expect(last(speeding.ranges)).toEqual({ first: 210, last: 224, startIndex: 180, endIndex: 193 })
  })

  test('after two jumps down no longer than the view, only the rows where it is going are rendered', () => {
    // 10 rows, then 10 more: the 14 rows 10 further on and one below them (the table renders the rows in view should
    // the view stop there: see the browser test of flings).
    expect(last(scroll(layout, 100, [110 * ROW, 120 * ROW]).ranges)).toEqual({
      first: 130,
      last: 144,
      startIndex: 120,
      endIndex: 133,
    })
    // Up: the rows 10 above the view, and one above them.
    expect(last(scroll(layout, 140, [130 * ROW, 120 * ROW]).ranges)).toEqual({
      first: 109,
      last: 123,
      startIndex: 120,
      endIndex: 133,
    })
  })

  test('after two big jumps up, the rows rendered are above the view by the smaller jump', () => {
    expect(last(scroll(layout, 500, [450 * ROW, 400 * ROW]).ranges)).toEqual({
      first: 349,
      last: 363,
      startIndex: 400,
      endIndex: 413,
    })
  })

  test('rows rendered ahead of a fling stop at the last row', () => {
    // 36 rows are left below the view: the window goes no further than the last one.
    expect(last(scroll(layout, 850, [900 * ROW, 950 * ROW]).ranges)).toEqual({
      first: 986,
      last: 999,
      startIndex: 950,
      endIndex: 963,
    })
  })

  test('rows rendered ahead of a fling up stop at the first row', () => {
    // 30 rows are left above the view.
    expect(last(scroll(layout, 130, [80 * ROW, 30 * ROW]).ranges)).toEqual({
      first: 0,
      last: 13,
      startIndex: 30,
      endIndex: 43,
    })
  })

  test('two big jumps in opposite directions render the view, not ahead of it', () => {
    // Down, then up: the rows in view and the one above them.
    expect(last(scroll(layout, 100, [150 * ROW, 100 * ROW]).ranges)).toEqual({
      first: 99,
      last: 113,
      startIndex: 100,
      endIndex: 113,
    })
  })

  test('while a row has keyboard focus, two big jumps render the view, not ahead of it', () => {
    const { ranges } = scroll(layout, 100, [150 * ROW, 200 * ROW], { focused: true })
    expect(last(ranges)).toEqual({ first: 200, last: 214, startIndex: 200, endIndex: 213 })
  })

  test('once a fling stops, the full overscan is around the view again', () => {
    const { motion } = scroll(layout, 100, [150 * ROW, 200 * ROW])
    const range = rowWindow(
      layout,
      { offset: 200 * ROW, viewport: VIEWPORT, scrolling: false, motion },
      OVERSCAN,
      false,
    )
    expect(range).toEqual({ first: 192, last: 221, startIndex: 200, endIndex: 213 })
  })
})

describe('rows inserted or removed above the view (followRows)', () => {
  const keys =
    (count: number, inserted = 0) =>
    (index: number): Key =>
      index < inserted ? `new-${index}` : `row-${index - inserted}`
  /** A render of `count` rows of 40 px whose window is `first`..`last` and view `start`..`end`. */
  const render = (
    count: number,
    keyAt: (index: number) => Key,
    measured: ReadonlyMap<Key, MeasuredRow>,
    [first, last, startIndex, endIndex]: [number, number, number, number],
  ) => ({
    layout: rowLayout(count, 40, measured, keyAt),
    range: { first, last, startIndex, endIndex },
    options: { keyAt },
  })

  test('3 rows on top: the view moves down by their height, the first row in view keeps its place on screen', () => {
    const none = new Map<Key, MeasuredRow>()
    const before = render(100, keys(100), none, [22, 48, 30, 40])
    const after = render(103, keys(100, 3), none, [22, 48, 30, 40])
    // Row 30 was 10 px above the view's top.
    expect(followRows(before, after, none, 30 * 40 + 10)).toMatchObject({ offset: 33 * 40 + 10, start: 33 })
  })

  test('nothing moved above the view (a page appended): no change', () => {
    const none = new Map<Key, MeasuredRow>()
    const before = render(100, keys(100), none, [22, 48, 30, 40])
    const after = render(150, keys(150), none, [22, 48, 30, 40])
    expect(followRows(before, after, none, 1210)).toBeUndefined()
  })

  test('heights measured above the view follow their rows to their new index', () => {
    const measured = new Map<Key, MeasuredRow>([['row-5', { key: 'row-5', index: 5, height: 100 }]])
    const before = render(100, keys(100), measured, [22, 48, 30, 40])
    const after = render(102, keys(100, 2), measured, [22, 48, 30, 40])
    const moved = followRows(before, after, measured, 30 * 40 + 60)
    expect(moved?.measured.get('row-5')).toEqual({ key: 'row-5', index: 7, height: 100 })
    expect(moved?.offset).toBe(32 * 40 + 60)
  })

  test('a height measured in the window but not rendered yet counts where the row is now, in flow', () => {
    // Row 25 (in the window, above the view) was measured at 100 px after the last render: the DOM shows it so, the
    // render's layout does not yet. Its rows below sit 60 px lower than that layout says.
    const pending = new Map<Key, MeasuredRow>([['row-25', { key: 'row-25', index: 25, height: 100 }]])
    const before = render(100, keys(100), new Map(), [22, 48, 30, 40])
    const after = render(103, keys(100, 3), new Map(), [22, 48, 30, 40])
    const offset = 30 * 40 + 60 + 10
    // After: row 30 is row 33, with row 25 (now 28) at its height above it.
    expect(followRows(before, after, pending, offset)?.offset).toBe(33 * 40 + 60 + 10)
  })
})
