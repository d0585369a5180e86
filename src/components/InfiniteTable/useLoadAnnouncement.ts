import { useState } from 'react'
import { errorText } from '../shared/errorText'
import type { InfiniteTableLabels, ItemName } from './infiniteTableLabels'
import { labelWords, pluralWords } from './infiniteTableLabels'
import type { InfiniteTableList } from './infiniteTableTypes'

interface Seen {
  loaded: number
  error: Error | null
}

/**
 * The sentence for the table's polite live region, updated when rows arrive ("Loaded 100 more leads, 300 in
 * total", plus "All 2,500 leads loaded" at the end) or a fetch fails. It changes only on those events, so
 * re-renders from scrolling announce nothing.
 */
export function useLoadAnnouncement(
  list: InfiniteTableList<unknown>,
  labels: InfiniteTableLabels,
  itemName: ItemName | undefined,
  locale: string | undefined,
): string {
  const loaded = list.items.length
  const error = list.status === 'error' ? list.error : null
  const [seen, setSeen] = useState<Seen>({ loaded, error })
  const [message, setMessage] = useState('')

  if (seen.loaded !== loaded || seen.error !== error) {
    // Derived from the list during render (React's pattern for state that follows props), so it is never a frame late.
    setSeen({ loaded, error })
    setMessage(describeChange(seen, { loaded, error }, list.hasNextPage, labels, itemName, locale))
  }
  return message
}

function describeChange(
  before: Seen,
  now: Seen,
  hasNextPage: boolean,
  labels: InfiniteTableLabels,
  itemName: ItemName | undefined,
  locale: string | undefined,
): string {
  const words = (count: number) => labelWords(count, now.loaded, itemName, locale)
  if (now.error !== null)
    return labels.error({ ...pluralWords(now.loaded, itemName, locale), message: errorText(now.error) })
  if (now.loaded < before.loaded) return '' // a new list or a refetch from the first page: nothing was added
  const added = now.loaded - before.loaded
  if (added === 0) return ''
  const parts = [before.loaded === 0 ? labels.loaded(words(added)) : labels.loadedMore(words(added))]
  if (!hasNextPage && now.loaded > 0) parts.push(labels.end(words(now.loaded)))
  return parts.join('. ')
}
