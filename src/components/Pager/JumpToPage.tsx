import { useId, useState } from 'react'
import { formatCount } from '../shared/formatCount'
import { PagerButton } from './PagerButton'
import type { PagerLabels } from './pagerLabels'

/** Props of `JumpToPage`. */
export interface JumpToPageProps {
  /** Number of pages in the list. */
  pageCount: number
  /** Whether page `index` (0-based) can be opened. */
  canGoToPage: (index: number) => boolean
  /** Opens page `index` (0-based). */
  goToPage: (index: number) => void
  labels: Pick<PagerLabels, 'jumpToPage' | 'jump' | 'jumpInvalid'>
  locale: string | undefined
}

/** A typed page number, 1-based: digits, with any spaces or digit-group separators the locale writes ignored. */
function parsePageNumber(text: string): number | undefined {
  const digits = text.replace(/[\s.,'’\u00a0\u202f]/g, '')
  if (!/^\d+$/.test(digits)) return undefined
  const page = Number(digits)
  return Number.isSafeInteger(page) ? page : undefined
}

/**
 * The jump-to-page field of `<Pager>` (class `pw-pager__jump`): type a page number, press Enter or Go. A number
 * outside the list marks the field invalid and says which pages exist.
 */
export function JumpToPage({ pageCount, canGoToPage, goToPage, labels, locale }: JumpToPageProps) {
  const id = useId()
  const [text, setText] = useState('')
  const [invalid, setInvalid] = useState(false)
  const words = { page: text, pageCount: formatCount(pageCount, locale) }
  return (
    <form
      className="pw-pager__jump"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const page = parsePageNumber(text)
        if (page === undefined || !canGoToPage(page - 1)) {
          setInvalid(true)
          return
        }
        setInvalid(false)
        setText('')
        goToPage(page - 1)
      }}
    >
      <label className="pw-pager__jump-label" htmlFor={id}>
        {labels.jumpToPage}
      </label>
      <input
        id={id}
        className="pw-pager__jump-input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        size={Math.max(String(pageCount).length, 2)}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.currentTarget.value)
          setInvalid(false)
        }}
      />
      <PagerButton type="submit" className="pw-pager__jump-button">
        {labels.jump}
      </PagerButton>
      {invalid ? (
        <span id={`${id}-error`} className="pw-pager__jump-error" role="alert">
          {labels.jumpInvalid(words)}
        </span>
      ) : null}
    </form>
  )
}
