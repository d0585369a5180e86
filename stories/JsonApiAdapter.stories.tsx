import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { jsonApiAdapter } from '../src/adapters/jsonApi'
import { InfiniteTable } from '../src/components/InfiniteTable'
import type { InfiniteTableColumn } from '../src/components/InfiniteTable'
import { Pager } from '../src/components/Pager'
import { usePagedList } from '../src/hooks/usePagedList'
import { usePaginatedList } from '../src/hooks/usePaginatedList'
import { createFetcher } from '../src/http/createFetcher'
import { createJsonApiMock, JSON_API_MOCK_BASE_URL } from '../src/mock/jsonApiMock'
import type { JsonApiArticle } from '../src/mock/jsonApiMock'
import { storyFetch } from './support/storyRun'
import { intro } from './demo/StoryIntro'

type JsonApiStoryArgs = {
  /** Articles per request (`page[size]`, at most 100). */
  pageSize: number
  /** Mock API latency per request. */
  latencyMs: number
  /** Height of the `<InfiniteTable>` in pixels. */
  height: number
}

const ARTICLES = 230
const blog = createJsonApiMock({ articles: ARTICLES })
const articles = createFetcher({ baseUrl: JSON_API_MOCK_BASE_URL, fetch: storyFetch })('/articles')
// Follows links.next, whatever the server's strategy.
const linksAdapter = jsonApiAdapter<JsonApiArticle>()
// Pages by page[number]: a pager can jump to any page.
const numbersAdapter = jsonApiAdapter<JsonApiArticle>({ numberParam: 'page[number]' })

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
const columns: InfiniteTableColumn<JsonApiArticle>[] = [
  { id: 'title', header: 'Title', cell: (article) => article.attributes.title },
  { id: 'author', header: 'Author', cell: (article) => article.attributes.author, width: 200 },
  {
    id: 'published',
    header: 'Published',
    cell: (article) => day.format(new Date(article.attributes.publishedAt)),
    width: 140,
    align: 'end',
  },
]

/** `jsonApiAdapter()` in an `<InfiniteTable>`: the first request sends `page[size]`, the next ones load `links.next`. */
function ArticlesTable({ pageSize, height }: JsonApiStoryArgs) {
  const list = usePaginatedList({
    queryKey: ['jsonapi', 'articles'],
    adapter: linksAdapter,
    fetchPage: articles,
    pageSize,
  })
  return (
    <InfiniteTable
      list={list}
      columns={columns}
      aria-label="Articles"
      itemName={{ one: 'article', other: 'articles' }}
      height={height}
    />
  )
}

/** `jsonApiAdapter({ numberParam: 'page[number]' })` with a `<Pager>`: numbered pages, Last, the total. */
function ArticlesPager({ pageSize }: JsonApiStoryArgs) {
  const list = usePagedList({
    queryKey: ['jsonapi', 'articles', 'by number'],
    adapter: numbersAdapter,
    fetchPage: articles,
    pageSize,
  })
  return (
    <section style={{ maxWidth: 900 }}>
      <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>Articles</h2>
      <table
        aria-label="Articles"
        aria-busy={list.isFetching}
        style={{ width: '100%', borderCollapse: 'collapse' }}
      >
        <tbody>
          {list.items.map((article) => (
            <tr key={article.id}>
              <td style={{ padding: '4px 12px 4px 0' }}>{article.attributes.title}</td>
              <td style={{ padding: '4px 0' }}>{article.attributes.author}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        list={list}
        aria-label="Articles pages"
        pageSizeOptions={[10, 25, 50, 100]}
        style={{ marginTop: 8 }}
      />
    </section>
  )
}

/**
 * A JSON:API server (jsonapi.org): articles in `data`, the next page at `links.next`, the total at `meta.page.total`,
 * answered as `application/vnd.api+json` by the seeded mock (`createJsonApiMock`, page-number links).
 */
const meta: Meta<JsonApiStoryArgs> = {
  title: 'Adapters/Beyond CRMs/JSON:API',
  component: InfiniteTable as ComponentType<never> as ComponentType<JsonApiStoryArgs>,
  parameters: { msw: blog.handlers, controls: { include: ['pageSize', 'latencyMs', 'height'] } },
  args: { pageSize: 40, latencyMs: 100, height: 420 },
  argTypes: {
    pageSize: {
      control: { type: 'number', min: 1, max: 100 },
      description: 'page[size]; the server allows 100',
    },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 }, description: 'Mock latency (ms)' },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 }, description: 'Table height (px)' },
  },
  beforeEach: ({ args }) => {
    blog.reset()
    blog.setFaults({ latency: { fixedMs: args.latencyMs, jitterMs: 0 } })
  },
}

