import type { CityRules, LocalizedText } from '../cities/cityRules'
import type { Reason } from '../rating/evaluate'
import { cityDate } from '../time/cityTime'
import type { CaseFact, ExposureFact } from './facts'
import { describePeriod, riskPeriod } from './period'
import type { CaseKind } from './windows'

type ReasonRules = Pick<CityRules, 'colors' | 'exposure' | 'timeZone'>

const CASE_KIND_TEXT: Readonly<Record<CaseKind, LocalizedText>> = {
  confirmed: { zh: '确诊病例', en: 'a confirmed case' },
  suspected: { zh: '疑似病例', en: 'a suspected case' },
}

// Returns the reason of an exposure, counted from the city day on which
// the overlap began. The text names the venue and the overlap, never the
// case.
export function exposureReason(
  rules: ReasonRules,
  fact: ExposureFact,
): Reason {
  const period = describePeriod(fact.start, fact.end, rules.timeZone)
  const place = fact.venueName
  const cause = fact.cause
  let rule: string
  let text: LocalizedText
  switch (cause.kind) {
    case 'case': {
      const kind = CASE_KIND_TEXT[cause.caseKind]
      rule = `exposure.${cause.caseKind}_case`
      text = {
        zh: `${period.zh}，您在${place}与${kind.zh}同时在场或在其离开后不久到场`,
        en:
          `You were at ${place} ${period.en}, at the same time as ` +
          `${kind.en} or shortly after they left`,
      }
      break
    }
    case 'venue':
      rule = 'exposure.risk_venue'
      text = {
        zh: `${period.zh}，您在${place}，该场所在此期间被列为风险场所`,
        en:
          `You were at ${place} ${period.en}, while health authorities ` +
          `listed it as a risk venue`,
      }
      break
  }
  return {
    rule,
    color: fact.color,
    ...riskPeriod(rules, fact.start, fact.color),
    text,
  }
}

// Returns the reason of a resident who is a case, counted from the city
// day of the report.
// NOTE: the color ends with the period like any other reason. A case still
// in treatment then needs an operator override to stay red.
export function caseReason(rules: ReasonRules, fact: CaseFact): Reason {
  const color = rules.exposure.caseColor[fact.kind]
  const day = cityDate(fact.reportedAt, rules.timeZone)
  const kind = CASE_KIND_TEXT[fact.kind]
  return {
    rule: `case.${fact.kind}`,
    color,
    ...riskPeriod(rules, fact.reportedAt, color),
    text: {
      zh: `您于${day}被报告为${kind.zh}`,
      en: `You were reported as ${kind.en} on ${day}`,
    },
  }
}
