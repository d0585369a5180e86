import { forwardRef, useCallback, useEffect, useId, useRef } from 'react'
import type { CSSProperties, ForwardedRef, Key, MouseEvent, ReactElement, Ref } from 'react'
import { defaultItemId } from '../../core/itemFlattener'
import { classNames, LiveRegion } from '../shared/parts'
import { checkInfiniteTableProps } from './checkProps'
import type { InfiniteTableList, InfiniteTableProps } from './infiniteTableTypes'
import { columnLayout, DataRow, HeaderRow, SkeletonRows, StatusRow } from './rows'
import { statusRowOf, tableStateOf, tableTexts, useLoadAnnouncement } from './tableTexts'
import { useRowFocus } from './useRowFocus'
import { useTableVirtualizer } from './useTableVirtualizer'

/** The virtualizer's key of the status row; records use `getRowId`. */
const STATUS_ROW_KEY = 'pw-status-row'
const MAX_SKELETON_ROWS = 20

function defaultRowId(item: unknown, index: number): Key {
  const id = defaultItemId(item)
  return typeof id === 'string' || typeof id === 'number' ? id : index
}

/** `aria-rowcount`: the records plus the header row, or -1 while the total is unknown. */
function ariaRowCount(list: InfiniteTableList<unknown>): number {
  if (list.total !== undefined) return list.total + 1
  return list.status !== 'pending' && !list.hasNextPage ? list.items.length + 1 : -1
}

