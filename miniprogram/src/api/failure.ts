import type { TFunction } from 'i18next'
import {
  fieldText,
  problemText,
  ProblemCode,
  type Language,
} from '../contract'
import type { ApiFailure, ProblemBody } from './client'

// Codes of checks only the app makes, such as the format of a typed date.
// The shared field messages do not cover them, so their texts are in the
// `validation` group of the app's i18n resources.
export const APP_CHECK_CODES = [
  'required',
  'date_invalid',
  'datetime_invalid',
  'end_not_after_start',
  'too_long',
  'none_selected',
  'csv_empty',
  'date_in_future',
  'range_too_long',
  'ids_invalid',
  'not_in_future',
  'too_many_ids',
] as const
export type AppCheckCode = (typeof APP_CHECK_CODES)[number]

function isAppCheckCode(code: string): code is AppCheckCode {
  return (APP_CHECK_CODES as readonly string[]).includes(code)
}

// Field problems the app found before sending, in the API's own terms: the
// field path (`document.number`) and a problem, answer or app check code.
export type LocalInvalid = {
  kind: 'invalid'
  fields: ReadonlyArray<{ field: string; code: string }>
}

export type Failure = ApiFailure | LocalInvalid

export type Notice = { title: string; detail: string }

export type FailureText = {
  banner: Notice
  // Message per field path, shown next to the field.
  fields: Readonly<Record<string, string>>
}

// Returns the title and detail of a problem in the user's language: the
// shared translation for a known code, else the server's own text (which
// it already wrote in the Accept-Language of the request).
export function problemNotice(problem: ProblemBody, lang: Language): Notice {
  const code = ProblemCode.safeParse(problem.code)
  if (code.success) return problemText(code.data, lang)
  return { title: problem.title, detail: problem.detail }
}

// Returns the message for each field problem. A field problem coded with a
// problem code gets the shared translation. Other codes (answer and schema
// checks) keep the server's message, because the shared table falls back to
// a generic text for codes it does not list.
export function fieldMessages(
  problem: ProblemBody,
  lang: Language,
): Record<string, string> {
  const messages: Record<string, string> = {}
  for (const error of problem.errors ?? []) {
    if (messages[error.field] !== undefined) continue
    messages[error.field] = ProblemCode.safeParse(error.code).success
      ? fieldText(error.field, error.code, lang)
      : error.message
  }
  return messages
}

// Returns what the user reads about a failure, in the current language.
export function describeFailure(
  failure: Failure,
  lang: Language,
  t: TFunction,
): FailureText {
  switch (failure.kind) {
    case 'problem':
      return {
        banner: problemNotice(failure.problem, lang),
        fields: fieldMessages(failure.problem, lang),
      }
    case 'invalid': {
      const fields: Record<string, string> = {}
      for (const { field, code } of failure.fields) {
        fields[field] ??= isAppCheckCode(code)
          ? t(`validation.${code}`)
          : fieldText(field, code, lang)
      }
      return { banner: problemText('VALIDATION_FAILED', lang), fields }
    }
    case 'network':
      return {
        banner: {
          title: t('errors.networkTitle'),
          detail: t('errors.network'),
        },
        fields: {},
      }
    case 'unexpected':
      return {
        banner: {
          title: t('errors.unexpectedTitle'),
          detail: t('errors.unexpected'),
        },
        fields: {},
      }
  }
}

const SESSION_ENDED_CODES: ReadonlySet<string> = new Set([
  'AUTH_REQUIRED',
  'AUTH_TOKEN_INVALID',
  'AUTH_TOKEN_EXPIRED',
])

// True when the bearer token is no longer accepted and the user has to sign
// in again.
export function endsSession(failure: Failure): boolean {
  return (
    failure.kind === 'problem' && SESSION_ENDED_CODES.has(failure.problem.code)
  )
}
