/** Markdown and number formatting for `report.ts`. */

/** A Markdown table; `align` marks numeric columns (`'r'`). Prettier pads it when the report is formatted. */
export function table(header: string[], rows: string[][], align: ('l' | 'r')[] = []): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const line = (cells: string[]) => `| ${cells.map(escape).join(' | ')} |`
  const rule = header.map((_, index) => (align[index] === 'r' ? '---:' : '---'))
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n')
}

/** `1234567` → `1,234,567`. */
export const integer = (value: number): string => Math.round(value).toLocaleString('en-US')

/** Three significant digits, with thousands separators: `0.000123`, `1.23`, `123`, `12,300`. */
export function sig3(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (Math.abs(value) >= 1000) return integer(value)
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumSignificantDigits: 3 })
}

/** A rate such as pages per second: `2.16 M`, `19.4 k`, `812`. */
export function rate(value: number): string {
  if (value >= 1e6) return `${sig3(value / 1e6)} M`
  if (value >= 1e3) return `${sig3(value / 1e3)} k`
  return sig3(value)
}

/** A ratio: `62.4×`, `0.56×`. */
export const times = (value: number): string => `${sig3(value)}×`

/** Inline code, for names that contain Markdown characters. */
export const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``
