import { describe, expect, it } from 'vitest'
import { base64urlDecode, base64urlEncode } from '../encoding/base64url'
import { generateKeyPair, publicKeyOf } from './keys'

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.match(/../g) ?? [], (byte) => parseInt(byte, 16))
}

describe('generateKeyPair', () => {
  it('returns the kid with a 32-byte seed and public key', () => {
    const pair = generateKeyPair('2026-02')
    expect(pair.kid).toBe('2026-02')
    expect(base64urlDecode(pair.privateKey)).toHaveLength(32)
    expect(base64urlDecode(pair.publicKey)).toHaveLength(32)
  })

  it('returns a different seed each time', () => {
    expect(generateKeyPair('a').privateKey).not.toBe(
      generateKeyPair('a').privateKey,
    )
  })

  it('returns the public key of its own seed', () => {
    const pair = generateKeyPair('k')
    expect(publicKeyOf(pair.privateKey)).toBe(pair.publicKey)
  })
})

describe('publicKeyOf', () => {
  it('derives the public key of RFC 8032 test 1', () => {
    const seed = hex(
      '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    )
    const expected = hex(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    )
    expect(publicKeyOf(base64urlEncode(seed))).toBe(base64urlEncode(expected))
  })

  it('throws for a key that is not 32 bytes', () => {
    expect(() => publicKeyOf('AAAA')).toThrow(
      'Invalid Ed25519 private key: expected 32 bytes in unpadded base64url',
    )
  })
})
