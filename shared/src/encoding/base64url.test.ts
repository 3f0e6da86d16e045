import { describe, expect, it } from 'vitest'
import { base64urlDecode, base64urlEncode } from './base64url'

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

describe('base64urlEncode', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes the RFC 4648 vector "%s" without padding', (text, encoded) => {
    expect(base64urlEncode(ascii(text))).toBe(encoded)
  })

  it('uses - and _ in place of + and /', () => {
    expect(base64urlEncode(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('-_-_')
  })
})

describe('base64urlDecode', () => {
  it('decodes every byte value back', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(base64urlDecode(base64urlEncode(bytes))).toEqual(bytes)
  })

  it('decodes - and _', () => {
    expect(base64urlDecode('-_-_')).toEqual(Uint8Array.from([0xfb, 0xff, 0xbf]))
  })

  it.each([
    ['padding', 'Zg=='],
    ['standard base64 characters', '+/+/'],
    ['a length of 4n + 1', 'Zm9vY'],
    ['non-zero unused bits', 'Zh'],
    ['a space', 'Zm9 v'],
  ])('rejects %s', (_label, text) => {
    expect(base64urlDecode(text)).toBeNull()
  })
})
