import type { ReactNode } from 'react'
import {
  closeOffset,
  createFetcher,
  Pager,
  pipedriveCursor,
  pipedriveOffset,
  usePagedList,
  usePageSearchParam,
} from '../../src'
import type { PageSearchParam, PagerLabels, PagerVariant, PaginationList } from '../../src'
import { CLOSE_MOCK_BASE_URL, PIPEDRIVE_MOCK_BASE_URL } from '../../src/mock'
import type { CloseOpportunity, PipedriveDeal, PipedriveNote } from '../../src/mock'

const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1` })
const pipedrive = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })
const opportunities = {
  queryKey: ['close', 'opportunities'],
  adapter: closeOffset<CloseOpportunity>({ resource: 'opportunity' }),
  fetchPage: close('/opportunity/'),
}
const notes = {
  queryKey: ['pipedrive', 'notes'],
  adapter: pipedriveOffset<PipedriveNote>(),
  fetchPage: pipedrive('/v1/notes'),
}
const deals = {
  queryKey: ['pipedrive', 'deals'],
  adapter: pipedriveCursor<PipedriveDeal>(),
  fetchPage: pipedrive('/v2/deals'),
}

/** The story's controls. */
export interface PagerDemoProps {
  /** Records per page (clamped to the API's maximum). */
  pageSize: number
  /** Sizes offered in the page-size menu; above the API's maximum they are left out. */
  pageSizeOptions: number[]
  /** The full pager, or the compact one for narrow cards. */
  variant: PagerVariant
  /** Light or dark. */
  theme: 'light' | 'dark'
  /** Locale of the numbers (`de-DE` writes 1.234). */
  locale?: string
  /** Texts to change. */
  labels?: Partial<PagerLabels>
}

/** The text of a note's HTML, parsed in an inert document: no script runs, no image loads, nothing is injected. */
function noteText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? ''
}

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** Close opportunities (an offset API that reports a total): numbered pages, Last, jump to page. */
export function CloseOpportunitiesPager(props: PagerDemoProps) {
  const list = usePagedList({ ...opportunities, pageSize: props.pageSize })
  return (
    <Records name="Close opportunities" list={list} pager={props}>
      {list.items.map((opportunity) => (
        <Row key={opportunity.id} cells={[opportunity.lead_name, opportunity.status_label]} />
      ))}
    </Records>
  )
}

/** Pipedrive v1 notes (an offset API without a total): Previous, "Page 3", Next, "of many". */
export function PipedriveNotesPager(props: PagerDemoProps) {
  const list = usePagedList({ ...notes, pageSize: props.pageSize })
  return (
    <Records name="Pipedrive notes" list={list} pager={props}>
      {list.items.map((note) => (
        <Row key={note.id} cells={[noteText(note.content), note.person?.name ?? '—']} />
      ))}
    </Records>
  )
}

/** Pipedrive v2 deals (a forward-only cursor): Previous comes from the cursors the hook kept. */
export function PipedriveDealsPager(props: PagerDemoProps & Partial<PageSearchParam>) {
  const { pageSize, page, onPageChange } = props
  const list = usePagedList({ ...deals, pageSize, page, onPageChange })
  return (
    <Records name="Pipedrive deals" list={list} pager={props}>
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

function Row({ cells }: { cells: string[] }) {
  return (
    <tr>
      {cells.map((cell, index) => (
        <td key={index} style={{ padding: '4px 12px 4px 0', borderBottom: '1px solid var(--pw-border)' }}>
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
  children: ReactNode
}

/** A titled table of the page's records and its pager, themed by the story's control. */
function Records({ name, list, pager, children }: RecordsProps) {
  const { variant, theme, locale, labels, pageSizeOptions } = pager
  return (
    <section
      data-theme={theme}
      style={{
        colorScheme: theme,
        background: 'var(--pw-bg)',
        color: 'var(--pw-fg)',
        font: 'var(--pw-font-size) var(--pw-font)',
        padding: 16,
        maxWidth: variant === 'compact' ? 360 : 900,
      }}
    >
      <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>{name}</h2>
      <table
        aria-label={name}
        aria-busy={list.isFetching}
        style={{ width: '100%', borderCollapse: 'collapse', opacity: list.isPlaceholderData ? 0.6 : 1 }}
      >
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
