import {
  ratingToStatus,
  validateAnswers,
  type Answer,
  type CityRules,
  type Language,
  type Rating,
  type ResidentStatus,
  type Role,
} from '@healthcode/shared'
import { appealNotes, withNotes } from '../appeals/notes'
import type { AppealRepository } from '../appeals/repository'
import { newEventId, type RatingChangedRecord } from '../audit/records'
import { ratingOf } from '../facts/rating'
import { fromStored } from '../facts/records'
import type { AppLogger } from '../http/handler'
import type { FieldError } from '../http/types'
import type { AccountStore } from '../storage/accounts'
import {
  findSignedInResident,
  type Resident,
  type StoredDeclaration,
} from '../storage/residents'
import type { RatingRepository } from './repository'

const DAY_MS = 86_400_000
// Maximum read-and-write attempts before a declaration gives up on
// concurrent changes of the same resident, such as facts the matcher
// appends at the same moment.
const MAX_WRITE_ATTEMPTS = 8

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
  // Appeals of the resident, whose decisions the status notes. Without
  // it, statuses carry no appeal notes.
  appeals?: Pick<AppealRepository, 'listByResident'>
}

/**
 * Rates a resident at `now` from their declarations and every other fact,
 * or returns null while they are unrated (see `ratingOf`). The color
 * depends on the time of the request, so it turns green when its period
 * ends without any job rewriting stored data.
 */
export function rateAt(
  rules: CityRules,
  resident: Resident,
  now: Date,
): Rating | null {
  return ratingOf(rules, resident.declarations, recordsOf(resident), now)
}

function recordsOf(resident: Resident) {
  return (resident.facts ?? []).map(fromStored)
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
      return {
        kind: 'ok',
        status: await withAppealNotes(deps, found.resident, status, input),
      }
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
    const after = ratingOf(
      deps.rules,
      declarations,
      recordsOf(resident),
      input.now,
    )
    if (after === null) throw new Error('A declared resident is unrated')
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
      const status = ratingToStatus(after, input.language, input.now)
      return {
        kind: 'ok',
        status: await withAppealNotes(deps, resident, status, input),
      }
    }
  }
  throw new Error(
    `Declaration not saved after ${MAX_WRITE_ATTEMPTS} concurrent changes`,
  )
}

// Appends a note per decided appeal whose contested reasons would still
// run, so the resident reads why a reason vanished or stayed.
async function withAppealNotes(
  deps: RatingDependencies,
  resident: Resident,
  status: ResidentStatus,
  input: { language: Language; now: Date },
): Promise<ResidentStatus> {
  if (deps.appeals === undefined || !status.rated) return status
  const appeals = await deps.appeals.listByResident(resident.residentId)
  const { language, now } = input
  return withNotes(
    status,
    appealNotes(appeals, deps.rules.timeZone, language, now),
  )
}

// Keeps the declarations that can still yield a reason, which bounds the
// resident item's size. A reason ends `days + 1` calendar days after the
// start of its declaration's day. So under the current rules, anything
// older than the longest color plus two days has no effect.
// NOTE: rules that later lengthen a color do not bring back declarations
// dropped here.
export function retained(
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
}): RatingChangedRecord {
  return {
    residentId: input.resident.residentId,
    eventId: newEventId(input.now),
    kind: 'rating_changed',
    at: input.now.toISOString(),
    actor: { accountId: input.accountId, role: input.role },
    source: 'questionnaire',
    before: input.before?.color ?? null,
    after: input.after.color,
    rules: [...new Set(input.after.reasons.map((reason) => reason.rule))],
    rulesVersion: input.after.rulesVersion,
  }
}
