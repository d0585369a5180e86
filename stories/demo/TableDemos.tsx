import { closeOffset, createFetcher, InfiniteTable, pipedriveCursor, usePaginatedList } from '../../src'
import type {
  InfiniteTableColumn,
  InfiniteTableList,
  InfiniteTableProps,
  ItemName,
  LoadMode,
  PaginatedListOptions,
} from '../../src'
import { CLOSE_MOCK_BASE_URL, PIPEDRIVE_MOCK_BASE_URL } from '../../src/mock'
import type { CloseLead, PipedriveDeal } from '../../src/mock'

type DemoLead = Pick<CloseLead, 'id' | 'display_name' | 'status_label' | 'date_created' | 'contacts'>

const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const fetchLeads = close('/lead/', {
  query: { _fields: 'id,display_name,status_label,date_created,contacts' },
})
const leadsAdapter = closeOffset<DemoLead>()
const pipedrive = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api/v2` })
const fetchDeals = pipedrive('/deals', { query: { sort_by: 'update_time', sort_direction: 'desc' } })
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

export interface TableDemoProps {
  /** Records per request (clamped to the API's maximum). */
  pageSize: number
  /** Scroll trigger or a Load more button. */
  loadMode: LoadMode
  /** Light or dark, whatever the system prefers. */
  theme: 'light' | 'dark'
  /** Height of the table in pixels. */
  height: number
}

/** What differs between the demo tables: the list, its columns and the words for its rows. */
interface DemoTableSource<TResponse, TItem, TParam> {
  name: string
  itemName: ItemName
  columns: InfiniteTableColumn<TItem>[]
  listOptions: Omit<PaginatedListOptions<TResponse, TItem, TParam>, 'pageSize'>
}

/** Builds a demo component: one `usePaginatedList` in one `<InfiniteTable>`, driven by the story's controls. */
function demoTable<TResponse, TItem, TParam>(source: DemoTableSource<TResponse, TItem, TParam>) {
  return function DemoTable({ pageSize, loadMode, theme, height }: TableDemoProps) {
    const list = usePaginatedList({ ...source.listOptions, pageSize })
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

/** Close leads (`closeOffset`, `_skip`/`_limit`) in an `<InfiniteTable>`. */
export const CloseLeadsTable = demoTable({
  name: 'Close leads',
  itemName: { one: 'lead', other: 'leads' },
  columns: leadColumns,
  listOptions: { queryKey: ['close', 'leads'], adapter: leadsAdapter, fetchPage: fetchLeads },
})

/** Pipedrive v2 deals (`pipedriveCursor`, `cursor` → `additional_data.next_cursor`) in an `<InfiniteTable>`. */
export const PipedriveDealsTable = demoTable({
  name: 'Pipedrive deals',
  itemName: { one: 'deal', other: 'deals' },
  columns: dealColumns,
  listOptions: { queryKey: ['pipedrive', 'deals'], adapter: dealsAdapter, fetchPage: fetchDeals },
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
}: { state: DemoState; theme: 'light' | 'dark' } & Partial<InfiniteTableProps<DemoLead>>) {
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
