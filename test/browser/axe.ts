import axe from 'axe-core'

/** A readable line per axe violation: rule, impact, and the first offending nodes. */
function describe(violations: axe.Result[]): string[] {
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ` +
      violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', '),
  )
}

/**
 * Runs axe-core on `context` in the real browser and returns one line per violation (empty when clean), so a failing
 * assertion shows what is wrong: `expect(await axeViolations(table)).toEqual([])`.
 */
export async function axeViolations(context: Element = document.body): Promise<string[]> {
  const results = await axe.run(context, { resultTypes: ['violations'] })
  return describe(results.violations)
}