function InfiniteTableView<TItem>(props: InfiniteTableProps<TItem>, ref: ForwardedRef<HTMLDivElement>) {
  checkInfiniteTableProps(props)
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
    onRowAction,
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
  const state = tableStateOf(list)
  const statusKind = statusRowOf(state, loadMode)
  const rowCount = statusKind === null ? 0 : loaded + 1
  const viewportHeight = typeof height === 'number' ? Math.max(0, height - headerHeight) : undefined

  // Enter on a record's row acts as a click on it (`onBodyClick`); on the status row, it presses its button.
  const focus = useRowFocus({
    gridRef,
    rowCount,
    onActivate: (index, row) => (index < loaded ? row : row.querySelector('button'))?.click(),
  })
  // Stable until the records change: the virtualizer re-measures every row when its key function changes.
  const getKey = useCallback(
    (index: number): Key => {
      const item = items[index]
      return item !== undefined ? getRowId(item, index) : STATUS_ROW_KEY
    },
    [items, getRowId],
  )

  const virtualizer = useTableVirtualizer({
    scrollRef: gridRef,
    count: rowCount,
    rowHeight,
    headerHeight,
    overscan,
    getKey,
    viewportHeight,
    initialScrollOffset,
    onScrollOffsetChange,
    keepIndex: focus.focusWithin ? focus.activeIndex : null,
  })
  const virtualRows = virtualizer.getVirtualItems()
  const range = virtualizer.range

  // Loads the next page when the last loaded row comes within `threshold` rows of view. Checked after every render
  // rather than on scroll events, so a first page too short to fill the viewport is followed by the next at once (no
  // scroll event comes when there is nothing to scroll). Never while a fetch is in flight, nor after an error: the
  // error row's Retry resumes.
  const threshold =
    loadThreshold ?? Math.max(range ? range.endIndex - range.startIndex + 1 : 0, list.pageSize ?? 0)
  const loadDue =
    loadMode === 'auto' &&
    list.status === 'success' &&
    list.hasNextPage &&
    !list.isFetching &&
    range !== null &&
    range.endIndex + threshold >= loaded - 1
  const { fetchNextPage } = list
  useEffect(() => {
    if (loadDue) void fetchNextPage()
    // `loaded` re-arms the check after a page that left the viewport still short of rows.
  }, [loadDue, loaded, fetchNextPage])
  const announcement = useLoadAnnouncement(list, texts)

  const rendered = virtualRows.some((row) => row.index === focus.activeIndex)
  const tabbableIndex = rendered ? focus.activeIndex : (range?.startIndex ?? virtualRows[0]?.index ?? 0)
  const { tracks, minWidth } = columnLayout(columns)

  const onStatusAction = (event: MouseEvent<HTMLButtonElement>) => {
    // The button is replaced by a progress indicator: keep keyboard focus on its row, not on the page.
    event.currentTarget.closest<HTMLElement>('[role="row"]')?.focus({ preventScroll: true })
    void (statusKind === 'error' ? list.retry() : list.fetchNextPage())
  }
  const onBodyClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!onRowAction || (event.target as HTMLElement).closest('button, a, input, select, textarea')) return
    const index = Number((event.target as HTMLElement).closest<HTMLElement>('[role="row"]')?.dataset.index)
    const item = items[index]
    if (item !== undefined) onRowAction(item, index)
  }
  const skipTable = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    afterRef.current?.focus()
  }

  const rootStyle = {
    ...style,
    '--pw-columns': tracks,
    '--pw-row-min-width': `${minWidth}px`,
    '--pw-header-height': `${headerHeight}px`,
    '--pw-row-height': `${rowHeight}px`,
  } as CSSProperties

  return (
    <div
      {...rootProps}
      ref={ref}
      className={classNames(
        'pw-infinite-table',
        typeof className === 'function' ? className(state) : className,
      )}
      style={rootStyle}
      data-state={state}
      data-load-mode={loadMode}
    >
      <a className="pw-infinite-table__skip" href={`#${afterId}`} onClick={skipTable}>
        {labels.skipTable}
      </a>
      <div
        ref={gridRef}
        role="grid"
        aria-label={ariaLabel}
        aria-labelledby={ariaLabelledBy}
        aria-describedby={ariaDescribedBy}
        aria-rowcount={ariaRowCount(list)}
        aria-colcount={columns.length}
        aria-busy={list.isFetching || undefined}
        className="pw-infinite-table__grid"
        style={{ height }}
        {...focus.handlersFor(virtualizer)}
      >
        <HeaderRow columns={columns} />
        {statusKind === null ? (
          <SkeletonRows
            columns={columns}
            count={
              skeletonRows ?? Math.min(MAX_SKELETON_ROWS, Math.ceil((viewportHeight ?? 400) / rowHeight))
            }
            label={texts.firstLoad()}
          />
        ) : (
          <div
            role="rowgroup"
            className="pw-infinite-table__body"
            style={{ height: virtualizer.getTotalSize() }}
            onClick={onBodyClick}
          >
            {virtualRows.map((row) => {
              const item = items[row.index]
              return row.index < loaded && item !== undefined ? (
                <DataRow
                  key={row.key}
                  item={item}
                  index={row.index}
                  columns={columns}
                  start={row.start}
                  tabbable={row.index === tabbableIndex}
                  measure={virtualizer.measureElement}
                  actionable={onRowAction !== undefined}
                />
              ) : (
                <StatusRow
                  key={row.key}
                  kind={statusKind}
                  index={row.index}
                  columnCount={columns.length}
                  start={row.start}
                  tabbable={row.index === tabbableIndex}
                  measure={virtualizer.measureElement}
                  text={texts.statusRow(statusKind, loaded, list.error)}
                  actionLabel={statusKind === 'error' ? labels.retry : labels.loadMore}
                  onAction={onStatusAction}
                />
              )
            })}
          </div>
        )}
      </div>
      <LiveRegion message={announcement} />
      <span ref={afterRef} id={afterId} tabIndex={-1} className="pw-infinite-table__after" />
    </div>
  )
}

/**
 * A virtualized, accessible infinite-scroll table over a `usePaginatedList` result: only the rows in view (plus
 * `overscan`) are in the DOM, the next page loads as the end comes near (or on "Load more"), and loading, errors
 * (with Retry, loaded rows kept), the end and the empty list are rows of the grid. Keyboard users move between rows
 * with ↑ ↓ PageUp PageDown Home End, and can skip the table; a polite live region announces what loaded.
 *
 * @example
 * const leads = usePaginatedList({ queryKey: ['leads'], adapter: closeOffset<Lead>(), fetchPage: close('/lead/') })
 * <InfiniteTable list={leads} columns={columns} aria-label="Leads" itemName={{ one: 'lead', other: 'leads' }} />
 */
export const InfiniteTable = /* @__PURE__ */ forwardRef(InfiniteTableView) as <TItem>(
  props: InfiniteTableProps<TItem> & { ref?: Ref<HTMLDivElement> },
) => ReactElement
