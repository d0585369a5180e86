export { InfiniteTable } from './InfiniteTable'
export { defaultInfiniteTableLabels } from './tableTexts'
export type {
  InfiniteTableColumn,
  InfiniteTableLabels,
  ItemName,
  LabelWords,
  InfiniteTableList,
  InfiniteTableProps,
  InfiniteTableState,
  LoadMode,
  SelectionMode,
} from './infiniteTableTypes'
