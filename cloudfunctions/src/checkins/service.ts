import type {
  CheckinRequest,
  CheckinResponse,
  CheckinView,
} from '@healthcode/shared'
import type { TokenKeys } from '../config/keys'
import { rateAt } from '../rating/service'
import type { AccountStore } from '../storage/accounts'
import { epochSeconds } from '../storage/dynamo'
import type { IdempotentRunner } from '../storage/idempotency'
import { findSignedInResident, type Resident } from '../storage/residents'
import {
  checkVenueCodeSignature,
  codeVersionStatus,
  type VenueCodeConfig,
} from '../venues/codes'
import type { StoredVenue, VenueRepository } from '../venues/repository'
import { issuePass } from './pass'
import { checkinView, recordCheckin, type RecordDependencies } from './record'

// Maximum check-ins GET /v1/residents/me/checkins returns. The city keeps
// them for retention.checkinDays, and few people check in more than a few
// times a day.
// NOTE: older check-ins within the retention period are not listed,
// because the route has no paging yet.
export const MAX_HISTORY_ITEMS = 100

export type CheckinDependencies = RecordDependencies & {
  accounts: AccountStore
  venues: VenueRepository
  codes: VenueCodeConfig
  keys: TokenKeys
  idempotency: IdempotentRunner
}

export type CheckInResult =
  | { kind: 'ok'; status: 200 | 201; response: CheckinResponse }
  | { kind: 'venue_code_invalid' }
  | { kind: 'venue_code_rotated' }
  | { kind: 'not_registered' }
  | { kind: 'questionnaire_required' }
  | { kind: 'unknown_account' }
  | { kind: 'idempotency_key_reused' }
  | { kind: 'idempotency_in_progress' }

type RecordedCheckin = { status: 200 | 201; response: CheckinResponse }

export type VenueCodeResult =
  | { kind: 'ok'; venue: StoredVenue }
  | { kind: 'venue_code_invalid' }
  | { kind: 'venue_code_rotated' }

/**
 * Finds the venue of a scanned code. A tampered code, one of another
 * stage or city, a random URL and text that is not ASCII are all
 * invalid. A replaced code is rotated once the grace period has ended.
 */
export async function resolveVenueCode(
  deps: Pick<CheckinDependencies, 'codes' | 'venues' | 'rules'>,
  text: string,
  now: Date,
): Promise<VenueCodeResult> {
  const signed = checkVenueCodeSignature(deps.codes, text)
  if (signed.kind === 'invalid') return { kind: 'venue_code_invalid' }
  const venue = await deps.venues.get(signed.venueId)
  if (venue === null) return { kind: 'venue_code_invalid' }
  const graceHours = deps.rules.venueCodes.rotationGraceHours
  switch (codeVersionStatus(venue, signed.version, graceHours, now)) {
    case 'current':
    case 'in_grace':
      return { kind: 'ok', venue }
    case 'rotated':
      return { kind: 'venue_code_rotated' }
    case 'unknown':
      return { kind: 'venue_code_invalid' }
  }
}

/**
 * Checks a registered, rated resident in at the venue of a scanned code
 * and returns the check-in with a one-time pass. With an Idempotency-Key,
 * a retry returns the same check-in and the same pass. Without one, a
 * scan within the default stay returns the first check-in with a new pass.
 */
export async function checkIn(
  deps: CheckinDependencies,
  input: {
    accountId: string
    request: CheckinRequest
    idempotencyKey: string | null
    now: Date
  },
): Promise<CheckInResult> {
  const code = await resolveVenueCode(deps, input.request.code, input.now)
  if (code.kind !== 'ok') return code
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  const resident = found.resident
  if (rateAt(deps.rules, resident, input.now) === null) {
    return { kind: 'questionnaire_required' }
  }

  const work = () =>
    recordAndIssuePass(deps, { ...input, resident, venue: code.venue })
  if (input.idempotencyKey === null) return { kind: 'ok', ...(await work()) }
  const result = await deps.idempotency(
    {
      accountId: input.accountId,
      key: input.idempotencyKey,
      body: input.request,
    },
    work,
  )
  switch (result.kind) {
    case 'ok':
      return { kind: 'ok', ...result.value }
    case 'reused':
      return { kind: 'idempotency_key_reused' }
    case 'in_progress':
      return { kind: 'idempotency_in_progress' }
  }
}

async function recordAndIssuePass(
  deps: CheckinDependencies,
  input: {
    request: CheckinRequest
    resident: Resident
    venue: StoredVenue
    now: Date
  },
): Promise<RecordedCheckin> {
  const { resident, venue, now } = input
  const recorded = await recordCheckin(deps, {
    residentId: resident.residentId,
    venue,
    at: now,
    now,
    source: 'scan',
    clientTime: input.request.clientTime,
    clientLocation: input.request.location,
  })
  const rating = rateAt(deps.rules, resident, now)
  if (rating === null) throw new Error('A rated resident lost the rating')
  const pass = issuePass(deps, {
    codeRef: resident.codeRef,
    color: rating.color,
    venueId: venue.venueId,
    now,
  })
  return {
    status: recorded.kind === 'created' ? 201 : 200,
    response: { checkin: checkinView(recorded.checkin), pass },
  }
}

export type HistoryResult =
  | { kind: 'ok'; items: CheckinView[] }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

/** Lists the resident's own check-ins, newest first. */
export async function checkinHistory(
  deps: CheckinDependencies,
  input: { accountId: string; now: Date },
): Promise<HistoryResult> {
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  const checkins = await deps.checkins.listByResident(
    found.resident.residentId,
    epochSeconds(input.now),
    MAX_HISTORY_ITEMS,
  )
  return { kind: 'ok', items: checkins.map(checkinView) }
}

export type CheckinResult =
  | { kind: 'ok'; checkin: CheckinView }
  | { kind: 'not_found' }
  | { kind: 'unknown_account' }

/**
 * Reads one of the caller's own check-ins. Anyone else's, and one past
 * its retention, is not found.
 */
export async function getCheckin(
  deps: CheckinDependencies,
  input: { accountId: string; checkinId: string; now: Date },
): Promise<CheckinResult> {
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind === 'unknown_account') return found
  if (found.kind === 'not_registered') return { kind: 'not_found' }
  const checkin = await deps.checkins.findByResident(
    found.resident.residentId,
    input.checkinId,
    epochSeconds(input.now),
  )
  return checkin === null
    ? { kind: 'not_found' }
    : { kind: 'ok', checkin: checkinView(checkin) }
}
