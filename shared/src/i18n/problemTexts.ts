import type { ProblemCode } from '../api/problems'
import type { Language } from '../api/schemas'
import texts from './problemTexts.json'

export type ProblemText = { title: string; detail: string }

// Title and detail of every problem code in every language. Each detail
// states what went wrong and what the user can do about it. The type makes a
// code missing from the JSON file a compile error.
export const PROBLEM_TEXTS: Readonly<
  Record<ProblemCode, Readonly<Record<Language, ProblemText>>>
> = texts
