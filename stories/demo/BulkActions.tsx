import { useRef, useState } from 'react'
import type { CSSProperties } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import {
  closeOffset,
  emptySelection,
  HttpError,
  InfiniteTable,
  listCache,
  pipedriveCursor,
  resolveSelection,
  selectedCount,
  useBulkAction,
  usePaginatedList,
} from '../../src'
import type {
  CursorParam,
  FetchPage,
  InfiniteTableColumn,
  ListFilter,
  ListKeyPart,
  ListSelection,
  PaginationAdapter,
} from '../../src'
import type { CloseLead, CloseLeadStatusLabel, PipedriveDeal } from '../../src/mock'
import { useApis } from '../support/dataSource'

/** One provider's records as the bulk demo needs them: the list, its status field, and the write that changes it. */
interface BulkProvider<TItem extends { id: string | number }> {
  /** What the records are called, for the texts: "leads", "deals". */
  noun: string
  queryKey: readonly unknown[]
  adapter: PaginationAdapter<unknown, TItem, unknown>
  fetchPage: FetchPage<unknown, unknown>
  columns: InfiniteTableColumn<TItem>[]
  statuses: readonly string[]
  /** The list's filter for a status ('' for every record). */
  filterFor: (status: string) => ListFilter
  /** Whether a record belongs in a list with this filter: a record whose new status the filter excludes leaves it. */
  matches: (item: TItem, list: ListKeyPart) => boolean
  /** The one request per record: the server answers the record as it now is. */
  write: (item: TItem, status: string, signal: AbortSignal) => Promise<TItem>
}

/** A failed write in the user's words: the status and the provider's own explanation, without the URL. */
const describeFailure = (error: unknown) =>
  error instanceof HttpError
    ? `${error.status} ${error.detail}`
    : error instanceof Error
      ? error.message
      : String(error)

