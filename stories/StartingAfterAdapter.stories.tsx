import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { startingAfterAdapter } from '../src/adapters/startingAfter'
import { InfiniteTable } from '../src/components/InfiniteTable'
import type { InfiniteTableColumn } from '../src/components/InfiniteTable'
import { Pager } from '../src/components/Pager'
import { usePagedList } from '../src/hooks/usePagedList'
import { usePaginatedList } from '../src/hooks/usePaginatedList'
import { createFetcher } from '../src/http/createFetcher'
import { createStripeMock, STRIPE_MOCK_BASE_URL } from '../src/mock/stripeMock'
import type { StripeCustomer } from '../src/mock/stripeMock'
import { storyFetch } from './support/storyRun'
import { intro } from './demo/StoryIntro'

/** The mock's secret key: sent in the Authorization header, as Stripe wants it, never in the URL or the query key. */
const MOCK_KEY = 'sk_test_mock'
const CUSTOMERS = 120
const stripeMock = createStripeMock({ customers: CUSTOMERS, apiKey: MOCK_KEY })
const stripe = createFetcher({
  baseUrl: `${STRIPE_MOCK_BASE_URL}/v1`,
  fetch: storyFetch,
  headers: { authorization: `Bearer ${MOCK_KEY}` },
})
const customersAdapter = startingAfterAdapter<StripeCustomer>()
const customers = {
  queryKey: ['stripe', 'customers'],
  adapter: customersAdapter,
  fetchPage: stripe('/customers'),
}

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
const customerColumns: InfiniteTableColumn<StripeCustomer>[] = [
  { id: 'name', header: 'Customer', cell: (customer) => customer.name ?? '—', width: 200 },
  { id: 'email', header: 'E-mail', cell: (customer) => customer.email ?? '—' },
  { id: 'id', header: 'Id', cell: (customer) => customer.id, width: 200 },
  {
    id: 'created',
    header: 'Created',
    cell: (customer) => day.format(new Date(customer.created * 1000)),
    width: 130,
    align: 'end',
  },
]

interface StripeStoryArgs {
  /** Customers per request (Stripe: 1–100, default 10). */
  pageSize: number
  /** Mock API latency per request. */
  latencyMs: number
}

/** Stripe customers in an `<InfiniteTable>`: `limit` + `starting_after=<last id>` until `has_more` is false. */
function CustomersTable({ pageSize }: StripeStoryArgs) {
  const list = usePaginatedList({ ...customers, pageSize })
  return (
    <InfiniteTable
      list={list}
      columns={customerColumns}
      aria-label="Stripe customers"
      itemName={{ one: 'customer', other: 'customers' }}
      height={360}
    />
  )
}

