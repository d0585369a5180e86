import type { ReactElement, ReactNode } from 'react'
import type { SortDescriptor } from '../../core/types'
import { useLiveRegion } from './parts'

/** The words of sortable column headers. */
export interface SortLabels {
  /** Announced once a new sort is shown: "Sorted by Created, descending". */
  sorted: (words: { column: string; direction: string }) => string
  /** The ascending direction in words. */
  ascending: string
  /** The descending direction in words. */
  descending: string
}

/** The English `SortLabels`. */
export const defaultSortLabels: SortLabels = {
  sorted: ({ column, direction }) => `Sorted by ${column}, ${direction}`,
  ascending: 'ascending',
  descending: 'descending',
}

/** Options of `useSortableColumns`. */
export interface SortableColumnsOptions {
  /** The sort shown, such as `{ column: 'date_created', direction: 'descending' }`; `undefined` when unsorted. */
  sortDescriptor: SortDescriptor | undefined
  /**
   * Called with the new sort when a header's button is pressed: the column ascending, or the sorted column flipped.
   * Without it the headers show the sort but cannot change it.
   */
  onSortChange: ((sort: SortDescriptor) => void) | undefined
  /** A column's name in words, for the announcement ("Sorted by Created, …"). @default the column id */
  columnName?: (column: string) => string
  /**
   * Whether the list is still loading the new sort (`list.isPlaceholderData`): the announcement waits for its records.
   * @default false
   */
  pending?: boolean
  /** Words to replace. */
  labels?: Partial<SortLabels>
}

/** What `useSortableColumns` returns: the parts of sortable headers, for any table markup. */
export interface SortableColumns {
  /** Props for a column's header cell: `aria-sort` on the sorted column only, as WAI-ARIA's sortable table has it. */
  headerProps: (column: string) => { 'aria-sort'?: 'ascending' | 'descending' }
  /**
   * The sort button to put inside a header cell: `label` and an arrow (▲ ascending, ▼ descending, a faint ↕ when
   * the column is not the sorted one). A native button, so Enter and Space press it.
   */
  button: (column: string, label: ReactNode) => ReactElement
  /** The polite live region that announces each new sort. Render it once, anywhere in the table's container. */
  liveRegion: ReactElement
}

const ARROWS = { ascending: '▲', descending: '▼', none: '↕' }

/**
 * Sortable column headers in the WAI-ARIA sortable table pattern, for `<InfiniteTable>` and for a table of your own
 * beside `<Pager>`: `aria-sort` on the sorted header, a button in each sortable header, a visible arrow, and an
 * announcement "Sorted by Created, descending" once the new sort is shown.
 *
 * @example
 * const sorting = useSortableColumns({ sortDescriptor: url.sort, onSortChange: url.onSortChange })
 * <th {...sorting.headerProps('date_created')}>{sorting.button('date_created', 'Created')}</th>
 * {sorting.liveRegion}
 */
export function useSortableColumns(options: SortableColumnsOptions): SortableColumns {
  const { sortDescriptor: sort, onSortChange, columnName = (column: string) => column } = options
  const labels = { ...defaultSortLabels, ...options.labels }
  const shown = sort ? `${sort.column}\n${sort.direction}` : ''
  const liveRegion = useLiveRegion(
    shown,
    (seen) =>
      seen !== shown && sort && !options.pending
        ? () => labels.sorted({ column: columnName(sort.column), direction: labels[sort.direction] })
        : undefined,
    'pw-sort-announcer',
  )
  const directionOf = (column: string) => (sort?.column === column ? sort.direction : undefined)
  return {
    headerProps: (column) => {
      const direction = directionOf(column)
      return direction ? { 'aria-sort': direction } : {}
    },
    button: (column, label) => {
      const direction = directionOf(column)
      return (
        <button
          type="button"
          className="pw-sort-button"
          data-sort-direction={direction ?? 'none'}
          disabled={!onSortChange}
          onClick={() =>
            onSortChange?.({ column, direction: direction === 'ascending' ? 'descending' : 'ascending' })
          }
        >
          <span className="pw-sort-button__label">{label}</span>
          <span className="pw-sort-button__arrow" aria-hidden="true">
            {ARROWS[direction ?? 'none']}
          </span>
        </button>
      )
    },
    liveRegion,
  }
}
