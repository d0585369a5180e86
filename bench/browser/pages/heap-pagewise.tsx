import { useEffect, useRef } from 'react'
import type { CSSProperties } from 'react'
import { createFetcher, InfiniteTable, usePaginatedList } from '../../../src/index.ts'
import type { PaginatedList } from '../../../src/index.ts'
import '../../../src/styles.css'
import { MILLION_ROWS_BASE, millionRowsAdapter } from '../../../stories/support/millionRows.ts'
import type { MillionLead, MillionRowsPage } from '../../../stories/support/millionRows.ts'
import { HEAP_LAYOUT } from '../heapContract.ts'
import { createHeapApi, frameStyle, heapColumns, heapSettings, installHeap, mountHeap } from './heapPage.tsx'

// pagewise: <InfiniteTable> over usePaginatedList with maxPages, on the million-row list. With `maxPages` the table
// keeps 10 pages, drops those at the far end and loads them back on the way back; `list.firstItemIndex` says how
// many records come before `list.items[0]`, and rows are laid out at their absolute index.
const { total } = heapSettings()
const api = createHeapApi(total)
const million = createFetcher({ baseUrl: MILLION_ROWS_BASE, fetch: api.fetch })
const fetchPage = million('/lead/')
const adapter = millionRowsAdapter()
const itemName = { one: 'lead', other: 'leads' }
// Rows of `rowHeight` px: the default cell padding (0.5rem above and below) makes a row about 37 px tall; none
// leaves the line (19.6 px) inside 32 px, as the react-virtuoso page's cells.
const tableStyle = { '--pw-cell-padding': '0 0.75rem' } as CSSProperties
const { rowHeight, viewportHeight, pageSize, maxPages } = HEAP_LAYOUT

type List = PaginatedList<MillionRowsPage, MillionLead, number>
/** The list as last committed. */
const current: { list: List | null } = { list: null }

/** `list.firstItemIndex` when the list has it; undefined before it landed. */
function firstItemIndexOf(list: List): number | undefined {
  const value = (list as { firstItemIndex?: unknown }).firstItemIndex
  return typeof value === 'number' ? value : undefined
}

/** Index of `items[0]`: `firstItemIndex`, else the first loaded page's offset (what `maxPages` left). */
function loadedStart(list: List | null): number {
  if (list === null) return 0
  return firstItemIndexOf(list) ?? list.query.data?.pageParams[0] ?? 0
}

function install(root: HTMLElement, list: List): void {
  const grid = root.querySelector<HTMLElement>('[role="grid"]')
  if (grid === null) throw new Error('<InfiniteTable> has no grid')
  // Before `firstItemIndex`, the table laid out `items` from the top whatever pages were dropped before them.
  const absoluteLayout = firstItemIndexOf(list) !== undefined
  const rows = grid.getElementsByClassName('pw-infinite-table__row')
  installHeap({
    implementation: 'pagewise',
    scroller: grid,
    absoluteLayout,
    loadedStart: () => loadedStart(current.list),
    loadedEnd: () => loadedStart(current.list) + (current.list?.items.length ?? 0),
    total: () => current.list?.total,
    hasNextPage: () => current.list?.hasNextPage ?? true,
    hasPreviousPage: () => current.list?.hasPreviousPage ?? false,
    isFetching: () => current.list?.isFetching ?? true,
    pagesHeld: () => current.list?.query.data?.pages.length ?? 0,
    rowOffset: (index) => rowHeight + (index - (absoluteLayout ? 0 : loadedStart(current.list))) * rowHeight,
    candidateRows: () => rows,
    requests: api.requests,
  })
}

function Leads() {
  const list = usePaginatedList({
    queryKey: ['million', total],
    adapter,
    fetchPage,
    pageSize,
    maxPages,
  })
  const rootRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    current.list = list
    if (list.items.length > 0 && rootRef.current !== null) install(rootRef.current, list)
  })
  return (
    <div style={frameStyle}>
      <InfiniteTable
        ref={rootRef}
        list={list}
        columns={heapColumns}
        aria-label="Leads"
        itemName={itemName}
        height={viewportHeight}
        rowHeight={rowHeight}
        style={tableStyle}
      />
    </div>
  )
}

mountHeap(<Leads />)
