import { useLayoutEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import {
  allSelection,
  emptySelection,
  isSelected,
  isSelectionEmpty,
  toggleKey,
  withKeys,
} from '../../core/selection'
import type { ListSelection, SelectionKey } from '../../core/selection'
import type { SortDescriptor } from '../../core/types'
import { useControllableState } from '../../hooks/useControllableState'
import type { SelectionMode } from './infiniteTableTypes'

// Row selection of <InfiniteTable>, without its markup: which rows are selected (keys, so it survives scrolling and
// `maxPages`), what clicks and keys do to it, and when a new list clears it. React Aria's table selection ("toggle"
// behaviour, checkboxes) is the model users know: click and Space toggle, Shift extends from the anchor,
// Ctrl/Cmd+A selects all, Escape clears.

/** The class of every selection checkbox, the header's and the rows'. */
export const CHECKBOX_CLASS = 'pw-infinite-table__checkbox'

/** The header checkbox: every row selected, none, or some (`mixed`, an indeterminate checkbox). */
export type HeaderCheckState = 'checked' | 'unchecked' | 'mixed'

/** The header checkbox's state for `selection` of a list of `total` rows (`undefined`: unknown). */
export function headerCheckState(selection: ListSelection, total: number | undefined): HeaderCheckState {
  if (isSelectionEmpty(selection, total)) return 'unchecked'
  if (selection.type === 'all') return selection.except.size === 0 ? 'checked' : 'mixed'
  return total !== undefined && selection.keys.size >= total ? 'checked' : 'mixed'
}

const NO_ROWS: ListSelection = /* @__PURE__ */ emptySelection()

/** Options of `useTableSelection`: the table's selection props and what it knows of its list. */
export interface TableSelectionOptions {
  selectionMode: SelectionMode | undefined
  selectedKeys: ListSelection | undefined
  defaultSelectedKeys: ListSelection | undefined
  onSelectionChange: ((selection: ListSelection) => void) | undefined
  /** The key (`getRowId`) of the loaded row at `index`. */
  keyAt: (index: number) => SelectionKey
  /** The index of the first loaded row: rows before it are not loaded (the list starts mid-way). */
  first: number
  /** How many rows are loaded. */
  loaded: number
  /** How many rows the list holds, when known. */
  total: number | undefined
  /** The list shown (`list.listKey`): a change that is not a sort clears the selection. */
  listKey: string | undefined
  /** The table's sort: a new list with another sort is the same rows in another order. */
  sortDescriptor: SortDescriptor | undefined
}

/** What `useTableSelection` returns: the selection shown, and what the table's events do to it. */
export interface TableSelection {
  /** `null` when rows cannot be selected (`selectionMode="none"`). */
  mode: 'single' | 'multiple' | null
  /** The selection the rows show. */
  selection: ListSelection
  /** The header checkbox's state. */
  headerState: HeaderCheckState
  /** A new list cleared the selection, and nothing was selected since: say so. */
  cleared: boolean
  /** A click on the row at `index` or its checkbox; `extend` (Shift) selects the range from the anchor. */
  toggleRow: (index: number, extend: boolean) => void
  /** The header checkbox: every row when it is unchecked or mixed, none when checked. */
  toggleAll: () => void
  /** Space, Escape and Ctrl/Cmd+A on a row or a selection checkbox; `true` when the key was used. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => boolean
  /** Keyboard focus moved from row `from` to row `to`: with Shift, the range from the anchor follows it. */
  onMove: (from: number, to: number, event: KeyboardEvent<HTMLElement>) => void
}

/** Where the next Shift range starts (`anchor`) and where the last one ended (`extent`), in the list `listKey`. */
interface Anchor {
  listKey: string | undefined
  anchor: SelectionKey
  extent: SelectionKey
}

/**
 * The selection of an `<InfiniteTable>`: controlled (`selectedKeys`) or its own (`defaultSelectedKeys`), with
 * `onSelectionChange` called on every change. A new `listKey` whose `sortDescriptor` changed too is the same rows
 * sorted anew: the selection stays. Any other new `listKey` (a filter, a page size) is other rows: the selection is
 * cleared (shown empty at once, `onSelectionChange` with an empty selection before the browser paints) and
 * `cleared` is set until the next change.
 */
export function useTableSelection(options: TableSelectionOptions): TableSelection {
  const { keyAt, first, loaded, total, listKey, sortDescriptor } = options
  const last = first + loaded - 1
  const mode =
    options.selectionMode === 'single' || options.selectionMode === 'multiple' ? options.selectionMode : null
  const [current, setCurrent] = useControllableState(
    options.selectedKeys,
    options.defaultSelectedKeys ?? NO_ROWS,
    options.onSelectionChange,
  )
  const anchorRef = useRef<Anchor | null>(null)

  const sortKey = sortDescriptor ? `${sortDescriptor.column} ${sortDescriptor.direction}` : ''
  const [seen, setSeen] = useState({ listKey, sortKey, clearing: null as ListSelection | null })
  let clearing = seen.clearing
  if (seen.listKey !== listKey) {
    // Derived during render, so that no frame shows the previous selection on the new list's rows.
    clearing = mode !== null && seen.sortKey === sortKey && !isSelectionEmpty(current, total) ? current : null
    setSeen({ listKey, sortKey, clearing })
  }
  // Until the caller's state follows, the selection being cleared shows as none.
  const selection = clearing !== null && current === clearing ? NO_ROWS : current
  useLayoutEffect(() => {
    if (clearing !== null && current === clearing) setCurrent(emptySelection())
  }, [clearing, current, setCurrent])

  const change = (next: ListSelection) => {
    if (seen.clearing !== null) setSeen({ ...seen, clearing: null })
    setCurrent(next)
  }
  const setAnchor = (anchor: SelectionKey, extent = anchor) => {
    anchorRef.current = { listKey, anchor, extent }
  }
  const indexOf = (key: SelectionKey | undefined) => {
    if (key !== undefined)
      for (let index = first; index <= last; index++) if (keyAt(index) === key) return index
    return -1
  }
  const keysBetween = (from: number, to: number) => {
    const keys: SelectionKey[] = []
    for (let index = Math.min(from, to); index <= Math.max(from, to); index++) keys.push(keyAt(index))
    return keys
  }

  /**
   * Selects the rows from the anchor to `to`, and unselects those of the previous range from the same anchor that
   * this one no longer covers (Shift+↓↓↑ selects two rows, not three). Without an anchor among the loaded rows (none
   * yet, or trimmed away by `maxPages`), the range starts at `from`.
   */
  const extendTo = (to: number, from: number) => {
    const anchor = anchorRef.current?.listKey === listKey ? anchorRef.current : null
    let start = indexOf(anchor?.anchor)
    if (start < 0) start = from
    let end = indexOf(anchor?.extent)
    if (end < 0) end = start
    const range = keysBetween(start, to)
    const inRange = new Set(range)
    const dropped = keysBetween(start, end).filter((key) => !inRange.has(key))
    change(withKeys(withKeys(selection, dropped, false), range, true))
    setAnchor(keyAt(start), keyAt(to))
  }

  const toggleRow = (index: number, extend: boolean) => {
    if (mode === null || index < first || index > last) return
    const key = keyAt(index)
    if (mode === 'multiple' && extend) return extendTo(index, index)
    setAnchor(key)
    if (mode === 'multiple') change(toggleKey(selection, key))
    else change(isSelected(selection, key) ? emptySelection() : { type: 'some', keys: new Set([key]) })
  }

  const headerState = headerCheckState(selection, total)
  const selectAll = () => {
    anchorRef.current = null
    if (!(selection.type === 'all' && selection.except.size === 0)) change(allSelection())
  }
  const clear = () => {
    anchorRef.current = null
    change(emptySelection())
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (mode === null) return false
    const target = event.target as HTMLElement
    const index = target.getAttribute('role') === 'row' ? Number(target.dataset.index) : Number.NaN
    if (!Number.isInteger(index) && !target.classList.contains(CHECKBOX_CLASS)) return false
    const command = event.ctrlKey || event.metaKey
    if (event.key === ' ' && !command && !event.altKey && index >= first && index <= last) {
      event.preventDefault() // not a scroll
      toggleRow(index, event.shiftKey)
    } else if (event.key === 'Escape' && !isSelectionEmpty(selection, total)) {
      // Only when there is a selection: otherwise Escape is left to what holds the table (a dialog closes).
      event.preventDefault()
      event.stopPropagation()
      clear()
    } else if (mode === 'multiple' && command && !event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault() // not the page's text
      selectAll()
    } else return false
    return true
  }

  const onMove = (from: number, to: number, event: KeyboardEvent<HTMLElement>) => {
    if (mode !== 'multiple' || loaded === 0) return
    // Rows not loaded and the status row after the records are not selectable: a range stops at the loaded ones.
    const clamp = (index: number) => Math.max(first, Math.min(index, last))
    if (event.shiftKey) extendTo(clamp(to), clamp(from))
    else if (to >= first && to <= last) setAnchor(keyAt(to))
  }

  return {
    mode,
    selection,
    headerState,
    cleared: clearing !== null && isSelectionEmpty(selection, total),
    toggleRow,
    toggleAll: () => (headerState === 'checked' ? clear() : selectAll()),
    onKeyDown,
    onMove,
  }
}
