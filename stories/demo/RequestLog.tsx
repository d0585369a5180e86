import { useEffect, useState } from 'react'
import type { MockRequestRecord } from '../../src/mock'

export interface RequestLogProps {
  /**
   * Reads the mock's request log: `() => closeMock.requests`. A function rather than the mock itself, so that
   * nothing that inspects React props (Storybook's interaction log) walks into the mock's whole dataset.
   */
  requests: () => readonly MockRequestRecord[]
  /** The heading, such as "Requests to the mock Close API". */
  title: string
  /** How many of the latest requests to show. @default 8 */
  limit?: number
}

/** `GET /api/v1/lead/ _skip=50`: the query without `_fields`, which only says which columns. */
function describe(request: MockRequestRecord): string {
  const query = Object.entries(request.query)
    .filter(([name]) => name !== '_fields')
    .map(([name, value]) => `${name}=${value.length > 16 ? `${value.slice(0, 16)}…` : value}`)
    .join(' ')
  return `${request.method} ${request.path}${query ? ` ${query}` : ''}`
}

/** One entry on one line: the request cut with an ellipsis when it is long (in full in its tooltip), the status always shown. */
const entry = { display: 'flex', gap: '0.5em', whiteSpace: 'nowrap' } as const
const requestText = { flex: '0 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' } as const

/**
 * The latest requests a mock API answered, newest first, with their status: to watch a fault happen (a 429, a
 * 503, a malformed 200) while the table shows what the user sees. It polls the mock's request log.
 */
export function RequestLog({ requests: read, title, limit = 8 }: RequestLogProps) {
  const [requests, setRequests] = useState<readonly MockRequestRecord[]>([])
  useEffect(() => {
    const timer = setInterval(() => setRequests(read().slice(-limit).reverse()), 250)
    return () => clearInterval(timer)
  }, [read, limit])
  return (
    <section aria-label={title} style={{ fontFamily: 'var(--pw-font)', fontSize: 13, minWidth: 0 }}>
      <h2 style={{ fontSize: 15, margin: '0 0 8px' }}>{title}</h2>
      {requests.length === 0 ? (
        <p style={{ margin: 0 }}>No request yet.</p>
      ) : (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {requests.map((request, index) => (
            <li
              key={`${request.time}-${index}`}
              style={{ color: request.status >= 400 ? 'var(--pw-danger)' : undefined }}
            >
              <span style={entry}>
                <span style={requestText} title={describe(request)}>
                  {describe(request)}
                </span>
                <span>→ {request.status}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
