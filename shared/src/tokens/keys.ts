import { ed25519 } from '@noble/curves/ed25519'
import { base64urlDecode, base64urlEncode } from '../encoding/base64url'

export type KeyPair = {
  kid: string
  // Base64url of the 32-byte Ed25519 seed.
  privateKey: string
  // Base64url of the 32-byte Ed25519 public key.
  publicKey: string
}

const KEY_BYTES = 32

// Generates a signing key pair from the platform's crypto.getRandomValues.
export function generateKeyPair(kid: string): KeyPair {
  const seed = ed25519.utils.randomSecretKey()
  return {
    kid,
    privateKey: base64urlEncode(seed),
    publicKey: base64urlEncode(ed25519.getPublicKey(seed)),
  }
}

export function publicKeyOf(privateKey: string): string {
  return base64urlEncode(ed25519.getPublicKey(decodeKey(privateKey, 'private')))
}

// Decodes a configured key. A key of the wrong size is a configuration
// defect, so it throws without echoing the key.
export function decodeKey(
  key: string,
  which: 'private' | 'public',
): Uint8Array {
  const bytes = base64urlDecode(key)
  if (bytes === null || bytes.length !== KEY_BYTES) {
    throw new Error(
      `Invalid Ed25519 ${which} key: expected ${KEY_BYTES} bytes ` +
        'in unpadded base64url',
    )
  }
  return bytes
}
