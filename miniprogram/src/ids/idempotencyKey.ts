export type RandomBytes = (length: number) => Uint8Array

// WeChat's JavaScript engine has no Web Crypto API. The key only has to be
// unique among the requests of one account, not secret, so Math.random
// serves where crypto.getRandomValues is missing.
export const platformRandomBytes: RandomBytes = (length) => {
  const bytes = new Uint8Array(length)
  const crypto = (globalThis as { crypto?: Crypto }).crypto
  if (crypto?.getRandomValues !== undefined) {
    return crypto.getRandomValues(bytes)
  }
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return bytes
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0')

// Creates an Idempotency-Key in the layout of a version 4 UUID. The API
// accepts 16 to 64 letters, digits, `-` and `_`, and a UUID has 36.
export function newIdempotencyKey(
  randomBytes: RandomBytes = platformRandomBytes,
): string {
  const bytes = randomBytes(16)
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const text = Array.from(bytes, hex).join('')
  return [
    text.slice(0, 8),
    text.slice(8, 12),
    text.slice(12, 16),
    text.slice(16, 20),
    text.slice(20),
  ].join('-')
}
