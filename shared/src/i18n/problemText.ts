import type { ProblemCode } from '../api/problems'
import type { Language } from '../api/schemas'
import { PROBLEM_TEXTS, type ProblemText } from './problemTexts'

export function problemText(code: ProblemCode, lang: Language): ProblemText {
  return PROBLEM_TEXTS[code][lang]
}
