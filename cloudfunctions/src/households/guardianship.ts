import {
  validateAnswers,
  type Answer,
  type CodeResponse,
  type Language,
  type Rating,
  type ResidentStatus,
} from '@healthcode/shared'
import { newEventId, type RatingChangedRecord } from '../audit/records'
import { codeOf } from '../codes/service'
import { ratingOf } from '../facts/rating'
import { fromStored } from '../facts/records'
import type { FieldError } from '../http/types'
import { rateAt, retained as retainedDeclarations } from '../rating/service'
import type { Resident, StoredDeclaration } from '../storage/residents'
import { MAX_ATTEMPTS, type HouseholdDependencies } from './deps'
import { findGuardianship, residentOf } from './dependents'
import { statusWithNotes } from './status'

// What a guardian does for a dependent: fetch the dependent's personal
// code and answer the questionnaire for them.

export type DependentCodeResult =
  | { kind: 'ok'; code: CodeResponse }
  | { kind: 'questionnaire_required' }
  | { kind: 'not_found' }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

export type DependentDeclarationResult =
  | { kind: 'ok'; status: ResidentStatus }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'not_found' }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

/**
 * Signs a dependent's personal code for one of their guardians, in the
 * same token shape as the resident's own code.
 */
export async function dependentCode(
  deps: HouseholdDependencies,
  input: { accountId: string; dependentId: string; now: Date },
): Promise<DependentCodeResult> {
  const found = await findGuardianship(deps, input)
  if (found.kind !== 'ok') return found
  const code = codeOf(deps, found.dependent, input.now)
  switch (code.kind) {
    case 'ok':
      deps.logger.info('Dependent code issued', {
        accountId: input.accountId,
        residentId: found.dependent.residentId,
      })
      return code
    case 'questionnaire_required':
      return code
    case 'not_registered':
    case 'unknown_account':
      throw new Error('Signing a found resident reported no resident')
  }
}

/**
 * Records a guardian's answers for a dependent, as the resident's own
 * questionnaire route records theirs, and returns the new status. A color
 * change is audited with the guardian's account as the actor.
 */
export async function declareForDependent(
  deps: HouseholdDependencies,
  input: {
    accountId: string
    dependentId: string
    answers: Record<string, Answer>
    language: Language
    now: Date
  },
): Promise<DependentDeclarationResult> {
  const found = await findGuardianship(deps, input)
  if (found.kind !== 'ok') return found
  const validated = validateAnswers(deps.rules, input.answers)
  if (validated.kind === 'invalid') {
    return {
      kind: 'invalid',
      errors: validated.errors.map((error) => ({
        field: error.field,
        code: error.problem,
      })),
    }
  }
  const declaration: StoredDeclaration = {
    answers: validated.answers,
    answeredAt: input.now.toISOString(),
  }
  let dependent = found.dependent
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const saved = await saveDeclaration(deps, {
      ...input,
      dependent,
      declaration,
    })
    if (saved !== null) {
      const status = await statusWithNotes(
        deps,
        dependent.residentId,
        saved,
        input.language,
        input.now,
      )
      return { kind: 'ok', status }
    }
    dependent = await residentOf(deps, dependent.residentId)
  }
  throw new Error(
    `Declaration not saved after ${MAX_ATTEMPTS} concurrent changes`,
  )
}

// Saves the declaration if the dependent is still at the version read,
// returning the new rating, or null on a concurrent change.
async function saveDeclaration(
  deps: HouseholdDependencies,
  input: {
    accountId: string
    dependent: Resident
    declaration: StoredDeclaration
    now: Date
  },
): Promise<Rating | null> {
  const { dependent, now } = input
  const before = rateAt(deps.rules, dependent, now)
  const declarations = retainedDeclarations(
    deps.rules,
    [...dependent.declarations, input.declaration],
    now,
  )
  const records = (dependent.facts ?? []).map(fromStored)
  const after = ratingOf(deps.rules, declarations, records, now)
  if (after === null) throw new Error('A declared resident is unrated')
  const audit =
    before?.color === after.color
      ? null
      : ratingChange({ ...input, before, after })
  const saved = await deps.ratings.saveDeclarations({
    residentId: dependent.residentId,
    declarations,
    expectedVersion: dependent.version,
    audit,
  })
  if (saved === 'conflict') return null
  if (audit !== null) {
    deps.logger.info('Rating changed', {
      residentId: dependent.residentId,
      eventId: audit.eventId,
      source: audit.source,
    })
  }
  return after
}

function ratingChange(input: {
  accountId: string
  dependent: Resident
  before: Rating | null
  after: Rating
  now: Date
}): RatingChangedRecord {
  return {
    residentId: input.dependent.residentId,
    eventId: newEventId(input.now),
    kind: 'rating_changed',
    at: input.now.toISOString(),
    actor: { accountId: input.accountId, role: 'resident' },
    source: 'questionnaire',
    before: input.before?.color ?? null,
    after: input.after.color,
    rules: [...new Set(input.after.reasons.map((reason) => reason.rule))],
    rulesVersion: input.after.rulesVersion,
  }
}
