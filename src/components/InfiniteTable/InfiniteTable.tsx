import { isCancelledError } from '@tanstack/react-query'
import { forwardRef, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type {
  CSSProperties,
  ForwardedRef,
  Key,
  KeyboardEvent,
  MouseEvent,
  ReactElement,
  ReactNode,
  Ref,
} from 'react'
import { defaultItemId } from '../../core/itemFlattener'
import { isSelected } from '../../core/selection'
import type { SelectionKey } from '../../core/selection'
import { classNames, useLiveRegion } from '../shared/parts'
import { useSortableColumns } from '../shared/sorting'
import { checkInfiniteTableProps } from './checkProps'
import type { InfiniteTableProps, ListPosition } from './infiniteTableTypes'
import { holdsWindow } from '../../core/pageWindow'
import { columnStyle, firstLoadRows, headerRow, RecordRow, selectionHeaderCell } from './rows'
import { defaultInfiniteTableLabels, tableStateOf, tableTexts } from './tableTexts'
import { useRowFocus } from './useRowFocus'
import { rowAt, rowTop, useRowWindow } from './rowWindow'
import { CHECKBOX_CLASS, useTableSelection } from './useTableSelection'

function defaultRowId(item: unknown, index: number): Key {
  const id = defaultItemId(item)
  return typeof id === 'string' || typeof id === 'number' ? id : index
}

function InfiniteTableView<TItem>(props: InfiniteTableProps<TItem>, ref: ForwardedRef<HTMLDivElement>) {
  if (process.env.NODE_ENV !== 'production') checkInfiniteTableProps(props)
  const {
    list,
    columns,
    getRowId = defaultRowId,
    height = 480,
    rowHeight = 40,
    headerHeight = rowHeight,
    overscan = 8,
    loadMode = 'auto',
    loadThreshold,
    itemName,
    locale,
    labels: labelOverrides,
    skeletonRows,
    initialScrollOffset,
    onScrollOffsetChange,
    onPositionChange,
    initialPosition,
    onRowAction,
    sortDescriptor,
    onSortChange,
    selectionMode,
    selectedKeys,
    defaultSelectedKeys,
    onSelectionChange,
    getRowName,
    className,
    style,
    'aria-label': ariaLabel,
    'aria-labelledby': ariaLabelledBy,
    'aria-describedby': ariaDescribedBy,
    ...rootProps
  } = props
  const texts = tableTexts(labelOverrides, itemName, locale)
  const { labels } = texts
  const gridRef = useRef<HTMLDivElement>(null)
  const afterRef = useRef<HTMLSpanElement>(null)
  const afterId = useId()

  const { items } = list
  const loaded = items.length
  // Rows sit at their index in the whole list: a list that starts mid-way (`maxPages` dropped the pages before, or a
  // window was loaded) has rows not loaded before its records, shown as placeholders until they load back.
  const base = list.firstItemIndex ?? 0
  const end = base + loaded
  const recordAt = (index: number): TItem | undefined =>
    index >= base && index < end ? items[index - base] : undefined
  const [state, statusKind] = tableStateOf(list, loadMode)
  const statusText = texts.statusRow(statusKind, loaded, list.error)
  // A new sort or filter failed: its error goes above the previous rows (where the user pressed the header), not after
  // them, and no status row follows them.
  const failedRefresh = list.isPlaceholderData === true && list.status === 'error'
  // A list that drops pages (`maxPages`) and knows its total has a scrollbar for all of it: rows not loaded yet follow
  // the status row, and an offset list jumps to where the user drags it.
  const trailing =
    list.maxPages !== undefined && list.total !== undefined && list.hasNextPage && loadMode === 'auto'
      ? Math.max(0, list.total - end)
      : 0
  const rowCount = statusKind === null ? 0 : failedRefresh ? end : end + 1 + trailing
  const sorting = useSortableColumns({
    sortDescriptor,
    onSortChange,
    columnName: (id) => {
      const { header } = columns.find((column) => column.id === id) ?? {}
      return typeof header === 'string' ? header : id
    },
    labels,
    pending: list.isPlaceholderData,
  })
  const viewportHeight = typeof height === 'number' ? Math.max(0, height - headerHeight) : undefined

  // The list's total when the API says, or the loaded rows once every page is: for the selection's count.
  const complete =
    list.status === 'success' && !list.hasNextPage && !list.hasPreviousPage && !list.isPlaceholderData
  const knownTotal = list.total ?? (complete ? loaded : undefined)
  const selection = useTableSelection({
    selectionMode,
    selectedKeys,
    defaultSelectedKeys,
    onSelectionChange,
    keyAt: (index) => getRowId(recordAt(index)!, index) as SelectionKey,
    first: base,
    loaded,
    total: knownTotal,
    listKey: list.listKey,
    sortDescriptor,
  })
  const selectable = selection.mode !== null
  // Stable while its inputs are, so that the memoised rows skip re-rendering (`labels` is a new object every render:
  // the function is read from the caller's labels or the defaults).
  const selectRow = labelOverrides?.selectRow ?? defaultInfiniteTableLabels.selectRow
  const checkboxLabel = useCallback(
    (item: TItem, index: number, firstCell: ReactNode) =>
      selectRow({
        name:
          getRowName?.(item, index) ??
          (typeof firstCell === 'string' || typeof firstCell === 'number'
            ? String(firstCell)
            : String(getRowId(item, index))),
      }),
    [selectRow, getRowName, getRowId],
  )

  // Enter on a record's row acts as a click on it (`onBodyClick`); on the status row, it presses its button.
  const [activeIndex, focusWithin, focusHandlers, focusRow] = useRowFocus(
    gridRef,
    rowCount,
    (index, row) => (index === end ? row.querySelector('button') : row)?.click(),
    selectable ? selection.onMove : undefined,
  )
  const getKey = useCallback(
    (index: number): Key => {
      const item = index >= base && index < base + items.length ? items[index - base] : undefined
      // Records use `getRowId`; the status row and the rows not loaded have keys of their own.
      return item !== undefined
        ? getRowId(item, index)
        : index === base + items.length
          ? 'pw-status-row'
          : `pw-row-${index}`
    },
    [items, base, getRowId],
  )

  const keepIndex = focusWithin && activeIndex < rowCount ? activeIndex : null
  const rows = useRowWindow({
    scroller: gridRef,
    count: rowCount,
    rowHeight,
    headerHeight,
    overscan,
    keyAt: getKey,
    focused: keepIndex !== null,
    // The scroll area's height when it is known up front, so the first render already fills it.
    initialViewport: viewportHeight,
    // A saved position is restored once its rows are there (below).
    initialOffset: initialPosition ? undefined : initialScrollOffset,
    onScrollOffsetChange,
  })
  const { range, first, last, measure: measureRows, scrollToOffset } = rows

  // Another sort, filter or page size is shown: its first row at the top, not the previous list's scroll position.
  const shownKey = useRef(list.listKey)
  useLayoutEffect(() => {
    if (shownKey.current === list.listKey) return
    shownKey.current = list.listKey
    scrollToOffset(0)
  }, [list.listKey, scrollToOffset])

  // A saved position: its window loads (from its page params, before the list fetches its first page: this layout effect
  // runs before the list's query starts), then its row is shown where it was. Nothing else loads meanwhile.
  const [restoring, setRestoring] = useState(() =>
    initialPosition && initialPosition.listKey === list.listKey ? initialPosition : null,
  )
  const [positionLost, setPositionLost] = useState(false)
  const { loadWindow } = list
  useLayoutEffect(() => {
    if (!restoring || !loadWindow || holdsWindow(list.window, restoring.window)) return
    // Cancelled, when StrictMode unmounts the list in between: its second mount asks again.
    loadWindow(restoring.window).catch((error: unknown) => {
      if (!isCancelledError(error)) setRestoring(null)
    })
    // On mount only: the position is read once.
  }, []) // eslint-disable-line react-hooks/exhaustive-deps
  const restoreReady =
    restoring !== null &&
    loaded > 0 &&
    (holdsWindow(list.window, restoring.window) || (list.status !== 'pending' && !list.isFetching))
  // Once its rows are there, during render (no frame shows the top first): the saved row, found by id, or the row at its
  // place when it is gone (and the table says so), is scrolled to where it was in the layout effect below.
  const [restored, setRestored] = useState<{ index: number; offset: number } | null>(null)
  if (restoreReady) {
    const { anchor, offset } = restoring
    const found = items.findIndex((item, at) => getRowId(item, base + at) === anchor.id)
    setRestoring(null)
    setPositionLost(found < 0)
    setRestored({
      index: found >= 0 ? base + found : Math.max(base, Math.min(anchor.index, end - 1)),
      offset,
    })
  }
  useLayoutEffect(() => {
    if (restored) scrollToOffset(rowTop(rows.layout, restored.index) + restored.offset)
    // Once per restore: the layout is the one of the render that restored.
  }, [restored]) // eslint-disable-line react-hooks/exhaustive-deps

  // Offset lists reach any page directly; cursor lists load page after page, however far the view went.
  const canJump = list.windowAt?.(0) !== undefined
  const threshold =
    loadThreshold ?? Math.max(range ? range.endIndex - range.startIndex + 1 : 0, list.pageSize ?? 0)
  // Loads the next page when the last loaded row comes within `threshold` rows of view. Checked after every render
  // rather than on scroll events, so a first page too short to fill the viewport is followed by the next at once (no
  // scroll event comes when there is nothing to scroll). Never while a fetch is in flight, nor after an error: the
  // error row's Retry resumes.
  const loadDue =
    loadMode === 'auto' &&
    !restoring &&
    list.status === 'success' &&
    list.hasNextPage &&
    !list.isFetching &&
    range !== null &&
    range.endIndex + threshold >= end - 1 &&
    // Far past the loaded rows, an offset list jumps there instead (below).
    (!canJump || range.startIndex <= end + threshold)
  const { fetchNextPage, listKey } = list
  const loadedKey = useRef(listKey)
  useEffect(() => {
    // In the render that shows another list the range is still the previous list's scroll position (it is scrolled
    // back to the top in this commit): wait for the range of the list shown.
    const sameList = loadedKey.current === listKey
    loadedKey.current = listKey
    if (loadDue && sameList) void fetchNextPage()
    // `loaded` re-arms the check after a page that left the viewport still short of rows; the range's end, after the
    // scroll back to the top.
  }, [loadDue, loaded, fetchNextPage, listKey, range?.endIndex])
  // Rows before the loaded ones (pages dropped in front) load back as the view comes near them, the same way; an offset
  // list whose view the user dragged far from its rows loads the page there instead, once the view stops.
  const { fetchPreviousPage, windowAt } = list
  const idle =
    loadMode === 'auto' && !restoring && list.status === 'success' && !list.isFetching && range !== null
  const previousDue =
    idle &&
    !!list.hasPreviousPage &&
    range.startIndex - threshold <= base &&
    (!canJump || range.endIndex + threshold >= base)
  const far = canJump && idle && (range.endIndex + threshold < base || range.startIndex > end + threshold)
  const jumpTo = far && !rows.scrolling ? windowAt?.(range.startIndex) : undefined
  // The first row in view as the scroller has it now: a position restored in this commit moved it since the render.
  const viewStart = () => (gridRef.current ? rowAt(rows.layout, gridRef.current.scrollTop) : 0)
  useEffect(() => {
    if (previousDue && viewStart() - threshold <= base) void fetchPreviousPage?.()
  }, [previousDue, base, fetchPreviousPage, range?.startIndex]) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    // A failed jump leaves the list in error, with its Retry; the rows shown stay.
    if (jumpTo && windowAt?.(viewStart())?.firstItemIndex === jumpTo.firstItemIndex) {
      loadWindow?.(jumpTo).catch(() => undefined)
    }
  }, [jumpTo?.firstItemIndex, loadWindow]) // eslint-disable-line react-hooks/exhaustive-deps

  // Where the user is, once the view stops: the list's window, the first record in view and how far past its top.
  const reported = useRef('')
  useEffect(() => {
    const window = list.window
    const grid = gridRef.current
    if (!onPositionChange || restoring || rows.scrolling || !window || !grid) return
    // The first record at or below the view's top, read from the scroller (the render's range may be a frame behind).
    const anchorIndex = Math.max(rowAt(rows.layout, grid.scrollTop), base)
    const item = recordAt(anchorIndex)
    if (item === undefined) return
    const position: ListPosition = {
      listKey: list.listKey ?? '',
      window,
      anchor: { id: getRowId(item, anchorIndex) as string | number, index: anchorIndex },
      offset: Math.max(0, grid.scrollTop - rowTop(rows.layout, anchorIndex)),
    }
    const json = JSON.stringify(position)
    if (json === reported.current) return
    reported.current = json
    onPositionChange(position)
  })
  // A live list's new records, waiting above the rows: shown at once while the view is at the very top (the rows
  // inserted there are seen arriving), else offered by a button; below the top, the rows in view stay where they are.
  const newCount = list.newItemCount ?? 0
  const { showNewItems } = list
  const atTop = rows.atTop && statusKind !== null
  useLayoutEffect(() => {
    if (newCount > 0 && atTop) void showNewItems?.()
  }, [newCount, atTop, showNewItems])
  // The button scrolls to the top, where the effect above shows them; focus goes to the first of them once they are
  // rows (the button it was on is gone).
  const focusNewItems = useRef(false)
  const onShowNewItems = () => {
    focusNewItems.current = true
    scrollToOffset(0)
  }
  useLayoutEffect(() => {
    if (newCount > 0 || !focusNewItems.current) return
    focusNewItems.current = false
    focusRow(0)
  }, [newCount, focusRow])

  // What the live region says when rows arrive, new records wait above them, or a fetch fails, and only then:
  // re-renders from scrolling announce nothing. Nothing added (a retry that brought no new record) or fewer rows (a new
  // list, a first-page refetch): silence. New records are announced once, when they arrive: rows shown from them
  // (`fresh` falls as `loaded` grows by as much) say nothing more.
  const error = list.status === 'error' ? list.error : null
  const atEnd = !list.hasNextPage
  const liveRegion = useLiveRegion({ loaded, error, fresh: newCount }, (seen) =>
    newCount > seen.fresh
      ? () => texts.newItems(newCount)
      : seen.loaded + seen.fresh !== loaded + newCount || seen.error !== error
        ? () =>
            error !== null
              ? statusText
              : texts.arrived(loaded + newCount - seen.loaded - seen.fresh, loaded, atEnd)
        : undefined,
  )

  // The focused row, when it is outside the window: rendered too, at its place, so that focus is never dropped.
  const kept = keepIndex !== null && (keepIndex < first || keepIndex > last) ? keepIndex : null
  const rendered = kept !== null || (activeIndex >= first && activeIndex <= last)
  const tabbableIndex = rendered ? activeIndex : (range?.startIndex ?? 0)

  const onStatusAction = (event: MouseEvent<HTMLButtonElement>) => {
    // The button is replaced by a progress indicator: keep keyboard focus on its row, not on the page.
    event.currentTarget.closest<HTMLElement>('[role="row"]')?.focus({ preventScroll: true })
    void (statusKind === 'error' ? list.retry() : list.fetchNextPage())
  }
  const onBodyClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement
    const checkbox = selectable && target.classList.contains(CHECKBOX_CLASS)
    if (
      (!onRowAction && !selectable) ||
      (!checkbox && target.closest('button, a, input, select, textarea'))
    ) {
      return
    }
    const row = target.closest<HTMLElement>('[role="row"]')
    const index = Number(row?.dataset.index)
    const item = recordAt(index)
    if (item === undefined) return
    if (onRowAction && !checkbox) return onRowAction(item, index)
    // Selection: a click on the checkbox, or on the row of a table without row actions, but not the end of a mouse
    // drag that selected the row's text (Enter's click has `detail` 0). Keyboard focus goes to the row, where Space
    // and the arrows go on.
    const text = document.getSelection()
    if (!checkbox && event.detail > 0 && text?.type === 'Range' && row && text.containsNode(row, true)) return
    selection.toggleRow(index, event.shiftKey)
    if (document.activeElement !== row) row?.focus({ preventScroll: true })
  }
  // Shift+click selects a range of rows, not the text between two clicks.
  const onBodyMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if (event.shiftKey) event.preventDefault()
  }
  const gridHandlers = focusHandlers(rows)
  const onGridKeyDown = selectable
    ? (event: KeyboardEvent<HTMLDivElement>) => {
        if (!selection.onKeyDown(event)) gridHandlers.onKeyDown(event)
      }
    : gridHandlers.onKeyDown

  /** The status row's contents. */
  const statusCell = () => (
    <>
      {statusKind === 'loading' || statusKind === 'refreshing' ? (
        <span role="progressbar" aria-label={statusText} className="pw-infinite-table__progress" />
      ) : null}
      {statusKind === 'load-more' ? null : (
        <span className="pw-infinite-table__status-text">{statusText}</span>
      )}
      {statusKind === 'error' || statusKind === 'load-more' ? (
        <button
          type="button"
          className={`pw-infinite-table__${statusKind === 'error' ? 'retry' : statusKind}`}
          onClick={onStatusAction}
        >
          {statusKind === 'error' ? labels.retry : labels.loadMore}
        </button>
      ) : null}
    </>
  )
  const columnCount = columns.length + (selectable ? 1 : 0)
  const loadingRowText = texts.statusRow('loading', loaded, null)
  /**
   * Row `index`: a record's, the status row after them, or a row not loaded; `alone` places it by itself (the focused
   * row kept).
   */
  const row = (index: number, alone = false) => {
    const key = getKey(index)
    const top = alone ? rowTop(rows.layout, index) : undefined
    const item = recordAt(index)
    if (item !== undefined) {
      return (
        <RecordRow
          key={key}
          item={item}
          index={index}
          top={top}
          columns={columns}
          tabbable={index === tabbableIndex}
          actionable={onRowAction !== undefined || selectable}
          selected={selectable ? isSelected(selection.selection, key as SelectionKey) : undefined}
          checkboxLabel={selectable ? checkboxLabel : undefined}
        />
      )
    }
    // A row not loaded (its page loads as the view comes near, or the view's page after a jump), or the row after the
    // records, reached by scrolling and by the keyboard like any other: a progress indicator named by its text while
    // loading, the error with Retry, the Load more button, the end of the list, or the empty state.
    const placeholder = index !== end
    return (
      <div
        key={key}
        role="row"
        aria-rowindex={index + 2}
        data-index={index}
        tabIndex={index === tabbableIndex ? 0 : -1}
        style={top === undefined ? undefined : { top }}
        className="pw-infinite-table__status-row"
        data-state={placeholder ? 'placeholder' : statusKind}
        data-alone={alone || undefined}
      >
        <div role="gridcell" aria-colspan={columnCount} className="pw-infinite-table__status-cell">
          {placeholder ? (
            <span role="progressbar" aria-label={loadingRowText} className="pw-infinite-table__placeholder" />
          ) : (
            statusCell()
          )}
        </div>
      </div>
    )
  }

  return (
    <div
      {...rootProps}
      ref={ref}
      className={classNames(
        'pw-infinite-table',
        typeof className === 'function' ? className(state) : className,
      )}
      style={
        {
          ...style,
          ...columnStyle(columns, selectable),
          '--pw-header-height': `${headerHeight}px`,
          '--pw-row-height': `${rowHeight}px`,
        } as CSSProperties
      }
      data-state={state}
      data-load-mode={loadMode}
    >
      <a
        className="pw-infinite-table__skip"
        href={`#${afterId}`}
        onClick={(event) => {
          event.preventDefault()
          afterRef.current?.focus()
        }}
      >
        {labels.skipTable}
      </a>
      {selectable ? (
        // Visible, and polite: a count that changes with every tick is heard once the user pauses.
        <div
          role="status"
          aria-live="polite"
          aria-atomic="true"
          className="pw-infinite-table__selection"
          data-state={selection.cleared ? 'cleared' : undefined}
        >
          {selection.cleared
            ? labels.selectionCleared
            : texts.selectionCount(selection.selection, knownTotal, loaded)}
        </div>
      ) : null}
      {failedRefresh ? (
        <div className="pw-infinite-table__refresh-error">
          <span className="pw-infinite-table__status-text">{statusText}</span>
          <button type="button" className="pw-infinite-table__retry" onClick={() => void list.retry()}>
            {labels.retry}
          </button>
        </div>
      ) : null}
      {positionLost ? (
        <div role="status" className="pw-infinite-table__position-lost">
          {texts.positionLost()}
        </div>
      ) : null}
      {newCount > 0 && !atTop ? (
        // Over the top of the rows, outside the grid (whose children are rows); announced by the live region.
        <div className="pw-infinite-table__new-items-bar">
          <button type="button" className="pw-infinite-table__new-items" onClick={onShowNewItems}>
            {texts.newItems(newCount)}
          </button>
        </div>
      ) : null}
      <div
        ref={gridRef}
        role="grid"
        aria-label={ariaLabel}
        aria-labelledby={ariaLabelledBy}
        aria-describedby={ariaDescribedBy}
        // The records plus the header row, or -1 while the total is unknown.
        aria-rowcount={
          list.total !== undefined
            ? list.total + 1
            : list.status !== 'pending' && !list.hasNextPage
              ? end + 1
              : -1
        }
        aria-colcount={columnCount}
        aria-multiselectable={selection.mode === 'multiple' || undefined}
        aria-busy={list.isFetching || undefined}
        className="pw-infinite-table__grid"
        style={{ height }}
        {...gridHandlers}
        onKeyDown={onGridKeyDown}
      >
        {headerRow(
          columns,
          sorting,
          selection.mode === null
            ? null
            : selectionHeaderCell(
                selection.mode,
                selection.headerState,
                labels,
                selection.toggleAll,
                state === 'empty',
              ),
        )}
        {statusKind === null ? (
          firstLoadRows(
            columns,
            // Rows that fill the viewport, at most 20.
            skeletonRows ?? Math.min(20, Math.ceil((viewportHeight ?? 400) / rowHeight)),
            statusText,
            selectable,
          )
        ) : (
          <div
            role="rowgroup"
            className="pw-infinite-table__body"
            style={{ height: rows.totalHeight }}
            onClick={onBodyClick}
            onMouseDown={selectable ? onBodyMouseDown : undefined}
          >
            {kept !== null && kept < first ? row(kept, true) : null}
            {/* The window's rows in normal flow, the block placed at the first one's offset. */}
            <div
              ref={measureRows}
              className="pw-infinite-table__window"
              style={{ top: rowTop(rows.layout, first) }}
            >
              {Array.from({ length: last - first + 1 }, (_, at) => row(first + at))}
            </div>
            {kept !== null && kept > last ? row(kept, true) : null}
          </div>
        )}
      </div>
      {liveRegion}
      {/* Only a table that sorts has the second live region: one less for screen readers to track otherwise. */}
      {columns.some((column) => column.allowsSorting) ? sorting.liveRegion : null}
      <span ref={afterRef} id={afterId} tabIndex={-1} className="pw-infinite-table__after" />
    </div>
  )
}

/**
 * A virtualized, accessible infinite-scroll table over a `usePaginatedList` result: only the rows in view (plus
 * `overscan`) are in the DOM, the next page loads as the end comes near (or on "Load more"), and loading, errors
 * (with Retry, loaded rows kept), the end and the empty list are rows of the grid. Keyboard users move between rows
 * with ↑ ↓ PageUp PageDown Home End, and can skip the table; a polite live region announces what loaded. With
 * `selectionMode`, rows are selected by key (checkboxes, Space, Shift ranges, Ctrl/Cmd+A for every row of the list,
 * loaded or not), and a visible count says how many.
 *
 * @example
 * const leads = usePaginatedList({ queryKey: ['leads'], adapter: closeOffset<Lead>(), fetchPage: close('/lead/') })
 * <InfiniteTable list={leads} columns={columns} aria-label="Leads" itemName={{ one: 'lead', other: 'leads' }} />
 */
export const InfiniteTable = /* @__PURE__ */ forwardRef(InfiniteTableView) as <TItem>(
  props: InfiniteTableProps<TItem> & { ref?: Ref<HTMLDivElement> },
) => ReactElement
