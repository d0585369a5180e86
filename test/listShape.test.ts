import { describe, expect, it } from 'vitest'
import {
  closeEventsCursor,
  closeKeysetOffset,
  closeOffset,
  closeSearchCursor,
  cursorAdapter,
  hubspotAdapter,
  jsonApiAdapter,
  linkHeaderAdapter,
  offsetAdapter,
  pipedriveCursor,
  pipedriveOffset,
  pipedriveSearchCursor,
  relayConnectionAdapter,
  startingAfterAdapter,
} from '../src'
import type { ListFilter, PaginationAdapter, SortDescriptor } from '../src'
import { errorOf } from './errorOf'
import { InvalidOptionError } from '../src/core/errors'
import { pageRequest } from '../src/core/listPage'
import { addListParams, listShape } from '../src/core/listShape'

const signal = new AbortController().signal

describe('listShape', () => {
  const adapter = closeOffset()

  it('leaves out undefined filter entries, and an empty filter altogether', () => {
    expect(listShape(adapter, { filter: { status_id: 'stat_1', user_id: undefined } }, 'test')).toEqual({
      filter: { status_id: 'stat_1' },
    })
    expect(listShape(adapter, { filter: { status_id: undefined } }, 'test')).toEqual({})
    expect(listShape(adapter, {}, 'test')).toEqual({})
  })

  it('keeps the sort as a plain { column, direction }', () => {
    const sort = { column: 'date_created', direction: 'descending', extra: 1 } as never
    expect(listShape(adapter, { sort }, 'test')).toEqual({
      sort: { column: 'date_created', direction: 'descending' },
    })
  })

  it('refuses a sort on an adapter whose API cannot sort, naming the adapter and the option', () => {
    const error = errorOf(() =>
      listShape(closeEventsCursor(), { sort: { column: 'date_updated', direction: 'ascending' } }, 'test'),
    )
    expect(error).toBeInstanceOf(InvalidOptionError)
    expect(error).toMatchObject({ adapterId: 'close.eventsCursor', option: 'sort' })
    expect((error as Error).message).toBe(
      '[pagewise] close.eventsCursor: option "sort" must be absent: this API has no sort parameter, received ' +
        'an object.',
    )
  })

  it.each([[{ column: '', direction: 'ascending' }], [{ column: 'name', direction: 'up' }], ['name']])(
    'refuses a malformed sort %j',
    (sort) => {
      expect(errorOf(() => listShape(adapter, { sort: sort as never }, 'usePaginatedList'))).toMatchObject({
        name: 'InvalidOptionError',
        option: 'sort',
        adapterId: 'usePaginatedList',
      })
    },
  )

  it('refuses a filter value that is not text, a number, a boolean or a list of text, naming the param', () => {
    expect(
      errorOf(() => listShape(adapter, { filter: { owner: { id: 1 } } as never }, 'fetchAll')),
    ).toMatchObject({
      name: 'InvalidOptionError',
      option: 'filter.owner',
    })
    expect(errorOf(() => listShape(adapter, { filter: ['a'] as never }, 'fetchAll'))).toMatchObject({
      option: 'filter',
    })
  })
})

describe('list params in a page request', () => {
  it('puts filter and sort in the query string as text, arrays comma-separated, the page params winning', () => {
    const adapter = closeOffset()
    const shape = listShape(
      adapter,
      {
        sort: { column: 'date_created', direction: 'descending' },
        filter: { status_id: ['stat_1', 'stat_2'], has_email: true, score: 3, _skip: '999' },
      },
      'test',
    )
    expect(pageRequest(adapter, 200, 100, signal, shape).query).toEqual({
      _order_by: '-date_created',
      status_id: 'stat_1,stat_2',
      has_email: 'true',
      score: '3',
      _skip: '200',
      _limit: '100',
    })
  })

  it('puts them in the JSON body, as they are, when the request has one', () => {
    expect(addListParams({ query: {}, body: { cursor: 'c1' } }, { tags: ['a', 'b'], cursor: 'x' })).toEqual({
      query: {},
      body: { tags: ['a', 'b'], cursor: 'c1' },
    })
  })

  it('adds nothing to a page URL the API pointed to, nor to a list without sort or filter', () => {
    expect(addListParams({ query: { page: '2' } }, {})).toEqual({ query: { page: '2' } })
    expect(pageRequest(closeOffset(), 0, 10, signal, {}).query).toEqual({ _skip: '0', _limit: '10' })
    const linkPaged = offsetAdapter({ id: 'api', sort: { param: 'sort', descendingPrefix: '-' } })
    const adapter = { ...linkPaged, toRequest: () => ({ query: {}, url: 'https://api.test/next?page=2' }) }
    const shape = listShape(adapter, { sort: { column: 'name', direction: 'ascending' } }, 'test')
    expect(pageRequest(adapter, 1, 10, signal, shape)).toMatchObject({
      query: {},
      url: 'https://api.test/next?page=2',
    })
  })

  it('lets a sort win over a filter param of the same name', () => {
    const adapter = closeOffset()
    const shape = listShape(
      adapter,
      { sort: { column: 'name', direction: 'ascending' }, filter: { _order_by: 'other' } },
      'test',
    )
    expect(pageRequest(adapter, 0, 10, signal, shape).query._order_by).toBe('name')
  })
})

