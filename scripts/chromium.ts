/**
 * How every browser check here launches Chromium: Debian's build (no browser downloads), or the binary
 * `CHROMIUM_PATH` names, with the flags a sandboxed CI container needs.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
}
