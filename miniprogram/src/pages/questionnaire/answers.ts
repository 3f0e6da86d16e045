import type { LocalInvalid } from '../../api/failure'
import { NONE_OPTION, type Answer, type QuestionView } from '../../contract'

export type Answers = Readonly<Record<string, Answer>>

// Returns the answer after the user picked `value`. A single choice replaces
// the answer. A multiple choice toggles the option, and "none" excludes the
// other options, as the API requires.
export function pickOption(
  question: QuestionView,
  current: Answer | undefined,
  value: string,
): Answer {
  if (question.kind !== 'multiple') return value
  const chosen = Array.isArray(current) ? current : []
  if (chosen.includes(value)) {
    return chosen.filter((option) => option !== value)
  }
  if (value === NONE_OPTION) return [NONE_OPTION]
  return [...chosen.filter((option) => option !== NONE_OPTION), value]
}

export function isPicked(answer: Answer | undefined, value: string): boolean {
  return Array.isArray(answer) ? answer.includes(value) : answer === value
}

function isUnanswered(answer: Answer | undefined): boolean {
  return answer === undefined || (Array.isArray(answer) && answer.length === 0)
}

// Finds questions without an answer. A multiple choice needs at least one
// option, "none" included.
export function findUnanswered(
  questions: readonly QuestionView[],
  answers: Answers,
): LocalInvalid | null {
  const fields = questions
    .filter((question) => isUnanswered(answers[question.id]))
    .map((question) => ({ field: `answers.${question.id}`, code: 'missing' }))
  return fields.length === 0 ? null : { kind: 'invalid', fields }
}
