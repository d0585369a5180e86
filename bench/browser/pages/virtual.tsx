import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { LAYOUT } from '../contract.ts'
import { columns, createBenchApi, installTable, pageSettings, useRawLeads } from './benchApi.ts'
import { watchFirstPage } from './harness.ts'
import { mount } from './mount.tsx'
import { DATA_CELL_CLASS } from './tableCells.tsx'
import './tables.css'

// (d) The floor: a bare @tanstack/react-virtual table (a virtualizer with nothing on top): fixed 40 px rows (no
// measuring), pagewise's overscan, divs positioned by translateY, a raw useInfiniteQuery, and TanStack Virtual's
// infinite-scroll recipe: a loader row after the last lead, and the next page asked for as soon as that row is among
// the rendered (virtual) items.
const settings = pageSettings()
const api = createBenchApi(settings)
const progress = { loaded: 0 }
watchFirstPage(`.${DATA_CELL_CLASS}`)

const widthOf = (width: number | string | undefined) =>
  typeof width === 'number' ? { width, flex: 'none' } : { flex: '1 1 0', minWidth: 0 }

function install(scroller: HTMLElement): void {
  const header = scroller.querySelector('.bench-vhead')
  if (header === null) throw new Error('The virtual table has no header')
  const dataCells = scroller.getElementsByClassName(DATA_CELL_CLASS)
  const loadingRows = scroller.getElementsByClassName('bench-vrow--loading')
  const lastRowSelector = `.bench-vrow[data-index="${settings.rows - 1}"]`
  installTable(api, progress, {
    implementation: 'virtual',
    scroller,
    header,
    dataRows: () => dataCells,
    loadingRows: () => loadingRows,
    lastRow: () => scroller.querySelector(lastRowSelector),
  })
}

function Leads() {
  const { leads, hasNextPage, isFetchingNextPage, fetchNextPage } = useRawLeads(api)
  const scrollerRef = useRef<HTMLDivElement>(null)
  const loaded = leads.length
  // No React Compiler here (the bench pages are not compiled): the rule's warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: loaded + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => LAYOUT.rowHeight,
    overscan: settings.overscan,
    // The sticky header sits above the rows inside the scroller.
    scrollMargin: LAYOUT.rowHeight,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? -1

  useEffect(() => {
    if (lastIndex >= loaded - 1 && hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [lastIndex, loaded, hasNextPage, isFetchingNextPage, fetchNextPage])
  useEffect(() => {
    progress.loaded = loaded
    if (loaded > 0 && scrollerRef.current !== null) install(scrollerRef.current)
  }, [loaded])

  return (
    <div className="bench-frame">
      <div ref={scrollerRef} className="bench-scroller" style={{ height: LAYOUT.viewportHeight }}>
        <div className="bench-vhead">
          {columns.map((column) => (
            <div key={column.id} className="bench-vcell" style={widthOf(column.width)}>
              {column.header}
            </div>
          ))}
        </div>
        <div className="bench-vbody" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const lead = leads[item.index]
            const style = { transform: `translateY(${item.start - LAYOUT.rowHeight}px)` }
            return lead === undefined ? (
              <div key={item.key} className="bench-vrow bench-vrow--loading" style={style}>
                Loading more leads…
              </div>
            ) : (
              <div key={item.key} className="bench-vrow" data-index={item.index} style={style}>
                {columns.map((column, position) => (
                  <div
                    key={column.id}
                    className={position === 0 ? `bench-vcell ${DATA_CELL_CLASS}` : 'bench-vcell'}
                    style={widthOf(column.width)}
                  >
                    {column.cell(lead, item.index)}
                  </div>
                ))}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

mount(<Leads />)
