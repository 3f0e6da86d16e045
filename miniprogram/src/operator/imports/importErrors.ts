import type { TFunction } from 'i18next'
import { problemText, ProblemCode, type Language } from '../../contract'
import type { ImportError } from '../contract'

// Codes of the CSV reader and of the travel record checks that the
// operator texts word. Any other code keeps the server's English message.
const WORDED_CODES = [
  'header_invalid',
  'column_count',
  'too_many_rows',
  'missing',
  'invalid',
  'too_long',
  'not_allowed',
  'unknown_place',
  'in_future',
  'quote_unterminated',
  'quote_misplaced',
] as const
type WordedCode = (typeof WORDED_CODES)[number]

function isWorded(code: string): code is WordedCode {
  return (WORDED_CODES as readonly string[]).includes(code)
}

export type LineErrors = { line: number; errors: ImportError[] }

// Groups the errors of an import by line, in line order, keeping the
// server's order within a line.
export function errorsByLine(errors: readonly ImportError[]): LineErrors[] {
  const lines = new Map<number, ImportError[]>()
  for (const error of errors) {
    const list = lines.get(error.line)
    if (list === undefined) lines.set(error.line, [error])
    else list.push(error)
  }
  return [...lines]
    .sort(([a], [b]) => a - b)
    .map(([line, grouped]) => ({ line, errors: grouped }))
}

// Returns the message of one import error in the user's language: the
// shared text of a document problem code, the operator text of a CSV
// code, else the server's message.
export function importErrorText(
  error: ImportError,
  lang: Language,
  t: TFunction<'operator'>,
): string {
  const problem = ProblemCode.safeParse(error.code)
  if (problem.success) return problemText(problem.data, lang).detail
  if (isWorded(error.code)) return t(`import.codes.${error.code}`)
  return error.message
}
