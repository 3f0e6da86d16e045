// The text of a venue's QR code: an ASCII URL on the stage's public base
// URL, `${base}/c/${city}/${venueId}.${version}.${signature}`. The
// signature is an HMAC-SHA256 with the stage's venue-code key, truncated
// to 16 bytes, as unpadded base64url, so only the server can check it.
// Phones open the URL with a camera app too, which leads to the H5 page.

export type VenueCode = {
  city: string
  venueId: string
  version: number
  signature: string
}

export type VenueCodeParseResult =
  | ({ kind: 'ok' } & VenueCode)
  | { kind: 'not_venue_code' }

// Longer text is not a venue code of ours, and refusing it early bounds
// the work.
export const MAX_VENUE_CODE_LENGTH = 512

export const VENUE_CODE_SIGNATURE_BYTES = 16

const CITY = '[a-z][a-z0-9-]{0,31}'
const VENUE_ID = '[A-Za-z0-9_-]{16,64}'
// Versions start at 1 and stay below 10^9.
const VERSION = '[1-9][0-9]{0,8}'
// 16 bytes as unpadded base64url: 22 characters, the last of which carries
// 2 bits and so is one of A, Q, g, w.
const SIGNATURE = '[A-Za-z0-9_-]{21}[AQgw]'
const CODE_PATH = `/c/(${CITY})/(${VENUE_ID})\\.(${VERSION})\\.(${SIGNATURE})`
// Any http(s) origin with an optional path, for callers without a base.
const ANY_BASE =
  '(?:https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~-]+)*)'

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function patternFor(baseUrl: string | undefined): RegExp {
  const base =
    baseUrl === undefined ? ANY_BASE : escapeRegExp(withoutSlash(baseUrl))
  return new RegExp(`^${base}${CODE_PATH}$`)
}

function withoutSlash(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '')
}

/**
 * Reads the parts of a venue code and checks its shape only, because only
 * the server can check the signature. With `baseUrl`, the text must start
 * with it. Without, any http(s) origin is accepted, so a client can tell
 * venue codes from other QR codes.
 */
export function parseVenueCode(
  text: string,
  baseUrl?: string,
): VenueCodeParseResult {
  if (text.length > MAX_VENUE_CODE_LENGTH) return { kind: 'not_venue_code' }
  if (!PRINTABLE_ASCII.test(text)) return { kind: 'not_venue_code' }
  const match = patternFor(baseUrl).exec(text)
  if (match === null) return { kind: 'not_venue_code' }
  const [, city = '', venueId = '', version = '', signature = ''] = match
  return {
    kind: 'ok',
    city,
    venueId,
    version: Number(version),
    signature,
  }
}

/** Builds the QR text of a venue code. */
export function venueCodeText(baseUrl: string, code: VenueCode): string {
  const { city, venueId, version, signature } = code
  return `${withoutSlash(baseUrl)}/c/${city}/${venueId}.${version}.${signature}`
}

/**
 * Returns the message the signature is computed over. Newlines separate
 * the parts, which none of them can contain, so two different codes
 * never share a message.
 */
export function venueCodeSigningInput(
  city: string,
  venueId: string,
  version: number,
): string {
  return `hc-venue-code\n${city}\n${venueId}\n${version}`
}
