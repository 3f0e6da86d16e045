import { z } from 'zod'
import { Color, Role } from '../api/schemas'

export const TokenType = z.enum(['hc-code', 'hc-session'])
export type TokenType = z.infer<typeof TokenType>

export const TokenHeader = z
  .object({ alg: z.literal('EdDSA'), kid: z.string().min(1), typ: z.string() })
  .strict()
export type TokenHeader = z.infer<typeof TokenHeader>

// Seconds since the Unix epoch.
const EpochSeconds = z.number().int().nonnegative()

const expiresAfterIssue = (claims: { iat: number; exp: number }): boolean =>
  claims.exp > claims.iat

// Claims of a personal code shown as a QR code and checked by guards.
export const CodeClaims = z
  .object({
    // City id of the issuing stage.
    iss: z.string().min(1),
    // Opaque reference to the resident, never a document number.
    sub: z.string().min(1),
    col: Color,
    iat: EpochSeconds,
    exp: EpochSeconds,
    // Nonce that makes each code unique.
    jti: z.string().min(1),
    // Venue the code was scanned for, when there is one.
    ven: z.string().min(1).optional(),
  })
  .strict()
  .refine(expiresAfterIssue, 'exp must be after iat')
export type CodeClaims = z.infer<typeof CodeClaims>

// Claims of a bearer session token.
export const SessionClaims = z
  .object({
    iss: z.string().min(1),
    // Account id.
    sub: z.string().min(1),
    // The primary role, as in TokenResponse.
    role: Role,
    // Every role of the account when the token was issued. Tokens issued
    // before roles existed lack it and hold `role` only.
    roles: z.array(Role).min(1).max(Role.options.length).optional(),
    iat: EpochSeconds,
    exp: EpochSeconds,
    jti: z.string().min(1),
  })
  .strict()
  .refine(expiresAfterIssue, 'exp must be after iat')
export type SessionClaims = z.infer<typeof SessionClaims>
