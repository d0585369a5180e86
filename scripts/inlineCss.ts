import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/**
 * Reads a stylesheet and replaces each relative `@import '…';` with the imported file, recursively: the package
 * ships one self-contained `styles.css` that any bundler, or a plain <link>, can load.
 */
export function inlineCss(file: string): string {
  const css = readFileSync(file, 'utf8')
  return css.replace(/^@import\s+['"](\.[^'"]+)['"];\s*$/gm, (_line, path: string) =>
    inlineCss(resolve(dirname(file), path)).trim(),
  )
}
