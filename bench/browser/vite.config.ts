import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { IMPLEMENTATIONS } from './contract.ts'
import { HEAP_IMPLEMENTATIONS } from './heapContract.ts'

const pages = fileURLToPath(new URL('./pages/', import.meta.url))

/**
 * Production build of the scroll benchmark's pages: one HTML page per implementation (`pagewise.html`,
 * `virtuoso.html`, … as `IMPLEMENTATIONS` lists them), and the heap benchmark's (`heap-pagewise.html`,
 * `heap-virtuoso.html`, as `HEAP_IMPLEMENTATIONS` lists them). pagewise, its mock and the in-page fetch are imported
 * from the sources by relative paths, so no `npm run build` is needed. `run.ts` and `heap.ts` build with this config
 * into a temporary directory (`build.outDir` is set there).
 */
export default defineConfig({
  root: pages,
  base: './',
  mode: 'production',
  publicDir: false,
  logLevel: 'warn',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    reportCompressedSize: false,
    // The mock API (data generators, MSW) makes the pages large; their size is not what is measured.
    chunkSizeWarningLimit: 2_000,
    rolldownOptions: {
      input: Object.fromEntries([
        ...IMPLEMENTATIONS.map((name) => [name, `${pages}${name}.html`]),
        ...HEAP_IMPLEMENTATIONS.map((name) => [`heap-${name}`, `${pages}heap-${name}.html`]),
      ]),
    },
  },
})
