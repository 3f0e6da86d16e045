import { publicKeyOf, type VerificationKey } from '@healthcode/shared'
import type { SigningKey } from './secrets'

// The stage's Ed25519 keys: the first configured key signs, and all of them
// verify, so a new key can be put first while tokens signed with the old
// one remain valid until they expire.
export type TokenKeys = {
  signing: SigningKey
  verification: VerificationKey[]
}

export function tokenKeysOf(signingKeys: readonly SigningKey[]): TokenKeys {
  const signing = signingKeys[0]
  if (signing === undefined) {
    throw new Error('At least one signing key is required')
  }
  return {
    signing,
    verification: signingKeys.map((key) => ({
      kid: key.kid,
      x: publicKeyOf(key.privateKey),
    })),
  }
}
