import { randomBytes } from 'node:crypto'
import {
  signToken,
  verifySessionToken,
  type Role,
  type SessionClaims,
} from '@healthcode/shared'
import type { TokenKeys } from '../config/keys'
import { primaryRoleOf } from '../storage/accounts'
import type { Authenticate } from '../http/types'

export type SessionToken = { token: string; expiresAt: Date }

/** Returns a random identifier of 128 bits as base64url. */
export function randomId(): string {
  return randomBytes(16).toString('base64url')
}

/**
 * Signs an `hc-session` token for an account with its roles, valid for
 * `hours`. The most privileged role is the primary `role` claim.
 */
export function issueSessionToken(input: {
  keys: TokenKeys
  city: string
  accountId: string
  roles: Role[]
  hours: number
  now: Date
}): SessionToken {
  const issuedAt = Math.floor(input.now.getTime() / 1000)
  const expiresAt = issuedAt + input.hours * 3600
  const claims: SessionClaims = {
    iss: input.city,
    sub: input.accountId,
    role: primaryRoleOf(input.roles),
    roles: input.roles,
    iat: issuedAt,
    exp: expiresAt,
    jti: randomId(),
  }
  const token = signToken(
    { kid: input.keys.signing.kid, typ: 'hc-session' },
    claims,
    input.keys.signing.privateKey,
  )
  return { token, expiresAt: new Date(expiresAt * 1000) }
}

/**
 * Creates the bearer token check of the HTTP layer. Only an expired but
 * otherwise valid token is reported as expired. Every other failure is
 * reported as invalid, so a caller learns nothing about why a forged token
 * failed.
 */
export function createAuthenticate(keys: TokenKeys, city: string): Authenticate {
  return (token, now) => {
    const result = verifySessionToken(token, {
      keys: keys.verification,
      issuer: city,
      now,
    })
    switch (result.kind) {
      case 'ok':
        return {
          kind: 'ok',
          session: {
            accountId: result.claims.sub,
            role: result.claims.role,
            // Tokens issued before accounts had several roles.
            roles: result.claims.roles ?? [result.claims.role],
          },
        }
      case 'expired':
        return { kind: 'expired' }
      case 'malformed':
      case 'unsupported_alg':
      case 'unknown_key':
      case 'bad_signature':
      case 'wrong_type':
      case 'wrong_issuer':
      case 'not_yet_valid':
        return { kind: 'invalid' }
    }
  }
}
