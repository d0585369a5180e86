export { InfiniteTable } from './InfiniteTable'
export { defaultInfiniteTableLabels } from './tableTexts'
export type { InfiniteTableLabels, ItemName, LabelWords } from './tableTexts'
export type {
  InfiniteTableColumn,
  InfiniteTableList,
  InfiniteTableProps,
  InfiniteTableState,
  LoadMode,
} from './infiniteTableTypes'
