import { fileURLToPath } from 'node:url'
import { transform } from 'lightningcss'
import { describe, expect, test } from 'vitest'
import { inlineCss } from '../scripts/inlineCss.ts'

const css = inlineCss(fileURLToPath(new URL('../src/styles.css', import.meta.url)))

/** The `--pw-*` colour declarations of a stylesheet, as `[name, value]`. */
function colourTokens(stylesheet: string): [string, string][] {
  return [...stylesheet.matchAll(/(--pw-[\w-]+)\s*:\s*([^;}]+)/g)]
    .map(([, name, value]) => [name!, value!.trim()] as [string, string])
    .filter(([, value]) => value.includes('#'))
}

describe('pagewise/styles.css', () => {
  test('is one file: every @import is inlined', () => {
    expect(css).not.toMatch(/@import/)
    expect(css).toContain('.pw-infinite-table__grid')
    expect(css).toContain('.pw-pager')
  })

  test('colour tokens are plain values, light and dark, with no light-dark() for minifiers to break', () => {
    expect(css.replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/light-dark\(/)
    const tokens = colourTokens(css)
    expect(tokens.length).toBeGreaterThanOrEqual(13 * 3)
    for (const [, value] of tokens) expect(value).toMatch(/^#[0-9a-f]{3,8}$/i)
  })

  test("survives Lightning CSS (Vite's minifier) with old browser targets: every token stays one valid colour", () => {
    const { code } = transform({
      filename: 'styles.css',
      code: Buffer.from(css),
      minify: true,
      targets: { chrome: 80 << 16, safari: 13 << 16, firefox: 78 << 16 },
    })
    const minified = code.toString()
    const tokens = colourTokens(minified)
    // As many or more (a selector list the targets cannot take is split into rules), never fewer.
    expect(tokens.length).toBeGreaterThanOrEqual(colourTokens(css).length)
    for (const [name, value] of tokens) expect(`${name}: ${value}`).toMatch(/^--pw-[\w-]+: #[0-9a-f]{3,8}$/i)
  })
})
