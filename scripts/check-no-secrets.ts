/**
 * Fails when a credential from the environment appears in built output: the static Storybook and the library build.
 * CI builds Storybook with canary values in CLOSE_API_KEY, PIPEDRIVE_API_TOKEN and PIPEDRIVE_COMPANY_DOMAIN, then
 * runs this; live mode must keep credentials in the dev server's proxy, never in the browser bundle.
 *
 *   CLOSE_API_KEY=… PIPEDRIVE_API_TOKEN=… npm run build-storybook && npm run check:secrets [-- dir …]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const names = ['CLOSE_API_KEY', 'PIPEDRIVE_API_TOKEN'] as const
const secrets = names.flatMap((name) => {
  const value = process.env[name]
  if (!value) return []
  // The value itself, and the forms the proxy sends it in (HTTP Basic).
  return [
    { name, text: value },
    { name: `${name} (Basic)`, text: Buffer.from(`${value}:`).toString('base64') },
  ]
})
if (secrets.length === 0) {
  console.error(
    'check-no-secrets: set CLOSE_API_KEY and/or PIPEDRIVE_API_TOKEN (canary values) before the build.',
  )
  process.exit(1)
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) yield* files(path)
    else yield path
  }
}

const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['storybook-static', 'dist']
let checked = 0
const leaks: string[] = []
for (const dir of dirs) {
  for (const file of files(dir)) {
    const content = readFileSync(file, 'latin1')
    checked++
    for (const secret of secrets) if (content.includes(secret.text)) leaks.push(`${file}: ${secret.name}`)
  }
}
if (leaks.length > 0) {
  console.error(`check-no-secrets: credentials found in built output:\n${leaks.join('\n')}`)
  process.exit(1)
}
console.log(
  `check-no-secrets: ${checked} files in ${dirs.join(', ')}, no credential from the environment in any`,
)