describe('each built-in adapter writes its provider’s sort', () => {
  const descending = { column: 'date_created', direction: 'descending' } as const
  const ascending = { column: 'date_created', direction: 'ascending' } as const
  /** The request a list's first page sends for `sort` (and `filter`). */
  const firstRequest = (
    adapter: PaginationAdapter<unknown, unknown, unknown>,
    sort: SortDescriptor,
    filter?: ListFilter,
  ) =>
    pageRequest(
      adapter,
      adapter.initialPageParam,
      adapter.defaultLimit,
      signal,
      listShape(adapter, { sort, filter }, 'test'),
    )
  const any = <T>(adapter: T) => adapter as unknown as PaginationAdapter<unknown, unknown, unknown>

  it('Close lists: _order_by, with a leading - for descending', () => {
    expect(firstRequest(any(closeOffset()), descending).query._order_by).toBe('-date_created')
    expect(firstRequest(any(closeOffset()), ascending).query._order_by).toBe('date_created')
  })

  it('Close search: a sort entry in the POST body, beside the cursor', () => {
    expect(firstRequest(any(closeSearchCursor({ objectType: 'contact' })), descending).body).toEqual({
      cursor: null,
      _limit: 100,
      sort: [
        {
          direction: 'desc',
          field: { type: 'regular_field', object_type: 'contact', field_name: 'date_created' },
        },
      ],
    })
  })

  it('Close keyset lists: only their keyset field, newest first', () => {
    const adapter = any(closeKeysetOffset({ keyset: { field: 'date_created', param: 'date_created__lt' } }))
    expect(firstRequest(adapter, descending).query._order_by).toBe('-date_created')
    expect(errorOf(() => firstRequest(adapter, ascending))).toMatchObject({
      name: 'InvalidOptionError',
      adapterId: 'close.offsetKeyset',
      option: 'sort',
    })
  })

  it('Pipedrive v1: sort=field DESC; v2: sort_by and sort_direction', () => {
    const addTime = { column: 'add_time', direction: 'descending' } as const
    expect(firstRequest(any(pipedriveOffset()), addTime).query.sort).toBe('add_time DESC')
    expect(firstRequest(any(pipedriveOffset()), { ...addTime, direction: 'ascending' }).query.sort).toBe(
      'add_time ASC',
    )
    expect(firstRequest(any(pipedriveCursor()), addTime).query).toMatchObject({
      sort_by: 'add_time',
      sort_direction: 'desc',
    })
  })

  it('GitHub (Link headers): sort and direction on the first page; the next links carry them on', () => {
    const adapter = any(linkHeaderAdapter())
    expect(
      firstRequest(adapter, { column: 'updated', direction: 'ascending' }, { state: 'open' }).query,
    ).toEqual({
      per_page: '30',
      sort: 'updated',
      direction: 'asc',
      state: 'open',
    })
    const next = pageRequest(
      adapter,
      'https://api.github.com/repos/o/r/issues?sort=updated&direction=asc&page=2',
      30,
      signal,
      listShape(adapter, { sort: { column: 'updated', direction: 'ascending' } }, 'test'),
    )
    expect(next.query).toEqual({ per_page: '30' })
  })

  it('HubSpot search: sorts in the body; HubSpot GET lists refuse a sort', () => {
    expect(firstRequest(any(hubspotAdapter({ placement: 'body' })), descending).body).toMatchObject({
      sorts: [{ propertyName: 'date_created', direction: 'DESCENDING' }],
    })
    expect(errorOf(() => firstRequest(any(hubspotAdapter()), descending))).toMatchObject({
      name: 'InvalidOptionError',
      adapterId: 'hubspot',
    })
  })

  it('JSON:API: sort=-field, with links and with page numbers', () => {
    expect(firstRequest(any(jsonApiAdapter()), descending).query.sort).toBe('-date_created')
    expect(firstRequest(any(jsonApiAdapter({ numberParam: 'page[number]' })), ascending).query.sort).toBe(
      'date_created',
    )
  })

  it('GraphQL connections: sort and filter become variables, first and after win', () => {
    const adapter = any(
      relayConnectionAdapter({
        path: 'data.issues',
        query: 'query Q($first: Int!, $after: String) { … }',
        variables: { owner: 'o' },
        sort: ({ direction }) => ({
          orderBy: { field: 'CREATED_AT', direction: direction === 'ascending' ? 'ASC' : 'DESC' },
        }),
      }),
    )
    expect(firstRequest(adapter, descending, { states: ['OPEN'], first: '999' }).body).toEqual({
      query: 'query Q($first: Int!, $after: String) { … }',
      variables: {
        states: ['OPEN'],
        orderBy: { field: 'CREATED_AT', direction: 'DESC' },
        owner: 'o',
        first: 50,
        after: null,
      },
    })
  })

  it.each([
    ['Close events', () => closeEventsCursor(), 'close.eventsCursor'],
    ['Stripe lists', () => startingAfterAdapter(), 'stripe.startingAfter'],
    ['Pipedrive search', () => pipedriveSearchCursor(), 'pipedrive.searchCursor'],
    [
      'a GraphQL connection without a sort option',
      () => relayConnectionAdapter({ path: 'data.x', query: 'query Q($first: Int!, $after: String) { … }' }),
      'relay.connection',
    ],
  ])('%s refuse a sort, naming the adapter', (_name, make, id) => {
    expect(errorOf(() => firstRequest(any(make()), descending))).toMatchObject({
      name: 'InvalidOptionError',
      adapterId: id,
      option: 'sort',
    })
  })

  it('the generic adapters take a sort spec in one line', () => {
    const sortBy = { column: 'name', direction: 'descending' } as const
    const byParam = any(
      cursorAdapter({
        id: 'mine',
        nextCursor: 'next',
        sort: { param: 'order', directionParam: 'dir', values: ['up', 'down'] },
      }),
    )
    expect(firstRequest(byParam, sortBy).query).toMatchObject({ order: 'name', dir: 'down' })
    const suffixed = any(
      offsetAdapter({ id: 'mine', sort: { param: 'sort', directionSuffix: [' asc', ' desc'] } }),
    )
    expect(firstRequest(suffixed, sortBy).query.sort).toBe('name desc')
    const custom = any(
      offsetAdapter({ id: 'mine', sort: (sort) => ({ orderBy: `${sort.column}:${sort.direction}` }) }),
    )
    expect(firstRequest(custom, sortBy).query.orderBy).toBe('name:descending')
    expect(errorOf(() => offsetAdapter({ id: 'mine', sort: { param: '' } as never }))).toMatchObject({
      name: 'InvalidOptionError',
      option: 'sort',
    })
  })
})

