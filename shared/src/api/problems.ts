import { z } from 'zod'

// Stable machine-readable codes carried in every problem details body. Clients
// translate by code, so a code is never renamed once released.
export const ProblemCode = z.enum([
  // Request shape
  'BODY_MALFORMED',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  // Authentication
  'AUTH_REQUIRED',
  'AUTH_TOKEN_INVALID',
  'AUTH_TOKEN_EXPIRED',
  'FORBIDDEN_ROLE',
  'OTP_INVALID',
  'OTP_EXPIRED',
  'OTP_TOO_MANY_ATTEMPTS',
  'OTP_RATE_LIMITED',
  'PHONE_INVALID',
  // Documents and names
  'ID_FORMAT_INVALID',
  'ID_CHECKSUM_INVALID',
  'ID_BIRTH_DATE_INVALID',
  'ID_REGION_INVALID',
  'ID_LEGACY_UNSUPPORTED',
  'PERMIT_PREFIX_INVALID',
  'PASSPORT_COUNTRY_INVALID',
  'PASSPORT_NUMBER_INVALID',
  'TRAVEL_PERMIT_INVALID',
  'DOCUMENT_TYPE_NOT_ACCEPTED',
  'NAME_INVALID',
  // Registration
  'NOT_ELIGIBLE',
  'ALREADY_REGISTERED',
  'IDENTITY_TAKEN',
  'NOT_REGISTERED',
  // Rating
  'QUESTIONNAIRE_INVALID',
  'QUESTIONNAIRE_REQUIRED',
  // Businesses and venues
  'CREDIT_CODE_FORMAT_INVALID',
  'CREDIT_CODE_CHECKSUM_INVALID',
  'CREDIT_CODE_TAKEN',
  'BUSINESS_ALREADY_REGISTERED',
  'VENUE_POLICY_NOT_ALLOWED',
  'POSTER_UNAVAILABLE',
  // Check-ins and checkpoints
  'VENUE_CODE_INVALID',
  'VENUE_CODE_ROTATED',
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  'TEMPERATURE_REQUIRED',
  // Households and dependents
  'DEPENDENT_LIMIT_REACHED',
  'DEPENDENT_ALREADY_REGISTERED',
  'DEPENDENT_HAS_OWN_ACCOUNT',
  'DEPENDENT_LINK_RATE_LIMITED',
  'HOUSEHOLD_FULL',
  // Appeals
  'APPEAL_PENDING',
  'APPEAL_NOTHING_TO_APPEAL',
  'APPEAL_ALREADY_DECIDED',
  // Operators
  'OPERATOR_SELF_APPROVAL',
  'OVERRIDE_REQUEST_DECIDED',
  'IMPORT_TOO_LARGE',
  // Anything else
  'INTERNAL',
])
export type ProblemCode = z.infer<typeof ProblemCode>

// One field-level problem inside a VALIDATION_FAILED (or document) problem.
export const FieldProblem = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
})
export type FieldProblem = z.infer<typeof FieldProblem>

// RFC 9457 problem details with the project's extension members.
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: ProblemCode,
  instance: z.string().optional(),
  errors: z.array(FieldProblem).optional(),
})
export type Problem = z.infer<typeof Problem>
