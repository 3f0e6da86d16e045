import type { Answer, Color } from '../api/schemas'
import type {
  CityRules,
  LocalizedText,
  Question,
  Risk,
  RiskColor,
} from '../cities/cityRules'
import { addCityDays, startOfCityDay } from '../time/cityTime'
import type { Answers } from './answers'

export type Declaration = { answers: Answers; answeredAt: Date }

// Everything known about a person that can change their color. Each kind of
// fact is its own array, so exposures, cases, overrides and appeal outcomes
// can be added as further arrays with a function that turns them into
// reasons.
export type Facts = { declarations: Declaration[] }

export type Reason = {
  // Rule that produced the reason, such as `questionnaire.symptoms`.
  rule: string
  color: RiskColor
  since: Date
  until: Date
  text: LocalizedText
}

export type Rating = {
  color: Color
  // When the code next turns green, or null while green.
  until: Date | null
  // Active reasons, most severe first.
  reasons: Reason[]
  rulesVersion: string
}

const SEVERITY: Readonly<Record<Color, number>> = {
  green: 0,
  yellow: 1,
  red: 2,
}

// Rates a person at `now` from the facts. Every risky answer yields a reason
// that runs from the start of its declaration's day in the city until
// `days + 1` calendar days later, so a yellow declared at any time on
// 10 February turns green at 00:00 on 18 February when yellow lasts 7 days.
// Reasons are never cancelled by later declarations, otherwise anyone could
// answer again to turn green. Facts recorded after `now` are ignored.
export function evaluate(rules: CityRules, facts: Facts, now: Date): Rating {
  const reasons = facts.declarations
    .filter((declaration) => declaration.answeredAt <= now)
    .flatMap((declaration) => declarationReasons(rules, declaration))
    .filter((reason) => reason.until.getTime() > now.getTime())
    .sort(compareReasons)
  const first = reasons[0]
  if (first === undefined) {
    return { color: 'green', until: null, reasons, rulesVersion: rules.version }
  }
  const latest = Math.max(...reasons.map((reason) => reason.until.getTime()))
  return {
    color: first.color,
    until: new Date(latest),
    reasons,
    rulesVersion: rules.version,
  }
}

// Orders reasons by severity, then latest end, then earliest start, then
// rule, so equal facts always give the same list.
function compareReasons(a: Reason, b: Reason): number {
  const bySeverity = SEVERITY[b.color] - SEVERITY[a.color]
  if (bySeverity !== 0) return bySeverity
  const byUntil = b.until.getTime() - a.until.getTime()
  if (byUntil !== 0) return byUntil
  const bySince = a.since.getTime() - b.since.getTime()
  if (bySince !== 0) return bySince
  if (a.rule < b.rule) return -1
  return a.rule > b.rule ? 1 : 0
}

// Answers to questions or options missing from the current rules yield no
// reason, because the rules in force decide what is risky.
function declarationReasons(
  rules: CityRules,
  declaration: Declaration,
): Reason[] {
  const since = startOfCityDay(declaration.answeredAt, rules.timeZone)
  const untilFor = (color: RiskColor): Date =>
    addCityDays(since, rules.colors[color].days + 1, rules.timeZone)
  return rules.questionnaire.questions.flatMap((question) => {
    const answer = answerTo(declaration.answers, question.id)
    return risksOf(question, answer).map((risk) => ({
      rule: `questionnaire.${question.id}`,
      color: risk.color,
      since,
      until: untilFor(risk.color),
      text: risk.reason,
    }))
  })
}

function answerTo(answers: Answers, id: string): Answer | undefined {
  const own = Object.prototype.hasOwnProperty.call(answers, id)
  return own ? answers[id] : undefined
}

function risksOf(question: Question, answer: Answer | undefined): Risk[] {
  switch (question.kind) {
    case 'boolean':
      return answer === true && question.risk ? [question.risk] : []
    case 'single':
    case 'multiple': {
      const chosen = typeof answer === 'string' ? [answer] : answer
      if (!Array.isArray(chosen)) return []
      return question.options.flatMap((option) =>
        chosen.includes(option.value) && option.risk ? [option.risk] : [],
      )
    }
  }
}
