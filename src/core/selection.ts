import { fetchAll } from './fetchAll'
import type { FetchAllControls, FetchAllOptions } from './fetchAll'
import { defaultItemId } from './itemFlattener'

/** The identity of a selected row: what `getRowId` (or `getItemId`) returns for it. */
export type SelectionKey = string | number

/**
 * Which rows of a list are selected, loaded or not:
 * - `{ type: 'some', keys }`: exactly these rows;
 * - `{ type: 'all', except }`: every row the list's query matches (its sort and filter), on loaded pages and on
 *   pages nobody has scrolled to yet, but for the rows unticked since.
 *
 * A plain value (two Sets): keep it in state, put it in a URL, compare it. The helpers below never change one in
 * place; each returns a new selection.
 */
export type ListSelection<TKey extends SelectionKey = SelectionKey> =
  { type: 'some'; keys: ReadonlySet<TKey> } | { type: 'all'; except: ReadonlySet<TKey> }

/** No row selected. */
export function emptySelection<TKey extends SelectionKey = SelectionKey>(): ListSelection<TKey> {
  return { type: 'some', keys: new Set() }
}

/** Every row the list's query matches, loaded or not. */
export function allSelection<TKey extends SelectionKey = SelectionKey>(): ListSelection<TKey> {
  return { type: 'all', except: new Set() }
}

/** Whether the row `key` is selected. */
export function isSelected<TKey extends SelectionKey>(selection: ListSelection<TKey>, key: TKey): boolean {
  return selection.type === 'some' ? selection.keys.has(key) : !selection.except.has(key)
}

/** Whether no row is selected (an "all" selection with every row unticked counts, once the total says so). */
export function isSelectionEmpty(selection: ListSelection, total?: number): boolean {
  return selection.type === 'some'
    ? selection.keys.size === 0
    : total !== undefined && selection.except.size >= total
}

/**
 * `selection` with the rows `keys` selected (`selected: true`) or unselected. Selecting inside an "all" selection
 * takes the keys out of `except`; unselecting adds them.
 */
export function withKeys<TKey extends SelectionKey>(
  selection: ListSelection<TKey>,
  keys: Iterable<TKey>,
  selected: boolean,
): ListSelection<TKey> {
  // "Selected" in a 'some' selection is membership of `keys`; in an 'all' selection, absence from `except`.
  const add = selection.type === 'some' ? selected : !selected
  const next = new Set(selection.type === 'some' ? selection.keys : selection.except)
  for (const key of keys) {
    if (add) next.add(key)
    else next.delete(key)
  }
  return selection.type === 'some' ? { type: 'some', keys: next } : { type: 'all', except: next }
}

/** `selection` with the row `key` flipped. */
export function toggleKey<TKey extends SelectionKey>(
  selection: ListSelection<TKey>,
  key: TKey,
): ListSelection<TKey> {
  return withKeys(selection, [key], !isSelected(selection, key))
}

/**
 * How many rows are selected: the keys of a "some" selection; for "all", the list's total less the exceptions, or
 * `undefined` when the total is unknown (say "All selected", not a number).
 */
export function selectedCount(selection: ListSelection, total: number | undefined): number | undefined {
  if (selection.type === 'some') return selection.keys.size
  return total === undefined ? undefined : Math.max(0, total - selection.except.size)
}

/** Options of `resolveSelection`: the list the selection was made on, as `fetchAll` takes it. */
export interface ResolveSelectionOptions<TResponse, TItem, TParam> extends FetchAllOptions<
  TResponse,
  TItem,
  TParam
> {
  /**
   * The records the list has loaded. A "some" selection whose keys are all among them resolves without a request;
   * any other selection walks the list.
   */
  loaded?: readonly TItem[]
}

/**
 * The records a selection stands for, for a bulk action. A "some" selection is read from `loaded` when every key is
 * there; otherwise, and for "all except", the list is walked with `fetchAll` at its largest page size (its sort and
 * filter, rate limits waited out, `onProgress`, cancel with `signal`), keeping the records the selection holds.
 * Records are identified by `getItemId` (default `item.id`), the key the table's `getRowId` gives.
 *
 * @example
 * const leads = await resolveSelection(selection, { adapter, fetchPage, filter, loaded: list.items }, { signal })
 */
export async function resolveSelection<TResponse, TItem, TParam>(
  selection: ListSelection,
  options: ResolveSelectionOptions<TResponse, TItem, TParam>,
  controls: FetchAllControls = {},
): Promise<TItem[]> {
  const { loaded, ...listOptions } = options
  const keyOf = (item: TItem) => (options.getItemId ?? defaultItemId)(item) as SelectionKey
  if (selection.type === 'some') {
    if (selection.keys.size === 0) return []
    const found = (loaded ?? []).filter((item) => selection.keys.has(keyOf(item)))
    if (new Set(found.map(keyOf)).size === selection.keys.size) return found
  }
  const records = await fetchAll(listOptions, controls)
  return records.filter((item) => isSelected(selection, keyOf(item)))
}
