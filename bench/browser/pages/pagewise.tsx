import { useEffect, useRef } from 'react'
import { closeOffset, createFetcher, InfiniteTable, usePaginatedList } from '../../../src/index.ts'
import '../../../src/styles.css'
import { LAYOUT } from '../contract.ts'
import {
  CLOSE_API,
  columns,
  createBenchApi,
  installTable,
  LEAD_FIELDS,
  leadId,
  pageSettings,
} from './benchApi.ts'
import type { Lead } from './benchApi.ts'
import { watchFirstPage } from './harness.ts'
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
// the first load's placeholders are drawn by `.pw-infinite-table__skeleton`: neither counts as a data row.
const DATA_ROW_CLASS = 'pw-infinite-table__row'
watchFirstPage(`.${DATA_ROW_CLASS}`)

function install(root: HTMLElement): void {
  const grid = root.querySelector<HTMLElement>('[role="grid"]')
  const header = root.querySelector('.pw-infinite-table__head')
  if (grid === null || header === null) throw new Error('<InfiniteTable> has no grid or header')
  // Live collections: no query per frame.
  const dataRows = grid.getElementsByClassName(DATA_ROW_CLASS)
  const statusRows = grid.getElementsByClassName('pw-infinite-table__status-row')
  const lastRowSelector = `.${DATA_ROW_CLASS}[aria-rowindex="${settings.rows + 1}"]`
  installTable(api, progress, {
    implementation: 'pagewise',
    scroller: grid,
    header,
    dataRows: () => dataRows,
    loadingRows: () => [...statusRows].filter((row) => row.getAttribute('data-state') === 'loading'),
    lastRow: () => grid.querySelector(lastRowSelector),
  })
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
