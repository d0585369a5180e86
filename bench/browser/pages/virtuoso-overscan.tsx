import { mountVirtuoso } from './virtuosoTable.tsx'

// (b′) TableVirtuoso rendering as many rows above and below the viewport as pagewise does (`increaseViewportBy`),
// so that neither wins by rendering less.
mountVirtuoso('virtuoso-overscan', (overscan) => overscan)
