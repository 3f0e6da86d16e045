import type { CityRules } from '../cities/cityRules'
import { riskPeriod } from '../exposure/period'
import type { Reason } from '../rating/evaluate'
import { cityDate } from '../time/cityTime'

// Another member of the resident's household was reported as a case.
export type HouseholdFact = { reportedAt: Date }

export type CoResidentFact = { memberId: string; fact: HouseholdFact }

// Turns the cases among a household's members into facts of the other
// members, recorded at `now`. Returns an empty list when the city gives
// co-residents no color (households.coResidentsOfCase is `none`) or no
// member is a case. A member who is a case gets no co-resident fact, since
// the case's own reason is at least as severe in the shipped cities. The
// result is sorted by member id.
export function householdReasons(
  rules: Pick<CityRules, 'households'>,
  members: readonly string[],
  caseMemberIds: readonly string[],
  now: Date,
): CoResidentFact[] {
  const memberSet = new Set(members)
  for (const caseId of caseMemberIds) {
    if (!memberSet.has(caseId)) {
      throw new Error('householdReasons got a case outside the household')
    }
  }
  if (rules.households.coResidentsOfCase === 'none') return []
  if (caseMemberIds.length === 0) return []
  const cases = new Set(caseMemberIds)
  return [...memberSet]
    .filter((memberId) => !cases.has(memberId))
    .sort()
    .map((memberId) => ({ memberId, fact: { reportedAt: now } }))
}

// Returns the reason a household fact gives, counted from the city day of
// the report, or null when the city gives co-residents no color.
export function coResidentReason(
  rules: Pick<CityRules, 'colors' | 'households' | 'timeZone'>,
  fact: HouseholdFact,
): Reason | null {
  const color = rules.households.coResidentsOfCase
  if (color === 'none') return null
  const day = cityDate(fact.reportedAt, rules.timeZone)
  return {
    rule: 'household.case',
    color,
    ...riskPeriod(rules, fact.reportedAt, color),
    text: {
      zh: `您的同住家庭成员于${day}被报告为病例`,
      en: `A member of your household was reported as a case on ${day}`,
    },
  }
}
