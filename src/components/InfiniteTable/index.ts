export { InfiniteTable } from './InfiniteTable'
export { defaultInfiniteTableLabels } from './infiniteTableLabels'
export type { InfiniteTableLabels, ItemName, LabelWords } from './infiniteTableLabels'
export type {
  InfiniteTableColumn,
  InfiniteTableList,
  InfiniteTableProps,
  InfiniteTableState,
  LoadMode,
} from './infiniteTableTypes'
