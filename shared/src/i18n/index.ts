export { fieldText } from './fieldText'
export { DEFAULT_LANGUAGE, pickLanguage } from './language'
export { problemText } from './problemText'
export { PROBLEM_TEXTS, type ProblemText } from './problemTexts'
