import type { StorybookConfig } from '@storybook/react-vite'
import { liveApis, liveProxy } from './liveProxy.ts'

const config: StorybookConfig = {
  framework: {
    name: '@storybook/react-vite',
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // Serves public/mockServiceWorker.js, the MSW worker behind the mock Close and Pipedrive APIs.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig, { configType }) => {
    const dev = configType === 'DEVELOPMENT'
    return {
      ...viteConfig,
      // Only whether live mode is available reaches the browser; the credentials stay in the dev server's proxy.
      define: {
        ...viteConfig.define,
        __PAGEWISE_LIVE__: JSON.stringify(dev ? liveApis() : { close: false, pipedrive: false }),
      },
      server: { ...viteConfig.server, proxy: { ...viteConfig.server?.proxy, ...(dev ? liveProxy() : {}) } },
    }
  },
}

export default config
