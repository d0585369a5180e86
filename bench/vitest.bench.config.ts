import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Benchmarks of pagewise's core, run with `npx vitest bench --run --config bench/vitest.bench.config.ts`; add
// `--outputJson bench/results/core.json` for the machine-readable results bench/report.ts reads. Vitest runs bench
// files one after another (no file parallelism in bench mode), so the two files do not disturb each other.
// Kept apart from vitest.config.ts so that benchmarks run without the type-check pass and test reporters.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    environment: 'node',
    benchmark: {
      include: ['bench/**/*.bench.ts'],
    },
  },
})
