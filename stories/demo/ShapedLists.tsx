import { useEffect, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { CSSProperties } from 'react'
import {
  closeOffset,
  InfiniteTable,
  Pager,
  pipedriveCursor,
  pipedriveSearchCursor,
  useDebouncedValue,
  useListSearchParams,
  usePagedList,
  usePaginatedList,
  useSortableColumns,
} from '../../src'
import type { CursorParam, InfiniteTableColumn, PaginationAdapter, SortDescriptor } from '../../src'
import type { CloseLead, CloseLeadStatusLabel, PipedriveDeal } from '../../src/mock'
import { useApis } from '../support/dataSource'

// Typed by what both share, so that one list can switch between them: records of one type, cursors as params.
const dealsAdapter: PaginationAdapter<unknown, PipedriveDeal, CursorParam> = pipedriveCursor<PipedriveDeal>()
const dealSearchAdapter: PaginationAdapter<unknown, PipedriveDeal, CursorParam> =
  pipedriveSearchCursor<PipedriveDeal>()

/** The URL params of the paged deals: prefixed, so they never meet another list's (or Storybook's) params. */
export const DEAL_PARAMS = { page: 'deals_page', sort: 'deals_sort', search: 'deals_q' }
/** The deal statuses Pipedrive v2 filters by (`status=open`). */
const STATUSES = ['open', 'won', 'lost'] as const
/** The date of a timestamp; a search match (Pipedrive's summary of a deal) has none. */
const day = (time: string | undefined) => time?.slice(0, 10) ?? '—'

/** The owner of a deal, by name once the users have loaded: a list deal has `owner_id`, a search match `owner.id`. */
const ownerName = (deal: PipedriveDeal & { owner?: { id: number } }, names: ReadonlyMap<number, string>) => {
  const id = deal.owner_id ?? deal.owner?.id
  return names.get(id) ?? String(id)
}

/** The table's columns: a record field, its header, and its text. */
const DEAL_COLUMNS: {
  id: string
  header: string
  cell: (deal: PipedriveDeal, owners: ReadonlyMap<number, string>) => string
}[] = [
  { id: 'id', header: 'Id', cell: (deal) => String(deal.id) },
  { id: 'title', header: 'Deal', cell: (deal) => deal.title },
  { id: 'status', header: 'Status', cell: (deal) => deal.status },
  { id: 'owner', header: 'Owner', cell: ownerName },
  { id: 'add_time', header: 'Added', cell: (deal) => day(deal.add_time) },
  { id: 'update_time', header: 'Updated', cell: (deal) => day(deal.update_time) },
]
const SORTABLE = ['id', 'add_time', 'update_time']
const NAMES = Object.fromEntries(DEAL_COLUMNS.map((column) => [column.id, column.header]))
const DEFAULT_SORT: SortDescriptor = { column: 'add_time', direction: 'descending' }

const cell: CSSProperties = {
  padding: '6px 12px 6px 0',
  borderBottom: '1px solid var(--pw-border)',
  textAlign: 'start',
}
const bar: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 12,
  alignItems: 'end',
  margin: '0 0 12px',
}
const field: CSSProperties = { display: 'grid', gap: 4, fontSize: 14 }

export interface PagedDealsDemoProps {
  /** Deals per page. */
  pageSize: number
  /** Milliseconds of quiet before the search text is sent. */
  searchDelayMs?: number
  /** Columns whose header sorts (Pipedrive v2 sorts by `id`, `add_time` and `update_time` only). */
  sortable?: readonly string[]
}

/**
 * Pipedrive v2 deals one page at a time, shaped by the user: sortable headers (`sort_by` / `sort_direction`), a status
 * filter and a search box (Pipedrive's `/v2/deals/search` once 2 characters are typed), all kept in the URL.
 */
