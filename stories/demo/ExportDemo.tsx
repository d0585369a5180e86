import { createFetcher } from '../../src'
import { closeKeysetOffset } from '../../src/adapters/closeKeyset'
import type { CloseKeyset } from '../../src/adapters/closeKeyset'
import { useFetchAll } from '../../src/hooks/useFetchAll'
import { CLOSE_MOCK_BASE_URL } from '../../src/mock'
import { storyFetch } from '../support/storyRun'

/** The mock's `max_skip` in the export stories: small, so that an export goes on past it in keyset windows. */
export const EXPORT_MAX_SKIP = 1000

const close = createFetcher({ baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`, fetch: storyFetch })
const keyset: CloseKeyset = { field: 'date_created', param: 'date_created__lt' }

/** What each export reads: the adapter (at its largest page size, past `max_skip`) and the endpoint. */
const sources = {
  lead: {
    noun: 'leads',
    adapter: closeKeysetOffset<{ id: string }>({ maxSkip: EXPORT_MAX_SKIP, keyset }),
    fetchPage: close('/lead/', { query: { _fields: 'id,display_name,date_created' } }),
  },
  opportunity: {
    noun: 'opportunities',
    adapter: closeKeysetOffset<{ id: string }>({ resource: 'opportunity', maxSkip: EXPORT_MAX_SKIP, keyset }),
    fetchPage: close('/opportunity/', { query: { _fields: 'id,lead_name,date_created' } }),
  },
}

export interface ExportDemoProps {
  /** The Close list to export. Leads report no total (the bar is indeterminate); opportunities do. */
  resource: keyof typeof sources
}

const count = (value: number) => value.toLocaleString('en-US')

/**
 * An "Export" button over `useFetchAll`: the whole list at Close's largest page size, with a progress bar, a
 * count and a Cancel button. Rate limits are waited out; unmounting stops the export.
 */
export function ExportDemo({ resource }: ExportDemoProps) {
  const { noun, adapter, fetchPage } = sources[resource]
  const exporter = useFetchAll({ adapter, fetchPage })
  const { status, progress, records, error } = exporter
  const { loaded, total } = progress
  const running = status === 'running'
  const message = {
    idle: `Ready to export ${noun}.`,
    running: `${count(loaded)}${total === undefined ? '' : ` of ${count(total)}`} ${noun} exported…`,
    done: `Exported ${count(records.length)} ${noun}.`,
    cancelled: `Export cancelled after ${count(loaded)} ${noun}.`,
    error: `Export failed after ${count(loaded)} ${noun}.`,
  }[status]
  // A determinate bar needs a total; without one it is indeterminate while running and full when done.
  const bar =
    total !== undefined
      ? { value: loaded, max: total }
      : status === 'done'
        ? { value: 1, max: 1 }
        : running
          ? {}
          : { value: 0, max: 1 }

  return (
    <section
      data-state={status}
      style={{ fontFamily: 'var(--pw-font)', color: 'var(--pw-fg)', display: 'grid', gap: 12, maxWidth: 420 }}
    >
      <h2 style={{ fontSize: 18, margin: 0 }}>Export Close {noun}</h2>
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" onClick={exporter.start} disabled={running}>
          Export {noun}
        </button>
        <button type="button" onClick={exporter.cancel} disabled={!running}>
          Cancel
        </button>
      </div>
      <progress aria-label={`Export of ${noun}`} {...bar} style={{ width: '100%' }} />
      <p role="status" aria-live="polite" style={{ margin: 0 }}>
        {message}
      </p>
      {error ? (
        <p role="alert" style={{ margin: 0, color: 'var(--pw-danger)' }}>
          {error.message}
        </p>
      ) : null}
    </section>
  )
}
