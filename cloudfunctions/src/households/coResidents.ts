import { createHash } from 'node:crypto'
import { cityDate, householdReasons, type CityRules } from '@healthcode/shared'
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Actor } from '../audit/records'
import { factStoreOf, type FactStore } from '../facts/service'
import type { AppLogger } from '../http/handler'
import type { TableNames } from '../storage/dynamo'
import { MAX_ATTEMPTS } from './deps'
import {
  createHouseholdRepository,
  type HouseholdRepository,
} from './repository'

// Household facts follow from a case report, not from anyone's request.
const HOUSEHOLD_ACTOR: Actor = { accountId: 'household-cases', role: 'system' }

export type HouseholdCaseResult =
  | {
      kind: 'applied'
      // Co-residents who now have the household fact, sorted, whether
      // this call or an earlier one appended it.
      memberIds: string[]
      // Co-residents whose fact this call appended.
      added: string[]
    }
  // The case belongs to no household, or is its only member.
  | { kind: 'no_co_residents' }
  // The city gives co-residents no color (coResidentsOfCase is `none`).
  | { kind: 'not_applicable' }

export type HouseholdCases = {
  /**
   * Appends a `household` fact to every other member of the case's
   * household, recorded at `now`, which gives them the city's
   * households.coResidentsOfCase color. The fact id is derived from the
   * case and the city day, so calling again on the same day appends
   * nothing, while a new report on a later day counts again.
   */
  applyHouseholdCase(
    caseResidentId: string,
    now: Date,
  ): Promise<HouseholdCaseResult>
}

export type HouseholdCaseDependencies = {
  rules: CityRules
  households: Pick<HouseholdRepository, 'getMembership' | 'listMembers'>
  facts: Pick<FactStore, 'appendFact'>
  logger: AppLogger
}

export function createHouseholdCases(
  deps: HouseholdCaseDependencies,
): HouseholdCases {
  return {
    applyHouseholdCase: (caseResidentId, now) =>
      applyHouseholdCase(deps, caseResidentId, now),
  }
}

/** Creates the household case step over a runtime's tables. */
export function householdCasesOf(runtime: {
  rules: CityRules
  db: DynamoDBDocumentClient
  tables: TableNames
  logger: AppLogger
}): HouseholdCases {
  return createHouseholdCases({
    rules: runtime.rules,
    households: createHouseholdRepository(runtime.db, runtime.tables),
    facts: factStoreOf(runtime),
    logger: runtime.logger,
  })
}

async function applyHouseholdCase(
  deps: HouseholdCaseDependencies,
  caseResidentId: string,
  now: Date,
): Promise<HouseholdCaseResult> {
  if (deps.rules.households.coResidentsOfCase === 'none') {
    return { kind: 'not_applicable' }
  }
  const household = await householdOf(deps, caseResidentId)
  if (household === null) return { kind: 'no_co_residents' }
  const entries = householdReasons(
    deps.rules,
    household.memberIds,
    [caseResidentId],
    now,
  )
  if (entries.length === 0) return { kind: 'no_co_residents' }

  const day = cityDate(now, deps.rules.timeZone)
  const factId = householdFactId(caseResidentId, day)
  const added: string[] = []
  for (const entry of entries) {
    const result = await deps.facts.appendFact(
      entry.memberId,
      {
        kind: 'household',
        id: factId,
        ref: `household#${household.householdId}`,
        fact: entry.fact,
      },
      HOUSEHOLD_ACTOR,
      now,
    )
    if (result.kind === 'not_found') {
      throw new Error(`Household member ${entry.memberId} is missing`)
    }
    if (result.kind === 'appended') added.push(entry.memberId)
  }
  deps.logger.info('Household case applied', {
    householdId: household.householdId,
    members: entries.length,
    added: added.length,
  })
  return {
    kind: 'applied',
    memberIds: entries.map((entry) => entry.memberId),
    added,
  }
}

// Returns the case's household with its members, the case among them.
// A merge can move the case between the two reads, so they are repeated.
async function householdOf(
  deps: HouseholdCaseDependencies,
  caseResidentId: string,
): Promise<{ householdId: string; memberIds: string[] } | null> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const membership = await deps.households.getMembership(caseResidentId)
    if (membership === null) return null
    const members = await deps.households.listMembers(membership.householdId)
    const memberIds = members.map((member) => member.residentId)
    if (memberIds.includes(caseResidentId)) {
      return { householdId: membership.householdId, memberIds }
    }
  }
  throw new Error(
    `Household of ${caseResidentId} not read after ${MAX_ATTEMPTS} changes`,
  )
}

// Fact ids are stored on every co-resident's item, so the case's resident
// id goes in hashed: the fact does not say who in the household is the
// case.
function householdFactId(caseResidentId: string, cityDay: string): string {
  const digest = createHash('sha256')
    .update(`${caseResidentId}\u0000${cityDay}`, 'utf8')
    .digest('base64url')
  return `household.${digest.slice(0, 22)}`
}
