import { useId } from 'react'
import { formatCount } from '../shared/formatCount'

/** Props of `PageSizeSelect`. */
export interface PageSizeSelectProps {
  /** The sizes offered, ascending (see `pageSizeChoices`). */
  sizes: readonly number[]
  /** The size in use. */
  value: number
  /** Called with the size chosen. */
  onChange: (size: number) => void
  /** The menu's visible label. */
  label: string
  /** Locale of the numbers. */
  locale: string | undefined
}

/** The page-size menu of `<Pager>`: a labelled native `<select>` (class `pw-pager__page-size`). */
export function PageSizeSelect({ sizes, value, onChange, label, locale }: PageSizeSelectProps) {
  const id = useId()
  return (
    <div className="pw-pager__page-size">
      <label className="pw-pager__page-size-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="pw-pager__page-size-select"
        value={value}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      >
        {sizes.map((size) => (
          <option key={size} value={size}>
            {formatCount(size, locale)}
          </option>
        ))}
      </select>
    </div>
  )
}
