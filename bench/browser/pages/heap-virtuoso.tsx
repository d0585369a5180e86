import { useInfiniteQuery } from '@tanstack/react-query'
import type { InfiniteData } from '@tanstack/react-query'
import { useEffect, useMemo, useRef } from 'react'
import { TableVirtuoso } from 'react-virtuoso'
import type { TableComponents } from 'react-virtuoso'
import type { MillionLead, MillionRowsPage } from '../../../stories/support/millionRows.ts'
import { HEAP_LAYOUT } from '../heapContract.ts'
import { createHeapApi, frameStyle, heapColumns, heapSettings, installHeap, mountHeap } from './heapPage.tsx'
import './tables.css'
import './heap.css'

// react-virtuoso: TableVirtuoso over a raw useInfiniteQuery, loading the next page from `endReached` with a
// "Loading more" row last while there is more (Virtuoso's endless-scrolling recipe, as virtuoso.tsx does), on the
// million-row list. It keeps every page: the rows are flattened with `flatMap` whenever the pages change.
const { total } = heapSettings()
const api = createHeapApi(total)
const { rowHeight, viewportHeight, pageSize } = HEAP_LAYOUT

const components: TableComponents<MillionLead> = {
  Table: (props) => <table {...props} className="heap-table" />,
}
const fixedHeaderContent = () => (
  <tr>
    {heapColumns.map((column) => (
      <th
        key={column.id}
        data-column={column.id}
        style={{ width: typeof column.width === 'number' ? column.width : undefined }}
      >
        {column.header}
      </th>
    ))}
  </tr>
)

interface Current {
  leads: MillionLead[]
  data: InfiniteData<MillionRowsPage, number> | undefined
  hasNextPage: boolean
  isFetching: boolean
}
/** The list as last committed. */
const current: Current = { leads: [], data: undefined, hasNextPage: true, isFetching: true }

function install(scroller: HTMLElement): void {
  const rows = scroller.getElementsByTagName('tr')
  installHeap({
    implementation: 'virtuoso',
    scroller,
    absoluteLayout: true,
    loadedStart: () => 0,
    loadedEnd: () => current.leads.length,
    total: () => current.data?.pages.at(-1)?.total,
    hasNextPage: () => current.hasNextPage,
    hasPreviousPage: () => false,
    isFetching: () => current.isFetching,
    pagesHeld: () => current.data?.pages.length ?? 0,
    rowOffset: (index) => rowHeight + index * rowHeight,
    candidateRows: () => rows,
    requests: api.requests,
  })
}

function Leads() {
  const { data, hasNextPage, isFetching, isFetchingNextPage, fetchNextPage } = useInfiniteQuery({
    queryKey: ['million', total],
    queryFn: ({ pageParam, signal }) => api.fetchOffset(pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last, _pages, lastParam) => (last.has_more ? lastParam + pageSize : undefined),
  })
  const leads = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data])
  const scrollerRef = useRef<HTMLElement | null>(null)
  const loaded = leads.length
  useEffect(() => {
    Object.assign(current, { leads, data, hasNextPage, isFetching })
    if (loaded > 0 && scrollerRef.current !== null) install(scrollerRef.current)
  })

  const loadMore = () => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }
  return (
    <div style={frameStyle}>
      <TableVirtuoso<MillionLead>
        className="heap-scroller"
        style={{ height: viewportHeight }}
        scrollerRef={(element) => {
          scrollerRef.current = element instanceof HTMLElement ? element : null
        }}
        totalCount={loaded + (hasNextPage ? 1 : 0)}
        components={components}
        fixedHeaderContent={fixedHeaderContent}
        endReached={loadMore}
        itemContent={(index) => {
          const lead = leads[index]
          return lead === undefined ? (
            <td className="heap-loading" colSpan={heapColumns.length}>
              Loading more leads…
            </td>
          ) : (
            heapColumns.map((column) => (
              <td key={column.id} data-column={column.id}>
                {column.cell(lead, index)}
              </td>
            ))
          )
        }}
      />
    </div>
  )
}

mountHeap(<Leads />)
