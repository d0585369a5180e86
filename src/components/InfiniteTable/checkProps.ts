import { InvalidOptionError } from '../../core/errors'
import { warnOnce } from '../../core/warnOnce'
import type { InfiniteTableProps } from './infiniteTableTypes'

const OWNER = '<InfiniteTable>'

function isCount(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min
}

function invalid(prop: string, expected: string, received: unknown): InvalidOptionError {
  return new InvalidOptionError(OWNER, prop, expected, received)
}

/**
 * Checks the props a table cannot work without, throwing `InvalidOptionError` naming `<InfiniteTable>` and the prop;
 * warns when the table has no accessible name. Development only: call it behind
 * `process.env.NODE_ENV !== 'production'`, so that production builds drop it and its messages.
 */
export function checkInfiniteTableProps<TItem>(props: InfiniteTableProps<TItem>): void {
  const { list, columns, rowHeight, headerHeight, overscan, loadThreshold, skeletonRows, loadMode, height } =
    props
  if (typeof list !== 'object' || list === null || !Array.isArray(list.items)) {
    throw invalid('list', 'the result of usePaginatedList', list)
  }
  if (!Array.isArray(columns) || columns.length === 0) {
    throw invalid('columns', 'a non-empty array of { id, header, cell }', columns)
  }
  const ids = new Set<string>()
  columns.forEach((column, index) => {
    if (typeof column?.id !== 'string' || column.id === '' || ids.has(column.id)) {
      throw invalid(`columns[${index}].id`, 'a unique, non-empty string', column?.id)
    }
    ids.add(column.id)
    if (typeof column.cell !== 'function') throw invalid(`columns[${index}].cell`, 'a function', column.cell)
  })
  for (const [prop, value] of [
    ['rowHeight', rowHeight],
    ['headerHeight', headerHeight],
  ] as const) {
    if (value !== undefined && !(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
      throw invalid(prop, 'a positive number of pixels', value)
    }
  }
  for (const [prop, value] of [
    ['overscan', overscan],
    ['loadThreshold', loadThreshold],
    ['skeletonRows', skeletonRows],
  ] as const) {
    if (value !== undefined && !isCount(value, 0)) throw invalid(prop, 'a whole number >= 0', value)
  }
  if (loadMode !== undefined && loadMode !== 'auto' && loadMode !== 'button') {
    throw invalid('loadMode', '"auto" or "button"', loadMode)
  }
  const sortable = columns.some((column) => column.allowsSorting)
  if (sortable && props.onSortChange !== undefined && typeof props.onSortChange !== 'function') {
    throw invalid('onSortChange', 'a function', props.onSortChange)
  }
  if (sortable && props.onSortChange === undefined) {
    warnOnce(
      'InfiniteTable:sort',
      `[pagewise] ${OWNER}: columns allow sorting but there is no onSortChange: their headers cannot sort.`,
    )
  }
  if (typeof height === 'number' && !(height > 0))
    throw invalid('height', 'a positive number of pixels', height)
  if (!props['aria-label'] && !props['aria-labelledby']) {
    warnOnce(
      'InfiniteTable:name',
      `[pagewise] ${OWNER}: give the table an accessible name with aria-label="…" or aria-labelledby="<heading id>".`,
    )
  }
}
