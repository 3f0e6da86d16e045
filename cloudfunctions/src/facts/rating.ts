import {
  evaluate,
  riskPeriod,
  type CityRules,
  type Facts,
  type Rating,
} from '@healthcode/shared'
import type { StoredDeclaration } from '../storage/residents'
import { recordedAtOf, type FactRecord } from './records'

const DAY_MS = 86_400_000
// Facts are dropped one day after their reason ended rather than at once,
// so Lambdas whose clocks differ by seconds agree on what is kept.
const RETENTION_GRACE_MS = DAY_MS

/** Builds the input of `evaluate` from declarations and other facts. */
export function factsOf(
  declarations: readonly StoredDeclaration[],
  records: readonly FactRecord[],
): Facts {
  const facts: Required<Facts> = {
    declarations: declarations.map((declaration) => ({
      answers: declaration.answers,
      answeredAt: new Date(declaration.answeredAt),
    })),
    exposures: [],
    cases: [],
    overrides: [],
    appeals: [],
    household: [],
  }
  for (const record of records) {
    switch (record.kind) {
      case 'exposure':
        facts.exposures.push(record.fact)
        break
      case 'case':
        facts.cases.push(record.fact)
        break
      case 'override':
        facts.overrides.push(record.fact)
        break
      case 'appeal':
        facts.appeals.push(record.fact)
        break
      case 'household':
        facts.household.push(record.fact)
        break
    }
  }
  return facts
}

/**
 * Rates a resident at `now` from every fact, or returns null while they
 * are unrated: no declaration and nothing that makes them yellow or red.
 * A green code needs the questionnaire, but a case, an exposure or an
 * override shows its color without one.
 */
export function ratingOf(
  rules: CityRules,
  declarations: readonly StoredDeclaration[],
  records: readonly FactRecord[],
  now: Date,
): Rating | null {
  const rating = evaluate(rules, factsOf(declarations, records), now)
  if (declarations.length === 0 && rating.color === 'green') return null
  return rating
}

// Returns the instant after which a fact gives no reason under the current
// rules. Appeals are handled by `retainedFacts`.
function reasonEndOf(rules: CityRules, record: FactRecord): Date {
  switch (record.kind) {
    case 'exposure':
      return riskPeriod(rules, record.fact.start, record.fact.color).until
    case 'case': {
      const color = rules.exposure.caseColor[record.fact.kind]
      return riskPeriod(rules, record.fact.reportedAt, color).until
    }
    case 'override':
      return record.fact.until
    case 'household': {
      const color = rules.households.coResidentsOfCase
      if (color === 'none') return record.fact.reportedAt
      return riskPeriod(rules, record.fact.reportedAt, color).until
    }
    case 'appeal':
      return record.fact.decidedAt
  }
}

/**
 * Keeps the facts that can still change a color, which bounds the size of
 * the resident item. A fact goes one day after its reason ended. An
 * appeal stays while a kept declaration or fact recorded by its decision
 * remains, because only those can it clear.
 * NOTE: rules that later lengthen a color do not bring back facts dropped
 * here, as for declarations. Nothing caps the facts within their period:
 * at roughly 400 bytes each, about 1,000 would reach DynamoDB's 400 KB
 * item limit.
 */
export function retainedFacts(
  rules: CityRules,
  declarations: readonly StoredDeclaration[],
  records: readonly FactRecord[],
  now: Date,
): FactRecord[] {
  const cutoff = now.getTime() - RETENTION_GRACE_MS
  const kept = records.filter(
    (record) =>
      record.kind !== 'appeal' &&
      reasonEndOf(rules, record).getTime() > cutoff,
  )
  const recorded = [
    ...declarations.map((declaration) => Date.parse(declaration.answeredAt)),
    ...kept.map((record) => recordedAtOf(record).getTime()),
  ]
  const appeals = records.filter(
    (record) =>
      record.kind === 'appeal' &&
      recorded.some((at) => at <= record.fact.decidedAt.getTime()),
  )
  const keptIds = new Set([...kept, ...appeals].map((record) => record.id))
  // The original order, so that stored items change only where needed.
  return records.filter((record) => keptIds.has(record.id))
}