/** Stripe customers one page at a time: Next sends `starting_after`; Previous shows the page the hook kept. */
function CustomersPager({ pageSize }: StripeStoryArgs) {
  const list = usePagedList({ ...customers, pageSize })
  return (
    <section>
      <table aria-label="Stripe customers" aria-busy={list.isFetching} style={{ borderCollapse: 'collapse' }}>
        <tbody>
          {list.items.map((customer) => (
            <tr key={customer.id}>
              <td style={{ padding: '4px 12px 4px 0' }}>{customer.name}</td>
              <td style={{ padding: '4px 12px 4px 0' }}>{customer.email ?? '—'}</td>
              <td style={{ padding: '4px 12px 4px 0' }}>{customer.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager list={list} aria-label="Stripe customers pages" variant="full" style={{ marginTop: 8 }} />
    </section>
  )
}

/**
 * `startingAfterAdapter()` on a mock of Stripe's `GET /v1/customers`: each page asks for the records after the last
 * customer received (`starting_after=cus_…`), and `has_more: false` ends the list. The cursor is a record, so
 * customers created meanwhile never shift a page.
 */
const meta: Meta<StripeStoryArgs> = {
  title: 'Adapters/Beyond CRMs/Stripe starting_after',
  component: InfiniteTable as ComponentType<never> as ComponentType<StripeStoryArgs>,
  parameters: { msw: stripeMock.handlers, controls: { include: ['pageSize', 'latencyMs'] } },
  args: { pageSize: 25, latencyMs: 120 },
  argTypes: {
    pageSize: {
      control: { type: 'number', min: 1, max: 100 },
      description: 'Customers per request (max 100)',
    },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 }, description: 'Mock latency (ms)' },
  },
  beforeEach: ({ args }) => {
    stripeMock.reset()
    stripeMock.setFaults({ latency: { fixedMs: args.latencyMs, jitterMs: 0 } })
  },
}

export default meta
type Story = StoryObj<StripeStoryArgs>

const TIMEOUT = { timeout: 8000 }
const lastRowIndex = (grid: HTMLElement) =>
  Number([...grid.querySelectorAll('.pw-infinite-table__row')].at(-1)?.getAttribute('aria-rowindex') ?? 0)

/** Customers, newest first; scrolling loads the next page after the last customer, down to the end of the list. */
export const CustomersInfiniteTable: Story = {
  name: 'Customers · InfiniteTable',
  decorators: [
    intro(
      'Stripe-style customers, newest first: each page asks for the customers starting_after the last one shown. Scroll to the end of the list.',
    ),
  ],
  render: (args) => <CustomersTable {...args} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const grid = await canvas.findByRole('grid', { name: 'Stripe customers' }, TIMEOUT)
    const [newest] = stripeMock.dataset.customers
    await expect(await within(grid).findByText(newest!.id, undefined, TIMEOUT)).toBeVisible()
    // Scroll to the bottom until every customer is loaded: the end row says so.
    await waitFor(() => {
      grid.scrollTop = grid.scrollHeight
      expect(within(grid).getByText(`All ${CUSTOMERS} customers loaded`)).toBeInTheDocument()
    }, TIMEOUT)
    await expect(lastRowIndex(grid)).toBeGreaterThan(CUSTOMERS)
    const [first, second] = stripeMock.requests
    await expect(first?.query).toEqual({ limit: String(args.pageSize) })
    await expect(second?.query.starting_after).toBe(stripeMock.dataset.customers[args.pageSize - 1]!.id)
    await expect(stripeMock.requests.every((request) => request.status === 200)).toBe(true)
  },
}

/** One page at a time: Next requests `starting_after` the page's last customer; Previous needs no request. */
export const CustomersPagerStory: Story = {
  name: 'Customers · Pager (Previous / Next)',
  decorators: [
    intro(
      'The same customers one page at a time: Next asks for the customers after the last on the page; Previous needs no request. Press Next, then Previous.',
    ),
  ],
  args: { pageSize: 10 },
  render: (args) => <CustomersPager {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const nav = await canvas.findByRole('navigation', { name: 'Stripe customers pages' }, TIMEOUT)
    const table = canvas.getByRole('table', { name: 'Stripe customers' })
    const ids = stripeMock.dataset.customers
    await waitFor(() => expect(within(nav).getByText('1–10 of many')).toBeVisible(), TIMEOUT)
    await expect(await within(table).findByText(ids[0]!.id, undefined, TIMEOUT)).toBeVisible()
    const next = within(nav).getByRole('button', { name: 'Next page' })
    await waitFor(() => expect(next).not.toHaveAttribute('data-disabled'), TIMEOUT)
    await userEvent.click(next)
    await waitFor(() => expect(within(nav).getByText('11–20 of many')).toBeVisible(), TIMEOUT)
    // The page shown stays until the next one has landed.
    await expect(await within(table).findByText(ids[10]!.id, undefined, TIMEOUT)).toBeVisible()
    await expect(stripeMock.requests[1]?.query.starting_after).toBe(ids[9]!.id)
    // Pages 1 and 2, and page 3 prefetched once page 2 is shown: then Previous sends nothing.
    await waitFor(
      () => expect(stripeMock.requests.map((request) => request.status)).toEqual([200, 200, 200]),
      TIMEOUT,
    )
    const sent = stripeMock.requests.length
    await userEvent.click(within(nav).getByRole('button', { name: 'Previous page' }))
    await waitFor(() => expect(within(nav).getByText('1–10 of many')).toBeVisible(), TIMEOUT)
    await expect(stripeMock.requests).toHaveLength(sent)
  },
}
