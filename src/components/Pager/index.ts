export { Pager } from './Pager'
export { PagerButton } from './PagerButton'
export { defaultPagerLabels } from './pagerTexts'

export type { PagerProps, PagerState, PagerVariant } from './pagerTypes'
export type { PagerButtonProps } from './PagerButton'
export type { PagerLabels, PageWords, RangeWords } from './pagerTexts'