export default meta
type Story = StoryObj<JsonApiStoryArgs>

const TIMEOUT = { timeout: 8000 }
const lastRowIndex = (grid: HTMLElement) =>
  Number([...grid.querySelectorAll('.pw-infinite-table__row')].at(-1)?.getAttribute('aria-rowindex') ?? 0)

/** Articles in an `<InfiniteTable>`, page after page by `links.next`, to the end of the collection. */
export const FollowingLinks: Story = {
  name: 'Articles · jsonApiAdapter · InfiniteTable',
  decorators: [
    intro(
      "A JSON:API collection of articles in a table: each page's links.next URL is followed, to the end of the collection. Scroll to load more.",
    ),
  ],
  render: (args) => <ArticlesTable {...args} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const grid = await canvas.findByRole('grid', { name: 'Articles' }, TIMEOUT)
    await waitFor(() => expect(lastRowIndex(grid)).toBeGreaterThan(1), TIMEOUT)
    await expect(within(grid).getAllByText(blog.dataset.articles[0]!.attributes.title)[0]).toBeVisible()
    // meta.page.total gives the table its row count before the last page.
    await expect(grid).toHaveAttribute('aria-rowcount', String(ARTICLES + 1))
    await waitFor(
      () => {
        grid.scrollTop = grid.scrollHeight
        expect(within(grid).getByText(`All ${ARTICLES} articles loaded`)).toBeVisible()
      },
      { timeout: 15_000 },
    )
    const [first, second] = blog.requests
    await expect(first?.query).toEqual({ 'page[size]': String(args.pageSize) })
    // The second request is the first answer's links.next: page[number] came from the server.
    await expect(second?.query).toEqual({ 'page[number]': '2', 'page[size]': String(args.pageSize) })
    await expect(blog.requests).toHaveLength(Math.ceil(ARTICLES / args.pageSize))
  },
}

/** Articles by `page[number]` in a `<Pager>`: the total is known, so Last jumps straight to the last page. */
export const PageNumbers: Story = {
  name: 'Articles · jsonApiAdapter({ numberParam }) · Pager',
  decorators: [
    intro(
      'The same articles by page[number] in a pager: the total is known, so Last jumps straight to the last page. Try Last, or a page number.',
    ),
  ],
  args: { pageSize: 25 },
  render: (args) => <ArticlesPager {...args} />,
  play: async ({ canvasElement }) => {
    const nav = await within(canvasElement).findByRole('navigation', { name: 'Articles pages' }, TIMEOUT)
    await waitFor(() => expect(within(nav).getByText('1–25 of 230')).toBeVisible(), TIMEOUT)
    const last = within(nav).getByRole('button', { name: 'Last page' })
    await waitFor(() => expect(last).not.toHaveAttribute('data-disabled'), TIMEOUT)
    await userEvent.click(last)
    await waitFor(() => expect(within(nav).getByText('226–230 of 230')).toBeVisible(), TIMEOUT)
    const table = within(canvasElement).getByRole('table', { name: 'Articles' })
    // The previous page stays on screen until the last one has loaded.
    await waitFor(
      () =>
        expect(within(table).getAllByText(blog.dataset.articles.at(-1)!.attributes.title)[0]).toBeVisible(),
      TIMEOUT,
    )
    // Page 10 was asked for directly: no request for pages 3 to 9 (the pager prefetches the page after the first).
    const numbers = blog.requests.map((request) => Number(request.query['page[number]']))
    await expect(numbers).toContain(10)
    await expect(numbers.filter((number) => number > 2 && number < 10)).toEqual([])
  },
}
