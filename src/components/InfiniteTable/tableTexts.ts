import { errorText } from '../shared/errorText'
import { defaultInfiniteTableLabels, labelWords, pluralWords } from './infiniteTableLabels'
import type { InfiniteTableLabels, ItemName } from './infiniteTableLabels'
import type { StatusRowKind } from './tableState'

/** Every sentence of one table, from its `labels`, `itemName` and `locale`. */
export interface TableTexts {
  /** The table's labels, defaults filled in. */
  labels: InfiniteTableLabels
  /** The first-load progress indicator's name: "Loading leads". */
  firstLoad: () => string
  /** The status row's sentence, with `loaded` records loaded. */
  statusRow: (kind: StatusRowKind, loaded: number, error: Error | null) => string
  /** The announcement after `added` records arrived, `loaded` in all: "Loaded 100 more leads, 300 in total". */
  arrived: (added: number, loaded: number, atEnd: boolean) => string
  /** The announcement of a failed fetch. */
  failed: (error: Error, loaded: number) => string
}

export function tableTexts(
  overrides: Partial<InfiniteTableLabels> | undefined,
  itemName: ItemName | undefined,
  locale: string | undefined,
): TableTexts {
  const labels: InfiniteTableLabels = { ...defaultInfiniteTableLabels, ...overrides }
  const plural = (loaded: number) => pluralWords(loaded, itemName, locale)
  const counted = (count: number, loaded: number) => labelWords(count, loaded, itemName, locale)
  const failed = (error: Error | null, loaded: number) =>
    labels.error({ ...plural(loaded), message: errorText(error) })

  return {
    labels,
    firstLoad: () => labels.loading(plural(0)),
    statusRow: (kind, loaded, error) => {
      switch (kind) {
        case 'loading':
          return labels.loadingMore(plural(loaded))
        case 'error':
          return failed(error, loaded)
        case 'end':
          return labels.end(counted(loaded, loaded))
        case 'empty':
          return labels.empty(plural(loaded))
        case 'load-more':
          return labels.loadMore
      }
    },
    arrived: (added, loaded, atEnd) => {
      const first = added === loaded
      const parts = [
        first ? labels.loaded(counted(added, loaded)) : labels.loadedMore(counted(added, loaded)),
      ]
      if (atEnd) parts.push(labels.end(counted(loaded, loaded)))
      return parts.join('. ')
    },
    failed,
  }
}
