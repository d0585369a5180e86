import { useEffect, useRef, useState } from 'react'
import { LAYOUT } from '../contract.ts'
import { columns, createBenchApi, installTable, pageSettings, useRawLeads } from './benchApi.ts'
import { watchFirstPage } from './harness.ts'
import { mount } from './mount.tsx'
import { DATA_CELL_CLASS, HeaderCells, LeadCells } from './tableCells.tsx'
import './tables.css'

// (c) A plain, non-virtualized <table> over a raw useInfiniteQuery: every loaded lead is a <tr>, and an
// IntersectionObserver on a "Loading more" row at the bottom loads the next page while that row is in view.
const settings = pageSettings()
const api = createBenchApi(settings)
const progress = { loaded: 0 }
watchFirstPage(`.${DATA_CELL_CLASS}`)

function install(scroller: HTMLElement, body: HTMLTableSectionElement): void {
  // The header cells stick, not the <thead> (whose box scrolls away): the header ends where they do.
  const head = scroller.querySelector('thead th')
  if (head === null) throw new Error('The table has no header cell')
  // The loading row is the body's last row while there is more to load (found without a walk of 100,000 rows).
  const loadingRow = () => {
    const last = body.lastElementChild
    return last !== null && last.classList.contains('bench-loading-row') ? [last] : []
  }
  installTable(api, progress, {
    implementation: 'plain',
    scroller,
    header: head,
    // Only the rows at the scroll position (rows are 40 px, after a 40 px header): a walk of every row per frame
    // would cost the plain table what the other pages do not pay.
    dataRows: () => {
      const first = Math.max(0, Math.floor(scroller.scrollTop / LAYOUT.rowHeight) - 2)
      const last = Math.min(progress.loaded, first + Math.ceil(LAYOUT.viewportHeight / LAYOUT.rowHeight) + 4)
      const near: Element[] = []
      for (let index = first; index < last; index += 1) {
        const row = body.rows[index]
        if (row !== undefined) near.push(row)
      }
      return near
    },
    // Every row of the table body but the loading row (`rows` is a live collection: no walk of the DOM per frame).
    renderedRowCount: () => body.rows.length - loadingRow().length,
    loadingRows: loadingRow,
    lastRow: () => (progress.loaded >= settings.rows ? body.rows[settings.rows - 1] : undefined),
  })
}

function Leads() {
  const { leads, hasNextPage, isFetchingNextPage, fetchNextPage } = useRawLeads(api)
  const scrollerRef = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const sentinelRef = useRef<HTMLTableRowElement>(null)
  const [sentinelInView, setSentinelInView] = useState(false)

  useEffect(() => {
    const sentinel = sentinelRef.current
    if (sentinel === null) return
    const observer = new IntersectionObserver(
      (entries) => setSentinelInView(entries.some((entry) => entry.isIntersecting)),
      { root: scrollerRef.current },
    )
    observer.observe(sentinel)
    return () => observer.disconnect()
  }, [hasNextPage])
  // The usual guard: load while the sentinel is in view and no page is on its way. `sentinelInView` is what the
  // observer last reported, so right after a page arrives it can still say "in view" for a frame: then the next page
  // is asked for at once. Without `isFetchingNextPage` here (load only when `sentinelInView` changes), a scroll that
  // is back at the new bottom before the observer saw the sentinel leave would never load again.
  useEffect(() => {
    if (sentinelInView && hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [sentinelInView, hasNextPage, isFetchingNextPage, fetchNextPage])

  const loaded = leads.length
  useEffect(() => {
    progress.loaded = loaded
    if (loaded > 0 && scrollerRef.current !== null && bodyRef.current !== null) {
      install(scrollerRef.current, bodyRef.current)
    }
  }, [loaded])

  return (
    <div className="bench-frame">
      <div ref={scrollerRef} className="bench-scroller" style={{ height: LAYOUT.viewportHeight }}>
        <table className="bench-table bench-table--plain">
          <thead>
            <tr>
              <HeaderCells />
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {leads.map((lead, index) => (
              <tr key={lead.id}>
                <LeadCells lead={lead} index={index} />
              </tr>
            ))}
            {hasNextPage ? (
              <tr ref={sentinelRef} className="bench-loading-row">
                <td className="bench-loading" colSpan={columns.length}>
                  Loading more leads…
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  )
}

mount(<Leads />)
