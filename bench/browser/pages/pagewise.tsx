import { useEffect, useRef } from 'react'
import { closeOffset, createFetcher, InfiniteTable, usePaginatedList } from '../../../src/index.ts'
import '../../../src/styles.css'
import { LAYOUT } from '../contract.ts'
import {
  CLOSE_API,
  columns,
  createBenchApi,
  insideViewport,
  intersectsViewport,
  LEAD_FIELDS,
  leadId,
  pageSettings,
} from './benchApi.ts'
import type { Lead } from './benchApi.ts'
import { installBench, watchFirstPage } from './harness.ts'
import { mount } from './mount.tsx'

// (a) pagewise: <InfiniteTable> over usePaginatedList with the closeOffset adapter, as README shows it.
const settings = pageSettings()
const api = createBenchApi(settings)
const close = createFetcher({ baseUrl: CLOSE_API, fetch: api.fetch })
const fetchLeads = close('/lead/', { query: { _fields: LEAD_FIELDS } })
const adapter = closeOffset<Lead>()
const itemName = { one: 'lead', other: 'leads' }
const progress = { loaded: 0 }
// Data rows are `.pw-infinite-table__row`; the loading row after them is a `.pw-infinite-table__status-row`, and
// the first load's placeholders are `.pw-infinite-table__skeleton-row`s: neither counts as a data row.
const DATA_ROW_CLASS = 'pw-infinite-table__row'
watchFirstPage(`.${DATA_ROW_CLASS}`)

function install(root: HTMLElement): void {
  const grid = root.querySelector<HTMLElement>('[role="grid"]')
  const head = root.querySelector('.pw-infinite-table__head')
  if (grid === null || head === null) throw new Error('<InfiniteTable> has no grid or header')
  const headerBottom = () => head.getBoundingClientRect().bottom
  const lastRowSelector = `.${DATA_ROW_CLASS}[aria-rowindex="${settings.rows + 1}"]`
  // A live collection: no query per frame.
  const dataRows = grid.getElementsByClassName(DATA_ROW_CLASS)
  installBench(
    {
      implementation: 'pagewise',
      scroller: grid,
      headerBottom,
      loadingRowVisible: () => {
        const row = grid.querySelector('.pw-infinite-table__status-row[data-state="loading"]')
        return row !== null && intersectsViewport(row, grid, headerBottom())
      },
      renderedRowCount: () => dataRows.length,
      dataRows: () => dataRows,
      loadedRowCount: () => progress.loaded,
      lastRowVisible: () => {
        const row = grid.querySelector(lastRowSelector)
        return row !== null && insideViewport(row, grid, headerBottom())
      },
      requests: api.requests,
      firstRequests: api.firstRequests,
      onRequest: api.onRequest,
    },
    api.datasetReadyMs,
  )
}

function Leads() {
  const list = usePaginatedList({
    queryKey: ['leads'],
    adapter,
    fetchPage: fetchLeads,
    pageSize: LAYOUT.pageSize,
  })
  const rootRef = useRef<HTMLDivElement>(null)
  const loaded = list.items.length
  useEffect(() => {
    progress.loaded = loaded
    if (loaded > 0 && rootRef.current !== null) install(rootRef.current)
  }, [loaded])
  return (
    <div style={{ width: LAYOUT.tableWidth, margin: '16px auto' }}>
      <InfiniteTable
        ref={rootRef}
        list={list}
        columns={columns}
        getRowId={leadId}
        aria-label="Leads"
        itemName={itemName}
        height={LAYOUT.viewportHeight}
        rowHeight={LAYOUT.rowHeight}
        overscan={settings.overscan}
        loadMode="auto"
        loadThreshold={settings.loadThreshold}
      />
    </div>
  )
}

mount(<Leads />)
