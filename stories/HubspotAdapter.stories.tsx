import type { Meta, StoryObj } from '@storybook/react-vite'
import { useId, useMemo } from 'react'
import type { ComponentType } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import { hubspotAdapter } from '../src/adapters/hubspot'
import { InfiniteTable } from '../src/components/InfiniteTable'
import type { InfiniteTableColumn } from '../src/components/InfiniteTable'
import { usePaginatedList } from '../src/hooks/usePaginatedList'
import { createFetcher } from '../src/http/createFetcher'
import { createHubspotMock, HUBSPOT_MOCK_BASE_URL } from '../src/mock/hubspotMock'
import type { HubspotContact } from '../src/mock/hubspotMock'
import { storyFetch } from './support/storyRun'
import { intro } from './demo/StoryIntro'

/** The mock's access token: sent as `Authorization: Bearer`, never in the URL or the query key. */
const MOCK_TOKEN = 'pat-mock'
const CONTACTS = 300
const hubspotMock = createHubspotMock({ contacts: CONTACTS, accessToken: MOCK_TOKEN })
const hubspot = createFetcher({
  baseUrl: HUBSPOT_MOCK_BASE_URL,
  fetch: storyFetch,
  headers: { authorization: `Bearer ${MOCK_TOKEN}` },
})
const PROPERTIES = ['firstname', 'lastname', 'email', 'company']
const listAdapter = hubspotAdapter<HubspotContact>()
const searchAdapter = hubspotAdapter<HubspotContact>({ placement: 'body' })
const contactsPage = hubspot('/crm/v3/objects/contacts', { query: { properties: PROPERTIES.join(',') } })

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
const fullName = ({ properties }: HubspotContact) =>
  [properties.firstname, properties.lastname].filter(Boolean).join(' ') || '—'
const contactColumns: InfiniteTableColumn<HubspotContact>[] = [
  { id: 'id', header: 'Id', cell: (contact) => contact.id, width: 80 },
  { id: 'name', header: 'Contact', cell: fullName, width: 200 },
  { id: 'email', header: 'E-mail', cell: (contact) => contact.properties.email ?? '—' },
  {
    id: 'created',
    header: 'Created',
    cell: (contact) => day.format(new Date(contact.properties.createdate)),
    width: 130,
    align: 'end',
  },
]

interface HubspotStoryArgs {
  /** Contacts per request (object lists: at most 100; search: at most 200). */
  pageSize: number
  /** Mock API latency per request. */
  latencyMs: number
  /** Text a contact's name, e-mail or company must contain (search only). */
  query: string
}

const itemName = { one: 'contact', other: 'contacts' }

/** HubSpot contacts in an `<InfiniteTable>`: `limit` + `after` until an answer has no `paging.next`. */
function ContactsTable({ pageSize }: HubspotStoryArgs) {
  const list = usePaginatedList({
    queryKey: ['hubspot', 'contacts'],
    adapter: listAdapter,
    fetchPage: contactsPage,
    pageSize,
  })
  return (
    <InfiniteTable
      list={list}
      columns={contactColumns}
      aria-label="HubSpot contacts"
      itemName={itemName}
      height={360}
    />
  )
}

/** HubSpot search, newest first: `after` and `limit` in the POST body, `total` for the row count. */
function ContactSearchTable({ pageSize, query }: HubspotStoryArgs) {
  const headingId = useId()
  const fetchPage = useMemo(
    () =>
      hubspot('/crm/v3/objects/contacts/search', {
        body: {
          sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }],
          properties: PROPERTIES,
          ...(query ? { query } : {}),
        },
      }),
    [query],
  )
  const list = usePaginatedList({
    queryKey: ['hubspot', 'contacts', 'search', { query }],
    adapter: searchAdapter,
    fetchPage,
    pageSize,
  })
  return (
    <section>
      <h2 id={headingId} style={{ fontSize: 16, margin: '0 0 8px' }}>
        {list.total === undefined ? 'Searching contacts…' : `${list.total} contacts match`}
      </h2>
      <InfiniteTable
        list={list}
        columns={contactColumns}
        aria-labelledby={headingId}
        itemName={itemName}
        height={360}
      />
    </section>
  )
}

