import {
  signToken,
  type CityRules,
  type CodeClaims,
  type Color,
  type Pass,
} from '@healthcode/shared'
import { randomId } from '../auth/session'
import type { TokenKeys } from '../config/keys'

/**
 * Signs a one-time pass: an `hc-code` token for one venue (`ven`), valid
 * for the city's passSeconds, with a fresh `jti` that the guard's
 * verification redeems once. The subject is the resident's opaque code
 * reference, as in the personal code.
 */
export function issuePass(
  deps: { rules: CityRules; keys: TokenKeys },
  input: { codeRef: string; color: Color; venueId: string; now: Date },
): Pass {
  const issuedAt = Math.floor(input.now.getTime() / 1000)
  const claims: CodeClaims = {
    iss: deps.rules.id,
    sub: input.codeRef,
    col: input.color,
    iat: issuedAt,
    exp: issuedAt + deps.rules.checkin.passSeconds,
    jti: randomId(),
    ven: input.venueId,
  }
  const token = signToken(
    { kid: deps.keys.signing.kid, typ: 'hc-code' },
    claims,
    deps.keys.signing.privateKey,
  )
  return {
    token,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    color: deps.rules.checkin.hideColorOnPass ? null : input.color,
  }
}
