import { useMemo } from 'react'
import {
  closeEventsCursor,
  closeOffset,
  closeSearchCursor,
  defaultRetry,
  defaultRetryDelay,
  InfiniteTable,
  pipedriveCursor,
  pipedriveOffset,
  usePaginatedList,
} from '../../src'
import type {
  InfiniteTableColumn,
  InfiniteTableList,
  InfiniteTableProps,
  ItemName,
  LoadMode,
  PaginatedListOptions,
} from '../../src'
import type { CloseLead, CloseLogEvent, PipedriveDeal, PipedriveNote } from '../../src/mock'
import { useApis } from '../support/dataSource'
import { noteText } from './noteText'

type DemoLead = Pick<CloseLead, 'id' | 'display_name' | 'status_label' | 'date_created' | 'contacts'>
/** A lead as Close search returns it with `_fields`: `__object_type` plus the fields asked for. */
type SearchLead = Pick<CloseLead, 'id' | 'display_name' | 'status_label' | 'date_created'> & {
  __object_type: 'lead'
}
/** The fetchers of the data source the toolbar picked (mock or live). */
type Apis = ReturnType<typeof useApis>

const LEAD_FIELDS = 'id,display_name,status_label,date_created,contacts'
const leadsAdapter = closeOffset<DemoLead>()
const eventsAdapter = closeEventsCursor<CloseLogEvent>()
const searchAdapter = closeSearchCursor<SearchLead>()
const notesAdapter = pipedriveOffset<PipedriveNote>()
const dealsAdapter = pipedriveCursor<PipedriveDeal>()

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' })

/** Columns of the Close leads table: a module constant, so rows re-render only when their lead changes. */
export const leadColumns: InfiniteTableColumn<DemoLead>[] = [
  { id: 'name', header: 'Lead', cell: (lead) => lead.display_name, width: 260 },
  { id: 'status', header: 'Status', cell: (lead) => lead.status_label, width: 140 },
  { id: 'contact', header: 'Primary contact', cell: (lead) => lead.contacts[0]?.name ?? '—' },
  {
    id: 'created',
    header: 'Created',
    cell: (lead) => day.format(new Date(lead.date_created)),
    width: 140,
    align: 'end',
  },
]

const money = new Map<string, Intl.NumberFormat>()
function formatMoney(value: number, currency: string): string {
  let format = money.get(currency)
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 })
    money.set(currency, format)
  }
  return format.format(value)
}

/** Columns of the Pipedrive deals table. */
export const dealColumns: InfiniteTableColumn<PipedriveDeal>[] = [
  { id: 'title', header: 'Deal', cell: (deal) => deal.title },
  {
    id: 'value',
    header: 'Value',
    cell: (deal) => formatMoney(deal.value, deal.currency),
    width: 130,
    align: 'end',
  },
  { id: 'status', header: 'Status', cell: (deal) => deal.status, width: 100 },
  { id: 'updated', header: 'Updated', cell: (deal) => day.format(new Date(deal.update_time)), width: 140 },
]

/** Text cut to its cell's width with an ellipsis, in full in its tooltip: for long ids. */
const truncated = (text: string) => (
  <span title={text} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
    {text}
  </span>
)

/**
 * Columns of the Close leads table with each lead's id first: to see that no lead is shown twice. The id column
 * fits a whole id on one line; the name takes the rest.
 */
export const leadWithIdColumns: InfiniteTableColumn<DemoLead>[] = [
  { id: 'id', header: 'Lead id', cell: (lead) => truncated(lead.id), width: 280 },
  ...leadColumns
    .filter((column) => column.id !== 'contact')
    .map((column) => (column.id === 'name' ? { ...column, width: undefined } : column)),
]

const time = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/**
 * Columns of the Close event log (`GET /event/`): newest first. Fixed widths that fit their longest value, so that
 * the lead id (40-odd characters) gets the rest of a half-width panel, on one line with an ellipsis.
 */
export const eventColumns: InfiniteTableColumn<CloseLogEvent>[] = [
  {
    id: 'when',
    header: 'When (UTC)',
    cell: (event) => truncated(time.format(new Date(event.date_created))),
    width: 200,
  },
  { id: 'object', header: 'Object', cell: (event) => event.object_type, width: 110 },
  { id: 'action', header: 'Action', cell: (event) => event.action, width: 90 },
  { id: 'lead', header: 'Lead id', cell: (event) => truncated(event.lead_id) },
]

