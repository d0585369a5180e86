// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { createFetcher, pipedriveOffset, usePagedList } from '../../index'
import { createPipedriveMock, PIPEDRIVE_MOCK_BASE_URL } from '../../mock'
import type { PipedriveNote } from '../../mock'
import { setupMockServer } from '../../../test/mockServer'
import { createTestClient } from '../../../test/renderWithClient'
import { Pager } from './Pager'
import type { PagerProps } from './pagerTypes'

const { serve } = setupMockServer()
afterEach(cleanup)

const fetchNotes = createFetcher({ baseUrl: `${PIPEDRIVE_MOCK_BASE_URL}/api` })('/v1/notes')

interface NotesProps extends Partial<PagerProps> {
  maxLimit?: number
  pageSize?: number
}

/** Pipedrive v1 notes: an offset API that reports no total. Only the note ids are shown (content is HTML). */
function Notes({ maxLimit, pageSize = 50, ...pager }: NotesProps) {
  const list = usePagedList({
    queryKey: ['pipedrive', 'notes', maxLimit],
    adapter: pipedriveOffset<PipedriveNote>({ maxLimit }),
    fetchPage: fetchNotes,
    pageSize,
  })
  return (
    <>
      <ul aria-label="Notes">
        {list.items.map((note) => (
          <li key={note.id}>{note.id}</li>
        ))}
      </ul>
      <Pager list={list} aria-label="Notes pages" {...pager} />
    </>
  )
}

function setup(ui = <Notes />, notes = 130) {
  const mock = serve(createPipedriveMock({ deals: 10, persons: 10, notes, leads: 0 }))
  const ids = (index: number, size = 50) =>
    mock.dataset.notes.slice(index * size, (index + 1) * size).map((note) => String(note.id))
  const client = createTestClient()
  render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>)
  const nav = () => screen.getByRole('navigation', { name: 'Notes pages' })
  const button = (name: string) => within(nav()).getByRole('button', { name })
  return { ids, client, nav, button }
}

const currentPage = (nav: HTMLElement) => nav.querySelector('[aria-current="page"]')?.textContent
const rows = () =>
  within(screen.getByRole('list', { name: 'Notes' }))
    .queryAllByRole('listitem')
    .map((row) => row.textContent)

describe('<Pager> with an offset API that reports no total (Pipedrive v1 notes)', () => {
  it('pages with Previous, "Page N" and Next, honest about the total until the last page', async () => {
    const { ids, nav, button, client } = setup()
    await waitFor(() => expect(rows()).toEqual(ids(0)))
    expect(nav().dataset.mode).toBe('previous-next')
    expect(within(nav()).getByText('1–50 of many')).toBeTruthy()
    expect(currentPage(nav())).toBe('Page 1')
    expect(within(nav()).queryByRole('button', { name: 'Last page' })).toBeNull()
    expect(within(nav()).queryByRole('button', { name: /^Go to page/ })).toBeNull()

    await waitFor(() => expect(client.isFetching()).toBe(0))
    fireEvent.click(button('Next page'))
    await waitFor(() => expect(rows()).toEqual(ids(1)))
    expect(within(nav()).getByText('51–100 of many')).toBeTruthy()
    await waitFor(() => expect(within(nav()).getByRole('status').textContent).toBe('Page 2'))

    await waitFor(() => expect(client.isFetching()).toBe(0))
    fireEvent.click(button('Next page'))
    await waitFor(() => expect(rows()).toEqual(ids(2)))
    await waitFor(() => expect(within(nav()).getByText('101–130 of 130')).toBeTruthy())
    expect(button('Next page').hasAttribute('disabled')).toBe(true)

    fireEvent.click(button('Previous page'))
    await waitFor(() => expect(rows()).toEqual(ids(1)))
    expect(currentPage(nav())).toBe('Page 2')
  })

  it('leaves out page sizes above the adapter maxLimit', async () => {
    const { ids, nav } = setup(<Notes maxLimit={50} pageSize={25} pageSizeOptions={[10, 25, 50, 100, 500]} />)
    await waitFor(() => expect(rows()).toEqual(ids(0, 25)))
    const select = within(nav()).getByRole('combobox', { name: 'Per page' }) as HTMLSelectElement
    expect([...select.options].map((option) => option.textContent)).toEqual(['10', '25', '50'])
    fireEvent.change(select, { target: { value: '50' } })
    await waitFor(() => expect(rows()).toEqual(ids(0, 50)))
    expect(within(nav()).getByText('1–50 of many')).toBeTruthy()
  })

  it('an empty list says so, with every button disabled', async () => {
    const { nav, button } = setup(<Notes />, 0)
    await waitFor(() => expect(within(nav()).getByText('No results')).toBeTruthy())
    expect(rows()).toEqual([])
    for (const name of ['First page', 'Previous page', 'Next page']) {
      expect(button(name).hasAttribute('disabled')).toBe(true)
    }
  })
})
