import { useCallback, useState } from 'react'

/**
 * A value the caller may control (`value` given) or leave to the component (`defaultValue`), with `onChange` called
 * for every change the component asks for, controlled or not.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange: ((value: T) => void) | undefined,
): [T, (next: T) => void] {
  const [own, setOwn] = useState(defaultValue)
  const controlled = value !== undefined
  const current = controlled ? value : own
  const setValue = useCallback(
    (next: T) => {
      if (Object.is(next, current)) return
      if (!controlled) setOwn(next)
      onChange?.(next)
    },
    [controlled, current, onChange],
  )
  return [current, setValue]
}
