import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Storybook's own Vite config: the app build, without the library build's declaration bundling.
export default defineConfig({
  plugins: [react()],
  // Relative asset URLs, so the static build works when served from any folder.
  base: './',
})
