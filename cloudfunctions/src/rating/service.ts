import {
  evaluate,
  ratingToStatus,
  validateAnswers,
  type Answer,
  type CityRules,
  type Facts,
  type Language,
  type Rating,
  type ResidentStatus,
  type Role,
} from '@healthcode/shared'
import { randomId } from '../auth/session'
import type { AppLogger } from '../http/handler'
import type { FieldError } from '../http/types'
import type { AccountStore } from '../storage/accounts'
import {
  findSignedInResident,
  type Resident,
  type StoredDeclaration,
} from '../storage/residents'
import type { AuditRecord, RatingRepository } from './repository'

const DAY_MS = 86_400_000
// Maximum read-and-write attempts before a declaration gives up on
// concurrent changes of the same resident.
const MAX_WRITE_ATTEMPTS = 3

export type RatingService = {
  declare(input: {
    accountId: string
    role: Role
    answers: Record<string, Answer>
    language: Language
    now: Date
  }): Promise<DeclarationResult>
  status(input: {
    accountId: string
    language: Language
    now: Date
  }): Promise<StatusResult>
}

export type DeclarationResult =
  | { kind: 'ok'; status: ResidentStatus }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

export type StatusResult =
  | { kind: 'ok'; status: ResidentStatus }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

export type RatingDependencies = {
  rules: CityRules
  ratings: RatingRepository
  accounts: AccountStore
  logger: AppLogger
}

export function factsOf(declarations: readonly StoredDeclaration[]): Facts {
  return {
    declarations: declarations.map((declaration) => ({
      answers: declaration.answers,
      answeredAt: new Date(declaration.answeredAt),
    })),
  }
}

/**
 * Rates a resident at `now`, or returns null when they never declared.
 * The color depends on the time of the request, so it turns green when
 * its period ends without any job rewriting stored data.
 */
export function rateAt(
  rules: CityRules,
  resident: Resident,
  now: Date,
): Rating | null {
  if (resident.declarations.length === 0) return null
  return evaluate(rules, factsOf(resident.declarations), now)
}

export function createRatingService(deps: RatingDependencies): RatingService {
  return {
    declare: (input) => declare(deps, input),
    status: async (input) => {
      const found = await findSignedInResident(deps.accounts, input.accountId)
      if (found.kind !== 'ok') return { kind: found.kind }
      const rating = rateAt(deps.rules, found.resident, input.now)
      const status: ResidentStatus =
        rating === null
          ? { rated: false }
          : ratingToStatus(rating, input.language, input.now)
      return { kind: 'ok', status }
    },
  }
}

async function declare(
  deps: RatingDependencies,
  input: {
    accountId: string
    role: Role
    answers: Record<string, Answer>
    language: Language
    now: Date
  },
): Promise<DeclarationResult> {
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
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
    const found = await findSignedInResident(deps.accounts, input.accountId)
    if (found.kind !== 'ok') return { kind: found.kind }
    const resident = found.resident
    const before = rateAt(deps.rules, resident, input.now)
    const declarations = retained(deps.rules, [
      ...resident.declarations,
      declaration,
    ], input.now)
    const after = evaluate(deps.rules, factsOf(declarations), input.now)
    const audit =
      before?.color === after.color
        ? null
        : auditRecord({ ...input, resident, before, after })
    const saved = await deps.ratings.saveDeclarations({
      residentId: resident.residentId,
      declarations,
      expectedVersion: resident.version,
      audit,
    })
    if (saved === 'saved') {
      if (audit !== null) {
        deps.logger.info('Rating changed', {
          residentId: resident.residentId,
          eventId: audit.eventId,
        })
      }
      return {
        kind: 'ok',
        status: ratingToStatus(after, input.language, input.now),
      }
    }
  }
  throw new Error(
    `Declaration not saved after ${MAX_WRITE_ATTEMPTS} concurrent changes`,
  )
}

// Keeps the declarations that can still yield a reason, which bounds the
// resident item's size. A reason ends `days + 1` calendar days after the
// start of its declaration's day. So under the current rules, anything
// older than the longest color plus two days has no effect.
// NOTE: rules that later lengthen a color do not bring back declarations
// dropped here.
function retained(
  rules: CityRules,
  declarations: StoredDeclaration[],
  now: Date,
): StoredDeclaration[] {
  const longestDays = Math.max(rules.colors.yellow.days, rules.colors.red.days)
  const oldest = now.getTime() - (longestDays + 2) * DAY_MS
  return declarations.filter(
    (declaration) => new Date(declaration.answeredAt).getTime() >= oldest,
  )
}

function auditRecord(input: {
  accountId: string
  role: Role
  now: Date
  resident: Resident
  before: Rating | null
  after: Rating
}): AuditRecord {
  const at = input.now.toISOString()
  return {
    residentId: input.resident.residentId,
    eventId: `${at}#${randomId()}`,
    kind: 'rating_changed',
    at,
    actor: { accountId: input.accountId, role: input.role },
    source: 'questionnaire',
    before: input.before?.color ?? null,
    after: input.after.color,
    rules: [...new Set(input.after.reasons.map((reason) => reason.rule))],
    rulesVersion: input.after.rulesVersion,
  }
}
