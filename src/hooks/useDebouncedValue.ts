import { useEffect, useState } from 'react'

/**
 * `value` once it has stayed the same for `delayMs`: a search box's text, sent to the API when the user pauses
 * typing instead of on every keystroke. Each new term is a new query, so the request of the term before is aborted
 * (TanStack Query cancels a query no component reads any more, when its fetch took the abort signal, as pagewise's
 * do).
 *
 * @example
 * const [text, setText] = useState('')
 * const term = useDebouncedValue(text.trim(), 300)
 * const leads = usePaginatedList({ queryKey: ['close', 'leads'], adapter, fetchPage, filter: { query: term || undefined } })
 */
export function useDebouncedValue<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return settled
}
