import { z } from 'zod'

// Request and response bodies of the HTTP API. Every request object is
// strict: an unknown field is a client bug and gets VALIDATION_FAILED.

export const Language = z.enum(['zh', 'en'])
export type Language = z.infer<typeof Language>

export const Color = z.enum(['green', 'yellow', 'red'])
export type Color = z.infer<typeof Color>

export const Role = z.enum(['resident', 'business', 'guard', 'operator'])
export type Role = z.infer<typeof Role>

export const DocumentType = z.enum([
  'mainland_id',
  'residence_permit',
  'hk_macau_permit',
  'taiwan_permit',
  'passport',
])
export type DocumentType = z.infer<typeof DocumentType>

const Instant = z.iso.datetime({ offset: true })

export const OtpRequest = z.object({ phone: z.string().max(40) }).strict()
export type OtpRequest = z.infer<typeof OtpRequest>

export const OtpResponse = z.object({
  expiresInSeconds: z.number().int(),
  retryAfterSeconds: z.number().int(),
})
export type OtpResponse = z.infer<typeof OtpResponse>

export const TokenRequest = z
  .object({ phone: z.string().max(40), code: z.string().max(12) })
  .strict()
export type TokenRequest = z.infer<typeof TokenRequest>

export const TokenResponse = z.object({
  token: z.string(),
  expiresAt: Instant,
  // The primary role, kept for clients that read one role only: the most
  // privileged of `roles` (operator, business, guard, resident).
  role: Role,
  // Every role of the account. Resident is always among them.
  roles: z.array(Role),
  registered: z.boolean(),
})
export type TokenResponse = z.infer<typeof TokenResponse>

export const DocumentInput = z
  .object({
    type: DocumentType,
    number: z.string().max(64),
    // ISO 3166-1 alpha-3, as printed in a passport's machine-readable zone.
    country: z.string().max(8).optional(),
  })
  .strict()
export type DocumentInput = z.infer<typeof DocumentInput>

export const RegistrationRequest = z
  .object({
    name: z.string().max(200),
    document: DocumentInput,
    phone: z.string().max(40),
    language: Language.optional(),
  })
  .strict()
export type RegistrationRequest = z.infer<typeof RegistrationRequest>

export const ResidentProfile = z.object({
  id: z.string(),
  maskedName: z.string(),
  documentType: DocumentType,
  maskedDocument: z.string(),
  city: z.string(),
  language: Language,
})
export type ResidentProfile = z.infer<typeof ResidentProfile>

export const Answer = z.union([z.boolean(), z.string(), z.array(z.string())])
export type Answer = z.infer<typeof Answer>

export const QuestionnaireRequest = z
  .object({ answers: z.record(z.string(), Answer) })
  .strict()
export type QuestionnaireRequest = z.infer<typeof QuestionnaireRequest>

// A reason as the client shows it: already in the caller's language.
export const StatusReason = z.object({
  rule: z.string(),
  color: Color,
  since: Instant,
  until: Instant.nullable(),
  text: z.string(),
})
export type StatusReason = z.infer<typeof StatusReason>

export const ResidentStatus = z.discriminatedUnion('rated', [
  z.object({ rated: z.literal(false) }),
  z.object({
    rated: z.literal(true),
    color: Color,
    until: Instant.nullable(),
    reasons: z.array(StatusReason),
    rulesVersion: z.string(),
    evaluatedAt: Instant,
  }),
])
export type ResidentStatus = z.infer<typeof ResidentStatus>

export const CodeResponse = z.object({
  token: z.string(),
  color: Color,
  expiresAt: Instant,
  refreshAfterSeconds: z.number().int(),
})
export type CodeResponse = z.infer<typeof CodeResponse>

// A question as the client renders it, in the caller's language.
export const QuestionView = z.object({
  id: z.string(),
  kind: z.enum(['boolean', 'single', 'multiple']),
  label: z.string(),
  options: z
    .array(z.object({ value: z.string(), label: z.string() }))
    .optional(),
})
export type QuestionView = z.infer<typeof QuestionView>

export const QuestionnaireView = z.object({
  city: z.string(),
  rulesVersion: z.string(),
  questions: z.array(QuestionView),
})
export type QuestionnaireView = z.infer<typeof QuestionnaireView>

export const PublicKeys = z.object({
  city: z.string(),
  keys: z.array(
    z.object({ kid: z.string(), alg: z.literal('EdDSA'), x: z.string() }),
  ),
})
export type PublicKeys = z.infer<typeof PublicKeys>

export const CityInfo = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  acceptedDocuments: z.array(DocumentType),
  eligibility: z.enum(['open', 'residents_only']),
})
export type CityInfo = z.infer<typeof CityInfo>

export const Health = z.object({ status: z.literal('ok'), city: z.string() })
