import type { Answer, Color } from '../api/schemas'
import type {
  CityRules,
  LocalizedText,
  Question,
  Risk,
  RiskColor,
} from '../cities/cityRules'
import type { CaseFact, ExposureFact } from '../exposure/facts'
import { caseReason, exposureReason } from '../exposure/reasons'
import {
  coResidentReason,
  type HouseholdFact,
} from '../households/coResidents'
import { addCityDays, startOfCityDay } from '../time/cityTime'
import type { Answers } from './answers'
import {
  activeOverride,
  applyAppeals,
  applyOverride,
  type AppealOutcome,
  type Finding,
  type Override,
} from './decisions'

export type Declaration = { answers: Answers; answeredAt: Date }

// Everything known about a person that can change their color. Each kind of
// fact is its own array with a function that turns it into reasons. All
// but declarations are optional, so callers that only know declarations
// pass `{ declarations }`.
export type Facts = {
  declarations: Declaration[]
  exposures?: ExposureFact[]
  // The person is a reported case.
  cases?: CaseFact[]
  overrides?: Override[]
  // Approved appeals only.
  appeals?: AppealOutcome[]
  // Another member of the person's household is a case.
  household?: HouseholdFact[]
}

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
// Exposures, cases and household cases count the same way from the day of
// the exposure or report. Reasons are never cancelled by later
// declarations, otherwise anyone could answer again to turn green. Only an
// operator override or an approved appeal removes them. Facts recorded
// after `now` are ignored. The function is pure: the same inputs always
// give the same rating.
export function evaluate(rules: CityRules, facts: Facts, now: Date): Rating {
  const override = activeOverride(facts.overrides ?? [], now)
  const decided = applyAppeals(
    applyOverride(findingsOf(rules, facts, now), override),
    facts.appeals ?? [],
    now,
  )
  const reasons = decided
    .map((finding) => finding.reason)
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

// Returns the reasons of every fact recorded by `now`, with the time each
// fact was recorded.
function findingsOf(rules: CityRules, facts: Facts, now: Date): Finding[] {
  const known = (recordedAt: Date): boolean => recordedAt <= now
  const findings: Finding[] = []
  for (const declaration of facts.declarations) {
    if (!known(declaration.answeredAt)) continue
    for (const reason of declarationReasons(rules, declaration)) {
      findings.push({ reason, recordedAt: declaration.answeredAt })
    }
  }
  for (const exposure of facts.exposures ?? []) {
    if (!known(exposure.foundAt)) continue
    const reason = exposureReason(rules, exposure)
    findings.push({ reason, recordedAt: exposure.foundAt })
  }
  for (const reported of facts.cases ?? []) {
    if (!known(reported.reportedAt)) continue
    const reason = caseReason(rules, reported)
    findings.push({ reason, recordedAt: reported.reportedAt })
  }
  for (const householdCase of facts.household ?? []) {
    if (!known(householdCase.reportedAt)) continue
    const reason = coResidentReason(rules, householdCase)
    if (reason !== null) {
      findings.push({ reason, recordedAt: householdCase.reportedAt })
    }
  }
  return findings
}

// Orders reasons by severity, then latest end, then earliest start, then
// rule, then English text, so equal facts always give the same list
// whatever their order.
function compareReasons(a: Reason, b: Reason): number {
  const bySeverity = SEVERITY[b.color] - SEVERITY[a.color]
  if (bySeverity !== 0) return bySeverity
  const byUntil = b.until.getTime() - a.until.getTime()
  if (byUntil !== 0) return byUntil
  const bySince = a.since.getTime() - b.since.getTime()
  if (bySince !== 0) return bySince
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1
  if (a.text.en < b.text.en) return -1
  return a.text.en > b.text.en ? 1 : 0
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