export function PagedDealsDemo({ pageSize, searchDelayMs = 300, sortable = SORTABLE }: PagedDealsDemoProps) {
  const { source, pipedrive } = useApis()
  const url = useListSearchParams({
    filters: ['status', 'owner_id'],
    names: DEAL_PARAMS,
    defaultSort: DEFAULT_SORT,
  })
  const owners = useOwners()
  const ownerNames = new Map(owners.map((owner) => [owner.id, owner.name]))
  const [text, setText] = useState(url.search)
  const term = useDebouncedValue(text.trim(), searchDelayMs)
  const searching = term.length >= 2
  const { onSearchChange } = url
  // The search in the URL follows the text once it settles (one history entry, replaced as the user types on).
  useEffect(() => onSearchChange(searching ? term : ''), [onSearchChange, searching, term])
  const deals = usePagedList({
    queryKey: ['pipedrive', source, 'deals', 'shaped'],
    pageSize,
    page: url.page,
    onPageChange: url.onPageChange,
    // One list, two endpoints: the deals, or Pipedrive's search over them (which sorts by relevance alone).
    adapter: searching ? dealSearchAdapter : dealsAdapter,
    fetchPage: pipedrive(searching ? '/v2/deals/search' : '/v2/deals'),
    sort: searching ? undefined : url.sort,
    // Pipedrive's search filters by status but not by owner.
    filter: searching ? { term, status: url.filter.status } : url.filter,
  })
  const sorting = useSortableColumns({
    sortDescriptor: searching ? undefined : url.sort,
    onSortChange: searching ? undefined : url.onSortChange,
    columnName: (column) => NAMES[column] ?? column,
    pending: deals.isPlaceholderData,
  })
  return (
    <section style={{ fontFamily: 'var(--pw-font)', color: 'var(--pw-fg)', maxWidth: 860 }}>
      <div style={bar}>
        <label style={field}>
          Search deals
          <input
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="2 letters or more"
          />
        </label>
        <label style={field}>
          Status
          <select
            value={url.filter.status ?? ''}
            onChange={(event) => url.onFilterChange({ ...url.filter, status: event.target.value })}
          >
            <option value="">Any</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          Owner
          <select
            value={url.filter.owner_id ?? ''}
            disabled={searching}
            onChange={(event) => url.onFilterChange({ ...url.filter, owner_id: event.target.value })}
          >
            <option value="">Anyone</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
        </label>
        <span role="status" aria-live="polite" style={{ fontSize: 14, color: 'var(--pw-muted)' }}>
          {deals.isError
            ? ''
            : deals.isPlaceholderData
              ? 'Loading…'
              : searching
                ? `Best matches for “${term}”`
                : ''}
        </span>
      </div>
      <table
        aria-label="Pipedrive deals"
        aria-busy={deals.isFetching}
        data-state={deals.isPlaceholderData ? 'refreshing' : undefined}
        style={{ width: '100%', borderCollapse: 'collapse', opacity: deals.isPlaceholderData ? 0.7 : 1 }}
      >
        <thead>
          <tr>
            {DEAL_COLUMNS.map((column) => (
              <th
                key={column.id}
                scope="col"
                style={{ ...cell, fontWeight: 600 }}
                {...sorting.headerProps(column.id)}
              >
                {sortable.includes(column.id) && !searching
                  ? sorting.button(column.id, column.header)
                  : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {deals.items.map((deal) => (
            <tr key={deal.id}>
              {DEAL_COLUMNS.map((column) => (
                <td key={column.id} style={cell}>
                  {column.cell(deal, ownerNames)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {deals.isSuccess && !deals.isPlaceholderData && deals.items.length === 0 ? (
        <p>No deals match.</p>
      ) : null}
      {sorting.liveRegion}
      <Pager list={deals} aria-label="Pipedrive deals pages" />
    </section>
  )
}

type ShapedLead = Pick<CloseLead, 'id' | 'display_name' | 'status_label' | 'date_created'>

const leadsAdapter = closeOffset<ShapedLead>()
const LEAD_STATUSES: CloseLeadStatusLabel[] = ['Potential', 'Qualified', 'Customer', 'Bad Fit']
const leadDay = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
const leadColumns: InfiniteTableColumn<ShapedLead>[] = [
  { id: 'display_name', header: 'Lead', cell: (lead) => lead.display_name, allowsSorting: true },
  {
    id: 'status_label',
    header: 'Status',
    cell: (lead) => lead.status_label,
    width: 140,
    allowsSorting: true,
  },
  {
    id: 'date_created',
    header: 'Created',
    cell: (lead) => leadDay.format(new Date(lead.date_created)),
    width: 150,
    align: 'end',
    allowsSorting: true,
  },
]

/** The columns and one more, sortable, on a field Close does not know. */
const leadColumnsWithUnknown: InfiniteTableColumn<ShapedLead>[] = [
  ...leadColumns,
  { id: 'missing_field', header: 'Unknown field', cell: () => '—', width: 150, allowsSorting: true },
]

export interface LeadsDemoProps {
  /** Leads per request (Close allows up to 200). */
  pageSize: number
  /** Milliseconds of quiet before the search text is sent. */
  searchDelayMs?: number
  /** Height of the table, in pixels. */
  height?: number
  /** The sort to start with. */
  initialSort?: SortDescriptor
  /** Adds a sortable column whose id Close cannot sort by, to show what a refused sort looks like. */
  withUnsortableColumn?: boolean
}

/**
 * Close leads in an `<InfiniteTable>` the user shapes: sortable headers (`_order_by`), a status filter and a search
 * box (Close's `query`, `status:"Potential"` in its search language), kept in the component's state.
 */
export function CloseLeadsDemo({
  pageSize,
  searchDelayMs = 300,
  height = 400,
  initialSort = { column: 'date_created', direction: 'descending' },
  withUnsortableColumn = false,
}: LeadsDemoProps) {
  const { source, close } = useApis()
  const [sort, setSort] = useState<SortDescriptor>(initialSort)
  const [status, setStatus] = useState('')
  const [text, setText] = useState('')
  const term = useDebouncedValue(text.trim(), searchDelayMs)
  const query = [status && `status:"${status}"`, term].filter(Boolean).join(' ')
  const leads = usePaginatedList({
    queryKey: ['close', source, 'leads', 'shaped'],
    adapter: leadsAdapter,
    fetchPage: close('/lead/', { query: { _fields: 'id,display_name,status_label,date_created' } }),
    pageSize,
    sort,
    filter: { query: query || undefined },
  })
  return (
    <section style={{ fontFamily: 'var(--pw-font)', color: 'var(--pw-fg)', maxWidth: 860 }}>
      <div style={bar}>
        <label style={field}>
          Search leads
          <input type="search" value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <label style={field}>
          Status
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">Any</option>
            {LEAD_STATUSES.map((label) => (
              <option key={label}>{label}</option>
            ))}
          </select>
        </label>
      </div>
      <InfiniteTable
        list={leads}
        columns={withUnsortableColumn ? leadColumnsWithUnknown : leadColumns}
        aria-label="Close leads"
        itemName={{ one: 'lead', other: 'leads' }}
        height={height}
        sortDescriptor={sort}
        onSortChange={setSort}
      />
    </section>
  )
}

/** The Pipedrive company's users (`GET /v1/users`, one answer): the owners the deals filter by. */
function useOwners(): { id: number; name: string }[] {
  const { source, pipedrive } = useApis()
  const users = useQuery({
    queryKey: ['pipedrive', source, 'users'],
    queryFn: ({ signal }) =>
      pipedrive('/v1/users')<{ data: { id: number; name: string }[] }>({
        pageParam: null,
        limit: 500,
        query: {},
        signal,
      }),
    staleTime: Infinity,
  })
  return users.data?.data ?? []
}