/** Columns of the Close search results (`POST /data/search/` with `_fields`). */
export const searchColumns: InfiniteTableColumn<SearchLead>[] = [
  { id: 'name', header: 'Lead', cell: (lead) => lead.display_name },
  { id: 'status', header: 'Status', cell: (lead) => lead.status_label, width: 140 },
  {
    id: 'created',
    header: 'Created',
    cell: (lead) => day.format(new Date(lead.date_created)),
    width: 140,
    align: 'end',
  },
]

/** Columns of the Pipedrive v1 notes: `content` is HTML (hostile samples included), shown as its text only. */
export const noteColumns: InfiniteTableColumn<PipedriveNote>[] = [
  { id: 'content', header: 'Note', cell: (note) => noteText(note.content) },
  { id: 'person', header: 'Person', cell: (note) => note.person?.name ?? '—', width: 180 },
  { id: 'added', header: 'Added', cell: (note) => day.format(new Date(note.add_time)), width: 140 },
]

export interface TableDemoProps {
  /** Records per request (clamped to the API's maximum). */
  pageSize: number
  /** Scroll trigger or a Load more button. */
  loadMode: LoadMode
  /** Light or dark; without it, the toolbar's theme. */
  theme?: 'light' | 'dark'
  /** Height of the table in pixels. */
  height: number
  /** Text filter where the API takes one: Close leads' `query`, a text clause of Close search. */
  query?: string
  /**
   * Retry 429, 5xx and network errors with pagewise's policy (the server's `Retry-After`, else 1 s, 2 s, 4 s).
   * Off by default in the stories, so that a failure shows at once.
   */
  autoRetry?: boolean
}

/** What differs between the demo tables: the list, its columns and the words for its rows. */
interface DemoTableSource<TResponse, TItem, TParam> {
  name: string
  itemName: ItemName
  columns: InfiniteTableColumn<TItem>[]
  /** The list on the toolbar's data source; `source` belongs in `queryKey`, so mock and live never share a cache. */
  list: (
    apis: Apis,
    query: string | undefined,
  ) => Omit<PaginatedListOptions<TResponse, TItem, TParam>, 'pageSize'>
}

const retryPolicy = { retry: defaultRetry, retryDelay: defaultRetryDelay }

/** Builds a demo component: one `usePaginatedList` in one `<InfiniteTable>`, driven by the story's controls. */
function demoTable<TResponse, TItem, TParam>(source: DemoTableSource<TResponse, TItem, TParam>) {
  return function DemoTable({ pageSize, loadMode, theme, height, query, autoRetry }: TableDemoProps) {
    const apis = useApis()
    const { close, pipedrive } = apis
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the fetchers and the source identify the list
    const options = useMemo(() => source.list(apis, query), [apis.source, close, pipedrive, query])
    const list = usePaginatedList({ ...options, ...(autoRetry ? retryPolicy : {}), pageSize })
    return (
      <InfiniteTable
        list={list}
        columns={source.columns}
        aria-label={source.name}
        itemName={source.itemName}
        loadMode={loadMode}
        data-theme={theme}
        height={height}
      />
    )
  }
}

const leadsList = ({ source, close }: Apis, query: string | undefined) => ({
  queryKey: ['close', source, 'leads', { query }],
  adapter: leadsAdapter,
  fetchPage: close('/lead/', { query: { _fields: LEAD_FIELDS, ...(query ? { query } : {}) } }),
})

/** Close leads (`closeOffset`, `_skip`/`_limit` → `has_more`) in an `<InfiniteTable>`. */
export const CloseLeadsTable = demoTable({
  name: 'Close leads',
  itemName: { one: 'lead', other: 'leads' },
  columns: leadColumns,
  list: leadsList,
})

/** Close leads with their ids, to check by eye (and in tests) that no lead is shown twice. */
export const CloseLeadIdsTable = demoTable({
  name: 'Close leads with ids',
  itemName: { one: 'lead', other: 'leads' },
  columns: leadWithIdColumns,
  list: leadsList,
})

