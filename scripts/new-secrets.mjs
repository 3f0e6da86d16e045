// Prints a new set of stage secrets as JSON, for storing in SSM Parameter
// Store before a city's first deploy. See docs/deploy.md.
import { newSecrets } from './lib/secrets.mjs'

const kid = process.argv[2]
if (!kid || !/^[A-Za-z0-9._-]{1,64}$/.test(kid)) {
  console.error('Usage: node scripts/new-secrets.mjs <key-id>')
  console.error('  key-id: names the signing key, e.g. hangzhou-2026-12')
  process.exit(2)
}
const secrets = newSecrets()
secrets.signingKeys[0].kid = kid
console.log(JSON.stringify(secrets, null, 2))
