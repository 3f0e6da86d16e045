import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
} from 'node:crypto'

// Personal data at rest: a keyed hash for lookups and uniqueness, and
// AES-256-GCM ciphertext for the rare read of the clear value. Without the
// keys, a copy of the tables reveals only masked values.

const IV_BYTES = 12
const TAG_BYTES = 16
const CIPHERTEXT_VERSION = 'v1'

// Labels that keep the hashes of different kinds of value apart, so equal
// strings of different kinds never share a hash.
export type HashPurpose = 'phone' | 'identity' | 'name' | 'document' | 'otp'

export type PiiProtector = {
  hash(purpose: HashPurpose, value: string): string
  // `context` binds the ciphertext to its place (field and owner), so a
  // ciphertext copied to another resident fails to decrypt.
  encrypt(value: string, context: string): string
  decrypt(ciphertext: string, context: string): string
}

export function createPiiProtector(keys: {
  piiHashKey: Uint8Array
  piiEncryptionKey: Uint8Array
}): PiiProtector {
  return {
    hash: (purpose, value) =>
      createHmac('sha256', keys.piiHashKey)
        .update(`${purpose}\u0000${value}`, 'utf8')
        .digest('base64url'),
    encrypt: (value, context) =>
      encrypt(keys.piiEncryptionKey, value, context),
    decrypt: (ciphertext, context) =>
      decrypt(keys.piiEncryptionKey, ciphertext, context),
  }
}

function encrypt(key: Uint8Array, value: string, context: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(context, 'utf8'))
  const body = Buffer.concat([
    cipher.update(value, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ])
  return [
    CIPHERTEXT_VERSION,
    iv.toString('base64url'),
    body.toString('base64url'),
  ].join('.')
}

// Throws on a malformed or tampered ciphertext: stored data that does not
// decrypt is a defect, not an expected outcome.
function decrypt(key: Uint8Array, ciphertext: string, context: string): string {
  const [version, ivText, bodyText] = ciphertext.split('.')
  if (
    version !== CIPHERTEXT_VERSION ||
    ivText === undefined ||
    bodyText === undefined
  ) {
    throw new Error(`Unsupported ciphertext format for context ${context}`)
  }
  const body = Buffer.from(bodyText, 'base64url')
  const decipher = createDecipheriv(
    'aes-256-gcm',
    key,
    Buffer.from(ivText, 'base64url'),
  )
  decipher.setAAD(Buffer.from(context, 'utf8'))
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
  return Buffer.concat([
    decipher.update(body.subarray(0, body.length - TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8')
}