const eventsList = ({ source, close }: Apis) => ({
  queryKey: ['close', source, 'events'],
  adapter: eventsAdapter,
  fetchPage: close('/event/'),
})

/** The Close event log (`closeEventsCursor`, `_cursor` → `cursor_next`) in an `<InfiniteTable>`. */
export const CloseEventsTable = demoTable({
  name: 'Close events',
  itemName: { one: 'event', other: 'events' },
  columns: eventColumns,
  list: eventsList,
})

const searchList = ({ source, close }: Apis, query: string | undefined) => ({
  queryKey: ['close', source, 'search', { query }],
  adapter: searchAdapter,
  fetchPage: close('/data/search/', {
    body: {
      query: {
        type: 'and',
        queries: [
          { type: 'object_type', object_type: 'lead' },
          ...(query ? [{ type: 'text', value: query }] : []),
        ],
      },
      _fields: { lead: ['id', 'display_name', 'status_label', 'date_created'] },
    },
  }),
})

/** Close search (`closeSearchCursor`, `cursor` in the POST body → `cursor`) in an `<InfiniteTable>`. */
export const CloseSearchTable = demoTable({
  name: 'Close lead search',
  itemName: { one: 'lead', other: 'leads' },
  columns: searchColumns,
  list: searchList,
})

const notesList = ({ source, pipedrive }: Apis) => ({
  queryKey: ['pipedrive', source, 'notes'],
  adapter: notesAdapter,
  fetchPage: pipedrive('/v1/notes'),
})

/** Pipedrive v1 notes (`pipedriveOffset`, `start` → `next_start`) in an `<InfiniteTable>`. */
export const PipedriveNotesTable = demoTable({
  name: 'Pipedrive notes',
  itemName: { one: 'note', other: 'notes' },
  columns: noteColumns,
  list: notesList,
})

const dealsList = ({ source, pipedrive }: Apis) => ({
  queryKey: ['pipedrive', source, 'deals'],
  adapter: dealsAdapter,
  fetchPage: pipedrive('/v2/deals', { query: { sort_by: 'update_time', sort_direction: 'desc' } }),
})

/** Pipedrive v2 deals (`pipedriveCursor`, `cursor` → `additional_data.next_cursor`) in an `<InfiniteTable>`. */
export const PipedriveDealsTable = demoTable({
  name: 'Pipedrive deals',
  itemName: { one: 'deal', other: 'deals' },
  columns: dealColumns,
  list: dealsList,
})

export type DemoState = 'first load' | 'loading more' | 'error' | 'end' | 'empty' | 'load more'

const sampleLeads: DemoLead[] = Array.from({ length: 12 }, (_, index) => ({
  id: `lead_demo_${index + 1}`,
  display_name: ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay Industries'][index % 6]!,
  status_label: index % 3 === 0 ? 'Qualified' : 'Potential',
  date_created: new Date(Date.UTC(2026, 9, 1 + index)).toISOString(),
  contacts: [],
}))

/** A list held in one state, with no network: to look at each state of the table on its own. */
function listIn(state: DemoState): InfiniteTableList<DemoLead> {
  const failed = state === 'error'
  const done = state === 'end' || state === 'empty'
  return {
    items: state === 'first load' || state === 'empty' ? [] : sampleLeads,
    total: undefined,
    status: state === 'first load' ? 'pending' : failed ? 'error' : 'success',
    error: failed ? new Error('HTTP 503 Service Unavailable: Close is temporarily unavailable') : null,
    hasNextPage: !done,
    isFetching: state === 'first load' || state === 'loading more',
    isFetchingNextPage: state === 'loading more',
    fetchNextPage: () => Promise.resolve(),
    retry: () => Promise.resolve(),
  }
}

/** `<InfiniteTable>` frozen in one state. */
export function TableInState({
  state,
  theme,
  ...props
}: { state: DemoState; theme?: 'light' | 'dark' } & Partial<InfiniteTableProps<DemoLead>>) {
  return (
    <InfiniteTable
      list={listIn(state)}
      columns={leadColumns}
      aria-label={`Close leads: ${state}`}
      itemName={{ one: 'lead', other: 'leads' }}
      loadMode={state === 'load more' ? 'button' : 'auto'}
      data-theme={theme}
      height={360}
      {...props}
    />
  )
}
