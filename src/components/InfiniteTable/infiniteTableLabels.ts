import { formatCount } from '../shared/formatCount'

/** Singular and plural name of what a row is: `{ one: 'lead', other: 'leads' }`. */
export interface ItemName {
  /** The name of one row's record, e.g. `'lead'`. */
  one: string
  /** The name of several, e.g. `'leads'`. */
  other: string
}

/** The words of a message: formatted counts and the row name that agrees with them. */
export interface LabelWords {
  /** The count the message is about, formatted for the locale (`'2,500'`). */
  count: string
  /** The number of loaded rows, formatted for the locale. */
  total: string
  /** The row name agreeing with `count`: `'lead'` or `'leads'`. */
  items: string
}

/** Every text `<InfiniteTable>` shows or announces. Functions receive formatted counts and the agreeing row name. */
export interface InfiniteTableLabels {
  /** Label of the first-load progress indicator. @default "Loading leads" */
  loading: (words: LabelWords) => string
  /** Text of the loading row. @default "Loading more leads" */
  loadingMore: (words: LabelWords) => string
  /** Announced after the first page. @default "Loaded 100 leads" */
  loaded: (words: LabelWords) => string
  /** Announced after each further page; `count` is the number added. @default "Loaded 100 more leads, 300 in total" */
  loadedMore: (words: LabelWords) => string
  /** Text of the end row, also announced. @default "All 2,500 leads loaded" */
  end: (words: LabelWords) => string
  /** Text of the empty state. @default "No leads" */
  empty: (words: LabelWords) => string
  /** Text of the error row, shown with the Retry button and announced. @default "Could not load leads: <message>" */
  error: (words: LabelWords & { message: string }) => string
  /** The Retry button. @default "Retry" */
  retry: string
  /** The button of `loadMode="button"`. @default "Load more" */
  loadMore: string
  /** The link that moves keyboard focus past the table. @default "Skip table" */
  skipTable: string
}

/** English texts, the defaults. */
export const defaultInfiniteTableLabels: InfiniteTableLabels = {
  loading: ({ items }) => `Loading ${items}`,
  loadingMore: ({ items }) => `Loading more ${items}`,
  loaded: ({ count, items }) => `Loaded ${count} ${items}`,
  loadedMore: ({ count, total, items }) => `Loaded ${count} more ${items}, ${total} in total`,
  end: ({ count, items }) => `All ${count} ${items} loaded`,
  empty: ({ items }) => `No ${items}`,
  error: ({ items, message }) => `Could not load ${items}: ${message}`,
  retry: 'Retry',
  loadMore: 'Load more',
  skipTable: 'Skip table',
}

const DEFAULT_ITEM_NAME: ItemName = { one: 'row', other: 'rows' }
const pluralRules = new Map<string, Intl.PluralRules>()

function isOne(value: number, locale: string | undefined): boolean {
  const key = locale ?? ''
  let rules = pluralRules.get(key)
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale)
    pluralRules.set(key, rules)
  }
  return rules.select(value) === 'one'
}

/** Builds the words of a message about `count` rows, with `total` rows loaded. */
export function labelWords(
  count: number,
  total: number,
  itemName: ItemName = DEFAULT_ITEM_NAME,
  locale?: string,
): LabelWords {
  return {
    count: formatCount(count, locale),
    total: formatCount(total, locale),
    items: isOne(count, locale) ? itemName.one : itemName.other,
  }
}

/** The words of a message with no count of its own ("Loading more leads"): the plural name, `total` rows loaded. */
export function pluralWords(
  total: number,
  itemName: ItemName = DEFAULT_ITEM_NAME,
  locale?: string,
): LabelWords {
  return { ...labelWords(total, total, itemName, locale), items: itemName.other }
}
