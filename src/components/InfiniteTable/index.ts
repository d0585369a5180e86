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
  ListPosition,
  LoadMode,
  SelectionMode,
} from './infiniteTableTypes'
