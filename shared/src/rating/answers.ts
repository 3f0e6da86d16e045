import type { Answer } from '../api/schemas'
import { NONE_OPTION, type CityRules, type Question } from '../cities/cityRules'

// Answers that passed validateAnswers against the city's questionnaire.
export type Answers = Readonly<Record<string, Answer>>

export type AnswerProblem =
  | 'missing'
  | 'unknown_question'
  | 'wrong_type'
  | 'unknown_option'
  | 'conflicting_options'

export type AnswerError = {
  // `answers.<question id>`
  field: string
  code: 'QUESTIONNAIRE_INVALID'
  problem: AnswerProblem
}

export type AnswersResult =
  | { kind: 'ok'; answers: Answers }
  | { kind: 'invalid'; errors: AnswerError[] }

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key)
}

// Checks that every question is answered with a value of its kind and
// nothing else is. A multiple-choice answer must name each option at most
// once and may not combine "none" with another option. Returns the answers
// in questionnaire order.
export function validateAnswers(
  rules: CityRules,
  answers: Record<string, Answer>,
): AnswersResult {
  const questions = rules.questionnaire.questions
  const errors: AnswerError[] = []
  const valid: Record<string, Answer> = {}
  for (const question of questions) {
    const answer = hasOwn(answers, question.id)
      ? answers[question.id]
      : undefined
    const problem = answerProblem(question, answer)
    if (problem !== null) {
      errors.push(answerError(question.id, problem))
    } else if (answer !== undefined) {
      valid[question.id] = answer
    }
  }
  const known = new Set(questions.map((question) => question.id))
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) errors.push(answerError(id, 'unknown_question'))
  }
  if (errors.length > 0) return { kind: 'invalid', errors }
  return { kind: 'ok', answers: valid }
}

function answerError(id: string, problem: AnswerProblem): AnswerError {
  return { field: `answers.${id}`, code: 'QUESTIONNAIRE_INVALID', problem }
}

function answerProblem(
  question: Question,
  answer: Answer | undefined,
): AnswerProblem | null {
  if (answer === undefined) return 'missing'
  switch (question.kind) {
    case 'boolean':
      return typeof answer === 'boolean' ? null : 'wrong_type'
    case 'single': {
      if (typeof answer !== 'string') return 'wrong_type'
      const values = question.options.map((option) => option.value)
      return values.includes(answer) ? null : 'unknown_option'
    }
    case 'multiple': {
      if (!Array.isArray(answer)) return 'wrong_type'
      const values = question.options.map((option) => option.value)
      return choicesProblem(values, answer)
    }
  }
}

function choicesProblem(
  values: string[],
  choices: readonly string[],
): AnswerProblem | null {
  // Nothing chosen is no answer: "none" has to be chosen explicitly.
  if (choices.length === 0) return 'missing'
  if (choices.some((choice) => !values.includes(choice))) {
    return 'unknown_option'
  }
  const repeated = new Set(choices).size !== choices.length
  const noneCombined = choices.includes(NONE_OPTION) && choices.length > 1
  return repeated || noneCombined ? 'conflicting_options' : null
}
