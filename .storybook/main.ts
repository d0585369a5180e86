import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  framework: {
    name: '@storybook/react-vite',
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  // Serves public/mockServiceWorker.js, the MSW worker behind the mock Close and Pipedrive APIs.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
}

export default config
