import type { Color } from '../api/schemas'
import { base64urlDecode } from '../encoding/base64url'
import { utf8Decode } from '../encoding/utf8'
import type { CodeClaims } from '../tokens/claims'
import { verifyCodeToken, type VerificationKey } from '../tokens/jws'

// The verdict on a scanned code, computed the same way by the guard's
// device (offline, with its own clock) and by the server (with server
// time). Only ALLOW admits. The server adds ALREADY_USED, FEVER and
// NOT_REGISTERED after this check.

export type TokenPolicy = {
  // Colors denied entry, yellow and red in both cities.
  denyColors: readonly Color[]
  // Largest tolerated difference between the checking clock and the
  // issuer's clock, in seconds.
  clockSkewSeconds: number
}

export type CheckTokenOptions = {
  // The city's public keys, as GET /v1/keys returns them.
  keys: readonly VerificationKey[]
  // Id of the checking city.
  city: string
  // The venue the guard checks for.
  venueId: string
  // The checking clock: device time on a device, server time on the server.
  now: Date
  // The checking clock minus server time, when known (a device learns it
  // from the server's `checkedAt`). Corrects `now` within the tolerance.
  deviceClockOffsetSeconds?: number
  policy: TokenPolicy
}

export type TokenCheck =
  | {
      code: 'ALLOW'
      color: Color
      claims: CodeClaims
      // A pass names its venue, and a personal code names none.
      kind: TokenKind
    }
  | { code: 'DENY_COLOR'; color: Color; claims: CodeClaims; kind: TokenKind }
  | { code: 'EXPIRED' }
  | { code: 'WRONG_VENUE' }
  | { code: 'INVALID_SIGNATURE' }
  | { code: 'WRONG_CITY'; issuer: string }
  | { code: 'CLOCK_WRONG'; cause: 'device_clock' | 'issued_in_future' }

export type TokenKind = 'pass' | 'personal'

/**
 * Checks a scanned code or pass, in this order: signature (anything
 * forged, altered, unsigned or unknown is INVALID_SIGNATURE, except a
 * well-formed code of another city, WRONG_CITY), then the clock, expiry,
 * venue and color. A clock too far off is CLOCK_WRONG rather than EXPIRED,
 * so the guard fixes the device instead of turning people away.
 */
export function checkToken(
  token: string,
  options: CheckTokenOptions,
): TokenCheck {
  const issuer = unverifiedIssuer(token)
  if (issuer !== null && issuer !== options.city) {
    return { code: 'WRONG_CITY', issuer }
  }
  const verified = verifyCodeToken(token, {
    keys: [...options.keys],
    issuer: options.city,
    now: options.now,
    // Time is checked below, where a clock problem is distinguished from
    // an expired token.
    leewaySeconds: Number.POSITIVE_INFINITY,
  })
  switch (verified.kind) {
    case 'ok':
      return checkClaims(verified.claims, options)
    case 'wrong_issuer':
    case 'malformed':
    case 'unsupported_alg':
    case 'unknown_key':
    case 'bad_signature':
    case 'wrong_type':
    case 'expired':
    case 'not_yet_valid':
      return { code: 'INVALID_SIGNATURE' }
  }
}

function checkClaims(
  claims: CodeClaims,
  options: CheckTokenOptions,
): TokenCheck {
  const { policy } = options
  const offset = options.deviceClockOffsetSeconds ?? 0
  if (!Number.isFinite(offset) || Math.abs(offset) > policy.clockSkewSeconds) {
    return { code: 'CLOCK_WRONG', cause: 'device_clock' }
  }
  const serverNow = options.now.getTime() / 1000 - offset
  if (claims.iat > serverNow + policy.clockSkewSeconds) {
    return { code: 'CLOCK_WRONG', cause: 'issued_in_future' }
  }
  if (serverNow >= claims.exp) return { code: 'EXPIRED' }
  if (claims.ven !== undefined && claims.ven !== options.venueId) {
    return { code: 'WRONG_VENUE' }
  }
  const kind: TokenKind = claims.ven === undefined ? 'personal' : 'pass'
  if (policy.denyColors.includes(claims.col)) {
    return { code: 'DENY_COLOR', color: claims.col, claims, kind }
  }
  return { code: 'ALLOW', color: claims.col, claims, kind }
}

/**
 * Returns the issuer of something shaped like a code token (three
 * segments, a JSON header of type hc-code, JSON claims with a string
 * `iss`), without checking the signature, or null. It only chooses
 * between two denials, so nothing unverified can admit anyone.
 */
function unverifiedIssuer(token: string): string | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const header = decodeObject(parts[0] ?? '')
  const claims = decodeObject(parts[1] ?? '')
  if (header === null || claims === null) return null
  if (header.typ !== 'hc-code') return null
  return typeof claims.iss === 'string' && claims.iss !== ''
    ? claims.iss
    : null
}

// Segments of our tokens are a few hundred bytes, so larger input is not
// decoded.
const MAX_SEGMENT_LENGTH = 2048

function decodeObject(segment: string): Record<string, unknown> | null {
  if (segment.length > MAX_SEGMENT_LENGTH) return null
  const bytes = base64urlDecode(segment)
  const text = bytes === null ? null : utf8Decode(bytes)
  if (text === null) return null
  try {
    const value: unknown = JSON.parse(text)
    const isObject =
      typeof value === 'object' && value !== null && !Array.isArray(value)
    return isObject ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
