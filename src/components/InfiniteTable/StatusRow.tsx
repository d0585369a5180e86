import { useId } from 'react'
import type { MouseEvent } from 'react'
import type { StatusRowKind } from './tableState'
import { VirtualRow } from './VirtualRow'
import type { VirtualRowPlacement } from './VirtualRow'

export interface StatusRowProps extends VirtualRowPlacement {
  kind: StatusRowKind
  columnCount: number
  /** The row's sentence: "Loading more leads", "All 2,500 leads loaded", "Could not load leads: …", "No leads". */
  text: string
  /** The button's label: Retry on `error`, Load more on `load-more`. */
  actionLabel: string
  onAction: (event: MouseEvent<HTMLButtonElement>) => void
}

/**
 * The row after the loaded records, inside the grid like any other (so it is reached by scrolling and by the
 * keyboard): a labelled progress indicator while loading, the error with Retry, the Load more button, the end of
 * the list, or the empty state.
 */
export function StatusRow({ kind, columnCount, text, actionLabel, onAction, ...placement }: StatusRowProps) {
  const textId = useId()
  const hasAction = kind === 'error' || kind === 'load-more'
  return (
    <VirtualRow {...placement} className="pw-infinite-table__status-row" data-state={kind}>
      <div role="gridcell" aria-colspan={columnCount} className="pw-infinite-table__status-cell">
        {kind === 'loading' ? (
          <span role="progressbar" aria-labelledby={textId} className="pw-infinite-table__progress" />
        ) : null}
        {kind === 'load-more' ? null : (
          <span id={textId} className="pw-infinite-table__status-text">
            {text}
          </span>
        )}
        {hasAction ? (
          <button
            type="button"
            className={kind === 'error' ? 'pw-infinite-table__retry' : 'pw-infinite-table__load-more'}
            onClick={onAction}
          >
            {actionLabel}
          </button>
        ) : null}
      </div>
    </VirtualRow>
  )
}
