import type { ColumnHead } from './infiniteTableTypes'

/** Width of a column without one: shares the free space, never narrower than 6rem. */
const FLEXIBLE = 'minmax(6rem, 1fr)'
/** What a flexible column counts for in the table's minimum width, in pixels (6rem at 16px). */
const FLEXIBLE_MIN_PX = 96

/**
 * The CSS grid tracks shared by the header and every row (so columns keep their widths while rows come and go),
 * and the minimum width of a row, past which the table scrolls sideways.
 */
export function columnLayout(columns: readonly ColumnHead[]): { tracks: string; minWidth: number } {
  let minWidth = 0
  const tracks = columns.map(({ width }) => {
    if (typeof width === 'number') {
      minWidth += width
      return `${width}px`
    }
    minWidth += FLEXIBLE_MIN_PX
    return width ?? FLEXIBLE
  })
  return { tracks: tracks.join(' '), minWidth }
}
