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
import { installBench } from './harness.ts'
import { mount } from './mount.tsx'

// (a) pagewise: <InfiniteTable> over usePaginatedList with the closeOffset adapter, as README shows it.
const settings = pageSettings()
const api = createBenchApi(settings)
const close = createFetcher({ baseUrl: CLOSE_API, fetch: api.fetch })
const fetchLeads = close('/lead/', { query: { _fields: LEAD_FIELDS } })
const adapter = closeOffset<Lead>()
const itemName = { one: 'lead', other: 'leads' }
const progress = { loaded: 0 }

function install(root: HTMLElement): void {
  const grid = root.querySelector<HTMLElement>('[role="grid"]')
  const head = root.querySelector('.pw-infinite-table__head')
  if (grid === null || head === null) throw new Error('<InfiniteTable> has no grid or header')
  const headerBottom = () => head.getBoundingClientRect().bottom
  const lastRowSelector = `.pw-infinite-table__row[aria-rowindex="${settings.rows + 1}"]`
  installBench(
    {
      implementation: 'pagewise',
      scroller: grid,
      headerBottom,
      loadingRowVisible: () => {
        const row = grid.querySelector('.pw-infinite-table__status-row[data-state="loading"]')
        return row !== null && intersectsViewport(row, grid, headerBottom())
      },
      renderedRowCount: () => grid.querySelectorAll('.pw-infinite-table__row').length,
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
        overscan={8}
        loadMode="auto"
        loadThreshold={settings.loadThreshold}
      />
    </div>
  )
}

mount(<Leads />)
