import { useState } from 'react'
import type { CSSProperties } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { closeOffset, emptySelection, HttpError, InfiniteTable, listCache, usePaginatedList } from '../../src'
import type { InfiniteTableColumn, ListSelection, PaginationAdapter, SortDescriptor } from '../../src'
import type { CloseLead, CloseLeadStatusLabel } from '../../src/mock'
import { useApis } from '../support/dataSource'

const leadsAdapter = closeOffset<CloseLead>() as PaginationAdapter<unknown, CloseLead, unknown>
const STATUSES: readonly CloseLeadStatusLabel[] = ['Potential', 'Qualified', 'Customer', 'Bad Fit']
const columns: InfiniteTableColumn<CloseLead>[] = [
  { id: 'display_name', header: 'Lead', cell: (lead) => lead.display_name, width: 220 },
  { id: 'status_label', header: 'Status', cell: (lead) => lead.status_label },
]
const BY_NAME: SortDescriptor = { column: 'display_name', direction: 'ascending' }
const panel: CSSProperties = { display: 'grid', gap: 8, alignContent: 'start', minWidth: 220 }

/**
 * One lead edited with `useMutation` and `listCache`: the status changes at once in both tables (two lists of one key
 * prefix, two sorts), is taken back if the server refuses, and the server's answer replaces the guess.
 */
export function OptimisticEditDemo() {
  const { close, source } = useApis()
  const queryClient = useQueryClient()
  const queryKey = ['close', source, 'leads', 'edit']
  const [selection, setSelection] = useState<ListSelection>(emptySelection)
  const [message, setMessage] = useState<string | null>(null)
  const fetchPage = close('/lead/', { query: { _fields: 'id,display_name,status_label' } })
  const newest = usePaginatedList({ queryKey, adapter: leadsAdapter, fetchPage, pageSize: 50 })
  const byName = usePaginatedList({ queryKey, adapter: leadsAdapter, fetchPage, pageSize: 50, sort: BY_NAME })
  const leadsCache = listCache<CloseLead>(queryClient, queryKey)
  const selectedId = selection.type === 'some' ? [...selection.keys][0] : undefined
  const selected = selectedId === undefined ? undefined : leadsCache.getItem(selectedId)

  const setStatus = useMutation({
    mutationFn: ({ lead, status }: { lead: CloseLead; status: CloseLeadStatusLabel }) =>
      close.send<CloseLead>(`/lead/${lead.id}/`, { method: 'PUT', body: { status } }),
    onMutate: ({ lead, status }) => {
      setMessage(null)
      return leadsCache.updateItem(lead.id, (old) => ({ ...old, status_label: status }))
    },
    onError: (error, { lead }, undo) => {
      undo?.()
      setMessage(
        `${lead.display_name} was not changed (${error instanceof HttpError ? error.detail : error.message}); its status is back.`,
      )
    },
    onSuccess: (saved) => {
      leadsCache.updateItem(saved.id, (old) => ({ ...old, ...saved }))
      setMessage(`${saved.display_name} is now ${saved.status_label}.`)
    },
    // Then the first page of each list on screen loads again, in place: what the server holds now.
    onSettled: () => leadsCache.invalidate(),
  })

  return (
    <section style={{ fontFamily: 'var(--pw-font)', color: 'var(--pw-fg)', display: 'flex', gap: 16 }}>
      <div>
        <h3 style={{ margin: '0 0 8px', fontSize: 14 }}>Newest first</h3>
        <InfiniteTable
          list={newest}
          columns={columns}
          aria-label="Leads, newest first"
          itemName={{ one: 'lead', other: 'leads' }}
          selectionMode="single"
          selectedKeys={selection}
          onSelectionChange={setSelection}
          height={320}
        />
      </div>
      <div>
        <h3 style={{ margin: '0 0 8px', fontSize: 14 }}>By name</h3>
        <InfiniteTable
          list={byName}
          columns={columns}
          aria-label="Leads by name"
          itemName={{ one: 'lead', other: 'leads' }}
          height={320}
        />
      </div>
      <div style={panel}>
        {selected ? (
          <>
            <strong>{selected.display_name}</strong>
            <span>Status: {selected.status_label}</span>
            {STATUSES.filter((status) => status !== selected.status_label).map((status) => (
              <button
                key={status}
                type="button"
                disabled={setStatus.isPending}
                onClick={() => setStatus.mutate({ lead: selected, status })}
              >
                Make {status}
              </button>
            ))}
          </>
        ) : (
          <span>Select a lead to change its status.</span>
        )}
        {message && <p role="status">{message}</p>}
      </div>
    </section>
  )
}