const bar: CSSProperties = { display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap', marginBottom: 12 }
const field: CSSProperties = { display: 'grid', gap: 4, fontSize: 13 }
const report: CSSProperties = { margin: '12px 0 0', fontSize: 14 }

/**
 * Select records (by hand, or all but some), pick a status, Apply: the selection becomes records
 * (`resolveSelection`), one write per record goes out (`useBulkAction`, paced by the API's rate limit), each answer
 * goes into every cached list as it lands (`listCache`), and a record the filter no longer matches leaves the list.
 */
function BulkStatusDemo<TItem extends { id: string | number }>({
  provider,
  height = 380,
}: {
  provider: BulkProvider<TItem>
  height?: number
}) {
  const queryClient = useQueryClient()
  const [filterStatus, setFilterStatus] = useState('')
  const [selection, setSelection] = useState<ListSelection>(emptySelection)
  const [target, setTarget] = useState(provider.statuses[1]!)
  const [resolving, setResolving] = useState<{ loaded: number } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const resolveControl = useRef<AbortController | null>(null)
  const filter = provider.filterFor(filterStatus)
  const list = usePaginatedList({
    queryKey: provider.queryKey,
    adapter: provider.adapter,
    fetchPage: provider.fetchPage,
    pageSize: 50,
    filter,
  })
  const cache = listCache<TItem>(queryClient, provider.queryKey, { matches: provider.matches })
  const bulk = useBulkAction({
    action: (item: TItem, { signal }) => provider.write(item, target, signal),
    onItemSettled: (item, outcome) => {
      if (outcome.status === 'succeeded') cache.updateItem(item.id, () => outcome.result)
    },
  })
  const count = selectedCount(selection, list.total)
  const nothingSelected = selection.type === 'some' && selection.keys.size === 0
  const busy = bulk.status === 'running' || resolving !== null

  const apply = async () => {
    setProblem(null)
    const controller = new AbortController()
    resolveControl.current = controller
    setResolving({ loaded: 0 })
    try {
      const records = await resolveSelection(
        selection,
        { adapter: provider.adapter, fetchPage: provider.fetchPage, filter, loaded: list.items },
        { signal: controller.signal, onProgress: ({ loaded }) => setResolving({ loaded }) },
      )
      setSelection(emptySelection())
      bulk.run(records)
    } catch (error) {
      if (!controller.signal.aborted)
        setProblem(`Could not read the selected ${provider.noun}: ${String(error)}`)
    } finally {
      setResolving(null)
    }
  }
  const cancel = () => {
    resolveControl.current?.abort()
    bulk.cancel()
  }

  return (
    <section style={{ fontFamily: 'var(--pw-font)', color: 'var(--pw-fg)', maxWidth: 860 }}>
      <div style={bar}>
        <label style={field}>
          Show
          <select value={filterStatus} onChange={(event) => setFilterStatus(event.target.value)}>
            <option value="">Every status</option>
            {provider.statuses.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </label>
        <label style={field}>
          Change status to
          <select value={target} onChange={(event) => setTarget(event.target.value)}>
            {provider.statuses.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void apply()} disabled={busy || nothingSelected}>
          Apply to {count === undefined ? 'all' : count} {provider.noun}
        </button>
        {busy && (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      {resolving && (
        <p style={report} role="status">
          Reading the selected {provider.noun}: {resolving.loaded.toLocaleString('en-US')} read
        </p>
      )}
      {bulk.status === 'running' && (
        <div style={report}>
          <label style={field}>
            Changing status: {bulk.progress.done} of {bulk.progress.total}
            <progress value={bulk.progress.done} max={bulk.progress.total} />
          </label>
          {bulk.pausedUntil !== null && <p role="status">Rate limited by the API: going on shortly…</p>}
        </div>
      )}
      {bulk.result && (
        <div style={report} role="status" data-testid="bulk-report">
          <p>
            {bulk.status === 'cancelled' ? 'Cancelled. ' : ''}
            {bulk.result.succeeded.length} changed to {target}, {bulk.result.failed.length} failed
            {bulk.result.skipped.length > 0 && `, ${bulk.result.skipped.length} not done`}.
          </p>
          {bulk.result.failed.length > 0 && (
            <>
              <ul>
                {bulk.result.failed.slice(0, 5).map(({ item, error }) => (
                  <li key={item.id}>
                    {provider.columns[0]!.cell(item, 0)}: {describeFailure(error)}
                  </li>
                ))}
              </ul>
              <button type="button" onClick={bulk.retryFailed}>
                Retry the {bulk.result.failed.length} failed
              </button>
            </>
          )}
        </div>
      )}
      {problem && (
        <p style={report} role="alert">
          {problem}
        </p>
      )}
      <InfiniteTable
        list={list}
        columns={provider.columns}
        getRowId={(item) => item.id}
        aria-label={`${provider.noun[0]!.toUpperCase()}${provider.noun.slice(1)}`}
        itemName={{ one: provider.noun.replace(/s$/, ''), other: provider.noun }}
        selectionMode="multiple"
        selectedKeys={selection}
        onSelectionChange={setSelection}
        height={height}
      />
    </section>
  )
}

const LEAD_STATUSES: readonly CloseLeadStatusLabel[] = ['Potential', 'Qualified', 'Customer', 'Bad Fit']
const leadsAdapter = closeOffset<CloseLead>() as PaginationAdapter<unknown, CloseLead, unknown>
const statusInQuery = (list: ListKeyPart) => /status:"([^"]+)"/.exec(String(list.filter?.query ?? ''))?.[1]

/** Close leads: `PUT /api/v1/lead/{id}/` with `{ status }` per lead. */
export function BulkLeadsDemo({ height }: { height?: number }) {
  const { close, source } = useApis()
  return (
    <BulkStatusDemo
      height={height}
      provider={{
        noun: 'leads',
        queryKey: ['close', source, 'leads', 'bulk'],
        adapter: leadsAdapter,
        fetchPage: close('/lead/', { query: { _fields: 'id,display_name,status_label,date_updated' } }),
        columns: [
          { id: 'display_name', header: 'Lead', cell: (lead) => lead.display_name, width: 300 },
          { id: 'status_label', header: 'Status', cell: (lead) => lead.status_label, width: 160 },
          {
            id: 'date_updated',
            header: 'Updated',
            cell: (lead) => lead.date_updated.slice(0, 19).replace('T', ' '),
          },
        ],
        statuses: LEAD_STATUSES,
        filterFor: (status) => ({ query: status ? `status:"${status}"` : undefined }),
        matches: (lead, list) => {
          const status = statusInQuery(list)
          return !status || lead.status_label === status
        },
        write: (lead, status, signal) =>
          close.send<CloseLead>(`/lead/${lead.id}/`, { method: 'PUT', body: { status }, signal }),
      }}
    />
  )
}

const DEAL_STATUSES = ['open', 'won', 'lost'] as const
const dealsAdapter = pipedriveCursor<PipedriveDeal>() as PaginationAdapter<
  unknown,
  PipedriveDeal,
  CursorParam
>

/** Pipedrive deals: `PATCH /api/v2/deals/{id}` with `{ status }` per deal. */
export function BulkDealsDemo({ height }: { height?: number }) {
  const { pipedrive, source } = useApis()
  return (
    <BulkStatusDemo
      height={height}
      provider={{
        noun: 'deals',
        queryKey: ['pipedrive', source, 'deals', 'bulk'],
        adapter: dealsAdapter as PaginationAdapter<unknown, PipedriveDeal, unknown>,
        fetchPage: pipedrive('/v2/deals'),
        columns: [
          { id: 'title', header: 'Deal', cell: (deal) => deal.title, width: 320 },
          { id: 'status', header: 'Status', cell: (deal) => deal.status, width: 120 },
          {
            id: 'update_time',
            header: 'Updated',
            cell: (deal) => deal.update_time.slice(0, 19).replace('T', ' '),
          },
        ],
        statuses: DEAL_STATUSES,
        filterFor: (status) => ({ status: status || undefined }),
        matches: (deal, list) => !list.filter?.status || deal.status === list.filter.status,
        write: async (deal, status, signal) =>
          (
            await pipedrive.send<{ data: PipedriveDeal }>(`/v2/deals/${deal.id}`, {
              method: 'PATCH',
              body: { status },
              signal,
            })
          ).data,
      }}
    />
  )
}
