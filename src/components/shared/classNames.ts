/** Joins the truthy class names with single spaces: `classNames('pw-row', selected && 'is-selected')`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ')
}
