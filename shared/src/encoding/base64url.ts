// Base64url (RFC 4648 section 5) without padding, written out because
// mini-program runtimes have neither Buffer nor a dependable atob/btoa.

const ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const VALUES: ReadonlyMap<string, number> = new Map(
  [...ALPHABET].map((character, index) => [character, index]),
)

export function base64urlEncode(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0
    const b1 = bytes[i + 1] ?? 0
    const b2 = bytes[i + 2] ?? 0
    const group = (b0 << 16) | (b1 << 8) | b2
    const characters = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6))
    for (let k = 0; k < characters; k++) {
      text += ALPHABET[(group >> (18 - 6 * k)) & 0x3f]
    }
  }
  return text
}

// Decodes unpadded base64url, returning null for padding, characters outside
// the alphabet, an impossible length or non-zero unused bits. Rejecting
// non-canonical text keeps one byte string to one encoding.
export function base64urlDecode(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8))
  let buffer = 0
  let bits = 0
  let out = 0
  for (const character of text) {
    const value = VALUES.get(character)
    if (value === undefined) return null
    buffer = ((buffer << 6) | value) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[out++] = (buffer >> bits) & 0xff
    }
  }
  const unusedBits = buffer & ((1 << bits) - 1)
  return unusedBits === 0 ? bytes : null
}
