import { describe, expectTypeOf, test } from 'vitest'
import { closeOffset } from '../../adapters/close'
import { usePaginatedList } from '../../hooks/usePaginatedList'
import { createFetcher } from '../../http/createFetcher'
import { InfiniteTable } from './InfiniteTable'
import type { ListSelection } from '../../core/selection'
import type { InfiniteTableState } from './infiniteTableTypes'

interface Lead {
  id: string
  display_name: string
}

const close = createFetcher({ baseUrl: 'https://api.close.com/api/v1' })

describe('<InfiniteTable> types', () => {
  test('the record type comes from the list: inline columns are typed without annotations', () => {
    function Leads() {
      const leads = usePaginatedList({
        queryKey: ['leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
      })
      return (
        <InfiniteTable
          list={leads}
          columns={[
            {
              id: 'name',
              header: 'Lead',
              cell: (lead, index) => {
                expectTypeOf(lead).toEqualTypeOf<Lead>()
                expectTypeOf(index).toEqualTypeOf<number>()
                return lead.display_name
              },
            },
          ]}
          getRowId={(lead) => lead.id}
          className={(state) => {
            expectTypeOf(state).toEqualTypeOf<InfiniteTableState>()
            return undefined
          }}
          aria-label="Leads"
        />
      )
    }
    expectTypeOf(Leads).toBeFunction()
  })

  test('a column for another record type is refused', () => {
    function Wrong() {
      const leads = usePaginatedList({
        queryKey: ['leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
      })
      return (
        <InfiniteTable
          // @ts-expect-error: the list holds leads, the column reads deals (`title` is not a field of Lead)
          list={leads}
          columns={[{ id: 'title', header: 'Title', cell: (deal: { title: string }) => deal.title }]}
          aria-label="Leads"
        />
      )
    }
    expectTypeOf(Wrong).toBeFunction()
  })

  test('selection: a ListSelection in, a ListSelection out; the mode is one of three words', () => {
    function Selectable({ selection }: { selection: ListSelection }) {
      const leads = usePaginatedList({
        queryKey: ['leads'],
        adapter: closeOffset<Lead>(),
        fetchPage: close('/lead/'),
      })
      return (
        <>
          <InfiniteTable
            list={leads}
            columns={[{ id: 'name', header: 'Lead', cell: (lead) => lead.display_name }]}
            aria-label="Leads"
            selectionMode="multiple"
            selectedKeys={selection}
            onSelectionChange={(next) => expectTypeOf(next).toEqualTypeOf<ListSelection>()}
            getRowName={(lead) => {
              expectTypeOf(lead).toEqualTypeOf<Lead>()
              return lead.display_name
            }}
          />
          <InfiniteTable
            list={leads}
            columns={[{ id: 'name', header: 'Lead', cell: (lead) => lead.display_name }]}
            aria-label="Leads"
            // @ts-expect-error: 'none', 'single' or 'multiple'
            selectionMode="many"
            // @ts-expect-error: a ListSelection, not an array of keys
            defaultSelectedKeys={['lead_1']}
          />
        </>
      )
    }
    expectTypeOf(Selectable).toBeFunction()
  })
})
