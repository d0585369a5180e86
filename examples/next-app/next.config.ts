import type { NextConfig } from 'next'

const config: NextConfig = {
  // Close's paths end in a slash (`/lead/`): without this, Next.js answers them with a 308 to `/lead`, which the proxy
  // would then forward to a path Close does not serve.
  skipTrailingSlashRedirect: true,
  // This app sits inside the pagewise repository, which has its own lockfile: pin the root to the app.
  turbopack: { root: process.cwd() },
  outputFileTracingRoot: process.cwd(),
  // `next dev` would otherwise write an AGENTS.md into the example.
  agentRules: false,
  experimental: { agentUpgrade: false },
}

export default config
