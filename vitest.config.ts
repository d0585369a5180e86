import { existsSync } from 'node:fs'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { chromiumLaunchOptions } from './scripts/chromium.ts'
import { SummaryReporter } from './test/summaryReporter.ts'

const { executablePath } = chromiumLaunchOptions
if (!existsSync(executablePath)) {
  // The browser project then fails to launch (never skipped); this says how to fix it.
  console.warn(
    `[vitest] The browser tests need Chromium at ${executablePath}: run \`apt-get install -y chromium\` ` +
      '(Debian, Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  )
}
const chromium = playwright({ launchOptions: chromiumLaunchOptions })

/**
 * Pre-bundled before the browser projects start: a dependency discovered mid-run is bundled again, with a second
 * copy of React.
 */
const reactDeps = [
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  '@tanstack/react-query',
  'msw',
]

export default defineConfig({
  test: {
    restoreMocks: true,
    unstubGlobals: true,
    reporters: ['default', new SummaryReporter()],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
          exclude: ['**/*.browser.test.{ts,tsx}', 'test/snippets.test.ts', '**/node_modules/**'],
          environment: 'node',
          // A budget, not a measure: beside two CPU hogs and the browser project, a type-aware ESLint run or a
          // property-based adapter check took over the default 5 s. Nothing here asserts on time.
          testTimeout: 30_000,
          hookTimeout: 30_000,
          setupFiles: ['test/setup.ts'],
          typecheck: {
            enabled: true,
            // TypeScript 7 (for the snippet check) also installs a `tsc` bin: name 5.9's, whose output Vitest reads.
            checker: 'node_modules/typescript/bin/tsc',
            include: ['src/**/*.test-d.{ts,tsx}', 'test/**/*.test-d.{ts,tsx}'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        // Real Chromium: scrolling, layout, focus and axe need a real browser.
        extends: true,
        plugins: [react()],
        optimizeDeps: { include: [...reactDeps, 'axe-core'] },
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}', 'test/**/*.browser.test.{ts,tsx}'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium', viewport: { width: 1024, height: 768 } }],
            screenshotFailures: false,
          },
        },
      },
      {
        // The README's and docs pages' snippets, compiled in a fresh Vite app against the packed package. Alone and
        // last: it builds the library and runs two compilers, which would starve the other projects on 2 cores.
        extends: true,
        test: {
          name: 'snippets',
          include: ['test/snippets.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 2 },
        },
      },
      {
        // Every story in stories/ as a test in real Chromium: its play function, then addon-a11y's axe check
        // (parameters.a11y.test = 'error' in .storybook/preview.tsx). Since Storybook 10.3 the plugin applies the
        // preview's and the addons' annotations itself, so there is no setup file calling setProjectAnnotations.
        // The plugin also serves Storybook's staticDirs (public/, with the MSW worker) from this project's server.
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        // As in the browser project, plus what the stories and preview import: a dependency found mid-run is
        // re-bundled and the story importing it fails ("Failed to fetch dynamically imported module").
        optimizeDeps: {
          include: [
            ...reactDeps,
            'msw/browser',
            'msw-storybook-addon/csf3',
            'storybook/test',
            'storybook/internal/preview/runtime',
            '@storybook/react-vite',
            '@tanstack/react-query-devtools',
          ],
        },
        test: {
          name: 'storybook',
          testTimeout: 60_000,
          // After unit and browser (group 0): on a 2-core machine a third project at the same time starves the
          // timed unit tests (a 1 s traversal test passed 5 s).
          sequence: { groupOrder: 1 },
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium', viewport: { width: 1100, height: 800 } }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
})
