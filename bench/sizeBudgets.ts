/**
 * pagewise's size goals and budgets, in bytes of min+gzip: esbuild `bundle` + `minify`, ESM, `process.env.NODE_ENV`
 * = `"production"`, peers external, gzip level 9 (see size.ts). Keys are entry names of size.ts.
 */

/**
 * The goals of issue 7, reported as met or missed in BENCHMARKS.md. They are not met yet (see BENCHMARKS.md for the
 * figures); CI enforces `SIZE_BUDGETS` instead, so that the size can only go down from here.
 */
export const SIZE_TARGETS: Readonly<Record<string, number>> = {
  /** The hooks, `paginatedListOptions` and every adapter factory: what a headless app imports. */
  'hooks + adapters': 4_000,
  /** `export * from 'pagewise'` plus `pagewise/styles.css` (measured separately, summed). */
  'full (JS + CSS)': 10_000,
}

/**
 * Enforced by `npm run size` in CI: `npx tsx bench/size.ts` exits 1 naming every entry over its budget. Each is the
 * size measured when it was set plus about 3%, a ratchet: lower it when the size drops.
 */
export const SIZE_BUDGETS: Readonly<Record<string, number>> = {
  /** 9,787 B measured with 10 adapters (2026-11-24). */
  'hooks + adapters': 10_100,
  /** 23,426 B measured (2026-11-24). */
  'full (JS + CSS)': 24_200,
  /** What a typical infinite list pays: 5,329 B measured (2026-11-24). */
  'usePaginatedList + closeOffset': 5_500,
  /** What a typical pager pays: 4,964 B measured (2026-11-24). */
  'usePagedList + pipedriveCursor': 5_150,
  /** Tree-shaking works: importing one small function must not pull in the components (343 B measured). */
  'defaultItemId alone': 1_000,
}
