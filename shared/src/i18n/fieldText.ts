import { ProblemCode } from '../api/problems'
import type { Language } from '../api/schemas'
import type { AnswerProblem } from '../rating/answers'
import texts from './fieldTexts.json'
import { PROBLEM_TEXTS } from './problemTexts'

type Texts = Readonly<Record<Language, string>>
type Table = Readonly<Record<string, Texts>>

const FIELD_LABELS: Table = texts.fieldLabels
const ANSWER_PROBLEMS: Readonly<Record<AnswerProblem, Texts>> =
  texts.answerProblems
// Messages for zod issue codes, which VALIDATION_FAILED errors carry.
const SCHEMA_ISSUES: Table = texts.schemaIssues

const ANSWER_FIELD = /^answers\.(.+)$/

// Details of a zod issue that make its message specific: the kind of value
// (`number`, `string`, `array`), its limits, or the allowed values.
export type FieldParams = {
  origin?: string
  maximum?: number | string
  minimum?: number | string
  values?: string
}

// Returns a message for one field-level problem, prefixed with a label for
// the field. `code` may be a ProblemCode, a questionnaire AnswerProblem or
// a zod issue code. Unknown codes get a generic message. With `params`, a
// limit or list of values is named in the message when a text exists.
export function fieldText(
  field: string,
  code: string,
  lang: Language,
  params: FieldParams = {},
): string {
  const separator = lang === 'zh' ? '：' : ': '
  const message =
    specificMessage(code, params, lang) ?? messageFor(code, lang)
  const label = fieldLabel(field, lang)
  return label === '' ? message : `${label}${separator}${message}`
}

function specificMessage(
  code: string,
  params: FieldParams,
  lang: Language,
): string | undefined {
  const key =
    code === 'invalid_value' && params.values !== undefined
      ? 'invalid_value.values'
      : `${code}.${params.origin ?? ''}`
  const template = lookup(SCHEMA_ISSUES, key)?.[lang]
  return template?.replace(/\{(maximum|minimum|values)\}/g, (_, name) =>
    String(params[name as 'maximum' | 'minimum' | 'values'] ?? ''),
  )
}

function fieldLabel(field: string, lang: Language): string {
  const known = lookup(FIELD_LABELS, field)
  if (known !== undefined) return known[lang]
  const answer = ANSWER_FIELD.exec(field)
  // Answers get no label: the app shows the message under its question, and
  // the question's internal id means nothing to a resident. The error's
  // `field` still names the question.
  if (answer !== null) return texts.answerLabel[lang]
  return field
}

function messageFor(code: string, lang: Language): string {
  const problem = ProblemCode.safeParse(code)
  if (problem.success) return PROBLEM_TEXTS[problem.data][lang].detail
  const message =
    lookup(ANSWER_PROBLEMS, code) ??
    lookup(SCHEMA_ISSUES, code) ??
    texts.generic
  return message[lang]
}

function lookup(table: Table, key: string): Texts | undefined {
  return Object.prototype.hasOwnProperty.call(table, key)
    ? table[key]
    : undefined
}
