import {
  cityDate,
  guardPolicyOf,
  verdictOf,
  verdictText,
  type CityRules,
  type Color,
  type GuardPolicy,
  type Language,
  type VerdictCode,
  type VerifyResponse,
} from '@healthcode/shared'
import { randomId } from '../auth/session'
import { timeSortKey, venueDayKey } from '../checkins/keys'
import type { RecordDependencies } from '../checkins/record'
import type { CheckinRepository } from '../checkins/repository'
import type { TokenKeys } from '../config/keys'
import type { AppLogger } from '../http/handler'
import { rateAt } from '../rating/service'
import type { AccountStore } from '../storage/accounts'
import { epochSeconds } from '../storage/dynamo'
import type { IdempotentRunner } from '../storage/idempotency'
import type { PiiProtector } from '../storage/pii'
import { getResident, type Resident } from '../storage/residents'
import type { StoredVenue, VenueRepository } from '../venues/repository'
import type { CheckpointEvent, CheckpointRepository } from './repository'

const DAY_MS = 86_400_000

export type CheckpointDependencies = RecordDependencies & {
  rules: CityRules
  keys: TokenKeys
  venues: VenueRepository
  accounts: AccountStore
  checkpoint: CheckpointRepository
  checkins: CheckinRepository
  pii: PiiProtector
  logger: AppLogger
  idempotency: IdempotentRunner
}

// The finding of a verification, before it is recorded and worded.
export type Outcome = {
  code: VerdictCode
  color?: Color
  resident?: Resident
}

/** Reads a venue the account guards, or null. */
export async function findGuardedVenue(
  deps: Pick<CheckpointDependencies, 'venues'>,
  accountId: string,
  venueId: string,
): Promise<StoredVenue | null> {
  const venue = await deps.venues.get(venueId)
  if (venue === null) return null
  return venue.guardAccountIds?.includes(accountId) === true ? venue : null
}

export function policyOf(
  deps: Pick<CheckpointDependencies, 'rules'>,
  venue: StoredVenue,
): GuardPolicy {
  return guardPolicyOf(deps.rules, venue.policy)
}

export async function residentById(
  deps: Pick<CheckpointDependencies, 'accounts'>,
  residentId: string | null,
): Promise<Resident | null> {
  if (residentId === null) return null
  const { db, tables } = deps.accounts
  return getResident(db, tables.residents, residentId)
}

/**
 * Judges a known resident by their color at `at`: no declaration yet is
 * NOT_REGISTERED, a color the city denies is DENY_COLOR, a fever is
 * FEVER, and anything else passes on to the caller's last check.
 */
export function judgeResident(
  deps: Pick<CheckpointDependencies, 'rules'>,
  input: {
    resident: Resident
    policy: GuardPolicy
    fever: boolean
    at: Date
  },
): Outcome | { code: 'ALLOW'; color: Color; resident: Resident } {
  const { resident } = input
  const rating = rateAt(deps.rules, resident, input.at)
  if (rating === null) return { code: 'NOT_REGISTERED', resident }
  const color = rating.color
  if (input.policy.denyColors.includes(color)) {
    return { code: 'DENY_COLOR', color, resident }
  }
  if (input.fever) return { code: 'FEVER', color, resident }
  return { code: 'ALLOW', color, resident }
}

type EventInput = {
  venue: StoredVenue
  guardAccountId: string
  source: CheckpointEvent['source']
  outcome: Outcome
  temperature: number | undefined
  at: Date
}

/**
 * Records a verification as a checkpoint event of the venue and words
 * it for the guard.
 */
export async function conclude(
  deps: Pick<CheckpointDependencies, 'rules' | 'checkpoint' | 'logger'>,
  input: EventInput & { now: Date; language: Language },
): Promise<VerifyResponse> {
  await recordEvent(deps, input)
  return responseOf(input.venue, input.outcome, input.now, input.language)
}

/**
 * Records a verification as a checkpoint event of the venue. The event
 * contains the resident's id, never their name or document.
 */
export async function recordEvent(
  deps: Pick<CheckpointDependencies, 'rules' | 'checkpoint' | 'logger'>,
  input: EventInput,
): Promise<void> {
  const { venue, outcome, at } = input
  const eventId = randomId()
  const verdict = verdictOf(outcome.code)
  const event: CheckpointEvent = {
    pk: venueDayKey(venue.venueId, cityDate(at, deps.rules.timeZone)),
    sk: timeSortKey(at, eventId),
    eventId,
    venueId: venue.venueId,
    at: at.toISOString(),
    guardAccountId: input.guardAccountId,
    source: input.source,
    verdict,
    code: outcome.code,
    color: outcome.color,
    temperature: input.temperature,
    residentId: outcome.resident?.residentId,
    ttl: epochSeconds(
      new Date(at.getTime() + deps.rules.retention.checkinDays * DAY_MS),
    ),
  }
  await deps.checkpoint.putEvent(event)
  deps.logger.info('Checkpoint verification', {
    venueId: venue.venueId,
    eventId,
    code: outcome.code,
  })
}

export function responseOf(
  venue: StoredVenue,
  outcome: Outcome,
  now: Date,
  language: Language,
): VerifyResponse {
  const response: VerifyResponse = {
    verdict: verdictOf(outcome.code),
    code: outcome.code,
    venueName: venue.name,
    checkedAt: now.toISOString(),
    message: verdictText(outcome.code, language),
  }
  if (outcome.color !== undefined) response.color = outcome.color
  if (outcome.resident !== undefined) {
    response.maskedName = outcome.resident.maskedName
    if (venue.policy.recordDocument) {
      response.maskedDocument = outcome.resident.maskedDocument
    }
  }
  return response
}
