import {
  cityDate,
  type CheckinSource,
  type CheckinView,
  type CityRules,
  type Coordinates,
} from '@healthcode/shared'
import { randomId } from '../auth/session'
import type { AppLogger } from '../http/handler'
import { epochSeconds } from '../storage/dynamo'
import type { StoredVenue } from '../venues/repository'
import { flagsOf } from './flags'
import { presenceKey, timeSortKey, venueDayKey } from './keys'
import type { CheckinRepository, Presence, StoredCheckin } from './repository'

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000
// Write attempts against concurrent check-ins of the same resident at the
// same venue. Each attempt after a conflict reads the winner's presence,
// so a few attempts are enough even for a burst of double taps.
const MAX_ATTEMPTS = 8
const RETRY_DELAY_MS = 25

export type RecordDependencies = {
  rules: CityRules
  checkins: CheckinRepository
  logger: AppLogger
}

export type RecordInput = {
  residentId: string
  venue: StoredVenue
  // Server time of the check-in (the device's time for offline guards).
  at: Date
  // Server time of the request, for retention checks.
  now: Date
  source: CheckinSource
  guardAccountId?: string
  clientTime?: string
  clientLocation?: Coordinates
}

export type RecordResult = {
  kind: 'created' | 'existing'
  checkin: StoredCheckin
}

/**
 * Records a check-in, or returns the resident's check-in at the venue
 * that is still within the city's default stay. A presence item per
 * resident and venue, written in one transaction with the check-in under
 * a condition, makes concurrent scans record one check-in: the losers
 * read the winner's.
 */
export async function recordCheckin(
  deps: RecordDependencies,
  input: RecordInput,
): Promise<RecordResult> {
  const nowSeconds = epochSeconds(input.now)
  const key = presenceKey(input.residentId, input.venue.venueId)
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const present = await findPresentCheckin(deps, key, input.at, nowSeconds)
    if (present !== null) return { kind: 'existing', checkin: present }

    const checkin = await newCheckin(deps, input, nowSeconds)
    const presence = presenceOf(deps.rules, key, checkin, input.at)
    const outcome = await deps.checkins.putWithPresence(
      checkin,
      presence,
      input.at.getTime(),
    )
    if (outcome === 'created') {
      deps.logger.info('Checked in', {
        checkinId: checkin.checkinId,
        venueId: checkin.venueId,
        source: checkin.source,
      })
      return { kind: 'created', checkin }
    }
    await delay(RETRY_DELAY_MS * attempt * (0.5 + Math.random()))
  }
  throw new Error(
    `Check-in not recorded after ${MAX_ATTEMPTS} concurrent attempts`,
  )
}

async function findPresentCheckin(
  deps: RecordDependencies,
  key: string,
  at: Date,
  nowSeconds: number,
): Promise<StoredCheckin | null> {
  const presence = await deps.checkins.getPresence(key)
  if (presence === null || presence.until <= at.getTime()) return null
  const checkin = await deps.checkins.get(
    presence.checkinPk,
    presence.checkinSk,
    nowSeconds,
  )
  if (checkin === null) {
    throw new Error(`Check-in of presence ${presence.checkinSk} is missing`)
  }
  return checkin
}

async function newCheckin(
  deps: RecordDependencies,
  input: RecordInput,
  nowSeconds: number,
): Promise<StoredCheckin> {
  const { rules } = deps
  const position = input.venue.location ?? rounded(input.clientLocation)
  const previous = await deps.checkins.latestBefore(
    input.residentId,
    input.at,
    nowSeconds,
  )
  const flags = flagsOf(rules, {
    at: input.at,
    position,
    previous:
      previous === null
        ? null
        : { at: new Date(previous.at), position: previous.position },
    clientTime:
      input.clientTime === undefined ? undefined : new Date(input.clientTime),
  })
  const checkinId = randomId()
  const expiresAt = new Date(
    input.at.getTime() + rules.retention.checkinDays * DAY_MS,
  )
  return {
    pk: venueDayKey(input.venue.venueId, cityDate(input.at, rules.timeZone)),
    sk: timeSortKey(input.at, checkinId),
    checkinId,
    venueId: input.venue.venueId,
    venueName: input.venue.name,
    venueType: input.venue.type,
    residentId: input.residentId,
    at: input.at.toISOString(),
    source: input.source,
    guardAccountId: input.guardAccountId,
    flags,
    position,
    clientTime: input.clientTime,
    ttl: epochSeconds(expiresAt),
  }
}

function presenceOf(
  rules: CityRules,
  key: string,
  checkin: StoredCheckin,
  at: Date,
): Presence {
  const until = at.getTime() + rules.checkin.defaultStayMinutes * MINUTE_MS
  return {
    pk: key,
    checkinPk: checkin.pk,
    checkinSk: checkin.sk,
    until,
    ttl: epochSeconds(new Date(until)),
  }
}

// Three decimals of a degree are about 100 m: enough for the travel
// check, and no more precise than that.
function rounded(location: Coordinates | undefined): Coordinates | undefined {
  if (location === undefined) return undefined
  const round = (value: number) => Math.round(value * 1000) / 1000
  return { lat: round(location.lat), lng: round(location.lng) }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export function checkinView(checkin: StoredCheckin): CheckinView {
  return {
    id: checkin.checkinId,
    venueId: checkin.venueId,
    venueName: checkin.venueName,
    venueType: checkin.venueType,
    at: checkin.at,
    flags: checkin.flags,
    source: checkin.source,
  }
}
