import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  parseVenueCode,
  VENUE_CODE_SIGNATURE_BYTES,
  venueCodeSigningInput,
  venueCodeText,
} from '@healthcode/shared'
import type { Runtime } from '../config/runtime'
import type { StoredVenue } from './repository'

// Venue codes of one stage: signed with the stage's venue-code key on the
// stage's public base URL, so a code of another stage or city fails.
export type VenueCodeConfig = {
  city: string
  baseUrl: string
  key: Uint8Array
}

export function venueCodeConfigOf(runtime: Runtime): VenueCodeConfig {
  return {
    city: runtime.rules.id,
    baseUrl: runtime.config.publicBaseUrl,
    key: runtime.venueCodeKey,
  }
}

export function signatureOf(
  config: VenueCodeConfig,
  venueId: string,
  version: number,
): string {
  const mac = createHmac('sha256', config.key)
    .update(venueCodeSigningInput(config.city, venueId, version), 'utf8')
    .digest()
  return mac.subarray(0, VENUE_CODE_SIGNATURE_BYTES).toString('base64url')
}

/** Returns the QR text of a venue's current code. */
export function codeTextOf(
  config: VenueCodeConfig,
  venue: StoredVenue,
): string {
  return venueCodeText(config.baseUrl, {
    city: config.city,
    venueId: venue.venueId,
    version: venue.codeVersion,
    signature: signatureOf(config, venue.venueId, venue.codeVersion),
  })
}

export type SignedVenueCode =
  | { kind: 'ok'; venueId: string; version: number }
  | { kind: 'invalid' }

/**
 * Checks the shape, city and signature of a scanned code. The signature
 * is compared in constant time, so response times do not reveal how much
 * of a guessed signature is right.
 */
export function checkVenueCodeSignature(
  config: VenueCodeConfig,
  text: string,
): SignedVenueCode {
  const parsed = parseVenueCode(text, config.baseUrl)
  if (parsed.kind === 'not_venue_code') return { kind: 'invalid' }
  if (parsed.city !== config.city) return { kind: 'invalid' }
  const expected = Buffer.from(
    signatureOf(config, parsed.venueId, parsed.version),
    'utf8',
  )
  const actual = Buffer.from(parsed.signature, 'utf8')
  const matches =
    expected.length === actual.length && timingSafeEqual(expected, actual)
  if (!matches) return { kind: 'invalid' }
  return { kind: 'ok', venueId: parsed.venueId, version: parsed.version }
}

export type VenueCodeStatus = 'current' | 'in_grace' | 'rotated' | 'unknown'

/**
 * Tells whether a signed code version still admits check-ins at `now`:
 * the current version always, a replaced one until the city's grace
 * period after its replacement ends.
 */
export function codeVersionStatus(
  venue: StoredVenue,
  version: number,
  graceHours: number,
  now: Date,
): VenueCodeStatus {
  if (version === venue.codeVersion) return 'current'
  const replacedAt = venue.replacedCodeVersions[String(version)]
  if (version > venue.codeVersion || replacedAt === undefined) {
    // A signed version the venue never had, or one replaced so long ago
    // that its record was dropped.
    return version < venue.codeVersion ? 'rotated' : 'unknown'
  }
  const graceEnds = Date.parse(replacedAt) + graceHours * 3_600_000
  return now.getTime() < graceEnds ? 'in_grace' : 'rotated'
}
