import { QueryClient, useInfiniteQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { CloseListResponse, InfiniteTableColumn } from '../../../src/index.ts'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../../../src/mock/index.ts'
import { inPageFetch } from '../../../test/browser/inPageFetch.ts'
import { LAYOUT, OVERSCAN_ROWS } from '../contract.ts'
import type { Implementation, PageSettings } from '../contract.ts'
import { installBench } from './harness.ts'

/** The fields of a lead the tables show; every implementation asks for exactly these. */
export interface Lead {
  id: string
  display_name: string
  status_label: string
  date_created: string
}

/** Base URL of the mock Close API; leads are at `${CLOSE_API}/lead/`. */
export const CLOSE_API = `${CLOSE_MOCK_BASE_URL}/api/v1`
/** `_fields` of every lead request (as README's examples do): the same small records for every page. */
export const LEAD_FIELDS = 'id,display_name,status_label,date_created'

/** The same columns (header, width, cell) for every page. */
export const columns: InfiniteTableColumn<Lead>[] = [
  { id: 'name', header: 'Lead', cell: (lead) => lead.display_name, width: 320 },
  { id: 'status', header: 'Status', cell: (lead) => lead.status_label, width: 140 },
  { id: 'created', header: 'Created', cell: (lead) => lead.date_created.slice(0, 10), width: 120 },
  { id: 'id', header: 'Id', cell: (lead) => lead.id },
]

export const leadId = (lead: Lead): string => lead.id

/** Settings from the page's query string: `?rows=100000&latency=100[&threshold=40][&overscan=8]`. */
export function pageSettings(): PageSettings {
  const params = new URLSearchParams(location.search)
  const threshold = params.get('threshold')
  return {
    rows: Number(params.get('rows') ?? 100_000),
    latencyMs: Number(params.get('latency') ?? 0),
    loadThreshold: threshold === null ? undefined : Number(threshold),
    overscan: Number(params.get('overscan') ?? OVERSCAN_ROWS),
  }
}

/**
 * The mock Close API with `rows` leads, answered inside the page (MSW `getResponse`, no worker, no network), with a
 * fixed latency. The dataset is generated here, before anything renders, so that its cost (up to a second for
 * 100,000 leads) never lands in a measured frame.
 */
export function createBenchApi(settings: PageSettings) {
  const mock = createCloseMock({
    seed: 1,
    leads: settings.rows,
    faults: { latency: { fixedMs: settings.latencyMs, jitterMs: 0 } },
  })
  void mock.dataset.leads.length
  const datasetReadyMs = performance.now()
  const answer = inPageFetch(mock.handlers)
  const listeners = new Set<() => void>()
  /** The one fetch of every page: MSW answers in the page; listeners hear of each call (the driver times them). */
  const fetch: typeof globalThis.fetch = (input, init) => {
    for (const listener of listeners) listener()
    return answer(input, init)
  }
  const onRequest = (listener: () => void) => {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }

  /** The plain page fetch of the peers' pages: the same URL pagewise's fetcher builds. */
  async function fetchLeads(skip: number, signal: AbortSignal): Promise<CloseListResponse<Lead>> {
    const url = new URL(`${CLOSE_API}/lead/`)
    url.searchParams.set('_fields', LEAD_FIELDS)
    url.searchParams.set('_skip', String(skip))
    url.searchParams.set('_limit', String(LAYOUT.pageSize))
    const response = await fetch(url, { signal })
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.href}`)
    return (await response.json()) as CloseListResponse<Lead>
  }

  const leadRequests = () => mock.requests.filter((request) => request.path.endsWith('/lead/'))
  const requests = () => leadRequests().length
  const firstRequests = () =>
    leadRequests()
      .slice(0, 2)
      .map((request) => `${request.path}?${new URLSearchParams(request.query).toString()}`)
  return { mock, fetch, fetchLeads, requests, firstRequests, onRequest, datasetReadyMs }
}

/** One QueryClient setup for all pages: no retries, no refetches while scrolling. */
export function createBenchClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false } },
  })
}

/** Whether `element` intersects the scroller's viewport below its sticky header. */
export function intersectsViewport(element: Element, scroller: HTMLElement, headerBottom: number): boolean {
  const box = element.getBoundingClientRect()
  const view = scroller.getBoundingClientRect()
  const bottom = view.top + scroller.clientTop + scroller.clientHeight
  return box.bottom > headerBottom && box.top < bottom
}

/** Whether `element` lies entirely in the scroller's viewport below its sticky header (half a pixel of slack). */
export function insideViewport(element: Element, scroller: HTMLElement, headerBottom: number): boolean {
  const box = element.getBoundingClientRect()
  const view = scroller.getBoundingClientRect()
  const bottom = view.top + scroller.clientTop + scroller.clientHeight
  return box.top >= headerBottom - 0.5 && box.bottom <= bottom + 0.5
}

/**
 * The usual TanStack Query recipe the React peers (react-virtuoso, bare react-virtual, the plain table) are built on: a raw
 * `useInfiniteQuery` over `_skip`, and its pages flattened with `flatMap` whenever they change.
 */
export function useRawLeads(api: ReturnType<typeof createBenchApi>) {
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = useInfiniteQuery({
    queryKey: ['leads'],
    queryFn: ({ pageParam, signal }) => api.fetchLeads(pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last, _pages, lastParam) => (last.has_more ? lastParam + LAYOUT.pageSize : undefined),
  })
  const leads = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data])
  return { leads, hasNextPage, isFetchingNextPage, fetchNextPage }
}

/** How the harness finds the parts of one table page. */
export interface TableParts {
  implementation: Implementation
  /** The element that scrolls. */
  scroller: HTMLElement
  /** The sticky header (or one of its cells): the rows' viewport starts at its bottom edge. */
  header: Element
  /** The data rows rendered now: loading and placeholder rows left out. */
  dataRows: () => ArrayLike<Element>
  /** The loading rows rendered now. */
  loadingRows: () => Iterable<Element>
  /** The list's last row, when it is rendered. */
  lastRow: () => Element | null | undefined
  /** How many data rows are rendered, where that is cheaper than `dataRows().length`. */
  renderedRowCount?: () => number
}

/** Hands a table page to the harness: the same rules for every implementation, from the parts it names. */
export function installTable(
  api: ReturnType<typeof createBenchApi>,
  progress: { loaded: number },
  parts: TableParts,
): void {
  const { scroller, dataRows } = parts
  const headerBottom = () => parts.header.getBoundingClientRect().bottom
  installBench(
    {
      implementation: parts.implementation,
      scroller,
      headerBottom,
      loadingRowVisible: () => {
        for (const row of parts.loadingRows())
          if (intersectsViewport(row, scroller, headerBottom())) return true
        return false
      },
      renderedRowCount: parts.renderedRowCount ?? (() => dataRows().length),
      dataRows,
      loadedRowCount: () => progress.loaded,
      lastRowVisible: () => {
        const row = parts.lastRow()
        return row != null && insideViewport(row, scroller, headerBottom())
      },
      requests: api.requests,
      firstRequests: api.firstRequests,
      onRequest: api.onRequest,
    },
    api.datasetReadyMs,
  )
}