/**
 * `hubspotAdapter()` on a mock of HubSpot's CRM v3 contacts: the object list takes `limit` and `after` in the query,
 * the search (`hubspotAdapter({ placement: 'body' })`) in its JSON body, and reports `total`.
 */
const meta: Meta<HubspotStoryArgs> = {
  title: 'Adapters/Beyond CRMs/HubSpot',
  component: InfiniteTable as ComponentType<never> as ComponentType<HubspotStoryArgs>,
  parameters: { msw: hubspotMock.handlers, controls: { include: ['pageSize', 'latencyMs', 'query'] } },
  args: { pageSize: 100, latencyMs: 120, query: '' },
  argTypes: {
    pageSize: {
      control: { type: 'number', min: 1, max: 200 },
      description: 'Contacts per request (lists max 100, search max 200)',
    },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 }, description: 'Mock latency (ms)' },
    query: { control: 'text', description: 'Search text (search story)' },
  },
  beforeEach: ({ args }) => {
    hubspotMock.reset()
    hubspotMock.setFaults({ latency: { fixedMs: args.latencyMs, jitterMs: 0 } })
  },
}

export default meta
type Story = StoryObj<HubspotStoryArgs>

const TIMEOUT = { timeout: 8000 }

/** Scrolls the grid to its bottom until `text` (the end row) shows. */
async function scrollUntil(grid: HTMLElement, text: string) {
  await waitFor(() => {
    grid.scrollTop = grid.scrollHeight
    expect(within(grid).getByText(text)).toBeInTheDocument()
  }, TIMEOUT)
}

/** Contacts by id; scrolling loads the page `after` the last, down to the answer without `paging.next`. */
export const ContactsInfiniteTable: Story = {
  name: 'Contacts · InfiniteTable',
  decorators: [
    intro(
      'HubSpot contacts by id: scrolling asks for the page after the last contact, until an answer has no paging.next. Scroll to the end.',
    ),
  ],
  render: (args) => <ContactsTable {...args} />,
  play: async ({ canvasElement }) => {
    const grid = await within(canvasElement).findByRole('grid', { name: 'HubSpot contacts' }, TIMEOUT)
    const [first] = hubspotMock.dataset.contacts
    await expect(await within(grid).findByText(fullName(first!), undefined, TIMEOUT)).toBeVisible()
    await expect(grid.getAttribute('aria-rowcount')).toBe('-1')
    await scrollUntil(grid, `All ${CONTACTS} contacts loaded`)
    const [firstRequest, second] = hubspotMock.requests
    await expect(firstRequest?.query).toEqual({ properties: PROPERTIES.join(','), limit: '100' })
    await expect(second?.query.after).toEqual(expect.any(String))
    await expect(hubspotMock.requests).toHaveLength(3)
  },
}

/** The search endpoint, newest first: it reports `total`, so the table knows its row count from the first page. */
export const ContactSearchWithTotal: Story = {
  name: 'Contact search · total · InfiniteTable',
  decorators: [
    intro(
      'HubSpot contact search, newest first: it reports a total, so the table knows how many rows it has from the first page. Scroll to load more.',
    ),
  ],
  args: { pageSize: 50 },
  render: (args) => <ContactSearchTable {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(
      await canvas.findByRole('heading', { name: `${CONTACTS} contacts match` }, TIMEOUT),
    ).toBeVisible()
    const grid = canvas.getByRole('grid', { name: `${CONTACTS} contacts match` })
    await expect(grid.getAttribute('aria-rowcount')).toBe(String(CONTACTS + 1))
    const newest = hubspotMock.dataset.contacts.at(-1)!
    await expect(await within(grid).findByText(newest.id, undefined, TIMEOUT)).toBeVisible()
    await scrollUntil(grid, `All ${CONTACTS} contacts loaded`)
    const [first, second] = hubspotMock.requests
    await expect(first).toMatchObject({ method: 'POST', path: '/crm/v3/objects/contacts/search' })
    await expect(first?.body).toMatchObject({ after: null, limit: 50 })
    await expect(second?.body).toMatchObject({ after: '50', limit: 50 })
  },
}
