import type { z } from 'zod'
import type { FieldError } from './types'

export type BodyResult<Body> =
  | { kind: 'ok'; body: Body }
  | { kind: 'invalid'; errors: FieldError[] }

/**
 * Validates a parsed JSON body, reporting every failing field. Each error
 * carries the zod issue code (`invalid_type`, `too_big`, ...), which shared
 * `fieldText` turns into a message, so client and server show one text.
 */
export function validateBody<Body>(
  schema: z.ZodType<Body>,
  json: unknown,
): BodyResult<Body> {
  const parsed = schema.safeParse(json)
  if (parsed.success) return { kind: 'ok', body: parsed.data }
  const errors = parsed.error.issues.flatMap(fieldErrorsOf)
  return { kind: 'invalid', errors: dedupe(errors) }
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(body)' : path.map(String).join('.')
}

function fieldErrorsOf(issue: z.core.$ZodIssue): FieldError[] {
  switch (issue.code) {
    case 'unrecognized_keys':
      // One error per unknown field, so each is named on its own.
      return issue.keys.map((key) => ({
        field: fieldName([...issue.path, key]),
        code: 'unrecognized_keys',
      }))
    case 'invalid_union':
      // Every alternative failed, e.g. an answer that is neither a boolean,
      // a string nor a list of strings.
      return [{ field: fieldName(issue.path), code: 'invalid_type' }]
    case 'too_big':
      return [
        {
          field: fieldName(issue.path),
          code: issue.code,
          params: { origin: issue.origin, maximum: String(issue.maximum) },
        },
      ]
    case 'too_small':
      return [
        {
          field: fieldName(issue.path),
          code: issue.code,
          params: { origin: issue.origin, minimum: String(issue.minimum) },
        },
      ]
    case 'invalid_value':
      return [
        {
          field: fieldName(issue.path),
          code: issue.code,
          params: { values: issue.values.map(String).join(', ') },
        },
      ]
    default:
      return [{ field: fieldName(issue.path), code: issue.code }]
  }
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>()
  return errors.filter((error) => {
    const key = `${error.field}\u0000${error.code}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
