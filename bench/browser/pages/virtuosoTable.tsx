import { useEffect, useRef } from 'react'
import { TableVirtuoso } from 'react-virtuoso'
import type { TableComponents } from 'react-virtuoso'
import { LAYOUT } from '../contract.ts'
import { columns, createBenchApi, installTable, pageSettings, useRawLeads } from './benchApi.ts'
import type { Lead } from './benchApi.ts'
import { watchFirstPage } from './harness.ts'
import { mount } from './mount.tsx'
import { DATA_CELL_CLASS, HeaderCells, LeadCells } from './tableCells.tsx'
import './tables.css'

const components: TableComponents<Lead> = {
  Table: (props) => <table {...props} className="bench-table" />,
}
const fixedHeaderContent = () => (
  <tr>
    <HeaderCells />
  </tr>
)

/**
 * react-virtuoso: `TableVirtuoso` over a raw useInfiniteQuery, loading more from `endReached` (Virtuoso's
 * endless-scrolling recipe), with a "Loading more" row as the last row while there is more to load.
 * `overscanRows`: rendered rows above and below the viewport (`increaseViewportBy`, in px); undefined keeps
 * Virtuoso's default (none).
 */
export function mountVirtuoso(
  implementation: 'virtuoso' | 'virtuoso-overscan',
  overscanRows: (overscan: number) => number | undefined,
): void {
  const settings = pageSettings()
  const api = createBenchApi(settings)
  const progress = { loaded: 0 }
  const rows = overscanRows(settings.overscan)
  // Left out entirely for the default: TableVirtuoso breaks on an explicit `increaseViewportBy={undefined}`.
  const overscanProps = rows === undefined ? {} : { increaseViewportBy: rows * LAYOUT.rowHeight }
  watchFirstPage(`.${DATA_CELL_CLASS}`)

  function install(scroller: HTMLElement): void {
    const header = scroller.querySelector('thead th')
    if (header === null) throw new Error('TableVirtuoso rendered no header cell')
    const dataCells = scroller.getElementsByClassName(DATA_CELL_CLASS)
    const loadingCells = scroller.getElementsByClassName('bench-loading')
    const lastRowSelector = `tr[data-index="${settings.rows - 1}"]`
    installTable(api, progress, {
      implementation,
      scroller,
      header,
      dataRows: () => dataCells,
      loadingRows: () => loadingCells,
      lastRow: () => scroller.querySelector(lastRowSelector),
    })
  }

  function Leads() {
    const { leads, hasNextPage, isFetchingNextPage, fetchNextPage } = useRawLeads(api)
    const scrollerRef = useRef<HTMLElement | null>(null)
    const loaded = leads.length
    useEffect(() => {
      progress.loaded = loaded
      if (loaded > 0 && scrollerRef.current !== null) install(scrollerRef.current)
    }, [loaded])

    const loadMore = () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
    }
    return (
      <div className="bench-frame">
        <TableVirtuoso<Lead>
          className="bench-scroller"
          style={{ height: LAYOUT.viewportHeight }}
          scrollerRef={(element) => {
            scrollerRef.current = element instanceof HTMLElement ? element : null
          }}
          totalCount={loaded + (hasNextPage ? 1 : 0)}
          components={components}
          fixedHeaderContent={fixedHeaderContent}
          endReached={loadMore}
          {...overscanProps}
          itemContent={(index) => {
            const lead = leads[index]
            return lead === undefined ? (
              <td className="bench-loading" colSpan={columns.length}>
                Loading more leads…
              </td>
            ) : (
              <LeadCells lead={lead} index={index} />
            )
          }}
        />
      </div>
    )
  }

  mount(<Leads />)
}
