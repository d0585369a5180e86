import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import type { Plugin } from 'vite'
import dts from 'vite-plugin-dts'
import { inlineCss } from './scripts/inlineCss.ts'

const root = fileURLToPath(new URL('.', import.meta.url))
const entries = {
  index: 'src/index.ts',
  mock: 'src/mock/index.ts',
  testing: 'src/testing/index.ts',
  // The proxy: no React, no 'use client' (the banner below is for the index entry only).
  server: 'src/server/index.ts',
}
/** Peers and optional peers stay external: the app brings its own copy. */
const external = /^(react|react-dom|@tanstack\/[^/]+|msw|fast-check)(\/.*)?$/

/** Ships `src/styles.css` with its imports inlined as `dist/styles.css` (the `pagewise/styles.css` export). */
function stylesheet(): Plugin {
  return {
    name: 'pagewise:stylesheet',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: inlineCss(`${root}src/styles.css`) })
    },
  }
}

// Library build. Storybook uses .storybook/vite.config.ts; tests use vitest.config.ts.
export default defineConfig({
  // public/ holds Storybook's MSW worker, not part of the package.
  publicDir: false,
  plugins: [
    react(),
    stylesheet(),
    dts({
      tsconfigPath: './tsconfig.build.json',
      entryRoot: 'src',
      bundleTypes: true,
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: (id) => external.test(id),
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // One chunk per layer: core (no React), hooks, components. An app's bundler drops a chunk it does not use
        // together with its import lines (React's memo, @tanstack/react-query, …), which one shared chunk would keep.
        codeSplitting: {
          groups: [
            // paginatedListOptions has no React in it: in core, `pagewise/server` can offer it to server components.
            {
              name: 'core',
              test: /[\\/]src[\\/]((core|adapters|http)[\\/]|hooks[\\/]paginatedListOptions\.ts$)/,
              priority: 3,
            },
            { name: 'hooks', test: /[\\/]src[\\/]hooks[\\/]/, priority: 2 },
            { name: 'components', test: /[\\/]src[\\/]components[\\/]/, priority: 1 },
          ],
        },
        // Hooks and components need React's client runtime; the banner keeps server-component apps working.
        banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : ''),
      },
    },
  },
})
