import { mountVirtuoso } from './virtuosoTable.tsx'

// (b) react-virtuoso's TableVirtuoso with its defaults (no overscan: only the rows in view are rendered).
mountVirtuoso('virtuoso', () => undefined)
