import { existsSync } from 'node:fs'
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
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.{ts,tsx}', '**/node_modules/**'],
          environment: 'node',
          typecheck: {
            enabled: true,
            include: ['src/**/*.test-d.{ts,tsx}', 'test/**/*.test-d.{ts,tsx}'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        // Real Chromium: scrolling, layout, focus and axe need a real browser.
        extends: true,
        plugins: [react()],
        // Pre-bundled up front: a dependency discovered mid-run would be bundled again with a second copy of React.
        optimizeDeps: {
          include: [
            'react',
            'react/jsx-runtime',
            'react/jsx-dev-runtime',
            'react-dom',
            'react-dom/client',
            '@tanstack/react-query',
            '@tanstack/react-virtual',
            'msw',
            'axe-core',
          ],
        },
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
    ],
  },
})
