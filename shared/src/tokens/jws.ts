import { ed25519 } from '@noble/curves/ed25519'
import { base64urlDecode, base64urlEncode } from '../encoding/base64url'
import { utf8Decode, utf8Encode } from '../encoding/utf8'
import {
  CodeClaims,
  SessionClaims,
  TokenHeader,
  type TokenType,
} from './claims'
import { decodeKey } from './keys'

// Compact JWS (RFC 7515) signed with Ed25519 (RFC 8037, alg EdDSA).

// A public key as published at /v1/keys. An `x` that is not 32 bytes of
// base64url is a configuration defect and makes verification throw.
export type VerificationKey = { kid: string; x: string }

export type VerifyOptions = {
  keys: VerificationKey[]
  typ: TokenType
  issuer: string
  now: Date
  // Clock difference tolerated on exp and iat; 0 when omitted.
  leewaySeconds?: number
}

export type VerifyResult<Claims = unknown> =
  | { kind: 'ok'; header: TokenHeader; claims: Claims }
  | { kind: 'malformed' }
  | { kind: 'unsupported_alg' }
  | { kind: 'unknown_key' }
  | { kind: 'bad_signature' }
  | { kind: 'wrong_type' }
  | { kind: 'wrong_issuer' }
  | { kind: 'expired' }
  | { kind: 'not_yet_valid' }

// Larger input is not a token of ours, and refusing it early bounds the work.
const MAX_TOKEN_LENGTH = 4096
const SEGMENT = /^[A-Za-z0-9_-]+$/
// Empty is allowed here so that an unsecured JWS (alg none, empty
// signature) reaches the alg check and is reported as such.
const SIGNATURE_SEGMENT = /^[A-Za-z0-9_-]*$/

function encodeJson(value: unknown): string {
  return base64urlEncode(utf8Encode(JSON.stringify(value)))
}

// Signs claims as a compact JWS with the alg header fixed to EdDSA.
export function signToken(
  header: { kid: string; typ: TokenType },
  claims: object,
  privateKey: string,
): string {
  const fullHeader = { alg: 'EdDSA', kid: header.kid, typ: header.typ }
  const signingInput = `${encodeJson(fullHeader)}.${encodeJson(claims)}`
  const signature = ed25519.sign(
    utf8Encode(signingInput),
    decodeKey(privateKey, 'private'),
  )
  return `${signingInput}.${base64urlEncode(signature)}`
}

// Returns the decoded JSON object of a segment, or null when it is not
// base64url of UTF-8 JSON text of an object.
function decodeObject(segment: string): Record<string, unknown> | null {
  const bytes = base64urlDecode(segment)
  const text = bytes === null ? null : utf8Decode(bytes)
  if (text === null) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  const isObject =
    typeof value === 'object' && value !== null && !Array.isArray(value)
  return isObject ? (value as Record<string, unknown>) : null
}

function splitToken(token: string): [string, string, string] | null {
  if (token.length > MAX_TOKEN_LENGTH) return null
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [header, payload, signature] = parts
  if (header === undefined || payload === undefined) return null
  if (signature === undefined) return null
  if (!SEGMENT.test(header) || !SEGMENT.test(payload)) return null
  if (!SIGNATURE_SEGMENT.test(signature)) return null
  return [header, payload, signature]
}

function signatureMatches(
  signingInput: string,
  signature: Uint8Array,
  key: VerificationKey,
): boolean {
  const publicKey = decodeKey(key.x, 'public')
  try {
    // zip215: false applies the strict RFC 8032 rules, so a signature
    // cannot be altered into another one that still verifies.
    return ed25519.verify(signature, utf8Encode(signingInput), publicKey, {
      zip215: false,
    })
  } catch {
    return false
  }
}

// Verifies a compact JWS. Checks run in the order shape, header, alg, key,
// signature, typ, issuer, time, so nothing from an unsigned part is trusted
// beyond choosing the key. Claims are returned unparsed.
export function verifyToken(
  token: string,
  options: VerifyOptions,
): VerifyResult {
  const parts = splitToken(token)
  if (parts === null) return { kind: 'malformed' }
  const [headerSegment, payloadSegment, signatureSegment] = parts
  const rawHeader = decodeObject(headerSegment)
  if (rawHeader === null) return { kind: 'malformed' }
  if (rawHeader.alg !== 'EdDSA') return { kind: 'unsupported_alg' }
  const header = TokenHeader.safeParse(rawHeader)
  if (!header.success) return { kind: 'malformed' }
  const kid = header.data.kid
  const key = options.keys.find((candidate) => candidate.kid === kid)
  if (key === undefined) return { kind: 'unknown_key' }
  const signature = base64urlDecode(signatureSegment)
  if (signature === null) return { kind: 'malformed' }
  const signingInput = `${headerSegment}.${payloadSegment}`
  if (!signatureMatches(signingInput, signature, key)) {
    return { kind: 'bad_signature' }
  }
  if (header.data.typ !== options.typ) return { kind: 'wrong_type' }
  const claims = decodeObject(payloadSegment)
  if (claims === null) return { kind: 'malformed' }
  if (claims.iss !== options.issuer) return { kind: 'wrong_issuer' }
  const timeProblem = checkTime(claims, options)
  if (timeProblem !== null) return timeProblem
  return { kind: 'ok', header: header.data, claims }
}

type TimeProblem =
  | { kind: 'malformed' }
  | { kind: 'expired' }
  | { kind: 'not_yet_valid' }

function checkTime(
  claims: Record<string, unknown>,
  options: VerifyOptions,
): TimeProblem | null {
  const { exp, iat } = claims
  if (typeof exp !== 'number' || typeof iat !== 'number') {
    return { kind: 'malformed' }
  }
  const leeway = options.leewaySeconds ?? 0
  const nowSeconds = options.now.getTime() / 1000
  if (nowSeconds >= exp + leeway) return { kind: 'expired' }
  if (iat > nowSeconds + leeway) return { kind: 'not_yet_valid' }
  return null
}

function parseClaims<Claims>(
  result: VerifyResult,
  parse: (claims: unknown) => { success: true; data: Claims } | {
    success: false
  },
): VerifyResult<Claims> {
  if (result.kind !== 'ok') return result
  const claims = parse(result.claims)
  if (!claims.success) return { kind: 'malformed' }
  return { kind: 'ok', header: result.header, claims: claims.data }
}

// Verifies a personal code token and parses its claims.
export function verifyCodeToken(
  token: string,
  options: Omit<VerifyOptions, 'typ'>,
): VerifyResult<CodeClaims> {
  const result = verifyToken(token, { ...options, typ: 'hc-code' })
  return parseClaims(result, (claims) => CodeClaims.safeParse(claims))
}

// Verifies a session token and parses its claims.
export function verifySessionToken(
  token: string,
  options: Omit<VerifyOptions, 'typ'>,
): VerifyResult<SessionClaims> {
  const result = verifyToken(token, { ...options, typ: 'hc-session' })
  return parseClaims(result, (claims) => SessionClaims.safeParse(claims))
}
