import {
  fieldText,
  problemText,
  type FieldProblem,
  type Language,
  type Problem,
  type ProblemCode,
} from '@healthcode/shared'
import type { HttpResult, ProblemSpec } from './types'

// HTTP status of each problem code. Clients act on `code`, and the status
// follows RFC 9110 so that generic HTTP tooling reads the outcome right.
const STATUS: Readonly<Record<ProblemCode, number>> = {
  BODY_MALFORMED: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  AUTH_REQUIRED: 401,
  AUTH_TOKEN_INVALID: 401,
  AUTH_TOKEN_EXPIRED: 401,
  FORBIDDEN_ROLE: 403,
  OTP_INVALID: 400,
  OTP_EXPIRED: 400,
  OTP_TOO_MANY_ATTEMPTS: 400,
  OTP_RATE_LIMITED: 429,
  PHONE_INVALID: 400,
  ID_FORMAT_INVALID: 400,
  ID_CHECKSUM_INVALID: 400,
  ID_BIRTH_DATE_INVALID: 400,
  ID_REGION_INVALID: 400,
  ID_LEGACY_UNSUPPORTED: 400,
  PERMIT_PREFIX_INVALID: 400,
  PASSPORT_COUNTRY_INVALID: 400,
  PASSPORT_NUMBER_INVALID: 400,
  TRAVEL_PERMIT_INVALID: 400,
  DOCUMENT_TYPE_NOT_ACCEPTED: 403,
  NAME_INVALID: 400,
  NOT_ELIGIBLE: 403,
  ALREADY_REGISTERED: 409,
  IDENTITY_TAKEN: 409,
  NOT_REGISTERED: 404,
  QUESTIONNAIRE_INVALID: 400,
  QUESTIONNAIRE_REQUIRED: 409,
  CREDIT_CODE_FORMAT_INVALID: 400,
  CREDIT_CODE_CHECKSUM_INVALID: 400,
  CREDIT_CODE_TAKEN: 409,
  BUSINESS_ALREADY_REGISTERED: 409,
  VENUE_POLICY_NOT_ALLOWED: 400,
  POSTER_UNAVAILABLE: 503,
  VENUE_CODE_INVALID: 400,
  // The resource behind the code is gone for good: 410 Gone.
  VENUE_CODE_ROTATED: 410,
  IDEMPOTENCY_KEY_INVALID: 400,
  // The same key came with a different body.
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  TEMPERATURE_REQUIRED: 400,
  DEPENDENT_LIMIT_REACHED: 409,
  DEPENDENT_ALREADY_REGISTERED: 409,
  DEPENDENT_HAS_OWN_ACCOUNT: 409,
  DEPENDENT_LINK_RATE_LIMITED: 429,
  HOUSEHOLD_FULL: 409,
  APPEAL_PENDING: 409,
  APPEAL_NOTHING_TO_APPEAL: 409,
  APPEAL_ALREADY_DECIDED: 409,
  // A second operator must approve a bulk override.
  OPERATOR_SELF_APPROVAL: 403,
  OVERRIDE_REQUEST_DECIDED: 409,
  IMPORT_TOO_LARGE: 413,
  INTERNAL: 500,
}

export function statusOf(code: ProblemCode): number {
  return STATUS[code]
}

// A stable URN per code for the `type` member. Clients match on `code`, and
// the URN is not meant to be dereferenced.
function typeOf(code: ProblemCode): string {
  return `urn:problem-type:healthcode:${code.toLowerCase().replace(/_/g, '-')}`
}

/** Builds the problem details body in the caller's language. */
export function problemBody(spec: ProblemSpec, language: Language): Problem {
  const text = problemText(spec.code, language)
  const body: Problem = {
    type: typeOf(spec.code),
    title: text.title,
    status: statusOf(spec.code),
    detail: spec.detail ?? text.detail,
    code: spec.code,
  }
  if (spec.errors !== undefined) {
    body.errors = spec.errors.map(
      (error): FieldProblem => ({
        field: error.field,
        code: error.code,
        message:
          error.message ??
          fieldText(error.field, error.code, language, error.params),
      }),
    )
  }
  return body
}

/** Builds an `application/problem+json` response. */
export function problemResponse(
  spec: ProblemSpec,
  language: Language,
): HttpResult {
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-language': language,
    'cache-control': 'no-store',
  }
  if (spec.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(spec.retryAfterSeconds)
  }
  if (spec.allowedMethods !== undefined) {
    headers.allow = spec.allowedMethods.join(', ')
  }
  if (statusOf(spec.code) === 401) {
    headers['www-authenticate'] = 'Bearer'
  }
  return {
    statusCode: statusOf(spec.code),
    headers,
    body: JSON.stringify(problemBody(spec, language)),
  }
}
