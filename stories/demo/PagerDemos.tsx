import { useMemo } from 'react'
import type { ReactNode } from 'react'
import {
  closeOffset,
  Pager,
  pipedriveCursor,
  pipedriveOffset,
  usePagedList,
  usePageSearchParam,
} from '../../src'
import type { PageSearchParam, PagerLabels, PagerVariant, PaginationList } from '../../src'
import type { CloseOpportunity, PipedriveDeal, PipedriveNote } from '../../src/mock'
import { useApis } from '../support/dataSource'
import { noteText } from './noteText'

/** The fetchers of the data source the toolbar picked (mock or live). */
type Apis = ReturnType<typeof useApis>

const opportunitiesAdapter = closeOffset<CloseOpportunity>({ resource: 'opportunity' })
const notesAdapter = pipedriveOffset<PipedriveNote>()
const dealsAdapter = pipedriveCursor<PipedriveDeal>()
// `source` is in every key: pages of the mock and of the live API never share a cache entry.
const opportunities = ({ source, close }: Apis) => ({
  queryKey: ['close', source, 'opportunities'],
  adapter: opportunitiesAdapter,
  fetchPage: close('/opportunity/'),
})
const notes = ({ source, pipedrive }: Apis) => ({
  queryKey: ['pipedrive', source, 'notes'],
  adapter: notesAdapter,
  fetchPage: pipedrive('/v1/notes'),
})
const deals = ({ source, pipedrive }: Apis) => ({
  queryKey: ['pipedrive', source, 'deals'],
  adapter: dealsAdapter,
  fetchPage: pipedrive('/v2/deals'),
})

/** A list's source on the toolbar's data source, rebuilt only when the data source changes. */
function useListSource<T>(make: (apis: Apis) => T): T {
  const apis = useApis()
  const { source, close, pipedrive } = apis
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the data source and its fetchers identify the list
  return useMemo(() => make(apis), [make, source, close, pipedrive])
}

/** The story's controls. */
export interface PagerDemoProps {
  /** Records per page (clamped to the API's maximum). */
  pageSize: number
  /** Sizes offered in the page-size menu; above the API's maximum they are left out. */
  pageSizeOptions: number[]
  /** The full pager, or the compact one for narrow cards. */
  variant: PagerVariant
  /** Light or dark; without it, the toolbar's theme. */
  theme?: 'light' | 'dark'
  /** Locale of the numbers (`de-DE` writes 1.234). */
  locale?: string
  /** Texts to change. */
  labels?: Partial<PagerLabels>
  /** Inside a titled panel (the dashboard's): no title of its own and no padding. */
  embedded?: boolean
}

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** Close opportunities (an offset API that reports a total): numbered pages, Last, jump to page. */
export function CloseOpportunitiesPager(props: PagerDemoProps) {
  const list = usePagedList({ ...useListSource(opportunities), pageSize: props.pageSize })
  return (
    <Records name="Close opportunities" list={list} pager={props} columns={['Lead', 'Status']}>
      {list.items.map((opportunity) => (
        <Row key={opportunity.id} cells={[opportunity.lead_name, opportunity.status_label]} />
      ))}
    </Records>
  )
}

/** Pipedrive v1 notes (an offset API without a total): Previous, "Page 3", Next, "of many". */
export function PipedriveNotesPager(props: PagerDemoProps) {
  const list = usePagedList({ ...useListSource(notes), pageSize: props.pageSize })
  return (
    <Records name="Pipedrive notes" list={list} pager={props} columns={['Note', 'Person']}>
      {list.items.map((note) => (
        <Row key={note.id} cells={[noteText(note.content), note.person?.name ?? '—']} />
      ))}
    </Records>
  )
}

/** Pipedrive v2 deals (a forward-only cursor): Previous comes from the cursors the hook kept. */
export function PipedriveDealsPager(props: PagerDemoProps & Partial<PageSearchParam>) {
  const { pageSize, page, onPageChange } = props
  const list = usePagedList({ ...useListSource(deals), pageSize, page, onPageChange })
  return (
    <Records name="Pipedrive deals" list={list} pager={props} columns={['Deal', 'Value']}>
      {list.items.map((deal) => (
        <Row key={deal.id} cells={[deal.title, `${money.format(deal.value)} ${deal.currency}`]} />
      ))}
    </Records>
  )
}

/** Pipedrive v2 deals with the page in the URL (`?dealsPage=3`): reload, Back and Forward keep the page. */
export function UrlStatePager(props: PagerDemoProps) {
  return <PipedriveDealsPager {...props} {...usePageSearchParam({ name: 'dealsPage' })} />
}

const headerCell = {
  padding: '4px 12px 4px 0',
  borderBottom: '1px solid var(--pw-border)',
  fontWeight: 600,
  textAlign: 'start',
} as const

function Row({ cells }: { cells: string[] }) {
  return (
    <tr>
      {cells.map((cell, index) => (
        <td key={index} style={{ padding: '2px 12px 2px 0', borderBottom: '1px solid var(--pw-border)' }}>
          {cell}
        </td>
      ))}
    </tr>
  )
}

interface RecordsProps {
  name: string
  list: PaginationList
  pager: PagerDemoProps
  /** The header of each column. */
  columns: string[]
  children: ReactNode
}

/** A titled table of the page's records and its pager, themed by the story's control. */
function Records({ name, list, pager, columns, children }: RecordsProps) {
  const { variant, theme, locale, labels, pageSizeOptions, embedded } = pager
  return (
    <section
      data-theme={theme}
      style={{
        colorScheme: theme,
        background: 'var(--pw-bg)',
        color: 'var(--pw-fg)',
        font: 'var(--pw-font-size) var(--pw-font)',
        padding: embedded ? 0 : 16,
        // Wide enough for the full pager on one row: range, pages, jump field and page size.
        maxWidth: variant === 'compact' ? 360 : 1000,
      }}
    >
      {embedded ? null : <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>{name}</h2>}
      <table
        aria-label={name}
        aria-busy={list.isFetching}
        style={{ width: '100%', borderCollapse: 'collapse', opacity: list.isPlaceholderData ? 0.7 : 1 }}
      >
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" style={headerCell}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      <Pager
        list={list}
        aria-label={`${name} pages`}
        variant={variant}
        locale={locale}
        labels={labels}
        pageSizeOptions={pageSizeOptions}
        style={{ marginTop: 8 }}
      />
    </section>
  )
}
