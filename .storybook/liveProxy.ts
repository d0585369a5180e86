import type { ProxyOptions } from 'vite'

/** Which real APIs live mode can reach: booleans only, safe to put in the browser bundle. */
export interface LiveApis {
  close: boolean
  pipedrive: boolean
}

/** Reads the credentials from the environment of the Storybook dev server (never from the browser). */
export function liveApis(env: NodeJS.ProcessEnv = process.env): LiveApis {
  return {
    close: Boolean(env.CLOSE_API_KEY),
    pipedrive: Boolean(env.PIPEDRIVE_API_TOKEN && env.PIPEDRIVE_COMPANY_DOMAIN),
  }
}

/**
 * The dev server's proxy for live mode: `/live/close/*` goes to `https://api.close.com/*` with HTTP Basic auth from
 * `CLOSE_API_KEY`, and `/live/pipedrive/*` to `https://<PIPEDRIVE_COMPANY_DOMAIN>.pipedrive.com/*` with the
 * `x-api-token` header from `PIPEDRIVE_API_TOKEN`. The credential is added here, on the server: the browser never
 * sees it, and it is in no URL, query key or bundle.
 */
export function liveProxy(env: NodeJS.ProcessEnv = process.env): Record<string, ProxyOptions> {
  const proxy: Record<string, ProxyOptions> = {}
  const closeKey = env.CLOSE_API_KEY
  if (closeKey) {
    proxy['/live/close'] = {
      target: 'https://api.close.com',
      changeOrigin: true,
      rewrite: (path) => path.replace(/^\/live\/close/, ''),
      headers: { Authorization: `Basic ${Buffer.from(`${closeKey}:`).toString('base64')}` },
    }
  }
  const pipedriveToken = env.PIPEDRIVE_API_TOKEN
  const pipedriveDomain = env.PIPEDRIVE_COMPANY_DOMAIN
  if (pipedriveToken && pipedriveDomain) {
    if (!/^[a-z0-9-]+$/i.test(pipedriveDomain)) {
      throw new Error('PIPEDRIVE_COMPANY_DOMAIN must be the company subdomain only, such as "acme".')
    }
    proxy['/live/pipedrive'] = {
      target: `https://${pipedriveDomain}.pipedrive.com`,
      changeOrigin: true,
      rewrite: (path) => path.replace(/^\/live\/pipedrive/, ''),
      headers: { 'x-api-token': pipedriveToken },
    }
  }
  return proxy
}
