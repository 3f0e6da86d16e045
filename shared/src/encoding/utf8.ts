// UTF-8 without TextEncoder/TextDecoder, which some mini-program runtimes
// lack.

const REPLACEMENT_CHARACTER = 0xfffd

// Encodes a string as UTF-8. A lone surrogate becomes U+FFFD, as
// TextEncoder does.
export function utf8Encode(text: string): Uint8Array {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i)
    if (codePoint >= 0xd800 && codePoint <= 0xdbff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00)
        i++
      } else {
        codePoint = REPLACEMENT_CHARACTER
      }
    } else if (codePoint >= 0xdc00 && codePoint <= 0xdfff) {
      codePoint = REPLACEMENT_CHARACTER
    }
    pushCodePoint(bytes, codePoint)
  }
  return Uint8Array.from(bytes)
}

function pushCodePoint(bytes: number[], codePoint: number): void {
  if (codePoint < 0x80) {
    bytes.push(codePoint)
  } else if (codePoint < 0x800) {
    bytes.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f))
  } else if (codePoint < 0x10000) {
    bytes.push(
      0xe0 | (codePoint >> 12),
      0x80 | ((codePoint >> 6) & 0x3f),
      0x80 | (codePoint & 0x3f),
    )
  } else {
    bytes.push(
      0xf0 | (codePoint >> 18),
      0x80 | ((codePoint >> 12) & 0x3f),
      0x80 | ((codePoint >> 6) & 0x3f),
      0x80 | (codePoint & 0x3f),
    )
  }
}

// Decodes strict UTF-8, returning null for any invalid sequence: overlong
// forms, surrogates, code points above U+10FFFF and truncated sequences.
// Tokens are parsed from this, so lenient decoding would let two byte
// strings stand for one text.
export function utf8Decode(bytes: Uint8Array): string | null {
  let text = ''
  let i = 0
  while (i < bytes.length) {
    const decoded = decodeCodePoint(bytes, i)
    if (decoded === null) return null
    text += String.fromCodePoint(decoded.codePoint)
    i += decoded.length
  }
  return text
}

type Decoded = { codePoint: number; length: number }

// Smallest code point of each sequence length, to reject overlong forms.
const MINIMUM_CODE_POINT = [0, 0, 0x80, 0x800, 0x10000]

function decodeCodePoint(bytes: Uint8Array, start: number): Decoded | null {
  const first = bytes[start] ?? 0
  const length = sequenceLength(first)
  if (length === 0 || start + length > bytes.length) return null
  let codePoint = length === 1 ? first : first & (0xff >> (length + 1))
  for (let k = 1; k < length; k++) {
    const next = bytes[start + k] ?? 0
    if ((next & 0xc0) !== 0x80) return null
    codePoint = (codePoint << 6) | (next & 0x3f)
  }
  const tooSmall = codePoint < (MINIMUM_CODE_POINT[length] ?? 0)
  const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff
  if (tooSmall || surrogate || codePoint > 0x10ffff) return null
  return { codePoint, length }
}

function sequenceLength(first: number): number {
  if (first < 0x80) return 1
  if (first >= 0xc2 && first <= 0xdf) return 2
  if (first >= 0xe0 && first <= 0xef) return 3
  if (first >= 0xf0 && first <= 0xf4) return 4
  return 0
}
