export {
  validateAnswers,
  type AnswerError,
  type AnswerProblem,
  type Answers,
  type AnswersResult,
} from './answers'
export {
  type AppealOutcome,
  type Override,
  type OverrideReasonCode,
} from './decisions'
export {
  evaluate,
  type Declaration,
  type Facts,
  type Rating,
  type Reason,
} from './evaluate'
export { localizeReason, questionnaireView, ratingToStatus } from './view'
