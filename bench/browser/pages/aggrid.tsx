import { useQueryClient } from '@tanstack/react-query'
import { InfiniteRowModelModule, ModuleRegistry } from 'ag-grid-community'
import type { ColDef, IDatasource } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useMemo, useRef } from 'react'
import { LAYOUT } from '../contract.ts'
import { createBenchApi, installTable, pageSettings } from './benchApi.ts'
import type { Lead } from './benchApi.ts'
import { watchFirstPage } from './harness.ts'
import { mount } from './mount.tsx'
import './tables.css'

// (e) AG Grid Community's infinite row model, with its defaults (rowBuffer 10, i.e. 10 rows rendered above and
// below the viewport; rows not loaded yet shown as loading stubs). The grid asks its datasource for blocks of 100
// rows (`cacheBlockSize`, the API's page size); `getRows` reads each block through TanStack Query
// (`queryClient.fetchQuery`, key ['leads', startRow]) with the same fetch, URL and mock as every other page. The
// infinite model has no place for `useInfiniteQuery`: the grid, not React, decides which block to load and when.
ModuleRegistry.registerModules([InfiniteRowModelModule])

const settings = pageSettings()
const api = createBenchApi(settings)
const progress = { loaded: 0 }
/** A data row: a grid row with a row index that is not a loading stub. */
const DATA_ROW = '.ag-row[row-index]:not(.ag-row-loading)'
watchFirstPage(DATA_ROW)

const columnDefs: ColDef<Lead>[] = [
  { colId: 'name', headerName: 'Lead', field: 'display_name', width: 320 },
  { colId: 'status', headerName: 'Status', field: 'status_label', width: 140 },
  {
    colId: 'created',
    headerName: 'Created',
    valueGetter: ({ data }) => data?.date_created.slice(0, 10),
    width: 120,
  },
  { colId: 'id', headerName: 'Id', field: 'id', flex: 1 },
]

function install(root: HTMLElement): void {
  // AG Grid scrolls its rows in `.ag-grid-viewport` (before v35: `.ag-body-viewport`); the header sits above it.
  const scroller = root.querySelector<HTMLElement>('.ag-grid-viewport, .ag-body-viewport')
  const head = root.querySelector('.ag-header')
  if (scroller === null || head === null) throw new Error('AG Grid rendered no viewport or header')
  const rows = scroller.getElementsByClassName('ag-row')
  const loadingRows = scroller.getElementsByClassName('ag-row-loading')
  const lastRowSelector = `.ag-row[row-index="${settings.rows - 1}"]:not(.ag-row-loading)`
  installTable(api, progress, {
    implementation: 'aggrid',
    scroller,
    header: head,
    dataRows: () => {
      const found: Element[] = []
      for (const row of rows) {
        if (row.hasAttribute('row-index') && !row.classList.contains('ag-row-loading')) found.push(row)
      }
      return found
    },
    loadingRows: () => loadingRows,
    lastRow: () => scroller.querySelector(lastRowSelector),
  })
}

function Leads() {
  const queryClient = useQueryClient()
  const rootRef = useRef<HTMLDivElement>(null)
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: ({ startRow, successCallback, failCallback }) => {
        const controller = new AbortController()
        queryClient
          .fetchQuery({
            queryKey: ['leads', startRow],
            queryFn: () => api.fetchLeads(startRow, controller.signal),
          })
          .then((page) => {
            progress.loaded = Math.max(progress.loaded, startRow + page.data.length)
            successCallback(page.data, page.has_more ? -1 : startRow + page.data.length)
          })
          .catch(failCallback)
      },
    }),
    [queryClient],
  )
  return (
    <div className="bench-frame" ref={rootRef}>
      <div className="bench-grid">
        <AgGridReact<Lead>
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={LAYOUT.pageSize}
          columnDefs={columnDefs}
          rowHeight={LAYOUT.rowHeight}
          headerHeight={LAYOUT.rowHeight}
          getRowId={({ data }) => data.id}
          onGridReady={() => {
            if (rootRef.current !== null) install(rootRef.current)
          }}
        />
      </div>
    </div>
  )
}

mount(<Leads />)
