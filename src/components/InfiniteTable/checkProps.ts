import { InvalidOptionError } from '../../core/errors'
import type { ListSelection } from '../../core/selection'
import { warnOnce } from '../../core/warnOnce'
import type { InfiniteTableProps } from './infiniteTableTypes'

const OWNER = '<InfiniteTable>'

function isCount(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min
}

function invalid(prop: string, expected: string, received: unknown): InvalidOptionError {
  return new InvalidOptionError(OWNER, prop, expected, received)
}

function isListSelection(value: unknown): value is ListSelection {
  if (typeof value !== 'object' || value === null) return false
  const { type, keys, except } = value as { type?: unknown; keys?: unknown; except?: unknown }
  return (type === 'some' && keys instanceof Set) || (type === 'all' && except instanceof Set)
}

/**
 * The selection props: shapes that cannot work throw; combinations that contradict each other warn, once, as React
 * does for a `value` without `onChange`.
 */
function checkSelectionProps<TItem>(props: InfiniteTableProps<TItem>): void {
  const { selectionMode, selectedKeys, defaultSelectedKeys, onSelectionChange } = props
  if (selectionMode !== undefined && !['none', 'single', 'multiple'].includes(selectionMode)) {
    throw invalid('selectionMode', '"none", "single" or "multiple"', selectionMode)
  }
  for (const [prop, value] of [
    ['selectedKeys', selectedKeys],
    ['defaultSelectedKeys', defaultSelectedKeys],
  ] as const) {
    if (value !== undefined && !isListSelection(value)) {
      throw invalid(
        prop,
        "a ListSelection: { type: 'some', keys: Set } or { type: 'all', except: Set }",
        value,
      )
    }
  }
  if (onSelectionChange !== undefined && typeof onSelectionChange !== 'function') {
    throw invalid('onSelectionChange', 'a function', onSelectionChange)
  }
  const given = selectedKeys ?? defaultSelectedKeys
  if (selectionMode !== 'single' && selectionMode !== 'multiple') {
    if (given !== undefined || onSelectionChange !== undefined) {
      warnOnce(
        'InfiniteTable:selection-mode',
        `[pagewise] ${OWNER}: selection props without selectionMode: rows cannot be selected. Set ` +
          'selectionMode="multiple" (or "single"), or remove selectedKeys, defaultSelectedKeys and onSelectionChange.',
      )
    }
    return
  }
  if (selectedKeys !== undefined && onSelectionChange === undefined) {
    warnOnce(
      'InfiniteTable:selection-read-only',
      `[pagewise] ${OWNER}: selectedKeys without onSelectionChange: the selection cannot change. Pass ` +
        'onSelectionChange to update it, or defaultSelectedKeys for a selection the table keeps itself.',
    )
  }
  if (selectedKeys !== undefined && defaultSelectedKeys !== undefined) {
    warnOnce(
      'InfiniteTable:selection-both',
      `[pagewise] ${OWNER}: both selectedKeys and defaultSelectedKeys: the selection is controlled and ` +
        'defaultSelectedKeys is ignored. Pass one of them.',
    )
  }
  if (selectionMode === 'single' && given !== undefined) {
    const rows = given.type === 'all' ? 'every row' : given.keys.size > 1 ? `${given.keys.size} rows` : null
    if (rows !== null) {
      warnOnce(
        'InfiniteTable:selection-single',
        `[pagewise] ${OWNER}: selectionMode="single" with ${rows} selected: pass at most one key ` +
          `({ type: 'some', keys: new Set([id]) }), or selectionMode="multiple".`,
      )
    }
  }
}

/**
 * Checks the props a table cannot work without, throwing `InvalidOptionError` naming `<InfiniteTable>` and the prop;
 * warns when the table has no accessible name, and when selection props contradict each other. Development only: call it behind
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
  checkSelectionProps(props)
  if (typeof height === 'number' && !(height > 0))
    throw invalid('height', 'a positive number of pixels', height)
  if (!props['aria-label'] && !props['aria-labelledby']) {
    warnOnce(
      'InfiniteTable:name',
      `[pagewise] ${OWNER}: give the table an accessible name with aria-label="…" or aria-labelledby="<heading id>".`,
    )
  }
}
