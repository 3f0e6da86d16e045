import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

// Creates the local stage's secrets once and keeps them in .local/, so codes
// signed before a restart still verify after it. Deployed stages read theirs
// from SSM Parameter Store instead.
function newSecrets() {
  const { privateKey } = generateKeyPairSync('ed25519')
  const jwk = privateKey.export({ format: 'jwk' })
  return {
    signingKeys: [{ kid: 'local-1', privateKey: jwk.d }],
    piiHashKey: randomBytes(32).toString('base64url'),
    piiEncryptionKey: randomBytes(32).toString('base64url'),
    venueCodeKey: randomBytes(32).toString('base64url'),
  }
}

async function save(path, secrets) {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, JSON.stringify(secrets, null, 2), { mode: 0o600 })
}

export async function loadOrCreateSecrets(path) {
  const existing = await readFile(path, 'utf8').catch(() => null)
  if (existing === null) {
    const secrets = newSecrets()
    await save(path, secrets)
    return secrets
  }
  const secrets = JSON.parse(existing)
  // Secrets written before venue codes existed lack their key. Adding one
  // keeps the other keys, so earlier codes and sessions stay valid.
  if (secrets.venueCodeKey === undefined) {
    secrets.venueCodeKey = randomBytes(32).toString('base64url')
    await save(path, secrets)
  }
  return secrets
}

export { newSecrets }
