import { describe, expect, it } from 'vitest'
import { utf8Decode, utf8Encode } from './utf8'

describe('utf8Encode', () => {
  it.each([
    ['ASCII', 'A', [0x41]],
    ['a two-byte character', 'é', [0xc3, 0xa9]],
    ['a Han character', '张', [0xe5, 0xbc, 0xa0]],
    ['a character outside the BMP', '😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['a lone surrogate', '\ud800', [0xef, 0xbf, 0xbd]],
  ])('encodes %s', (_label, text, bytes) => {
    expect([...utf8Encode(text)]).toEqual(bytes)
  })

  it('matches TextEncoder on mixed text', () => {
    const text = '健康码 Health code ✓ 😀'
    expect(utf8Encode(text)).toEqual(new TextEncoder().encode(text))
  })
})

describe('utf8Decode', () => {
  it('decodes what utf8Encode produced', () => {
    const text = '{"name":"买买提·艾力","emoji":"😀"}'
    expect(utf8Decode(utf8Encode(text))).toBe(text)
  })

  it.each([
    ['an overlong slash', [0xc0, 0xaf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated sequence', [0xe5, 0xbc]],
    ['a stray continuation byte', [0x80]],
    ['a byte 0xFF', [0xff]],
  ])('rejects %s', (_label, bytes) => {
    expect(utf8Decode(Uint8Array.from(bytes))).toBeNull()
  })
})