describe('pipedriveSearchCursor', () => {
  const adapter = pipedriveSearchCursor<{ id: number; title: string }>()
  const page = (items: unknown, next: string | null = null) => ({
    success: true,
    data: items === null ? null : { items },
    additional_data: { next_cursor: next },
  })

  it('reads the matches out of data.items[].item and goes on with next_cursor', () => {
    const answer = page([{ result_score: 1.2, item: { id: 1, title: 'Acme' } }], 'c2')
    expect(adapter.getItems(answer as never)).toEqual([{ id: 1, title: 'Acme' }])
    expect(adapter.getNextPageParam(answer as never, [], null, [null])).toBe('c2')
    expect(adapter.getItems(page(null) as never)).toEqual([])
  })

  it('sends the term as a filter param, with cursor and limit', () => {
    const shape = listShape(adapter as never, { filter: { term: 'acme', fields: 'title' } }, 'test')
    expect(pageRequest(adapter, null, 50, signal, shape).query).toEqual({
      term: 'acme',
      fields: 'title',
      limit: '50',
    })
  })

  it('names the field of a match without an item', () => {
    expect(errorOf(() => adapter.getItems(page([{ result_score: 1 }]) as never))).toMatchObject({
      name: 'MalformedResponseError',
      adapterId: 'pipedrive.searchCursor',
      field: 'data.items[0].item',
    })
  })
})
