import { useState } from 'react'
import type { InfiniteTableList } from './infiniteTableTypes'
import type { TableTexts } from './tableTexts'

interface Seen {
  loaded: number
  error: Error | null
}

/**
 * The sentence for the table's polite live region, updated when rows arrive ("Loaded 100 more leads, 300 in
 * total", plus "All 2,500 leads loaded" at the end) or a fetch fails. It changes only on those events, so
 * re-renders from scrolling announce nothing.
 */
export function useLoadAnnouncement(list: InfiniteTableList<unknown>, texts: TableTexts): string {
  const loaded = list.items.length
  const error = list.status === 'error' ? list.error : null
  const [seen, setSeen] = useState<Seen>({ loaded, error })
  const [message, setMessage] = useState('')

  if (seen.loaded !== loaded || seen.error !== error) {
    // Derived from the list during render (React's pattern for state that follows props), so it is never a frame late.
    setSeen({ loaded, error })
    const added = loaded - seen.loaded
    if (error !== null) setMessage(texts.failed(error, loaded))
    // Nothing added (a retry that brought no new record) or fewer rows (a new list, a first-page refetch): silence.
    else setMessage(added > 0 ? texts.arrived(added, loaded, !list.hasNextPage) : '')
  }
  return message
}
