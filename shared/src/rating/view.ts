import type {
  Language,
  QuestionnaireView,
  QuestionView,
  ResidentStatus,
  StatusReason,
} from '../api/schemas'
import type { CityRules, Question } from '../cities/cityRules'
import type { Rating, Reason } from './evaluate'

// Returns the questionnaire as the client renders it, in one language.
export function questionnaireView(
  rules: CityRules,
  lang: Language,
): QuestionnaireView {
  return {
    city: rules.id,
    rulesVersion: rules.version,
    questions: rules.questionnaire.questions.map((question) =>
      questionView(question, lang),
    ),
  }
}

function questionView(question: Question, lang: Language): QuestionView {
  const base = {
    id: question.id,
    kind: question.kind,
    label: question.label[lang],
  }
  if (question.kind === 'boolean') return base
  return {
    ...base,
    options: question.options.map((option) => ({
      value: option.value,
      label: option.label[lang],
    })),
  }
}

export function localizeReason(reason: Reason, lang: Language): StatusReason {
  return {
    rule: reason.rule,
    color: reason.color,
    since: reason.since.toISOString(),
    until: reason.until.toISOString(),
    text: reason.text[lang],
  }
}

export function ratingToStatus(
  rating: Rating,
  lang: Language,
  evaluatedAt: Date,
): ResidentStatus {
  return {
    rated: true,
    color: rating.color,
    until: rating.until === null ? null : rating.until.toISOString(),
    reasons: rating.reasons.map((reason) => localizeReason(reason, lang)),
    rulesVersion: rating.rulesVersion,
    evaluatedAt: evaluatedAt.toISOString(),
  }
}
